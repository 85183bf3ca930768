import { isBreak, type Alignment, type LineGeometry, type OfficeDocument, type Paragraph, type SourcePosition, type TextRun } from './model.js';

/**
 * One printed line of the document, the unit the recogniser works on: a
 * paragraph of a .docx/.html split at its line breaks, or a line of a PDF or
 * text file. Runs keep their formatting; text is their plain concatenation.
 */
export interface Line {
  runs: TextRun[];
  text: string;
  /** Every letter is bold / italic (ignoring spaces and punctuation). */
  bold: boolean;
  italic: boolean;
  align?: Alignment;
  source: SourcePosition;
  geometry?: LineGeometry;
  /** The table cell holding the line: table index, row and column. */
  cell?: { table: number; row: number; column: number };
  /**
   * True when the line begins a paragraph of the source (layout "paragraphs"),
   * false after a line break inside one, undefined when only lines are known.
   */
  paragraphStart?: boolean;
  blank: boolean;
}

const LETTER = /\p{L}/u;

function allOf(runs: TextRun[], flag: 'bold' | 'italic'): boolean {
  let letters = false;
  for (const run of runs) {
    if (!LETTER.test(run.text)) continue;
    letters = true;
    if (!run[flag]) return false;
  }
  return letters;
}

export function makeLine(runs: TextRun[], base: Omit<Line, 'runs' | 'text' | 'bold' | 'italic' | 'blank'>): Line {
  const trimmed = trimRuns(runs);
  const text = trimmed.map((run) => run.text).join('');
  return { ...base, runs: trimmed, text, bold: allOf(trimmed, 'bold'), italic: allOf(trimmed, 'italic'), blank: text.trim() === '' };
}

/** Removes leading and trailing whitespace (spaces, tabs, no-break spaces) across runs. */
export function trimRuns(runs: TextRun[]): TextRun[] {
  const result = runs.filter((run) => run.text !== '' || run.footnote !== undefined).map((run) => ({ ...run }));
  while (result.length > 0 && result[0]!.footnote === undefined && result[0]!.text.trimStart() === '') result.shift();
  while (result.length > 0 && result[result.length - 1]!.footnote === undefined && result[result.length - 1]!.text.trimEnd() === '') result.pop();
  if (result.length > 0) {
    const first = result[0]!;
    if (first.footnote === undefined) first.text = first.text.trimStart();
    const last = result[result.length - 1]!;
    if (last.footnote === undefined) last.text = last.text.trimEnd();
  }
  return result;
}

function paragraphLines(paragraph: Paragraph, cell: Line['cell'], layout: OfficeDocument['layout']): Line[] {
  const lines: Line[] = [];
  let current: TextRun[] = [];
  const flush = () => {
    lines.push(
      makeLine(current, {
        align: paragraph.align,
        source: paragraph.source,
        geometry: paragraph.geometry,
        cell,
        paragraphStart: layout === 'paragraphs' ? lines.length === 0 : undefined,
      }),
    );
    current = [];
  };
  for (const run of paragraph.runs) {
    if (isBreak(run)) flush();
    else current.push(run);
  }
  flush();
  return lines;
}

/** The document's blocks as lines in reading order (tables row by row, cell by cell). */
export function documentLines(document: OfficeDocument): Line[] {
  const lines: Line[] = [];
  let table = 0;
  for (const block of document.blocks) {
    if (block.kind === 'paragraph') {
      lines.push(...paragraphLines(block, undefined, document.layout));
      continue;
    }
    block.rows.forEach((row, rowIndex) =>
      row.forEach((cell, column) => {
        for (const paragraph of cell.blocks) lines.push(...paragraphLines(paragraph, { table, row: rowIndex, column }, document.layout));
      }),
    );
    table++;
  }
  return lines;
}
