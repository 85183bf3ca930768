import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldToneMarks, hasCombiningMark, normalizedView } from '../../server/src/core/text.js';
import { loadSeeds } from '../../bench/generate.js';
import { tokenize } from '../../server/src/core/agencyIndex.js';

/** The definition of the view, written plainly: the fast implementation must agree with it on every text. */
function referenceView(original: string): { text: string; originalStart: number[]; originalEnd: number[] } {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const space = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
  let i = 0;
  let lastWasSpace = false;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    if (space(code)) {
      let j = i + 1;
      while (j < original.length && space(original.charCodeAt(j))) j++;
      if (!lastWasSpace) {
        out.push(' ');
        starts.push(i);
        ends.push(j);
      }
      lastWasSpace = true;
      i = j;
      continue;
    }
    lastWasSpace = false;
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < original.length ? 2 : 1);
    while (j < original.length && /\p{M}/u.test(original[j]!)) j++;
    const normalized = original.slice(i, j).normalize('NFC').toLowerCase();
    for (let k = 0; k < normalized.length; k++) {
      out.push(normalized[k]!);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { text: foldToneMarks(out.join('')), originalStart: starts, originalEnd: ends };
}

function same(text: string): void {
  const view = normalizedView(text);
  const reference = referenceView(text);
  assert.equal(view.text, reference.text);
  assert.deepEqual([...view.originalStart], reference.originalStart);
  assert.deepEqual([...view.originalEnd], reference.originalEnd);
}

describe('normalizedView', () => {
  it('agrees with its plain definition on the seeds, in NFC and in NFD', () => {
    for (const seed of loadSeeds()) {
      same(seed.text);
      same(seed.text.normalize('NFD'));
    }
  });

  it('agrees with its plain definition on any text, surrogates, marks and special cases included', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('Hoà', 'THUỶ', 'İ', 'ẞ', 'Ω', 'Å', 'ﬁ', '\ufeff', '\ud800', '\udc00x', '😀', 'e\u0301\u0323', 'Ơ\u0301', '  \t\n\u00a0', 'Ủy ban', 'Quý'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => same(pieces.join(''))), { numRuns: 500 });
  });

  it('finds a combining mark exactly where /\\p{M}/u does', () => {
    for (const seed of loadSeeds()) {
      assert.equal(hasCombiningMark(seed.text), false);
      assert.equal(hasCombiningMark(seed.text.normalize('NFD')), true);
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => assert.equal(hasCombiningMark(text), /\p{M}/u.test(text))), { numRuns: 2000 });
  });
});

describe('tokenize', () => {
  const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
  const byPattern = (text: string) => [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], start: match.index!, end: match.index! + match[0].length }));

  it('finds the tokens its pattern describes, on the seeds and on any text', () => {
    for (const seed of loadSeeds()) assert.deepEqual(tokenize(normalizedView(seed.text).text), byPattern(normalizedView(seed.text).text));
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(' ', 'Bộ', '𝐀𝐁', '\ud800', '\udc00', '\u2003', '1.', 'TP.', 'e\u0301'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => assert.deepEqual(tokenize(pieces.join('')), byPattern(pieces.join('')))), { numRuns: 2000 });
  });
});
