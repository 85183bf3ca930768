import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ordinaryAnalysisTime } from './timing.js';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { fixAll } from '../../server/src/core/fixAll.js';
import { anyText, frontMatterNotice, mutatedSeed, noticeLikeText, seeds, INVISIBLES, BIDI } from './arbitraries.js';
import { analyzeOptions, checkAnalysis, checkFixes, propertyParameters } from './invariants.js';

/**
 * Properties of the core over text nobody wrote on purpose. `npm test` runs
 * a few dozen cases per property; `npm run fuzz` runs the same properties
 * with FUZZ_RUNS cases. A failure prints fast-check's seed: replay it with
 * FUZZ_SEED=<seed> npx mocha test/reliability/properties.test.ts.
 */
describe('core properties over arbitrary and mutated text', function () {
  this.timeout(Number(process.env.FUZZ_RUNS) > 0 ? 0 : 30000);

  /**
   * Bound of one analysis: "terminates" means "answers while the drafter types". Generated texts are at most
   * a few tens of KB; the bound is 10× an ordinary notice of 50 KB, timed in this run, so load slows both.
   */
  let bound = 0;
  before(() => {
    bound = 10 * ordinaryAnalysisTime(50_000);
  });
  const timed = (text: string) => {
    const started = performance.now();
    checkAnalysis(text);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < bound, `analysis of ${text.length} characters took ${Math.round(elapsed)} ms (bound ${Math.round(bound)} ms)`);
  };

  it('analyzeNotice never throws, terminates, and returns well-formed findings on any Unicode text', () => {
    fc.assert(fc.property(anyText, timed), propertyParameters(60));
  });

  it('… on notice-like token soup (dialect words, dates, invisible and bidi characters)', () => {
    fc.assert(fc.property(noticeLikeText, timed), propertyParameters(60));
  });

  it('… on arbitrary front matter (YAML oddities, wrong types, unknown keys)', () => {
    fc.assert(fc.property(frontMatterNotice, timed), propertyParameters(60));
  });

  it('… on the seed notices with deleted, duplicated and swapped lines, NFD, CRLF, BOM and very long lines', () => {
    fc.assert(fc.property(mutatedSeed, timed), propertyParameters(15));
  });

  it('fixing all is idempotent and introduces no new finding, on token soup and front matter', () => {
    fc.assert(fc.property(fc.oneof(noticeLikeText, frontMatterNotice), checkFixes), propertyParameters(40));
  });

  it('fixing all is idempotent and introduces no new finding, on mutated seeds', () => {
    fc.assert(fc.property(mutatedSeed, checkFixes), propertyParameters(6));
  });

  it('invisible and bidi characters, NFD, CRLF and a BOM never move a finding outside the text', () => {
    // Deterministic companions of the random cases above, one per kind of pasted text.
    for (const seed of seeds) {
      const variants = [
        seed.text.normalize('NFD'),
        seed.text.replace(/\n/gu, '\r\n'),
        `\ufeff${seed.text}`,
        `\ufeff${seed.text.normalize('NFD').replace(/\n/gu, '\r\n')}`,
        seed.text.replace(/ /gu, `${INVISIBLES[0]} `),
        seed.text.replace(/\n/gu, `${BIDI[6]}\n`),
      ];
      for (const variant of variants) checkAnalysis(variant);
      const fixed = fixAll(variants[3]!, analyzeOptions).text;
      assert.equal(fixAll(fixed, analyzeOptions).text, fixed, `fixAll not idempotent on the NFD, CRLF, BOM variant of ${seed.name}`);
    }
  });

  it('a CRLF or BOM copy of a seed gets the same findings as the original, shifted', () => {
    for (const seed of seeds) {
      const plain = analyzeNotice(seed.text, analyzeOptions).findings.map((finding) => `${finding.rule}:${seed.text.slice(finding.start, finding.end)}`);
      const bom = `\ufeff${seed.text}`;
      const withBom = analyzeNotice(bom, analyzeOptions).findings.map((finding) => `${finding.rule}:${bom.slice(finding.start, finding.end)}`);
      assert.deepEqual(withBom, plain, `${seed.name} with a BOM`);
      const crlf = seed.text.replace(/\n/gu, '\r\n');
      const withCrlf = analyzeNotice(crlf, analyzeOptions).findings.map((finding) => `${finding.rule}:${crlf.slice(finding.start, finding.end).replace(/\r\n/gu, '\n')}`);
      assert.deepEqual(withCrlf.sort(), [...plain].sort(), `${seed.name} with CRLF`);
    }
  });
});
