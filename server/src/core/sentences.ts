import type { Span } from './types.js';

/**
 * Sentences of a text (the model's prose): spans ended by ".", ";", "!", "?"
 * before a space or the end, or by a blank line. A fix that reads its
 * sentence (is the replacement already named there? is it about the past?)
 * finds it with `sentenceAt`, one binary search.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const END = /[.;!?](?=\s|$)|\n[ \t]*(?:\r?\n|\r)|\r[ \t]*\r/gu;
  for (const match of text.matchAll(END)) {
    const end = match.index! + match[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** The sentence holding an offset. */
export function sentenceAt(spans: readonly Span[], offset: number): Span | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return span;
  }
  return undefined;
}

/** "năm 2023", "ngày 05/3/2023", "tháng 10/2023": the years a sentence names as dates. */
const YEAR = /(?:(?:năm|Năm|NĂM)\s+|\d{1,2}[/.-]\d{1,2}[/.-]|tháng\s+\d{1,2}[/.-])(\d{4})(?!\d)/gu;
/**
 * Words that place a sentence in the past, or name a body as it was: "trước đây", "nguyên Bộ trưởng" (a title
 * after it; never the "nguyên" of "Tài nguyên và Môi trường"), "Bộ … (cũ)".
 */
const PAST = /(?:^|[^\p{L}\p{M}])(?:[Tt]rước đây|[Tt]rước đó|[Kk]hi đó|[Ll]úc đó|[Tt]hời điểm đó|[Tt]hời kỳ|(?<![Tt]ài\s)[Nn]guyên(?=\s+\p{Lu})|[Đđ]ã từng)(?![\p{L}\p{M}])|\(\s*cũ\s*\)/u;

/** True when a sentence says "trước đây", "khi đó", "nguyên …", "(cũ)": its names are as they were then. */
export function namesThePast(sentence: string): boolean {
  return PAST.test(sentence);
}

/**
 * True when a sentence speaks of a time before `beforeYear`: it names an
 * earlier year as a date, or says "trước đây", "nguyên …", "(cũ)". A name
 * in such a sentence is as it was then; replacing it would change the facts.
 */
export function speaksOfThePast(sentence: string, beforeYear: number): boolean {
  if (namesThePast(sentence)) return true;
  for (const match of sentence.matchAll(YEAR)) if (Number(match[1]) < beforeYear) return true;
  return false;
}
