import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core/fixAll.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { createShippedRegistry } from '../../server/src/workspace/shippedRegistry.js';
import { matchKey } from '../../server/src/core/text.js';
import type { AnalyzeOptions } from '../../server/src/core/analyze.js';
import { run } from '../helpers.js';

/**
 * Properties of fix-all over the seed notices and generated notices (real
 * sentences with injected mistakes): fixing twice gives the text of fixing
 * once, and fixing never brings a finding that was not there before.
 */
const TODAY = { year: 2024, month: 12, day: 1 };
const registry = createShippedRegistry();
const options: AnalyzeOptions = { knowledge: loadKnowledge(), config: DEFAULT_CONFIG, today: TODAY, registry };

/**
 * A finding as rule + the letters and digits of its text: the same problem
 * keeps its key when a fix elsewhere changed spacing, case, Unicode form,
 * a leading zero or punctuation inside its span.
 */
function keys(text: string): Set<string> {
  return new Set(
    run(text, { today: TODAY, registry }).findings.map((finding) => {
      const written = matchKey(text.slice(finding.start, finding.end)).replace(/[^\p{L}\p{N}]+/gu, '').replace(/(^|\D)0+(?=\d)/gu, '$1');
      return `${finding.rule} “${written}”`;
    }),
  );
}

/**
 * Real mistakes a typo hid: once “Nghị đ ịnh số 73/2019/NĐ-CP …” is mended, the
 * citation is read and its missing issuer shows (seed-errors.md, seed 000 l.53–54, certain).
 */
const REVEALED = new Set(['ref/incomplete-first “nghịđịnhsố732019nđcpngày5tháng9năm2019”']);

function checkFixes(text: string): void {
  const before = keys(text);
  const once = fixAll(text, options).text;
  const twice = fixAll(once, options).text;
  assert.equal(twice, once, 'fixing twice changed the text again');
  const introduced = [...keys(once)].filter((key) => !before.has(key) && !REVEALED.has(key));
  assert.deepEqual(introduced, [], 'fixing introduced new findings');
}

const SENTENCES = [
  'Bộ Công an chủ trì, phối hợp với Văn phòng Chính phủ đôn đốc các bộ, ngành, địa phương triển khai hiệu quả Đề án 06.',
  'Hoàn thiện, trình Chính phủ ban hành Nghị định sửa đổi, bổ sung Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ.',
  'Khẩn trương hoàn thành các nhiệm vụ được giao tại Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.',
  'Cơ sở dữ liệu quốc gia về dân cư đã kích hoạt được trên 57,9 triệu tài khoản VNeID; 1.058.569 người đã có tài khoản.',
  'Ủy ban nhân dân Thành phố Hồ Chí Minh báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2024.',
  'Đẩy mạnh thực hiện thủ tục hành chính trên môi trường điện tử, đơn giản hóa giấy tờ công dân.',
  'Hài hòa lợi ích của Nhà nước, người dân và doanh nghiệp; bảo đảm an ninh, an toàn thông tin.',
  'Sửa đổi văn bản hướng dẫn thi hành Luật Giao dịch điện tử, hoàn thành trước ngày 15 tháng 12 năm 2024.',
  'Bộ Tài chính hoàn thành nhiệm vụ tại điểm b khoản 3 Điều 6 Luật Đầu tư công.',
];

