import { URI } from 'vscode-uri';
import { numberOf, type ExternalCitation, type Registry, type RegistryEntry } from '../core/registry.js';
import type { CalendarDate } from '../core/types.js';
import type { ThongbaoConfig } from '../core/config.js';
import type { Knowledge } from '../knowledge/types.js';
import { checkFile, type CheckResult, type CheckTask } from './checkFile.js';
import type { CheckRunner } from './pool.js';

/**
 * The part of the registry one file reads, as plain data: what the main
 * thread of `thongbao check --jobs` sends a worker with each file instead of
 * a copy of the whole registry, which grows with the archive.
 */
export interface RegistrySlice {
  /** The file the slice is cut for: the citations "elsewhere" are those outside it. */
  uri: string;
  lookups: [symbol: string, entry: RegistryEntry | null][];
  numbers: [number: string, entries: RegistryEntry[]][];
  /** Citations elsewhere dated another day than `day` (`y-m-d`). */
  elsewhere: [symbol: string, day: string, citations: ExternalCitation[]][];
}

/**
 * A read of the registry, as the key the slice is cut by: `l` a look-up, `n`
 * the entries of a number, `c` the citations elsewhere dated another day.
 */
export type SliceRead = `l\0${string}` | `n\0${string}` | `c\0${string}\0${string}`;

export const lookupRead = (symbol: string): SliceRead => `l\0${symbol}`;
const numberRead = (number: string): SliceRead => `n\0${number}`;
const elsewhereRead = (symbol: string, day: string): SliceRead => `c\0${symbol}\0${day}`;

function dayOf(date: CalendarDate): string {
  return `${date.year}-${date.month}-${date.day}`;
}

/** What a file is expected to read, from the citations the index pass found in it. */
export function expectedReads(citations: Iterable<{ symbol: string; date: CalendarDate | null }>): SliceRead[] {
  const reads = new Set<SliceRead>();
  for (const citation of citations) {
    reads.add(lookupRead(citation.symbol));
    if (citation.date) reads.add(elsewhereRead(citation.symbol, dayOf(citation.date)));
  }
  return [...reads];
}

/** Cuts the answers to `reads` out of the whole registry. A number's entries come with the look-up that misses (the near-miss search follows it). */
export function cutSlice(registry: Registry, uri: string, reads: Iterable<SliceRead>): RegistrySlice {
  const slice: RegistrySlice = { uri, lookups: [], numbers: [], elsewhere: [] };
  const numbers = new Set<string>();
  for (const read of reads) {
    const [kind, symbol, day] = read.split('\0') as [string, string, string | undefined];
    if (kind === 'l') {
      const entry = registry.lookup(symbol);
      slice.lookups.push([symbol, entry ?? null]);
      if (!entry) numbers.add(numberOf(symbol));
    } else if (kind === 'n') {
      numbers.add(symbol);
    } else {
      const [year, month, date] = day!.split('-').map(Number) as [number, number, number];
      slice.elsewhere.push([symbol, day!, registry.citationsElsewhere(symbol, uri, { year, month, day: date })]);
    }
  }
  for (const number of numbers) slice.numbers.push([number, [...registry.entriesNumbered(number)]]);
  return slice;
}

/**
 * The registry a worker analyses one file against: the slice's answers, and
 * a note of every read it could not answer. An analysis with unanswered reads
 * is thrown away and made again with a slice that answers them (`missing`),
 * or on the main thread when no slice can (`unsliceable`: a walk of every
 * entry, or citations asked for another file), so results are those of the
 * whole registry.
 */
export class SliceRegistry implements Registry {
  readonly missing = new Set<SliceRead>();
  unsliceable = false;
  private readonly lookups: Map<string, RegistryEntry | null>;
  private readonly numbers: Map<string, RegistryEntry[]>;
  private readonly elsewhere: Map<string, ExternalCitation[]>;

  constructor(private readonly slice: RegistrySlice) {
    this.lookups = new Map(slice.lookups);
    this.numbers = new Map(slice.numbers);
    this.elsewhere = new Map(slice.elsewhere.map(([symbol, day, citations]) => [`${symbol}\0${day}`, citations]));
  }

  /** True when every read was answered. */
  get complete(): boolean {
    return this.missing.size === 0 && !this.unsliceable;
  }

