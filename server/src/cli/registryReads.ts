import { createHash } from 'node:crypto';
import type { ExternalCitation, Registry, RegistryEntry } from '../core/registry.js';

/**
 * What one analysis read of the registry: the symbols it looked up, the
 * symbols whose citations in other files it asked for, and whether it went
 * through every entry (the near-miss search of ref/unknown). A cached result
 * stays valid exactly as long as the same reads give the same answers, so a
 * changed registry file or workspace notice invalidates only the files that
 * depend on what changed.
 */
export interface RegistryReads {
  lookups: string[];
  elsewhere: string[];
  allEntries: boolean;
}

/** A registry that records what is read of it. */
export class RecordingRegistry implements Registry {
  private readonly lookups = new Set<string>();
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

  citationsElsewhere(symbol: string, exceptUri?: string): ExternalCitation[] {
    this.elsewhere.add(symbol);
    return this.inner.citationsElsewhere(symbol, exceptUri);
  }

  reads(): RegistryReads {
    return { lookups: [...this.lookups].sort(), elsewhere: [...this.elsewhere].sort(), allEntries: this.allEntries };
  }
}

/**
 * A digest of the answers the registry gives to `reads` for the file `uri`.
 * Every entry's digest is computed once per registry (`allEntriesDigest`).
 */
export function readsDigest(reads: RegistryReads, registry: Registry, uri: string, allEntriesDigest: () => string): string {
  const hash = createHash('sha1');
  for (const symbol of reads.lookups) hash.update(`l\0${symbol}\0${JSON.stringify(registry.lookup(symbol) ?? null)}\n`);
  for (const symbol of reads.elsewhere) hash.update(`c\0${symbol}\0${JSON.stringify(registry.citationsElsewhere(symbol, uri))}\n`);
  if (reads.allEntries) hash.update(`e\0${allEntriesDigest()}\n`);
  return hash.digest('hex');
}

/** The digest of every entry of a registry, in order. */
export function entriesDigest(registry: Registry): string {
  const hash = createHash('sha1');
  for (const entry of registry.entries()) hash.update(`${JSON.stringify(entry)}\n`);
  return hash.digest('hex');
}
