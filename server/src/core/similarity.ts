/** Edit distance (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates nearest to a word, best first, within a distance that grows with the word's length. */
export function nearest(word: string, candidates: readonly string[], key: (text: string) => string = (text) => text, limit = 3): string[] {
  const target = key(word);
  const budget = Math.max(1, Math.floor(target.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(target, key(candidate)) }))
    .filter((scored) => scored.distance <= budget)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((scored) => scored.candidate);
}
