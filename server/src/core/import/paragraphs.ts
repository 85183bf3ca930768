import { msg } from '../types.js';
import type { Line } from './lines.js';
import type { SourcePosition, TextRun } from './model.js';
import { shorten, type ImportEntry } from './report.js';

/**
 * Rebuilding paragraphs from printed lines (PDF, text extractions,
 * transcriptions) and joining a paragraph's lines. The joins follow the
 * Vietnamese rules of official-layout §5.3: a line ending in a hyphen right
 * after a letter or digit joins without a space ("TB-⏎VPCP", "2021-⏎2030"),
 * any other break becomes one space.
 */

export interface Paragraph {
  runs: TextRun[];
  source: SourcePosition;
  lines: Line[];
}

/** A part, section or item start: "I.", "A.", "1.", "1.2.", "a)", "đ)", "-", "+", "(1)", "(i)". */
export const ITEM_START = /^(?:[IVXLC]+\.\s|[A-ZĐ]\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-–+•]\s|\((?:\d+|[ivx]+|[a-zđ])\)\s)/u;
/** A part or section heading: a Roman numeral or a capital letter and a full stop. */
export const HEADING_START = /^(?:[IVXLC]+|[A-ZĐ])\.\s+\S/u;
const ENDS_CLAUSE = /(?:[.:;!?…]|\.\/\.|\.\/)["”’)]*$/u;
const STARTS_UPPER = /^["“(*]*[\p{Lu}\d]/u;

/** Joins runs of consecutive lines: one space, none after a word-internal hyphen. */
export function joinLines(lines: Line[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    if (runs.length > 0) {
      const previous = runs[runs.length - 1]!;
      const tight = /[\p{L}\d]-$/u.test(previous.text) && previous.footnote === undefined;
      if (!tight) runs.push({ text: ' ', bold: previous.bold && line.runs[0]?.bold, italic: previous.italic && line.runs[0]?.italic });
    }
    runs.push(...line.runs.map((run) => ({ ...run })));
  }
  return runs;
}

function widthOf(line: Line): number {
  return line.geometry ? line.geometry.right : [...line.text].length;
}

/**
 * The measure of the body: for PDF the right edge reached by full lines; for
 * text the length of a full line. A line well short of it ends a paragraph.
 */
function fullWidth(lines: Line[]): number {
  const widths = lines.filter((line) => !line.blank).map(widthOf).sort((a, b) => a - b);
  if (widths.length === 0) return Infinity;
  return widths[Math.floor(widths.length * 0.9)]!;
}

function leftEdge(lines: Line[]): number | undefined {
  const starts = lines.filter((line) => line.geometry && !line.blank).map((line) => Math.round(line.geometry!.x));
  if (starts.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const start of starts) counts.set(start, (counts.get(start) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/**
 * Groups printed lines into paragraphs. A paragraph ends where its line ends a
 * clause (".", ":", ";", "./.") and the next line starts an item, or starts
 * with a capital after a line that stops short of the measure or a blank line.
 * A heading ("I. …", "A. …") is a paragraph of its own unless its bold or
 * capitals go on. With blankLinesSeparate (Markdown transcriptions that use
 * them), a blank line always ends a paragraph.
 */
export function rebuildParagraphs(lines: Line[], report: ImportEntry[], blankLinesSeparate: boolean): Paragraph[] {
  const width = fullWidth(lines);
  const left = leftEdge(lines);
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  let blankSeen = false;
  const flush = () => {
    if (current.length > 0) paragraphs.push({ runs: joinLines(current), source: current[0]!.source, lines: current });
    current = [];
  };
  for (const line of lines) {
    if (line.blank) {
      blankSeen = true;
      continue;
    }
    const previous = current[current.length - 1];
    if (previous && endsBefore(previous, line, current, { width, left, blankSeen, blankLinesSeparate })) flush();
    else if (previous && blankSeen) {
      report.push({ kind: 'guessed', source: line.source, text: shorten(line.text), message: msg('Nối dòng này vào đoạn trên qua một dòng trống (dòng trên chưa hết câu).', 'Joined this line to the paragraph above across a blank line (the line above does not end a clause).') });
    }
    current.push(line);
    blankSeen = false;
  }
  flush();
  return paragraphs;
}

function endsBefore(previous: Line, next: Line, paragraph: Line[], context: { width: number; left: number | undefined; blankSeen: boolean; blankLinesSeparate: boolean }): boolean {
  if (context.blankSeen && context.blankLinesSeparate) return true;
  const first = paragraph[0]!;
  const short = isShort(previous, context);
  if (HEADING_START.test(first.text)) {
    // A heading goes on only while its emphasis or capitals do, or while its line runs to the measure.
    if (ITEM_START.test(next.text) || HEADING_START.test(next.text)) return true;
    const caps = (line: Line) => line.text === line.text.toLocaleUpperCase('vi');
    if (previous.runs[previous.runs.length - 1]?.bold && next.runs[0]?.bold) return false;
    if (caps(first) && caps(next) && !ENDS_CLAUSE.test(previous.text)) return false;
    return !(/^[\p{Ll}\d]/u.test(next.text) || (!short && !ENDS_CLAUSE.test(previous.text)));
  }
  if (HEADING_START.test(next.text)) return true;
  // On a page, space above a line after a line that stops short is a paragraph break.
  if (previous.geometry && next.geometry && context.blankSeen && short) return true;
  // After a blank line an item marker starts an item even when the drafter left out the ":" above.
  if (context.blankSeen && ITEM_START.test(next.text)) return true;
  // An item's title on a short line of its own ("1. Về quan điểm" ⏎ "a) …").
  const itemTitle = paragraph.length === 1 && ITEM_START.test(first.text);
  if ((short || itemTitle) && ITEM_START.test(next.text) && !/[,]$/u.test(previous.text)) return true;
  if (!ENDS_CLAUSE.test(previous.text)) return itemTitle && short && !context.blankLinesSeparate && STARTS_UPPER.test(next.text) && /^\p{Lu}\p{Ll}/u.test(next.text) && !/[,]$/u.test(previous.text) && previous.geometry === undefined && context.width !== Infinity && widthOf(previous) < context.width * 0.7;
  if (ITEM_START.test(next.text)) return true;
  if (!STARTS_UPPER.test(next.text)) return false;
  if (previous.geometry && next.geometry && context.left !== undefined) {
    const indented = next.geometry.x > context.left + next.geometry.size;
    return indented || short || context.blankSeen;
  }
  return short || context.blankSeen;
}

function isShort(line: Line, context: { width: number }): boolean {
  if (line.geometry) return line.geometry.right < context.width - 2 * line.geometry.size;
  return widthOf(line) < context.width * 0.85;
}
