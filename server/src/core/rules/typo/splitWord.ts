import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

export const typoSplitWord: Rule = {
  id: 'typo/split-word',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Dấu cách thừa chen vào giữa một chữ của thuật ngữ chính thức (“Nghị đ ịnh”).',
    'A stray space inside a word of an official term (“Nghị đ ịnh”).',
  ),
  check(context) {
    const { text } = context.model;
    for (const mention of context.facts.terms) {
      if (mention.kind !== 'split' || !mention.gap) continue;
      const written = text.slice(mention.start, mention.end);
      const joined = text.slice(mention.start, mention.gap.start) + text.slice(mention.gap.end, mention.end);
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(`Có dấu cách thừa giữa chữ: “${written}”; viết đúng: “${joined}”.`, `A stray space splits a word: “${written}”; write “${joined}”.`),
        fix: { title: msg(`Sửa thành “${joined}”`, `Change to “${joined}”`), edits: [{ start: mention.gap.start, end: mention.gap.end, newText: '' }] },
      });
    }
  },
  examples: {
    ok: ['Hoàn thiện, trình Chính phủ ban hành Nghị định sửa đổi, bổ sung Nghị định số 73/2019/NĐ-CP.', 'Bộ Tài chính chủ trì, phối hợp với Bộ Công an.'],
    notOk: ['Hoàn thiện, trình Chính phủ ban hành Nghị định sửa đổi, bổ sung Nghị đ ịnh số 73/2019/NĐ-CP.', 'Báo cáo Thủ tướng Chính ph ủ trong tháng 3 năm 2024.'],
  },
};
