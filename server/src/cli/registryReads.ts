import { createHash } from 'node:crypto';
import type { ExternalCitation, Registry, RegistryEntry } from '../core/registry.js';
import type { CalendarDate } from '../core/types.js';

/**
 * What one analysis read of the registry: the symbols it looked up, the
 * numbers whose entries it went through (the near-miss search of
 * ref/unknown), the symbols whose citations in other files it asked for, and
 * whether it went through every entry. A cached result
 * stays valid exactly as long as the same reads give the same answers, so a
 * changed registry file or workspace notice invalidates only the files that
 * depend on what changed.
 */
export interface RegistryReads {
  lookups: string[];
  numbers: string[];
  elsewhere: string[];
  allEntries: boolean;
}

export const NO_READS: RegistryReads = { lookups: [], numbers: [], elsewhere: [], allEntries: false };

/** A registry that records what is read of it. */
export class RecordingRegistry implements Registry {
  private readonly lookups = new Set<string>();
  private readonly numbers = new Set<string>();
  private readonly elsewhere = new Set<string>();
  private allEntries = false;

  constructor(private readonly inner: Registry) {}

  lookup(symbol: string): RegistryEntry | undefined {
    this.lookups.add(symbol);
    return this.inner.lookup(symbol);
  }

  entries(): Iterable<RegistryEntry> {
    this.allEntries = true;
    return this.inner.entries();
  }

  entriesNumbered(number: string): Iterable<RegistryEntry> {
    this.numbers.add(number);
    return this.inner.entriesNumbered(number);
  }

  // The digest covers every citation of the symbol, so a read of some of them is recorded as a read of all.
  citationsElsewhere(symbol: string, exceptUri?: string, differingFrom?: CalendarDate): ExternalCitation[] {
    this.elsewhere.add(symbol);
    return this.inner.citationsElsewhere(symbol, exceptUri, differingFrom);
  }

  reads(): RegistryReads {
    return { lookups: [...this.lookups].sort(), numbers: [...this.numbers].sort(), elsewhere: [...this.elsewhere].sort(), allEntries: this.allEntries };
  }
}

/**
 * Digests of the registry's answers, each computed once per registry: many
 * files read the same symbols, and the citations of a much-cited document
 * would otherwise be serialized once per file. The citations are digested
 * whole, the file's own included: those change only with the file itself,
 * whose content hash already invalidates its result.
 */
export class RegistryDigests {
  private readonly lookups = new Map<string, string>();
  private readonly numbers = new Map<string, string>();
  private readonly elsewhere = new Map<string, string>();
  private all: string | undefined;

  constructor(private readonly registry: Registry) {}

  /** A digest of the answers the registry gives to `reads`. */
  of(reads: RegistryReads): string {
    const hash = createHash('sha1');
    for (const symbol of reads.lookups) hash.update(`l\0${symbol}\0${this.lookup(symbol)}\n`);
    for (const number of reads.numbers) hash.update(`n\0${number}\0${this.numbered(number)}\n`);
    for (const symbol of reads.elsewhere) hash.update(`c\0${symbol}\0${this.citations(symbol)}\n`);
    if (reads.allEntries) hash.update(`e\0${this.entries()}\n`);
    return hash.digest('hex');
  }

  private lookup(symbol: string): string {
    let digest = this.lookups.get(symbol);
    if (digest === undefined) this.lookups.set(symbol, (digest = sha1(JSON.stringify(this.registry.lookup(symbol) ?? null))));
    return digest;
  }

  private numbered(number: string): string {
    let digest = this.numbers.get(number);
    if (digest === undefined) this.numbers.set(number, (digest = sha1(JSON.stringify([...this.registry.entriesNumbered(number)]))));
    return digest;
  }

  private citations(symbol: string): string {
    let digest = this.elsewhere.get(symbol);
    if (digest === undefined) this.elsewhere.set(symbol, (digest = sha1(JSON.stringify(this.registry.citationsElsewhere(symbol)))));
    return digest;
  }

  private entries(): string {
    if (this.all === undefined) {
      const hash = createHash('sha1');
      for (const entry of this.registry.entries()) hash.update(`${JSON.stringify(entry)}\n`);
      this.all = hash.digest('hex');
    }
    return this.all;
  }
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
