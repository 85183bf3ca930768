import { numberOf, type ExternalCitation, type Registry, type RegistryEntry } from '../core/registry.js';
import type { CalendarDate, Range } from '../core/types.js';
import type { Knowledge } from '../knowledge/types.js';
import type { IndexedCitation, IndexedNotice } from '../workspace/scan.js';
import { shippedEntries } from '../workspace/shippedRegistry.js';
import { parseRegistryFile, type RegistryFileProblem } from '../workspace/vanban.js';

/**
 * The index `thongbao check` makes of the files it checks: what the
 * workspace index holds (the shipped registry, the registry files, each
 * notice's own entry and its citations, merged in that order, later
 * overriding earlier, notices in URI order), with the same answers, but built
 * once and never updated, so each notice and citation is a row of numbers
 * instead of objects. The main thread holds it for the whole run, and its
 * heap is what grew with an archive: 10,000 notices held 21.8 MB as objects
 * (docs/performance.md). Rows are made objects again when read; a notice's
 * entry comes without its subject, which no rule reads. It is the merged
 * registry itself.
 */
export class ArchiveIndex implements Registry {
  private readonly strings = new StringTable();
  private readonly uris: string[] = [];
  private readonly noticeOf = new Map<string, number>();
  private readonly noticeRows = new IntRows(NOTICE_WIDTH);
  private readonly citationRows = new IntRows(CITATION_WIDTH);
  private readonly registryFiles = new Map<string, RegistryEntry[]>();
  private merged: MergedIndex | undefined;

  constructor(private readonly knowledge: Knowledge, private readonly shipped: readonly RegistryEntry[] = shippedEntries()) {}

  /** Adds a notice's scan (each file once, before the registry is first read). */
  addNotice(scan: IndexedNotice): void {
    if (this.merged) throw new Error('ArchiveIndex: a notice added after the registry was read');
    if (this.noticeOf.has(scan.uri)) throw new Error(`ArchiveIndex: ${scan.uri} indexed twice`);
    const notice = this.uris.length;
    this.uris.push(scan.uri);
    this.noticeOf.set(scan.uri, notice);
    const { entry } = scan;
    const firstCitation = this.citationRows.count;
    for (const citation of scan.citations) this.addCitation(notice, citation);
    const range = entry?.location?.range;
    this.noticeRows.push([
      entry ? this.strings.id(entry.symbol) : NONE,
      entry ? this.strings.id(entry.type) : NONE,
      packDate(entry?.date ?? null),
      this.strings.idOrNone(entry?.issuer ?? null),
      ...rangeNumbers(range),
      firstCitation,
    ]);
  }

  /** Indexes a *.vanban.yaml file; returns its problems, located in that file. */
  setRegistryFile(uri: string, text: string): RegistryFileProblem[] {
    if (this.merged) throw new Error('ArchiveIndex: a registry file added after the registry was read');
    const { entries, problems } = parseRegistryFile(uri, text, this.knowledge);
    this.registryFiles.set(uri, entries);
    return problems;
  }

  /** The documents a notice cites, with the date each citation gives (what its registry slice is cut by). */
  citedIn(uri: string): { symbol: string; date: CalendarDate | null }[] {
    const notice = this.noticeOf.get(uri);
    if (notice === undefined) return [];
    const cited: { symbol: string; date: CalendarDate | null }[] = [];
    const [first, end] = this.citationRowsOf(notice);
    for (let row = first; row < end; row++) {
      cited.push({ symbol: this.strings.value(this.citationRows.get(row, C_SYMBOL)), date: unpackDate(this.citationRows.get(row, C_DATE)) });
    }
    return cited;
  }

  lookup(symbol: string): RegistryEntry | undefined {
    const found = this.merge().byKey.get(symbol);
    return typeof found === 'number' ? this.noticeEntry(found) : found;
  }

  *entries(): Iterable<RegistryEntry> {
    for (const found of this.merge().byKey.values()) yield typeof found === 'number' ? this.noticeEntry(found) : found;
  }

  entriesNumbered(number: string): Iterable<RegistryEntry> {
    const found = this.merge().byNumber.get(number);
    if (found === undefined) return [];
    return (Array.isArray(found) ? found : [found]).map((one) => (typeof one === 'number' ? this.noticeEntry(one) : one));
  }

