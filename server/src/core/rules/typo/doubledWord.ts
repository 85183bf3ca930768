import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

/**
 * Function words that Vietnamese never reduplicates: "chưa chưa bố trí",
 * "mục tiêu đến đến hết năm 2025" (627/TB-VPCP), "được được". Content words
 * are left out on purpose: "từng từng", "người người", "nhà nhà", "ngày
 * ngày", "dần dần", "đời đời" are legitimate reduplication.
 */
const NEVER_DOUBLED = new Set(
  'được chưa đã đang sẽ đến tới của và hoặc các những cho với là trong tại theo để thì về từ bị phải này đó một nhưng mà cũng vẫn vào trên dưới sau trước bằng như nhằm nếu khi đối việc sự cần có không'.split(' '),
);

/** Two words with only spaces (or one line break) between them, in the same block. */
const PAIR = /(?<![\p{L}\p{M}\d])([\p{L}\p{M}]+)([ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)([\p{L}\p{M}]+)(?![\p{L}\p{M}\d])/gu;

export const typoDoubledWord: Rule = {
  id: 'typo/doubled-word',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Một hư từ bị lặp liền nhau (“chưa chưa”, “được được”).', 'A function word written twice in a row (“chưa chưa”, “được được”).'),
  check(context) {
    const { text, prose, body } = context.model;
    const slice = prose.slice(body.start, body.end);
    PAIR.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = PAIR.exec(slice))) {
      const [whole, first, gap, second] = match as unknown as [string, string, string, string];
      // Overlapping pairs: "a b c" is read as "a b" and "b c".
      PAIR.lastIndex = match.index + first.length;
      // The second word in lower case: "Phòng không Không quân" names a service, not a doubled word.
      const word = first.normalize('NFC').toLowerCase();
      if (word !== second.normalize('NFC') || !NEVER_DOUBLED.has(word)) continue;
      const start = body.start + match.index;
      const end = start + whole.length;
      // Only real spaces of the text: blanked markup ("được **được**") is kept apart, it may be deliberate emphasis.
      if (!/^\s+$/u.test(text.slice(start + first.length, start + first.length + gap.length))) continue;
      const written = text.slice(start, end).replace(/\s+/gu, ' ');
      context.report({
        start,
        end,
        message: msg(`Lặp từ: “${written}”; viết một lần: “${first}”.`, `Doubled word: “${written}”; write it once: “${first}”.`),
        fix: { title: msg(`Bỏ “${second}” thừa`, `Remove the extra “${second}”`), edits: [{ start: start + first.length, end, newText: '' }] },
      });
    }
  },
  examples: {
    ok: [
      'Từng bước hoàn thiện thể chế; người người, nhà nhà thi đua; các bộ, ngành chủ động thực hiện.',
      'Khu đất do Trung đoàn 96, Bộ Tư lệnh quân chủng Phòng không Không quân đang quản lý.',
    ],
    notOk: [
      'Kiên quyết không bố trí vốn cho các dự án khác khi chưa chưa bố trí đủ nguồn để triển khai các dự án cao tốc.',
      'Bảo đảm mục tiêu đến\nđến hết năm 2025 cả nước có khoảng 1.700 km đường bộ ven biển.',
      'Thủ tướng Chính phủ trong đó có việc việc ban hành và tổ chức thực hiện các Nghị quyết.',
    ],
  },
};
