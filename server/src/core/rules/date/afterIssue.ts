import type { Rule } from '../../rule.js';
import { compareDates, shortDate } from '../../dates.js';
import { msg, type CalendarDate } from '../../types.js';

export const dateAfterIssue: Rule = {
  id: 'date/after-issue',
  defaultSeverity: 'error',
  fixable: false,
  description: msg('Ngày họp hoặc ngày của văn bản được dẫn lại sau ngày ban hành thông báo.', 'A meeting date or a cited document’s date falls after the notice’s own date.'),
  check(context) {
    const issued = context.noticeDate;
    const severity = context.noticeDateIsExplicit ? undefined : 'warning';
    const late = (mention: { start: number; end: number }, date: CalendarDate, vi: string, en: string) => {
      if (compareDates(date, issued) <= 0) return;
      context.report({ start: mention.start, end: mention.end, ...(severity ? { severity } : {}), message: msg(vi, en) });
    };
    for (const mention of context.facts.dates) {
      if (!mention.meeting || !mention.valid || mention.form !== 'day') continue;
      const date = { year: mention.year, month: mention.month!, day: mention.day! };
      late(
        mention,
        date,
        `Ngày họp ${shortDate(date)} sau ngày ban hành thông báo (${shortDate(issued)}): thông báo kết luận chỉ ban hành sau cuộc họp. Kiểm tra lại ngày họp hoặc trường “ngay”.`,
        `The meeting date ${shortDate(date)} is after the notice’s date (${shortDate(issued)}): a conclusion notice is issued after the meeting. Check the meeting date or the “ngay” field.`,
      );
    }
    for (const citation of context.facts.citations) {
      const mention = citation.date;
      if (!mention || !mention.valid || citation.symbol.party) continue;
      const date = { year: mention.year, month: mention.month, day: mention.day };
      late(
        mention,
        date,
        `Văn bản số ${citation.symbol.corrected} được dẫn với ngày ${shortDate(date)}, sau ngày ban hành thông báo (${shortDate(issued)}): không thể dẫn một văn bản chưa ban hành. Kiểm tra lại ngày của văn bản được dẫn hoặc trường “ngay”.`,
        `Document ${citation.symbol.corrected} is cited as of ${shortDate(date)}, after the notice’s date (${shortDate(issued)}): a document not yet issued cannot be cited. Check the cited date or the “ngay” field.`,
      );
    }
  },
  examples: {
    ok: ['Ngày 14 tháng 11 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ đã chủ trì Hội nghị.'],
    notOk: [
      'Ngày 25 tháng 11 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ đã chủ trì Hội nghị.',
      'Triển khai Nghị quyết số 28/NQ-CP ngày 05 tháng 12 năm 2024 của Chính phủ.',
    ],
  },
};
