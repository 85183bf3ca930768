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
  /** The entries whose symbol has this number ("28" → 28/NQ-CP, 28/2024/NĐ-CP): the candidates of a near miss. */
  entriesNumbered(number: string): Iterable<RegistryEntry>;
  /**
   * Citations of this symbol in other workspace files (excluding the document
   * being analysed); with `differingFrom`, only those dated another day, which
   * is all ref/conflict needs: a document cited alike in thousands of files
   * then costs nothing to ask about.
   */
  citationsElsewhere(symbol: string, exceptUri?: string, differingFrom?: CalendarDate): ExternalCitation[];
}

export const EMPTY_REGISTRY: Registry = {
  lookup: () => undefined,
  entries: () => [],
  entriesNumbered: () => [],
  citationsElsewhere: () => [],
};

/** A registry over a fixed list of entries (later entries of the same key win) and citations. */
export function registryFromEntries(entries: Iterable<RegistryEntry>, citations: Iterable<ExternalCitation> = []): Registry {
  const byKey = new Map<string, RegistryEntry>();
  for (const entry of entries) byKey.set(entry.symbol, entry);
  const byNumber = new Map<string, RegistryEntry[]>();
  for (const entry of byKey.values()) {
    const number = numberOf(entry.symbol);
    const list = byNumber.get(number);
    if (list) list.push(entry);
    else byNumber.set(number, [entry]);
  }
  const citationsByKey = new Map<string, { all: ExternalCitation[]; dated: Map<string, number>; datedCount: number }>();
  for (const citation of citations) {
    let group = citationsByKey.get(citation.symbol);
    if (!group) citationsByKey.set(citation.symbol, (group = { all: [], dated: new Map(), datedCount: 0 }));
    group.all.push(citation);
    if (!citation.date) continue;
    group.dated.set(dayKey(citation.date), (group.dated.get(dayKey(citation.date)) ?? 0) + 1);
    group.datedCount++;
  }
  return {
    lookup: (symbol) => byKey.get(symbol),
    entries: () => byKey.values(),
    entriesNumbered: (number) => byNumber.get(number) ?? [],
    citationsElsewhere: (symbol, exceptUri, differingFrom) => {
      const group = citationsByKey.get(symbol);
      if (!group) return [];
      if (!differingFrom) return group.all.filter((citation) => citation.uri !== exceptUri);
      const day = dayKey(differingFrom);
      // Every dated citation of that day: none differs (the common case, checked without a walk).
      if ((group.dated.get(day) ?? 0) === group.datedCount) return [];
      return group.all.filter((citation) => citation.uri !== exceptUri && citation.date !== null && dayKey(citation.date) !== day);
    },
  };
}

/** The number of a canonical symbol: what precedes its first "/". */
export function numberOf(symbol: string): string {
  const slash = symbol.indexOf('/');
  return slash < 0 ? symbol : symbol.slice(0, slash);
}

function dayKey(date: CalendarDate): string {
  return `${date.year}-${date.month}-${date.day}`;
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
