import type { Span } from './types.js';

/**
 * micromark (the Markdown parser) spends time quadratic in the number of
 * setext headings ("Tiêu đề" over a line of "=" or "-") in one container:
 * 4,000 of them ('x\n=\n' repeated, 16 KB) take 16 s. Notices write headings
 * with "#"; real ones have none or a few. Beyond this many underline lines,
 * the parser reads the further ones as blank lines (their text stays a
 * paragraph), which keeps the cost linear; the analysis says so in one
 * finding (internal/parse-limit).
 */
export const SETEXT_UNDERLINE_LIMIT = 100;

const isBlankCode = (code: number) => code === 32 || code === 9 || code === 62; // space, tab, ">" (a quote marker alone)

/**
 * The "=" or "-" runs of the lines that could underline a setext heading
 * (after quote markers and up to 3 spaces, only "=" or only "-", then spaces;
 * the line before is not blank), beyond the first SETEXT_UNDERLINE_LIMIT.
 * One pass over the text.
 */
export function excessSetextUnderlines(text: string, from: number): Span[] {
  const excess: Span[] = [];
  let seen = 0;
  let previousBlank = true;
  let start = from;
  // The closing "---" of the front matter underlines nothing.
  if (/^---[ \t]*(?:\r\n|\r|\n)/u.test(text.slice(from, from + 8))) {
    const closer = /^---[ \t]*$/mu;
    const match = closer.exec(text.slice(from + 3));
    if (match) start = from + 3 + match.index + match[0].length;
  }
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let at = start;
    // Quote markers (">", each with spaces around), then the indent of at most 3 spaces.
    for (;;) {
      let spaces = 0;
      while (at < end && spaces < 3 && text.charCodeAt(at) === 32) { at++; spaces++; }
      if (at < end && text.charCodeAt(at) === 62) at++;
      else break;
    }
    const marker = text.charCodeAt(at);
    let blank = true;
    if (marker === 61 || marker === 45) { // "=" "-"
      let run = at;
      while (run < end && text.charCodeAt(run) === marker) run++;
      let rest = run;
      while (rest < end && (text.charCodeAt(rest) === 32 || text.charCodeAt(rest) === 9)) rest++;
      if (rest === end && !previousBlank && ++seen > SETEXT_UNDERLINE_LIMIT) excess.push({ start: at, end: run });
      blank = false;
    } else {
      for (let i = at; i < end && blank; i++) blank = isBlankCode(text.charCodeAt(i));
    }
    previousBlank = blank;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return excess;
}

/** The text with the given spans turned into spaces (line breaks kept): same length, so offsets agree. */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, cursor);
    if (span.end <= start) continue;
    parts.push(text.slice(cursor, start), text.slice(start, span.end).replace(/[^\r\n]/gu, ' '));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
