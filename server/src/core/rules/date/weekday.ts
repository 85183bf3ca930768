import type { Rule } from '../../rule.js';
import { WEEKDAYS } from '../../extract/dates.js';
import { weekdayIndex } from '../../dates.js';
import { msg } from '../../types.js';

export const dateWeekday: Rule = {
  id: 'date/weekday',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Thứ trong tuần không khớp với ngày (“thứ Hai, ngày …”).', 'The weekday does not match the date (“thứ Hai, ngày …”).'),
  check(context) {
    for (const mention of context.facts.dates) {
      if (!mention.weekday || !mention.valid || mention.form !== 'day') continue;
      const actual = weekdayIndex({ year: mention.year, month: mention.month!, day: mention.day! });
      if (mention.weekday.index === actual) continue;
      const right = WEEKDAYS[actual]!;
      // Keep a capital first letter when the weekday opens a sentence.
      const replacement = /^\p{Lu}/u.test(mention.weekday.text) ? right[0]!.toUpperCase() + right.slice(1) : right;
      const date = context.model.text.slice(mention.start, mention.end).replace(/\s+/gu, ' ');
      context.report({
        start: mention.weekday.start,
        end: mention.weekday.end,
        message: msg(`“${mention.weekday.text}” không đúng: ${date} là ${right}.`, `“${mention.weekday.text}” is wrong: ${date} is a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][actual]} (${right}).`),
        fix: { title: msg(`Sửa thành “${replacement}”`, `Change to “${replacement}”`), edits: [{ start: mention.weekday.start, end: mention.weekday.end, newText: replacement }] },
      });
    }
  },
  examples: {
    ok: ['Cuộc họp diễn ra vào thứ Sáu, ngày 22 tháng 11 năm 2024 tại trụ sở Chính phủ.'],
    notOk: ['Cuộc họp diễn ra vào thứ Hai, ngày 22 tháng 11 năm 2024 tại trụ sở Chính phủ.'],
  },
};
