import { parse } from 'yaml';

/**
 * Compares an imported notice with a hand conversion the way a reviewer reads
 * them: front matter field by field (comments and the folding of a long
 * `trich-yeu` are layout, not content), then the rest line by line.
 */
export interface Difference {
  where: string;
  fixture: string;
  imported: string;
}

function split(text: string): { fields: Record<string, unknown>; body: string[] } {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(text);
  if (!match) return { fields: {}, body: text.split('\n') };
  return { fields: (parse(match[1]!) as Record<string, unknown>) ?? {}, body: text.slice(match[0].length).split('\n') };
}

const show = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Lines of `a` and `b` that a longest common subsequence leaves out, with their 1-based line numbers in the body. */
function lineDifferences(a: string[], b: string[]): Difference[] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const differences: Difference[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      differences.push({ where: `body line ${j + 1} (imported)`, fixture: '', imported: b[j]! });
      j++;
    } else {
      differences.push({ where: `body line ${i + 1}`, fixture: a[i]!, imported: '' });
      i++;
    }
  }
  return differences;
}

export function compareNotices(fixture: string, imported: string): { differences: Difference[]; units: number } {
  const want = split(fixture);
  const got = split(imported);
  const keys = [...new Set([...Object.keys(want.fields), ...Object.keys(got.fields)])];
  const differences: Difference[] = [];
  for (const key of keys) {
    if (show(want.fields[key]) !== show(got.fields[key])) differences.push({ where: key, fixture: show(want.fields[key]), imported: show(got.fields[key]) });
  }
  differences.push(...lineDifferences(want.body, got.body));
  return { differences, units: keys.length + want.body.length };
}
