import type { NoticeModel } from '../model.js';
import type { Span } from '../types.js';
import { isRealDate, daysInMonth } from '../frontmatter.js';

export interface Token extends Span {
  text: string;
}

/** A date written in the notice, in one of the forms of dialect §6. */
export interface DateMention extends Span {
  form: 'day' | 'month' | 'quarter' | 'year' | 'numeric';
  year: number;
  month?: number;
  day?: number;
  quarter?: number;
  dayToken?: Token;
  monthToken?: Token;
  /** For a "D tháng M năm Y" written without the word "ngày". */
  missingNgay: boolean;
  /** True when the calendar day exists (always true for month/quarter/year forms). */
  valid: boolean;
  /** Preceded by "trước", "chậm nhất", "hoàn thành trong", … or "trong" in a clause that gives a task ("trình … trong tháng 11 năm 2023"). */
  deadline: boolean;
  /** The date of the meeting the notice concludes ("Ngày 06 tháng 3 năm 2024, tại …"). */
  meeting: boolean;
  /** "thứ Hai, " before the date. */
  weekday?: Token & { index: number };
  /** Where the date was written. */
  where: 'body' | 'subject';
}

/** Weekday names as Nghị định 30 writes them (index = JS getUTCDay). */
export const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

const S = '[\\s\\u00a0]+';
const NOT_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{N}])';
const WEEKDAY = `(?:(thứ${S}(?:hai|ba|tư|năm|sáu|bảy)|chủ${S}nhật)\\s*,?${S})?`;

// Each pattern opens with a lookahead on its possible first letters: a leading lookbehind alone is tried at every offset.
const DAY_DATE = new RegExp(`(?=[tcn\\d])${NOT_BEFORE}${WEEKDAY}(?:(ngày)${S})?(\\d{1,3})${S}tháng${S}(\\d{1,3})${S}năm${S}(\\d{4})${NOT_AFTER}`, 'giu');
const MONTH_DATE = new RegExp(`(?=t)${NOT_BEFORE}tháng${S}(\\d{1,3})${S}năm${S}(\\d{4})${NOT_AFTER}`, 'giu');
const QUARTER_DATE = new RegExp(`(?=q)${NOT_BEFORE}quý${S}(IV|I{1,3}|[1-4])${S}năm${S}(\\d{4})${NOT_AFTER}`, 'giu');
const YEAR_DEADLINE = new RegExp(`(?=[tc])${NOT_BEFORE}(?:trong|chậm nhất|trước)${S}năm${S}(\\d{4})${NOT_AFTER}`, 'giu');
const NUMERIC_DATE = /(?<![\p{L}\p{N}/.\-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{L}\p{N}/\-])/gu;

/** Words before a bare "D tháng M năm Y" that show it is a date missing its "ngày". */
const BARE_DAY_CONTEXT = /(?:trước|đến|từ|vào|hết|hạn)[\s\u00a0]+$/iu;
/**
 * Words right before a date that make it a deadline. "đến hết", "tính đến", "từ … đến …" are cut-off
 * dates of a report ("số liệu tính đến hết ngày 30 tháng 9 năm 2025"): they describe the past.
 */
