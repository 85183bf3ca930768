/**
 * The document registry the core resolves citations against (dialect §5):
 * shipped entries, workspace *.vanban.yaml files and workspace notices, merged
 * by the caller. The core only reads it.
 */
import type { CalendarDate, Range } from './types.js';

export interface RegistryLocation {
  /** URI of the file that defines the entry (a .vanban.yaml, a .tb.md or the shipped registry). */
  uri: string;
  range?: Range;
}

export interface RegistryEntry {
  /** Number and symbol as the canonical key, e.g. "28/NQ-CP", "73/2019/NĐ-CP". */
  symbol: string;
  /** Type word: "Nghị quyết", "Thông báo", "Công văn". */
  type: string;
  date: CalendarDate | null;
  issuer: string | null;
  subject: string | null;
  /** False when the document is no longer in force. */
  inForce: boolean;
  /** Symbol of the document that replaced it. */
  replacedBy: string | null;
  origin: 'shipped' | 'workspace-registry' | 'workspace-notice';
  location?: RegistryLocation;
}

/** A citation of the same document in another file of the workspace (for ref/conflict across files). */
export interface ExternalCitation {
  uri: string;
  range: Range;
  symbol: string;
  date: CalendarDate | null;
  issuer: string | null;
}

export interface Registry {
  lookup(symbol: string): RegistryEntry | undefined;
  entries(): Iterable<RegistryEntry>;
  /** Citations of this symbol in other workspace files (excluding the document being analysed). */
  citationsElsewhere(symbol: string, exceptUri?: string): ExternalCitation[];
}

export const EMPTY_REGISTRY: Registry = {
  lookup: () => undefined,
  entries: () => [],
  citationsElsewhere: () => [],
};
