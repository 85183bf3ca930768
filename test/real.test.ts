import assert from 'node:assert/strict';
import { compare, realNotices, type ReviewEntry } from './fixtures/real/review.js';

/**
 * Golden reviews of the real notices (test/fixtures/real/README.md): every error and warning is
 * reviewed as a true finding or a false alarm; a reviewed true finding must not disappear.
 */
describe('real notices: golden reviews', () => {
  const notices = realNotices();
  const falseAlarms: Array<ReviewEntry & { notice: string }> = [];
  let confirmed = 0;

  it('has the 45 notices of the corpus', () => assert.equal(notices.length, 45));

  for (const notice of notices) {
    it(notice, () => {
      const result = compare(notice);
      confirmed += result.confirmed.length;
      falseAlarms.push(...result.falseAlarms.map((entry) => ({ ...entry, notice })));
      const problems = [
        ...result.unreviewed.map((finding) => `not reviewed: ${finding.line} ${finding.rule} “${finding.quote}” — ${finding.message}`),
        ...result.lostTrue.map((entry) => `true finding lost: ${entry.line} ${entry.rule} “${entry.quote}”`),
        ...result.fixedFalseAlarms.map((entry) => `false alarm gone, remove its entry: ${entry.line} ${entry.rule} “${entry.quote}”`),
      ];
      assert.deepEqual(problems, [], `${notice} (npx tsx test/fixtures/real/unreviewed.ts ${notice})`);
    });
  }

  after(() => {
    const perTen = (falseAlarms.length * 10) / Math.max(notices.length, 1);
    console.log(`\n  real notices: ${confirmed} true findings, ${falseAlarms.length} false alarms left (${perTen.toFixed(1)} per 10 notices)`);
    for (const entry of falseAlarms) console.log(`    ${entry.notice}:${entry.line} ${entry.rule} “${entry.quote}” — ${entry.reason}`);
  });
});
