import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { notice } from '../helpers.js';
import { seeds } from './arbitraries.js';
import { analyzeOptions } from './invariants.js';

/**
 * Timing helpers that hold on a loaded machine: they compare two measurements
 * taken in the same run (never a wall-clock limit), and keep the fastest of
 * several runs, since load only ever adds time to CPU-bound work.
 */

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * A full garbage collection before a measurement, so that a run does not pay
 * for the garbage of the runs before it (the cost of a collection grows with
 * the heap, which would make a linear work look superlinear).
 */
export function collectGarbage(): void {
  gc();
}

/** The fastest of `runs` runs of `work`, in milliseconds. */
export function fastestTime(work: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface GrowthOptions {
  /** Runs of the small input (the fastest counts); default 3. */
  smallRuns?: number;
  /** Runs of the large input; default 2. */
  largeRuns?: number;
  /** The small input's time is taken as at least this many ms, so that tiny timings cannot make a ratio; default 20. */
  floor?: number;
  /** Largest accepted ratio for 4× the input; default 8 (linear is 4, quadratic 16). */
  limit?: number;
}

/** time(4n) / time(n) for `work` on `make(n)`, after a warm-up run. */
export function growthRatio<T>(make: (n: number) => T, n: number, work: (input: T) => void, options: GrowthOptions = {}): { ratio: number; small: number; large: number } {
  const smallText = make(n);
  const largeText = make(4 * n);
  work(smallText);
  const small = Math.max(fastestTime(() => work(smallText), options.smallRuns ?? 3), options.floor ?? 20);
  const large = fastestTime(() => work(largeText), options.largeRuns ?? 2);
  return { ratio: large / small, small, large };
}

/** Asserts that 4× the input costs well under 16× (quadratic) the time. */
export function assertLinearGrowth<T>(make: (n: number) => T, n: number, work: (input: T) => void, options: GrowthOptions = {}, what = '4× the input'): void {
  const limit = options.limit ?? 8;
  let { ratio, small, large } = growthRatio(make, n, work, options);
  // One more measurement before failing: a burst of load on another process can land on the large run only.
  if (ratio >= limit) ({ ratio, small, large } = growthRatio(make, n, work, options));
  assert.ok(ratio < limit, `${what} took ${ratio.toFixed(1)}× the time (${Math.round(small)} ms → ${Math.round(large)} ms)`);
}

/** Ordinary notice text of about `size` characters: the real seed notices' bodies, repeated. */
export function ordinaryNotice(size: number): string {
  const bodies = seeds.map(({ text }) => text.slice(text.indexOf('\n---', 3) + 4).split(/\n## Nơi nhận/u)[0]!.trim());
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = bodies[i % bodies.length]!;
    parts.push(part);
    length += part.length + 2;
  }
  return notice(parts.join('\n\n').slice(0, size));
}

/**
 * The machine's speed now: milliseconds to analyse ordinary notice text of
 * about `size` characters (fastest of `runs`). Time bounds are multiples of
 * it, so that a loaded machine slows the bound with the work.
 */
export function ordinaryAnalysisTime(size: number, runs = 2): number {
  const text = ordinaryNotice(size);
  return fastestTime(() => analyzeNotice(text, analyzeOptions), runs);
}