  citationsElsewhere(symbol: string, exceptUri?: string, differingFrom?: CalendarDate): ExternalCitation[] {
    const merged = this.merge();
    const id = this.strings.idOf(symbol);
    if (id === undefined) return [];
    const day = differingFrom ? packDate(differingFrom) : undefined;
    // Every dated citation of that day, or none dated: none differs (the common case, answered without a walk).
    if (day !== undefined && (merged.groupDay[id] === NONE || merged.groupDay[id] === day)) return [];
    const except = exceptUri === undefined ? NONE : (this.noticeOf.get(exceptUri) ?? NONE);
    const found: ExternalCitation[] = [];
    for (let at = merged.groupStart[id]!; at < merged.groupStart[id + 1]!; at++) {
      const row = merged.groupRows[at]!;
      if (this.citationRows.get(row, C_NOTICE) === except) continue;
      if (day !== undefined) {
        const date = this.citationRows.get(row, C_DATE);
        if (date === NONE || date === day) continue;
      }
      found.push(this.citation(row));
    }
    return found;
  }

  private addCitation(notice: number, citation: IndexedCitation): void {
    this.citationRows.push([
      notice,
      this.strings.id(citation.symbol),
      packDate(citation.date),
      this.strings.idOrNone(citation.issuer),
      this.strings.idOrNone(citation.typeWord),
      citation.first ? 1 : 0,
      ...rangeNumbers(citation.range),
      ...rangeNumbers(citation.dateRange),
    ]);
  }

  /** The rows of a notice's citations, [first, end): they run up to the next notice's. */
  private citationRowsOf(notice: number): [number, number] {
    const end = notice + 1 < this.uris.length ? this.noticeRows.get(notice + 1, N_FIRST_CITATION) : this.citationRows.count;
    return [this.noticeRows.get(notice, N_FIRST_CITATION), end];
  }

  /** A notice's entry, as the scan made it (its subject left out). */
  private noticeEntry(notice: number): RegistryEntry {
    const rows = this.noticeRows;
    const range = rangeAt(rows, notice, N_RANGE);
    return {
      symbol: this.strings.value(rows.get(notice, N_SYMBOL)),
      type: this.strings.value(rows.get(notice, N_TYPE)),
      date: unpackDate(rows.get(notice, N_DATE)),
      issuer: this.strings.valueOrNull(rows.get(notice, N_ISSUER)),
      subject: null,
      inForce: true,
      endOfValidity: null,
      replacedBy: null,
      verified: true,
      origin: 'workspace-notice',
      location: { uri: this.uris[notice]!, ...(range ? { range } : {}) },
    };
  }

  /** A citation as plain data, its fields in the order of the workspace index's JSON (the cache digests it). */
  private citation(row: number): IndexedCitation {
    const rows = this.citationRows;
    const dateRange = rangeAt(rows, row, C_DATE_RANGE);
    return {
      uri: this.uris[rows.get(row, C_NOTICE)]!,
      range: rangeAt(rows, row, C_RANGE)!,
      ...(dateRange ? { dateRange } : {}),
      symbol: this.strings.value(rows.get(row, C_SYMBOL)),
      date: unpackDate(rows.get(row, C_DATE)),
      issuer: this.strings.valueOrNull(rows.get(row, C_ISSUER)),
      typeWord: this.strings.valueOrNull(rows.get(row, C_TYPE_WORD)),
      first: rows.get(row, C_FIRST) === 1,
    };
  }