const DEADLINE_CONTEXT = /(?:trước|chậm nhất|hoàn thành|thời hạn|hạn chót|xong)(?:[\s\u00a0]+(?:trong|vào|là|trước|ngày|cuối))*[\s\u00a0]*$/iu;
/** "trong tháng 11 năm 2023" (or quý, năm) is a deadline when the clause gives a task: "trình … trong tháng 11 năm 2023". */
const IN_PERIOD = /(?<![\p{L}\p{N}])trong[\s\u00a0]+$/iu;
/** "báo cáo kết quả thực hiện trong năm 2024": the period is what was done, not when the task is due. */
const DONE_IN_PERIOD = /(?<![\p{L}\p{N}])(?:thực hiện|triển khai|đạt được|phát sinh|hoạt động|tình hình)[\s\u00a0]+trong[\s\u00a0]+$/iu;
const PAST_AFTER = /^[\s\u00a0]*(?:vừa qua|qua|trước đây|trở về trước)(?![\p{L}\p{N}])/iu;
/** "đã hoàn thành trước ngày …", "đã trình Chính phủ trước ngày …": what was done by then, not a task given. */
const DONE_BEFORE = /(?<![\p{L}\p{N}])(?:đã|vừa)(?:[\s\u00a0]+[\p{L}\p{M}]+){0,3}[\s\u00a0]+(?:trước|hoàn thành|xong)(?:[\s\u00a0]+(?:trong|vào|là|trước|ngày|cuối))*[\s\u00a0]*$/iu;
/** "hạn … là ngày 30 tháng 9 năm 2026 nhưng đến nay chưa hoàn thành": a deadline reported as missed, not set again. */
const REPORTED_AFTER = /^[\s\u00a0,]*(?:(?:nhưng|song|tuy nhiên)[\s\u00a0,]+)?(?:đến nay|tới nay|hiện nay)[\s\u00a0,]+(?:vẫn[\s\u00a0]+)?(?:chưa|đã)(?![\p{L}\p{N}])/iu;
/** A task verb; one after "đã", "vừa" (done) or after "với", "các", "nghe" (a noun: "báo cáo") sets no task. */
const TASK_VERB = /(?<![\p{L}\p{N}])(?:(đã|đã được|vừa|được|với|các|những|nghe|theo|tại|của|bản|dự thảo)[\s\u00a0]+)?(?:trình|ban hành|báo cáo|gửi|hoàn thành|hoàn thiện|xong|tổ chức|sửa đổi|phê duyệt|tổng kết|sơ kết)(?![\p{L}\p{N}])/giu;
const CLAUSE_START = /[.;:!?\n](?=[^.;:!?\n]*$)/u;
const MEETING_CONTEXT = /(?:cuộc họp|hội nghị|phiên họp|buổi làm việc|hội thảo|tọa đàm|toạ đàm)[\s\u00a0]+(?:ngày[\s\u00a0]+)?$/iu;

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Finds every date of the body prose and of the subject line (trích yếu). */
export function extractDates(model: NoticeModel): DateMention[] {
  const mentions: DateMention[] = [];
  scan(model.prose, model.body.start, model.body.end, 'body', mentions, model);
  const subject = model.frontMatter?.fields.find((field) => field.key === 'trich-yeu');
  if (subject && typeof subject.value === 'string') {
    scan(model.text, subject.valueSpan.start, subject.valueSpan.end, 'subject', mentions, model);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function scan(source: string, from: number, to: number, where: DateMention['where'], out: DateMention[], model: NoticeModel): void {
  const slice = source.slice(from, to);
  const taken: Span[] = [];
  const overlaps = (start: number, end: number) => taken.some((span) => start < span.end && end > span.start);
  const before = (start: number) => slice.slice(Math.max(0, start - from - 48), start - from);
  const isDeadline = (start: number, end: number) => {
    const near = before(start);
    if (REPORTED_AFTER.test(slice.slice(end - from, end - from + 32))) return false;
    if (DEADLINE_CONTEXT.test(near)) return !DONE_BEFORE.test(near);
    if (!IN_PERIOD.test(near) || DONE_IN_PERIOD.test(near) || PAST_AFTER.test(slice.slice(end - from, end - from + 16))) return false;
    const window = slice.slice(Math.max(0, start - from - 160), start - from);
    const clause = window.slice(window.search(CLAUSE_START) + 1);
    return [...clause.matchAll(TASK_VERB)].some((verb) => !verb[1]);
  };

  for (const match of slice.matchAll(DAY_DATE)) {
    const [whole, weekdayText, ngay, dayText, monthText, yearText] = match;
    const start = from + match.index!;
    const weekdayLength = weekdayText ? whole.indexOf(ngay ?? dayText!, weekdayText.length) : 0;
    const dateStart = start + weekdayLength;
    if (!ngay && !BARE_DAY_CONTEXT.test(before(dateStart))) continue;
    const end = start + whole.length;
    const [day, month, year] = [Number(dayText), Number(monthText), Number(yearText)];
    const dayOffset = dateStart + whole.slice(weekdayLength).indexOf(dayText!, ngay ? ngay.length : 0);
    const monthOffset = dayOffset + dayText!.length + whole.slice(dayOffset - start + dayText!.length).search(/\d/u);
    const mention: DateMention = {
      form: 'day',
      start: dateStart,
      end,
      year,
      month,
      day,
      dayToken: { start: dayOffset, end: dayOffset + dayText!.length, text: dayText! },
      monthToken: { start: monthOffset, end: monthOffset + monthText!.length, text: monthText! },
      missingNgay: !ngay,
      valid: isRealDate(year, month, day),
      deadline: isDeadline(dateStart, end),
      meeting: isMeetingDate(model, source, dateStart, before(dateStart), where),
      where,
    };
    if (weekdayText) {
      const name = weekdayText.replace(/[\s\u00a0]+/gu, ' ').toLowerCase();
      const index = WEEKDAYS.findIndex((weekday) => weekday.toLowerCase() === name);
      mention.weekday = { start, end: start + weekdayText.length, text: weekdayText, index };
    }
    out.push(mention);
    taken.push({ start: dateStart, end });
  }
  for (const match of slice.matchAll(MONTH_DATE)) {
    const start = from + match.index!;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    const monthOffset = start + match[0].search(/\d/u);
    const [month, year] = [Number(match[1]), Number(match[2])];
    out.push({
      form: 'month',
      start,
      end,
      year,
      month,
      monthToken: { start: monthOffset, end: monthOffset + match[1]!.length, text: match[1]! },
      missingNgay: false,
      valid: month >= 1 && month <= 12,
      deadline: isDeadline(start, end),
      meeting: false,
      where,
    });
    taken.push({ start, end });
  }
  for (const match of slice.matchAll(QUARTER_DATE)) {
    const start = from + match.index!;
    out.push({
      form: 'quarter',
      start,
      end: start + match[0].length,
      year: Number(match[2]),
      quarter: QUARTERS[match[1]!.toUpperCase()]!,
      missingNgay: false,
      valid: true,
      deadline: isDeadline(start, start + match[0].length),
      meeting: false,
      where,
    });
  }
  for (const match of slice.matchAll(YEAR_DEADLINE)) {
    const yearOffset = from + match.index! + match[0].length - match[1]!.length;
    const start = from + match.index!;
    if (overlaps(start, start + match[0].length)) continue;
    const yearStart = yearOffset - 'năm '.length;
    out.push({ form: 'year', start: yearStart, end: yearOffset + 4, year: Number(match[1]), missingNgay: false, valid: true, deadline: !/^trong/iu.test(match[0]) || isDeadline(yearStart, yearOffset + 4), meeting: false, where });
  }
  if (where === 'body') {
    for (const match of slice.matchAll(NUMERIC_DATE)) {
      const start = from + match.index!;
      const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      out.push({ form: 'numeric', start, end: start + match[0].length, year, month, day, missingNgay: false, valid: isRealDate(year, month, day), deadline: isDeadline(start, start + match[0].length), meeting: false, where });
    }
  }
}

/**
 * A meeting date opens a body paragraph ("Ngày 06 tháng 3 năm 2024, tại …") or follows "cuộc họp",
 * "hội nghị" in the opening, before the first heading or item: a "cuộc họp ngày …" further on may be
 * the next meeting ("cho ý kiến tại cuộc họp ngày 21 tháng 3 năm 2014").
 */
function isMeetingDate(model: NoticeModel, source: string, start: number, before: string, where: DateMention['where']): boolean {
  if (MEETING_CONTEXT.test(before) && (where === 'subject' || (inOpening(model, start) && !plansMeeting(source, start)))) return true;
  if (where !== 'body') return false;
  const block = model.blocks.find((candidate) => candidate.start <= start && start < candidate.end);
  if (!block || block.kind !== 'paragraph' || block.section !== 'body' || block.listItem !== undefined) return false;
  return source.slice(block.start, start).trim() === '' && /^ngày/iu.test(source.slice(start, start + 4));
}

/** "Giao Bộ Tài chính tổ chức Hội nghị ngày …", "Hội nghị sẽ …", "dự kiến": a meeting still to come, not the one reported. */
const PLANNED = /(?<![\p{L}\p{N}])(?:sẽ|dự kiến|chuẩn bị|kế hoạch|giao|đề nghị|triệu tập|(?<!đã[\s\u00a0]|được[\s\u00a0])tổ chức)(?![\p{L}\p{N}])/iu;

/** The clause before a meeting's date plans that meeting. */
function plansMeeting(source: string, start: number): boolean {
  const window = source.slice(Math.max(0, start - 160), start);
  return PLANNED.test(window.slice(window.search(CLAUSE_START) + 1));
}

/** The offset lies in the body's opening paragraphs, before any heading or list item. */
function inOpening(model: NoticeModel, offset: number): boolean {
  for (const block of model.blocks) {
    if (block.section !== 'body' || block.inFootnote) continue;
    if (block.kind === 'heading' || block.listItem !== undefined) return false;
    if (block.start <= offset && offset < block.end) return true;
  }
  return false;
}

/** The last calendar day a mention covers (a month deadline runs to its last day). */
export function lastDayOf(mention: DateMention): { year: number; month: number; day: number } {
  switch (mention.form) {
    case 'day':
    case 'numeric':
      return { year: mention.year, month: mention.month!, day: mention.day! };
    case 'month':
      return { year: mention.year, month: mention.month!, day: daysInMonth(mention.year, mention.month!) };
    case 'quarter':
      return { year: mention.year, month: mention.quarter! * 3, day: daysInMonth(mention.year, mention.quarter! * 3) };
    case 'year':
      return { year: mention.year, month: 12, day: 31 };
  }
}
