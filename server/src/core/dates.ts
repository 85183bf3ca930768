import type { CalendarDate } from './types.js';

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "ngày 05 tháng 01 năm 2024": day below 10 and months 1–2 padded, months 3–12 not (NĐ 30/2020). */
export function formatVietnameseDate(date: CalendarDate): string {
  return `ngày ${padDay(date.day)} tháng ${padMonth(date.month)} năm ${date.year}`;
}

export function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

export function isoOf(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** "05/01/2024", for messages. */
export function shortDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}

export function todayDate(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function weekdayIndex(date: CalendarDate): number {
  return utcDate(date.year, date.month - 1, date.day).getUTCDay();
}

/**
 * A UTC date of the proleptic Gregorian calendar. Date.UTC reads years 0–99
 * as 1900–1999; setUTCFullYear takes the year as given.
 */
export function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