/** Mistakes drafters make, each a text transformation that may not apply to a given sentence. */
const MISTAKES: ((sentence: string) => string)[] = [
  (s) => s.replace('Nghị định', 'Nghị đ ịnh'),
  (s) => s.replace('Nghị quyết', 'Nghị Quyết'),
  (s) => s.replace('Thủ tướng Chính phủ', 'Thủ tướng chính phủ'),
  (s) => s.replace('Thành phố Hồ Chí Minh', 'thành phố Hồ Chí Minh'),
  (s) => s.replace('Luật Giao dịch', 'Luật giao dịch'),
  (s) => s.replace('điểm b khoản 3', 'Điểm b Khoản 3'),
  (s) => s.replace(', ', '  ,'),
  (s) => s.replace(', ', ','),
  (s) => s.replace(' ', '  '),
  (s) => s.replace('57,9', '57.9'),
  (s) => s.replace('1.058.569', '1,058,569'),
  (s) => s.replace('hóa', 'hoá'),
  (s) => s.replace('Hài hòa', 'Ha\u0300i ho\u0300a'),
  (s) => s.replace('Bộ Công an', 'Bộ Công\u200B an'),
  (s) => s.replace('ngày 05 tháng', 'ngày 5 tháng'),
  (s) => s.replace('tháng 3 năm', 'tháng 03 năm'),
  (s) => s.replace('.', ' .'),
  (s) => s.replace('Chính phủ', 'Chính  phủ'),
  (s) => s.replace('Nghị định', 'Nghị Đ ịnh'),
  (s) => s.replace('Thủ tướng Chính phủ', 'Thủ Tướng chi\u0301nh phủ'),
  (s) => s.replace('; ', ' ;'),
  (s) => s.replace('Ủy ban', 'Uỷ ban'),
];

const POINTS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'f'];

const paragraph = fc.record({
  sentence: fc.constantFrom(...SENTENCES),
  mistakes: fc.array(fc.integer({ min: 0, max: MISTAKES.length - 1 }), { maxLength: 3 }),
  number: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  points: fc.array(fc.constantFrom(...POINTS), { maxLength: 3 }),
});

const generated = fc
  .record({
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
    closingEnd: fc.constantFrom('./.', '.', '', './'),
    entryEnd: fc.constantFrom(';', '', '.'),
    luuEnd: fc.constantFrom('.', ';', '', '.VTA'),
    sections: fc.boolean(),
  })
  .map(({ paragraphs, closingEnd, entryEnd, luuEnd, sections }) => {
    const body = paragraphs.flatMap((part, index) => {
      const sentence = part.mistakes.reduce((text, mistake) => MISTAKES[mistake]!(text), part.sentence);
      const heading = sections && index % 2 === 0 ? [`## ${['I', 'II', 'IV', 'III', 'V'][index / 2]}. Về nhiệm vụ`] : [];
      const lines = [...heading, part.number ? `${part.number}. ${sentence}` : sentence];
      for (const letter of part.points) lines.push(`${letter}) ${part.sentence}`);
      return lines;
    });
    return [
      '---',
      'co-quan: Văn phòng Chính phủ',
      'so: 530/TB-VPCP',
      'dia-danh: Hà Nội',
      'ngay: 2024-11-22',
      'loai: Thông báo',
      'trich-yeu: Kết luận của Phó Thủ tướng Chính phủ',
      '---',
      '',
      body.join('\n\n'),
      '',
      `Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện${closingEnd}`,
      '',
      '## Nơi nhận',
      '',
      `- Thủ tướng Chính phủ${entryEnd}`,
      '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
      `- Lưu: VT, KSTT(2)${luuEnd}`,
      '',
      '## Chữ ký',
      '',
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM\\',
      'PHÓ CHỦ NHIỆM',
      '',
      'Cao Huy',
      '',
    ].join('\n');
  });

describe('fix-all properties', function () {
  this.timeout(120_000);

  const seeds = path.join(import.meta.dirname, '..', 'fixtures', 'seeds');
  for (const file of readdirSync(seeds).filter((name) => name.endsWith('.tb.md'))) {
    it(`on seed ${file}: idempotent, introduces nothing`, () => checkFixes(readFileSync(path.join(seeds, file), 'utf8')));
  }

  it('on generated notices with injected mistakes: idempotent, introduces nothing', () => {
    fc.assert(fc.property(generated, (text) => checkFixes(text)), { numRuns: 25, seed: 20241122 });
  });
});
