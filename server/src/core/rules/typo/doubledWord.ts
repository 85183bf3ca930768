import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { classAfter, classBefore, codePointClass } from '../../words.js';

/**
 * Function words that Vietnamese never reduplicates: "chưa chưa bố trí",
 * "mục tiêu đến đến hết năm 2025" (627/TB-VPCP), "được được". Content words
 * are left out on purpose: "từng từng", "người người", "nhà nhà", "ngày
 * ngày", "dần dần", "đời đời" are legitimate reduplication.
 */
const NEVER_DOUBLED = new Set(
  'được chưa đã đang sẽ đến tới của và hoặc các những cho với là trong tại theo để thì về từ bị phải này đó một nhưng mà cũng vẫn vào trên dưới sau trước bằng như nhằm nếu khi đối việc sự cần có không'.split(' '),
);

/** Only spaces (or one line break) between two words: the same block. */
const GAP = /^(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)$/u;
const DIGIT = codePointClass(/^\d$/u);

export const typoDoubledWord: Rule = {
  id: 'typo/doubled-word',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Một hư từ bị lặp liền nhau (“chưa chưa”, “được được”).', 'A function word written twice in a row (“chưa chưa”, “được được”).'),
  check(context) {
    const { text, prose } = context.model;
    const words = context.facts.bodyWords;
    // Each pair of neighbouring words: "a b c" is read as "a b" and "b c".
    for (let k = 0; k + 1 < words.count; k++) {
      const start = words.starts[k]!;
      const firstEnd = words.ends[k]!;
      const secondStart = words.starts[k + 1]!;
      const end = words.ends[k + 1]!;
      const second = prose.slice(secondStart, end);
      // Set membership first: the second word must be a function word as written, in lower case ("Phòng không Không quân" names a service).
      const secondComposed = second.normalize('NFC');
      if (!NEVER_DOUBLED.has(secondComposed)) continue;
      const first = prose.slice(start, firstEnd);
      if (first.normalize('NFC').toLowerCase() !== secondComposed) continue;
      if (classBefore(words, start, DIGIT) || classAfter(words, end, DIGIT)) continue;
      const gap = prose.slice(firstEnd, secondStart);
      if (!GAP.test(gap)) continue;
      // Only real spaces of the text: blanked markup ("được **được**") is kept apart, it may be deliberate emphasis.
      if (!/^\s+$/u.test(text.slice(firstEnd, secondStart))) continue;
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
