/**
 * The words of the prose, found once per document version and read by every
 * rule that walks words: maximal runs of letters and marks, exactly the
 * matches of /[\p{L}\p{M}]+/gu, kept as offsets in typed arrays so that no
 * string or match object is built for a word nobody looks at.
 */
export interface WordRuns {
  /** The text the runs were found in (the model's prose). */
  readonly text: string;
  /** Where the runs were looked for: a run never extends past these, and what lies outside counts as no character. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** starts[k], ends[k]: UTF-16 offsets of run k in `text`, in text order. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** A set of code points given by a pattern that tests one code point, answered from a table per UTF-16 unit (pairs by the pattern). */
export interface CodePointClass {
  readonly pattern: RegExp;
  /** Per UTF-16 unit: 0 not tested yet, 1 in the class, 2 not. */
  readonly units: Uint8Array;
}

export function codePointClass(pattern: RegExp): CodePointClass {
  return { pattern, units: new Uint8Array(0x10000) };
}

function unitIn(cls: CodePointClass, code: number): boolean {
  let known = cls.units[code]!;
  if (known === 0) cls.units[code] = known = cls.pattern.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** The width in units of the code point of the class starting at `at` (a surrogate pair is one code point), or 0 when there is none before `to`. */
function widthIn(cls: CodePointClass, text: string, at: number, to: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < to) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return cls.pattern.test(text.slice(at, at + 2)) ? 2 : 0;
  }
  // A lone surrogate is tested alone, as the pattern reads it.
  return unitIn(cls, code) ? 1 : 0;
}

export const LETTER_OR_MARK = codePointClass(/^[\p{L}\p{M}]$/u);

/** The runs of letters and marks of text[from, to). */
export function letterRuns(text: string, from = 0, to = text.length): WordRuns {
  return runsOf(text, LETTER_OR_MARK, from, to);
}

/** The maximal runs of code points of a class in text[from, to), as /[class]+/gu finds them. */
export function runsOf(text: string, cls: CodePointClass, from = 0, to = text.length): WordRuns {
  let capacity = 64;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  let i = from;
  while (i < to) {
    let width = widthIn(cls, text, i, to);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += width;
      width = i < to ? widthIn(cls, text, i, to) : 0;
    } while (width > 0);
    if (count === capacity) {
      capacity *= 2;
      const biggerStarts = new Int32Array(capacity);
      const biggerEnds = new Int32Array(capacity);
      biggerStarts.set(starts);
      biggerEnds.set(ends);
      [starts, ends] = [biggerStarts, biggerEnds];
    }
    starts[count] = start;
    ends[count++] = i;
  }
  return { text, from, to, count, starts, ends };
}

/** Where a lookbehind or lookahead may look: the runs' range, or any text read alone. */
export type TextRange = Pick<WordRuns, 'text' | 'from' | 'to'>;

/** True when the code point ending just before `at` belongs to the class, as a lookbehind reads it; false at the start of the range. */
export function classBefore(runs: TextRange, at: number, cls: CodePointClass): boolean {
  if (at <= runs.from) return false;
  const { text } = runs;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at - 2 >= runs.from) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return cls.pattern.test(text.slice(at - 2, at));
  }
  return unitIn(cls, low);
}

/** True when the code point starting at `at` belongs to the class, as a lookahead reads it; false at the end of the range. */
export function classAfter(runs: TextRange, at: number, cls: CodePointClass): boolean {
  return at < runs.to && widthIn(cls, runs.text, at, runs.to) > 0;
}
