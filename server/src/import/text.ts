import type { OfficeDocument, Paragraph, TextRun } from '../core/import/model.js';

/**
 * Plain text extracted from a PDF (like shared/seeds): one paragraph of the
 * model per line. Markup some converters leave is read as formatting:
 * `**…**` on one line is bold, `<sup>n</sup>` is a raised reference, and a
 * leading `#`/`##` is dropped (the importer finds headings by their numbering).
 * Single `*…*` stays as written: it is Markdown emphasis in the dialect too.
 */
export function readText(text: string): OfficeDocument {
  const source = text.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
  const lines = source.split('\n').map((line, index) => ({ text: line, line: index + 1 }));
  const blocks: Paragraph[] = closingInReadingOrder(lines).map(({ text: line, line: number }) => ({
    kind: 'paragraph',
    runs: textRuns(line.replace(/^\s*#{1,6}\s+/u, '')),
    source: { line: number },
  }));
  return { format: 'txt', layout: 'lines', blocks, footnotes: [], notes: [] };
}

interface SourceLine {
  text: string;
  line: number;
}

/** "Nơi nhận:" and, after a gap of spaces, text of the other column on the same line. */
const RECIPIENTS_BESIDE = /^\s*(?:\*\*)?Nơi nhận(?:\*\*)?\s*:?(?:\*\*)?( {4,})\S/u;
/** A gap this wide between two pieces of a line separates columns (pdftotext -layout pads them with spaces). */
const COLUMN_GAP = / {4,}(?=\S)/gu;

/**
 * Text laid out as the page was (`pdftotext -layout`) puts "Nơi nhận" and
 * the signature side by side on the same lines. As the PDF reader does, the
 * closing is read column by column: the recipients, then the signature (with
 * the lines just above "Nơi nhận" that sit wholly in the right column). Text
 * that is not laid out so is returned as it is.
 */
function closingInReadingOrder(lines: SourceLine[]): SourceLine[] {
  const at = lines.findIndex((line) => RECIPIENTS_BESIDE.test(line.text));
  if (at < 0) return lines;
  const gap = RECIPIENTS_BESIDE.exec(lines[at]!.text)!;
  const centre = gap.index + gap[0].length - 1;
  const inRight = (line: string) => line.trim() !== '' && line.length - line.trimStart().length >= centre - 2;
  let start = at;
  while (start > 0 && inRight(lines[start - 1]!.text)) start--;
  const left: SourceLine[] = [];
  const right: SourceLine[] = [];
  for (const line of lines.slice(start)) {
    if (inRight(line.text)) {
      right.push({ text: line.text.trim(), line: line.line });
      continue;
    }
    const split = [...line.text.matchAll(COLUMN_GAP)].find((match) => match.index + match[0].length >= centre - 2);
    if (!split) {
      left.push(line);
      continue;
    }
    left.push({ text: line.text.slice(0, split.index), line: line.line });
    right.push({ text: line.text.slice(split.index).trim(), line: line.line });
  }
  return [...lines.slice(0, start), ...left, { text: '', line: right[0]?.line ?? lines.length }, ...right];
}

const MARKUP = /\*\*(.+?)\*\*|<sup>\s*(\d{1,3})\s*<\/sup>/gu;

function textRuns(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of line.matchAll(MARKUP)) {
    if (match.index > last) runs.push({ text: line.slice(last, match.index) });
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true });
    else runs.push({ text: match[2]!, superscript: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last) });
  return runs;
}
