import type { Rule } from '../../rule.js';
import { formatVietnameseDate } from '../../dates.js';
import { msg } from '../../types.js';

export const dateNumeric: Rule = {
  id: 'date/numeric',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Ngày tháng viết bằng số (22/11/2024) trong nội dung văn bản; phải viết “ngày 22 tháng 11 năm 2024”.', 'A numeric date (22/11/2024) in running text; write “ngày 22 tháng 11 năm 2024”.'),
  check(context) {
    for (const mention of context.facts.dates) {
      if (mention.form !== 'numeric') continue;
      const written = context.model.text.slice(mention.start, mention.end);
      if (!mention.valid) continue; // date/invalid territory only for dates in words; a numeric non-date may be a ratio.
      const official = formatVietnameseDate({ year: mention.year, month: mention.month!, day: mention.day! });
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(`Không viết ngày tháng bằng số “${written}” trong văn bản; viết “${official}”.`, `Do not write the date as “${written}” in the text; write “${official}”.`),
        fix: { title: msg(`Viết thành “${official}”`, `Write “${official}”`), edits: [{ start: mention.start, end: mention.end, newText: official }] },
      });
    }
  },
  examples: {
    ok: ['Hội nghị ngày 22 tháng 11 năm 2024 đã thống nhất.', 'Tỷ lệ đạt 3/4 chỉ tiêu theo Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.'],
    notOk: ['Hội nghị ngày 22/11/2024 đã thống nhất các nội dung.'],
  },
};
