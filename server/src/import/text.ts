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
  const blocks: Paragraph[] = source.split('\n').map((line, index) => ({
    kind: 'paragraph',
    runs: textRuns(line.replace(/^\s*#{1,6}\s+/u, '')),
    source: { line: index + 1 },
  }));
  return { format: 'txt', layout: 'lines', blocks, footnotes: [], notes: [] };
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
