import type { Msg, Span } from '../types.js';
import type { StyleName } from './styles.js';

/** A piece of printed text with the emphasis the drafter wrote (bold, italic, struck through). */
export interface TextRun {
  kind: 'text';
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
}

/** A line break inside a paragraph (a Markdown hard break, a line of a literal subject). */
export interface BreakRun {
  kind: 'break';
}

/** The superscript number of a footnote, numbered in order of first reference as Word does. */
export interface FootnoteRun {
  kind: 'footnote';
  number: number;
}

export type Run = TextRun | BreakRun | FootnoteRun;

export interface LayoutParagraph {
  kind: 'paragraph';
  style: StyleName;
  runs: Run[];
  /** Where the paragraph comes from in the notice (offsets), for the preview's source links and marks. */
  source?: Span;
}

/** A solid rule under a line, `length` twips long, centred in a column whose content is `width` twips wide. */
export interface RuleLine {
  kind: 'rule';
  length: number;
  width: number;
}

/** A table the drafter wrote in the body (GFM), printed with its grid. */
export interface BodyTable {
  kind: 'table';
  rows: LayoutParagraph[][];
  source: Span;
}

export type BodyBlock = LayoutParagraph | BodyTable;

export interface LayoutFootnote {
  number: number;
  paragraphs: LayoutParagraph[];
  source: Span;
}

/** The notice in the official layout of NĐ 30/2020, Phụ lục I: the components in order with their printed text. */
export interface NoticeLayout {
  header: {
    /** Left column, top: parent body (if any) and the issuing body, then its rule. */
    body: LayoutParagraph[];
    bodyRule: RuleLine;
    /** Right column, top: national name and motto, then the motto's rule. */
    nation: LayoutParagraph[];
    nationRule: RuleLine;
    /** Second row, on one line: "Số: …" (left) and the place and date (right). */
    number: LayoutParagraph;
    placeDate: LayoutParagraph;
  };
  type: LayoutParagraph;
  subject: LayoutParagraph;
  subjectRule: RuleLine;
  body: BodyBlock[];
  footnotes: LayoutFootnote[];
  /** "Nơi nhận" (left) beside the signature (right); null when the notice has neither. */
  closing: {
    recipients: LayoutParagraph[];
    /** Authority and title lines (boxes 7a, 7b). */
    titles: LayoutParagraph[];
    /** Empty lines left for the signature and seal. */
    signatureSpace: number;
    name: LayoutParagraph | null;
    /** Widths of the recipients and signature columns, twips. */
    columns: [number, number];
  } | null;
}

export type LayoutResult = { ok: true; layout: NoticeLayout } | { ok: false; problems: Msg[] };
