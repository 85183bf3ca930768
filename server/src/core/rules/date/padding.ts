import type { Rule } from '../../rule.js';
import type { DateMention } from '../../extract/dates.js';
import { padDay, padMonth } from '../../dates.js';
import { msg, type TextEdit } from '../../types.js';

/** The official form of a written date, keeping the words as the drafter cased them. */
function correctedText(text: string, mention: DateMention, edits: TextEdit[]): string {
  let result = text.slice(mention.start, mention.end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start - mention.start) + edit.newText + result.slice(edit.end - mention.start);
  }
  return result.replace(/\s+/gu, ' ');
}

export const datePadding: Rule = {
  id: 'date/padding',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Ngày dưới 10 và tháng 1, 2 phải có số 0 ở trước; tháng 3 đến 12 không có số 0 (Nghị định 30/2020/NĐ-CP).',
    'Days below 10 and months 1–2 take a leading zero; months 3–12 do not (Decree 30/2020/NĐ-CP).',
  ),
  check(context) {
    for (const mention of context.facts.dates) {
      if (mention.form !== 'day' && mention.form !== 'month') continue;
      const edits: TextEdit[] = [];
      const problems: { vi: string; en: string }[] = [];
      if (mention.dayToken && mention.day !== undefined && mention.day >= 1 && mention.dayToken.text !== padDay(mention.day) && Number(mention.dayToken.text) === mention.day && mention.day < 10) {
        edits.push({ start: mention.dayToken.start, end: mention.dayToken.end, newText: padDay(mention.day) });
        problems.push({ vi: `ngày dưới 10 phải viết “${padDay(mention.day)}”`, en: `a day below 10 is written “${padDay(mention.day)}”` });
      }
      if (mention.monthToken && mention.month !== undefined && mention.month >= 1 && mention.month <= 12 && mention.monthToken.text !== padMonth(mention.month)) {
        edits.push({ start: mention.monthToken.start, end: mention.monthToken.end, newText: padMonth(mention.month) });
        problems.push(
          mention.month <= 2
            ? { vi: `tháng ${mention.month} phải viết “${padMonth(mention.month)}”`, en: `month ${mention.month} is written “${padMonth(mention.month)}”` }
            : { vi: `tháng ${mention.month} không viết số 0 ở trước`, en: `month ${mention.month} takes no leading zero` },
        );
      }
      if (edits.length === 0) continue;
      const official = correctedText(context.model.text, mention, edits);
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(
          `Sai cách viết ngày tháng: ${problems.map((problem) => problem.vi).join('; ')}. Viết đúng: “${official}”.`,
          `Date written wrongly: ${problems.map((problem) => problem.en).join('; ')}. Official form: “${official}”.`,
        ),
        fix: { title: msg(`Sửa thành “${official}”`, `Change to “${official}”`), edits },
      });
    }
  },
  examples: {
    ok: ['Ngày 06 tháng 3 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ đã chủ trì cuộc họp.', 'Khẩn trương hoàn thành trong tháng 02 năm 2024 và trước ngày 15 tháng 12 năm 2024.'],
    notOk: ['Nghị định số 40/2020/NĐ-CP ngày 6 tháng 4 năm 2020 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đầu tư công.', 'Thời gian hoàn thành trước ngày 15 tháng 03 năm 2024.', 'Hoàn thành trong tháng 1 năm 2024.'],
  },
};
