import type { Span } from './types.js';

/**
 * Spans sorted by start, to ask whether one of them encloses a range without
 * scanning them all: rules ask it for every candidate of a long notice.
 */
export interface SpanIndex {
  readonly spans: readonly Span[];
  /** The length of the longest span: only spans starting that far before a range can enclose it. */
  readonly longest: number;
}

export function spanIndex(spans: readonly Span[]): SpanIndex {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const span of sorted) longest = Math.max(longest, span.end - span.start);
  return { spans: sorted, longest };
}

/** True when a span starts before `start` and ends after `end`, as `spans.some((s) => s.start < start && end < s.end)`. */
export function someEnclosing(index: SpanIndex, start: number, end: number): boolean {
  const { spans } = index;
  // The first span starting at or after start - longest: those before it end too early.
  let low = 0;
  let high = spans.length;
  const from = start - index.longest;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  for (let k = low; k < spans.length && spans[k]!.start < start; k++) if (end < spans[k]!.end) return true;
  return false;
}
