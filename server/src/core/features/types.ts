import type { AnalysisResult } from '../analyze.js';
import type { Knowledge } from '../../knowledge/types.js';
import type { Registry } from '../registry.js';
import type { ThongbaoConfig } from '../config.js';
import type { Locale, Range, Span } from '../types.js';

/** One analysed document version, as editor features read it. */
export interface DocumentSnapshot {
  uri: string;
  text: string;
  analysis: AnalysisResult;
}

/** What editor features may read besides the document. */
export interface FeatureEnv {
  knowledge: Knowledge;
  registry: Registry;
  config: ThongbaoConfig;
  locale: Locale;
}

export interface HoverResult extends Span {
  /** Markdown shown in the hover. */
  markdown: string;
}

export type CompletionKind = 'agency' | 'document' | 'snippet' | 'abbreviation' | 'text';

export interface CompletionResult {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet (with $1, ${1:…}) when `isSnippet`. */
  insertText: string;
  isSnippet?: boolean;
  /** Span of the document that the insertion replaces (defaults to the word before the cursor). */
  replace?: Span;
  filterText?: string;
  sortText?: string;
}

/** A place in a file: the same document (span) or another file (uri + range). */
export interface LocationResult {
  uri: string;
  span?: Span;
  range?: Range;
}

export interface SymbolResult extends Span {
  name: string;
  detail?: string;
  kind: 'part' | 'item' | 'point' | 'section' | 'heading' | 'document';
  /** The span of the name itself (within the symbol's span). */
  selection: Span;
  children: SymbolResult[];
}

export interface FoldingResult {
  start: number;
  end: number;
}