  /** Merges once, when the registry is first read: entries by key and number, and each document's citations in URI order. */
  private merge(): MergedIndex {
    if (this.merged) return this.merged;
    const byKey = new Map<string, EntryRef>();
    for (const entry of this.shipped) byKey.set(entry.symbol, entry);
    for (const uri of [...this.registryFiles.keys()].sort()) for (const entry of this.registryFiles.get(uri)!) byKey.set(entry.symbol, entry);
    const inUriOrder = this.uris.map((_, notice) => notice).sort((a, b) => (this.uris[a]! < this.uris[b]! ? -1 : 1));
    for (const notice of inUriOrder) {
      const symbol = this.noticeRows.get(notice, N_SYMBOL);
      if (symbol !== NONE) byKey.set(this.strings.value(symbol), notice);
    }
    const byNumber = new Map<string, EntryRef | EntryRef[]>();
    for (const [symbol, found] of byKey) {
      const number = numberOf(symbol);
      const known = byNumber.get(number);
      if (known === undefined) byNumber.set(number, found);
      else if (Array.isArray(known)) known.push(found);
      else byNumber.set(number, [known, found]);
    }
    // The citations of each document, grouped by a counting sort on the symbol; within a group, in URI order, then as written.
    const symbols = this.strings.size;
    const groupStart = new Int32Array(symbols + 1);
    const groupDay = new Int32Array(symbols).fill(NONE);
    const rows = this.citationRows;
    for (let row = 0; row < rows.count; row++) {
      const symbol = rows.get(row, C_SYMBOL);
      groupStart[symbol + 1]!++;
      const date = rows.get(row, C_DATE);
      if (date !== NONE) groupDay[symbol] = groupDay[symbol] === NONE || groupDay[symbol] === date ? date : MIXED_DAYS;
    }
    for (let symbol = 0; symbol < symbols; symbol++) groupStart[symbol + 1]! += groupStart[symbol]!;
    const next = groupStart.slice(0, symbols);
    const groupRows = new Int32Array(rows.count);
    for (const notice of inUriOrder) {
      const [first, end] = this.citationRowsOf(notice);
      for (let row = first; row < end; row++) groupRows[next[rows.get(row, C_SYMBOL)]!++] = row;
    }
    this.merged = { byKey, byNumber, groupStart, groupRows, groupDay };
    return this.merged;
  }
}

/** An entry of the merged registry: an object (shipped, registry file) or a notice's row. */
type EntryRef = RegistryEntry | number;

interface MergedIndex {
  byKey: Map<string, EntryRef>;
  byNumber: Map<string, EntryRef | EntryRef[]>;
  /** Citation rows grouped by symbol: those of symbol s are groupRows[groupStart[s] … groupStart[s + 1]). */
  groupStart: Int32Array;
  groupRows: Int32Array;
  /** The one day every dated citation of a symbol gives, NONE when none is dated, MIXED_DAYS otherwise. */
  groupDay: Int32Array;
}

const NONE = -1;
const MIXED_DAYS = -2;

// A notice's row: its entry (symbol NONE when it has none), the entry's line, and where its citations' rows start.
const [N_SYMBOL, N_TYPE, N_DATE, N_ISSUER, N_RANGE] = [0, 1, 2, 3, 4];
const N_FIRST_CITATION = N_RANGE + 4;
const NOTICE_WIDTH = N_FIRST_CITATION + 1;

// A citation's row: its notice, symbol, date, issuer, type word, whether it is the first, its range and its date's range.
const [C_NOTICE, C_SYMBOL, C_DATE, C_ISSUER, C_TYPE_WORD, C_FIRST, C_RANGE] = [0, 1, 2, 3, 4, 5, 6];
const C_DATE_RANGE = C_RANGE + 4;
const CITATION_WIDTH = C_DATE_RANGE + 4;

/** A date as one number (the day of a scan is one or two digits, its month too), NONE for none. */
function packDate(date: CalendarDate | null): number {
  return date ? date.year * 10_000 + date.month * 100 + date.day : NONE;
}

function unpackDate(packed: number): CalendarDate | null {
  if (packed === NONE) return null;
  return { year: Math.floor(packed / 10_000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

function rangeNumbers(range: Range | undefined): number[] {
  return range ? [range.start.line, range.start.character, range.end.line, range.end.character] : [NONE, NONE, NONE, NONE];
}

function rangeAt(rows: IntRows, row: number, field: number): Range | undefined {
  const startLine = rows.get(row, field);
  if (startLine === NONE) return undefined;
  return { start: { line: startLine, character: rows.get(row, field + 1) }, end: { line: rows.get(row, field + 2), character: rows.get(row, field + 3) } };
}

/** Rows of `width` 32-bit integers in one growing buffer (outside the JavaScript heap). */
class IntRows {
  private data: Int32Array;
  count = 0;

  constructor(private readonly width: number) {
    this.data = new Int32Array(width * 1024);
  }

  push(values: readonly number[]): void {
    if ((this.count + 1) * this.width > this.data.length) {
      const larger = new Int32Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data.set(values, this.count * this.width);
    this.count++;
  }

  get(row: number, field: number): number {
    return this.data[row * this.width + field]!;
  }
}

/** Each distinct string once, by number: an archive cites the same documents, issuers and type words thousands of times. */
class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  idOrNone(value: string | null): number {
    return value === null ? NONE : this.id(value);
  }

  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  value(id: number): string {
    return this.values[id]!;
  }

  valueOrNull(id: number): string | null {
    return id === NONE ? null : this.values[id]!;
  }
}
