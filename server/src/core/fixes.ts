import type { TextEdit } from './types.js';

/**
 * The one engine that applies fixes: edits sorted, applied from the end so
 * offsets stay valid, and any edit overlapping one already taken is skipped
 * (the next run picks it up).
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = -1;
  let skipped = 0;
  for (const edit of sorted) {
    // Two insertions at the same point, or an edit inside the previous one, would conflict.
    if (edit.start < lastEnd || (chosen.length > 0 && edit.start === lastEnd && edit.start === edit.end && chosen[chosen.length - 1]!.start === edit.start)) {
      skipped++;
      continue;
    }
    chosen.push(edit);
    lastEnd = edit.end;
  }
  // One pass over the text: rebuilding it once per edit was quadratic in the number of edits.
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of chosen) {
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = Math.max(cursor, edit.end);
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied: chosen.length, skipped };
}

/** Drops duplicate edits (two findings proposing the very same change). */
export function uniqueEdits(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
