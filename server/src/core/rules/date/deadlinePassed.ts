import type { Rule } from '../../rule.js';
import { lastDayOf } from '../../extract/dates.js';
import { compareDates, shortDate } from '../../dates.js';
import { msg } from '../../types.js';

export const dateDeadlinePassed: Rule = {
  id: 'date/deadline-passed',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg('Thời hạn giao việc đã qua trước ngày ban hành thông báo.', 'A deadline that lies before the notice’s date of issue.'),
  check(context) {
    const issued = context.noticeDate;
    for (const mention of context.facts.dates) {
      if (!mention.deadline || !mention.valid || mention.where !== 'body') continue;
      const last = lastDayOf(mention);
      if (compareDates(last, issued) >= 0) continue;
      const written = context.model.text.slice(mention.start, mention.end).replace(/\s+/gu, ' ');
      const dateNote = context.noticeDateIsExplicit ? `ngày ban hành ${shortDate(issued)}` : `hôm nay ${shortDate(issued)} (văn bản chưa có ngày ban hành)`;
      const dateNoteEn = context.noticeDateIsExplicit ? `the date of issue ${shortDate(issued)}` : `today ${shortDate(issued)} (the notice has no date yet)`;
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(`Thời hạn “${written}” đã qua so với ${dateNote}. Kiểm tra lại thời hạn.`, `The deadline “${written}” is already past on ${dateNoteEn}. Check the deadline.`),
      });
    }
  },
  examples: {
    ok: [
      'Bộ Công an hoàn thành trong tháng 12 năm 2024.',
      'Bộ Tài chính báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 năm 2024.',
      'Về Chương trình mục tiêu quốc gia xây dựng nông thôn mới, đến hết năm 2016 cả nước có 2.358 xã đạt 19 tiêu chí.',
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nBộ Tài chính đã trình Chính phủ trước ngày 15 tháng 12 năm 2025; hạn ban hành là ngày 30 tháng 12 năm 2025 nhưng đến nay chưa ban hành.\n',
    ],
    notOk: ['Bộ Công an hoàn thành trước ngày 15 tháng 3 năm 2024.', 'Các bộ, ngành hoàn thành trong tháng 10 năm 2024.', 'Bộ Tài chính trình Thủ tướng Chính phủ trong tháng 10 năm 2024.'],
  },
};
