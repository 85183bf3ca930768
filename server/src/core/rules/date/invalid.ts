import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

export const dateInvalid: Rule = {
  id: 'date/invalid',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Ngày tháng không có thật trên lịch, hoặc thiếu chữ “ngày” trước số ngày.', 'A date that does not exist on the calendar, or a day number without the word “ngày”.'),
  check(context) {
    for (const mention of context.facts.dates) {
      const written = context.model.text.slice(mention.start, mention.end).replace(/\s+/gu, ' ');
      if (!mention.valid) {
        const monthProblem = mention.month !== undefined && (mention.month < 1 || mention.month > 12);
        context.report({
          start: mention.start,
          end: mention.end,
          message: monthProblem
            ? msg(`Ngày tháng không có thật: “${written}” — một năm chỉ có 12 tháng. Hãy kiểm tra lại tháng.`, `No such date: “${written}” — a year has 12 months. Check the month.`)
            : msg(`Ngày tháng không có thật trên lịch: “${written}” (tháng ${mention.month} năm ${mention.year} không có ngày ${mention.day}). Hãy kiểm tra lại.`, `No such calendar day: “${written}” (month ${mention.month} of ${mention.year} has no day ${mention.day}). Check the date.`),
        });
      } else if (mention.missingNgay && mention.dayToken) {
        context.report({
          start: mention.dayToken.start,
          end: mention.end,
          message: msg(`Thiếu chữ “ngày” trước số ngày: viết “ngày ${written}”.`, `The word “ngày” is missing before the day: write “ngày ${written}”.`),
          fix: { title: msg('Thêm chữ “ngày”', 'Insert “ngày”'), edits: [{ start: mention.dayToken.start, end: mention.dayToken.start, newText: 'ngày ' }] },
        });
      }
    }
  },
  examples: {
    ok: ['Hoàn thành trước ngày 29 tháng 02 năm 2024.', 'Hoàn thành trước ngày 30 tháng 4 năm 2025.'],
    notOk: ['Hoàn thành trước ngày 31 tháng 4 năm 2025.', 'Báo cáo trước ngày 29 tháng 02 năm 2023.', 'Phấn đấu hoàn thành trước 30 tháng 01 năm 2025.'],
  },
};
