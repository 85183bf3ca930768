/**
 * The office document model: what a reader (.docx, .html, .pdf, .txt, .md,
 * outside the core) hands to the pure importer. It keeps only what the
 * importer needs to recognise a notice: blocks in reading order, their
 * alignment and run formatting, tables, footnotes and, for text that comes as
 * lines (PDF, text extractions, transcriptions), where each line sits.
 */

export type SourceFormat = 'docx' | 'html' | 'pdf' | 'txt' | 'md';

/** Where something came from, as precisely as the format allows. All numbers count from 1. */
export interface SourcePosition {
  /** PDF page. */
  page?: number;
  /** Paragraph index in the document body (docx, html). */
  paragraph?: number;
  /** Line of a text file, or line on a PDF page (top to bottom). */
  line?: number;
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Raised and smaller: a footnote reference written as text (PDF, HTML `<sup>`). */
  superscript?: boolean;
  /** A real footnote reference (docx `w:footnoteReference`): the id of the footnote. */
  footnote?: string;
}

/** A line break inside a paragraph (docx `w:br`, HTML `<br>`). */
export interface LineBreak {
  break: true;
}

export type Run = TextRun | LineBreak;

/** Geometry of a line laid out on a page (PDF), in points, origin top-left. */
export interface LineGeometry {
  /** Left edge of the line's first item. */
  x: number;
  /** Right edge of the line's last item. */
  right: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Font size of the line's main text. */
  size: number;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  align?: Alignment;
  source: SourcePosition;
  /** Only for layout "lines" coming from a page. */
  geometry?: LineGeometry;
}

export interface TableCell {
  blocks: Paragraph[];
}

export interface Table {
  kind: 'table';
  rows: TableCell[][];
  source: SourcePosition;
}

export type Block = Paragraph | Table;

export interface Footnote {
  id: string;
  paragraphs: Paragraph[];
}

/** Something the reader itself left out (a script, an image, an embedded object), reported as dropped. */
export interface ReaderNote {
  message: { vi: string; en: string };
  source: SourcePosition;
}

export interface OfficeDocument {
  format: SourceFormat;
  /**
   * "paragraphs": every block is a real paragraph (docx, html). "lines": every
   * paragraph is one printed line and the importer rebuilds the paragraphs
   * (pdf, txt, md); an empty paragraph is a blank line.
   */
  layout: 'paragraphs' | 'lines';
  blocks: Block[];
  footnotes: Footnote[];
  notes: ReaderNote[];
}

export function isBreak(run: Run): run is LineBreak {
  return 'break' in run;
}
