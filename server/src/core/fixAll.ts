import { analyzeNotice, type AnalyzeOptions } from './analyze.js';
import { applyEdits, uniqueEdits } from './fixes.js';
import type { Finding } from './types.js';

/** Edits of every certain fix of the given findings (duplicates removed; overlaps resolved by applyEdits). */
export function fixEdits(findings: Finding[]) {
  return uniqueEdits(findings.flatMap((finding) => finding.fix?.edits ?? []));
}

/**
 * Applies all certain fixes until the text is stable (a fix may reveal another,
 * e.g. after renumbering), at most a few rounds.
 */
export function fixAll(text: string, options: AnalyzeOptions, maxRounds = 5): { text: string; rounds: number } {
  let current = text;
  for (let round = 1; round <= maxRounds; round++) {
    const edits = fixEdits(analyzeNotice(current, options).findings);
    if (edits.length === 0) return { text: current, rounds: round - 1 };
    const next = applyEdits(current, edits).text;
    if (next === current) return { text: current, rounds: round - 1 };
    current = next;
  }
  return { text: current, rounds: maxRounds };
}
