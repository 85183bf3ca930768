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
  /** Earliest day the document can have stopped being in force (null: unknown or still in force). */
  endOfValidity: CalendarDate | null;
  /** Symbol of the document that replaced it. */
  replacedBy: string | null;
  /** True when number, type, date and issuer are backed by a source (a fix may rely on them). */
  verified: boolean;
  origin: 'shipped' | 'workspace-registry' | 'workspace-notice';
  location?: RegistryLocation;
}

/** A citation of the same document in another file of the workspace (for ref/conflict across files). */
export interface ExternalCitation {
  uri: string;
  /** Range of the citation (type word to date/issuer). */
  range: Range;
  /** Range of its date, when it has one. */
  dateRange?: Range;
  symbol: string;
  date: CalendarDate | null;
  issuer: string | null;
}

export interface Registry {
  /** The entry of a canonical key (Citation.symbol.key, e.g. "28/NQ-CP"). */
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

/** A registry over a fixed list of entries (later entries of the same key win) and citations. */
export function registryFromEntries(entries: Iterable<RegistryEntry>, citations: Iterable<ExternalCitation> = []): Registry {
  const byKey = new Map<string, RegistryEntry>();
  for (const entry of entries) byKey.set(entry.symbol, entry);
  const citationsByKey = new Map<string, ExternalCitation[]>();
  for (const citation of citations) {
    const list = citationsByKey.get(citation.symbol);
    if (list) list.push(citation);
    else citationsByKey.set(citation.symbol, [citation]);
  }
  return {
    lookup: (symbol) => byKey.get(symbol),
    entries: () => byKey.values(),
    citationsElsewhere: (symbol, exceptUri) => (citationsByKey.get(symbol) ?? []).filter((citation) => citation.uri !== exceptUri),
  };
}

/** The file name at the end of a URI, decoded, for messages and hovers ("530-TB-VPCP.tb.md"). */
export function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