  lookup(symbol: string): RegistryEntry | undefined {
    const entry = this.lookups.get(symbol);
    if (entry === undefined) this.missing.add(lookupRead(symbol));
    return entry ?? undefined;
  }

  entries(): Iterable<RegistryEntry> {
    this.unsliceable = true;
    return [];
  }

  entriesNumbered(number: string): Iterable<RegistryEntry> {
    const entries = this.numbers.get(number);
    if (!entries) this.missing.add(numberRead(number));
    return entries ?? [];
  }

  citationsElsewhere(symbol: string, exceptUri?: string, differingFrom?: CalendarDate): ExternalCitation[] {
    if (exceptUri !== this.slice.uri || !differingFrom) {
      this.unsliceable = true;
      return [];
    }
    const day = dayOf(differingFrom);
    const citations = this.elsewhere.get(`${symbol}\0${day}`);
    if (!citations) this.missing.add(elsewhereRead(symbol, day));
    return citations ?? [];
  }
}

/** What the main thread posts to a worker: a file and the slice of the registry it reads. */
export interface WorkerRequest {
  task: CheckTask;
  slice: RegistrySlice;
}

/** A worker's answer: the result, the reads its slice lacked, a read no slice answers, or a crash. */
export type WorkerAnswer = CheckResult | { index: number; needs: SliceRead[] } | { index: number; unsliceable: true } | { index: number; crash: string };

/** How a worker answers a request (worker.ts). */
export async function answerRequest({ task, slice }: WorkerRequest, knowledge: Knowledge): Promise<WorkerAnswer> {
  const registry = new SliceRegistry(slice);
  try {
    const result = await checkFile({ ...task, config: sharedConfig(task.config) }, { knowledge, registry, incomplete: () => !registry.complete });
    if (registry.unsliceable) return { index: task.index, unsliceable: true };
    if (registry.missing.size > 0) return { index: task.index, needs: [...registry.missing] };
    return result;
  } catch (error) {
    // checkFile returns the file's own errors; anything thrown here is a bug, reported against the file.
    return { index: task.index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * Each file's configuration arrives as a fresh copy (a structured clone);
 * analysis caches what it derives from a configuration per object, so equal
 * configurations are made one object again.
 */
const configsSeen = new Map<string, ThongbaoConfig>();
const CONFIGS_KEPT = 256;

export function sharedConfig(config: ThongbaoConfig): ThongbaoConfig {
  const key = JSON.stringify(config);
  const seen = configsSeen.get(key);
  if (seen) return seen;
  if (configsSeen.size >= CONFIGS_KEPT) configsSeen.clear();
  configsSeen.set(key, config);
  return config;
}

export interface SliceSource {
  /** The whole registry, kept on the main thread. */
  registry: Registry;
  /** What a file is expected to read (from the index pass's scan of it). */
  expectedReads: (file: string) => SliceRead[];
  /** Checks a file on the main thread, against the whole registry. */
  fallback: CheckRunner;
}

/** Files checked again with a larger slice, and files checked on the main thread (counted for the tests). */
export interface SliceRetries {
  again: number;
  mainThread: number;
}

/** Slices cut for one file before it is checked on the main thread instead (each adds what the last one lacked). */
const MAX_ROUNDS = 3;

/** Checks a file on a worker (`post`) with the slice it is expected to read, then with what it turned out to need. */
export async function checkWithSlices(task: CheckTask, source: SliceSource, post: (request: WorkerRequest) => Promise<WorkerAnswer>, retries?: SliceRetries): Promise<CheckResult> {
  const uri = URI.file(task.file).toString();
  let reads = source.expectedReads(task.file);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let answer: WorkerAnswer;
    try {
      answer = await post({ task, slice: cutSlice(source.registry, uri, reads) });
    } catch {
      // The worker stopped (out of its capped memory on a huge notice): the main thread has no such cap.
      break;
    }
    if ('crash' in answer) throw new Error(answer.crash);
    if ('unsliceable' in answer) break;
    if (!('needs' in answer)) return answer;
    reads = [...new Set([...reads, ...answer.needs])];
    if (retries && round < MAX_ROUNDS) retries.again++;
  }
  if (retries) retries.mainThread++;
  return source.fallback.run(task);
}
