/** Shared value types of the pure analysis core. Offsets are UTF-16 indices into the document text. */

export type Locale = 'vi' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A text in both message languages; rules always give both so either locale is complete. */
export interface Msg {
  vi: string;
  en: string;
}

export function msg(vi: string, en: string): Msg {
  return { vi, en };
}

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: Msg;
  edits: TextEdit[];
}

export interface RelatedSpan extends Span {
  /** Another file of the workspace; absent for the same document. */
  uri?: string;
  /** Range in that other file when it is not the current document. */
  range?: Range;
  message: Msg;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What a rule reports: located, bilingual, with an optional certain fix. */
export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: Msg;
  fix?: Fix;
  related?: RelatedSpan[];
  /** Unused or unreferenced text (an orphan footnote): editors fade it. */
  unnecessary?: boolean;
}

/** An ISO calendar date split into numbers (no time zone involved). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
