import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../server/src/core/import/index.js';
import { readText } from '../../server/src/import/text.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { compareNotices, type Difference } from './compare.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const seeds = path.resolve(root, '..', 'shared', 'seeds');
const golden = JSON.parse(readFileSync(path.join(root, 'test/fixtures/import/seed-differences.json'), 'utf8')) as {
  seeds: Record<string, { seed: string; differences: (Difference & { reason: string })[] }>;
};

describe('import: the four seed texts give the hand conversions', () => {
  const knowledge = loadKnowledge();
  let units = 0;
  let differing = 0;
  for (const [fixture, expected] of Object.entries(golden.seeds)) {
    it(`${expected.seed} → test/fixtures/seeds/${fixture}.tb.md, except the listed differences`, () => {
      const result = importDocument(readText(readFileSync(path.join(seeds, expected.seed), 'utf8')), knowledge);
      const comparison = compareNotices(readFileSync(path.join(root, 'test/fixtures/seeds', `${fixture}.tb.md`), 'utf8'), result.text);
      assert.deepEqual(comparison.differences, expected.differences.map(({ reason: _reason, ...difference }) => difference));
      for (const difference of expected.differences) assert.ok(difference.reason.length > 20, `a reason for ${difference.where}`);
      units += comparison.units;
      differing += comparison.differences.length;
    });
  }
  it('fewer than 3 % of all compared units differ', () => {
    assert.ok(units > 300);
    assert.ok(differing / units < 0.03, `${differing} of ${units}`);
  });

  it('every empty field of a headerless seed is reported as missing, never invented', () => {
    const result = importDocument(readText(readFileSync(path.join(seeds, '000_857d7fd2e91db640.txt'), 'utf8')), knowledge);
    const missing = result.report.filter((entry) => entry.kind === 'missing').map((entry) => entry.message.en);
    assert.deepEqual(missing, ['No “Số: …” found: “so” is left empty.', 'No place and date found: “dia-danh” is left empty.', 'No date of issue found: “ngay” is left empty.']);
    assert.ok(result.report.some((entry) => entry.kind === 'guessed' && /co-quan/u.test(entry.message.en)));
  });

  it('seed 003: header fields, the portal stamp dropped with its lines, footnotes moved to the end', () => {
    const result = importDocument(readText(readFileSync(path.join(seeds, '003_11eb2751877afa08.txt'), 'utf8')), knowledge);
    assert.deepEqual(result.fields, { 'co-quan': 'Văn phòng Chính phủ', so: '530/TB-VPCP', 'dia-danh': 'Hà Nội', ngay: '2024-11-22', loai: 'Thông báo', 'trich-yeu': 'Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình tại Hội nghị thúc đẩy triển khai các nhiệm vụ Đề án 06' });
    assert.deepEqual(result.report.filter((entry) => entry.kind === 'dropped').map((entry) => entry.source?.line), [15, 16, 17]);
    assert.deepEqual(result.stats, { bodyParagraphs: 22, footnotes: 2, recipients: 7, signature: true, closing: true });
    assert.equal(result.lineSources[result.text.split('\n').indexOf('## I. Về kết quả đạt được')]?.line, 23);
  });
});
