import assert from 'node:assert/strict';
import fc from 'fast-check';
import { someEnclosing, spanIndex } from '../../server/src/core/spanIndex.js';

describe('spanIndex', () => {
  it('answers someEnclosing as a scan of every span does', () => {
    const span = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.nat(70), fc.nat(10), (spans, start, length) => {
        const end = start + length;
        assert.equal(someEnclosing(spanIndex(spans), start, end), spans.some((s) => s.start < start && end < s.end));
      }),
      { numRuns: 3000 },
    );
  });
});
