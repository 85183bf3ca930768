import type { CalendarDate, Span } from './types.js';
import type { UnrecognisedFrontMatter } from './unrecognisedFrontMatter.js';

/** Where a block stands in the notice. */
export type Section = 'body' | 'recipients' | 'signature';

export interface FrontMatterField {
  key: string;
  keySpan: Span;
  /** The value as YAML gave it (string, number, Date-like string, …). */
  value: unknown;
  /** Source span of the value; the key's line end when the value is empty. */
  valueSpan: Span;
}

export interface FrontMatter extends Span {
  /** Span of the YAML between the --- fences. */
  content: Span;
  fields: FrontMatterField[];
  /** A YAML syntax error, located. */
  syntaxError?: { message: string; span: Span };
}

/** The typed header of the notice, read from the front matter (fields that are invalid are absent). */
export interface NoticeMeta {
  issuer?: string;
  number?: string;
  place?: string;
  date?: CalendarDate;
  type?: string;
  subject?: string;
}

/**
 * A leaf block of text (paragraph, heading, list item paragraph, table cell,
 * footnote paragraph) with its source span. Rules scan these, never raw
 * Markdown.
 */
export interface TextBlock extends Span {
  kind: 'heading' | 'paragraph' | 'tableCell';
  section: Section;
  /** Heading depth (1–6) for headings. */
  depth?: number;
  /** Index of the enclosing list item in `listItems`, if any. */
  listItem?: number;
  /** True inside a GFM footnote definition. */
  inFootnote: boolean;
}

export interface ListItem extends Span {
  /** Source offset of the list marker ("-", "*", "1.", "1)"). */
  markerSpan: Span;
  ordered: boolean;
  section: Section;
  /** Nesting depth, 0 for a top-level list. */
  depth: number;
}

export interface HtmlComment extends Span {
  /** Text between <!-- and -->, trimmed. */
  body: string;
}

export interface FootnoteRef extends Span {
  label: string;
}

export interface NoticeModel {
  text: string;
  /**
   * The document with everything that is not prose (front matter, code, HTML,
   * link destinations, addresses written out such as "https://…", "www.…" or
   * an e-mail, Markdown markers of emphasis and headings) replaced by
   * spaces; line breaks are kept. Same length as `text`, so offsets agree:
   * extractors run their patterns over it.
   */
  prose: string;
  frontMatter: FrontMatter | null;
  /** A block at the top written as front matter but not read as one (blank line before "---", no closing line, …); blanked in `prose`, no blocks. */
  unrecognisedFrontMatter?: UnrecognisedFrontMatter;
  /** Setext underlines beyond the parser's limit, read as blank lines (see parserLimits.ts). */
  setextUnderlinesIgnored?: { count: number; first: Span };
  meta: NoticeMeta;
  /** Span of the Markdown after the front matter. */
  body: Span;
  blocks: TextBlock[];
  listItems: ListItem[];
  /** The "## Nơi nhận" heading (or bold "Nơi nhận:" paragraph) and its entries. */
  recipients: { heading: Span; entries: ListItem[] } | null;
  /** The "## Chữ ký" heading and the blocks under it. */
  signature: { heading: Span; blocks: TextBlock[] } | null;
  footnotes: { references: FootnoteRef[]; definitions: FootnoteRef[] };
  comments: HtmlComment[];
}
