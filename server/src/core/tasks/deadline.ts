import { lastDayOf, type DateMention } from '../extract/dates.js';
import { daysInMonth } from '../frontmatter.js';
import type { CalendarDate } from '../types.js';

/**
 * The last day a deadline allows. "trong tháng 3 năm 2024" runs to the end of
 * the month; "trước" excludes what it names: "trước ngày 15 tháng 12" is the
 * 14th, "trước tháng 3" the last day of February, "trước Quý II" 31 March.
 */
export function deadlineDate(mention: DateMention, exclusive: boolean): CalendarDate {
  if (!exclusive) return lastDayOf(mention);
  switch (mention.form) {
    case 'day':
    case 'numeric':
      return dayBefore({ year: mention.year, month: mention.month!, day: mention.day! });
    case 'month':
      return dayBefore({ year: mention.year, month: mention.month!, day: 1 });
    case 'quarter':
      return dayBefore({ year: mention.year, month: (mention.quarter! - 1) * 3 + 1, day: 1 });
    case 'year':
      return { year: mention.year - 1, month: 12, day: 31 };
  }
}

function dayBefore(date: CalendarDate): CalendarDate {
  if (date.day > 1) return { ...date, day: date.day - 1 };
  if (date.month > 1) return { year: date.year, month: date.month - 1, day: daysInMonth(date.year, date.month - 1) };
  return { year: date.year - 1, month: 12, day: 31 };
}
