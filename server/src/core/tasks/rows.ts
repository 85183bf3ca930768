import type { NoticeModel } from '../model.js';
import { LineIndex } from '../positions.js';
import { compareDates, isoOf } from '../dates.js';
import { stripDiacritics } from '../text.js';
import type { CalendarDate, Range } from '../types.js';
import type { Task } from './types.js';

/** A task as tables, the CLI and the LSP request show it: plain values, located by line and range. */
export interface TaskRow {
  /** The notice's subject (trích yếu). */
  notice: string;
  number: string;
  /** Date of issue, ISO, or '' for a draft. */
  date: string;
  agency: string;
  partners: string[];
  task: string;
  /** ISO date, 'recurring', or '' when the task has no deadline. */
  deadline: string;
  reportTo: string;
  shared: boolean;
  /** 1-based line of the task's first character. */
  line: number;
  range: Range;
}

export function taskRows(model: NoticeModel, tasks: readonly Task[]): TaskRow[] {
  const lines = new LineIndex(model.text);
  const { meta } = model;
  return tasks.map((task) => {
    const range = { start: lines.positionAt(task.start), end: lines.positionAt(task.end) };
    return {
      notice: (meta.subject ?? '').replace(/\s+/gu, ' ').trim(),
      number: meta.number ?? '',
      date: meta.date ? isoOf(meta.date) : '',
      agency: task.agency.name,
      partners: task.partners.map((partner) => partner.name),
      task: task.text,
      deadline: !task.deadline ? '' : task.deadline.kind === 'recurring' ? 'recurring' : isoOf(task.deadline.date!),
      reportTo: task.reportTo ?? '',
      shared: task.shared,
      line: range.start.line + 1,
      range,
    };
  });
}

export interface TaskFilter {
  /** Keeps tasks whose agency or a partner contains this (case and tone marks ignored). */
  agency?: string;
  /** Keeps tasks due on or before this day. */
  before?: CalendarDate;
  /** Keeps tasks due before `today`. */
  overdue?: boolean;
  today: CalendarDate;
}

const fold = (text: string) => stripDiacritics(text.normalize('NFC')).toLowerCase();

function dateOf(iso: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** True when a dated task's deadline lies before today. */
export function isOverdue(row: Pick<TaskRow, 'deadline'>, today: CalendarDate): boolean {
  const due = dateOf(row.deadline);
  return due !== undefined && compareDates(due, today) < 0;
}

export function filterRows(rows: readonly TaskRow[], filter: TaskFilter): TaskRow[] {
  const wanted = filter.agency ? fold(filter.agency) : undefined;
  return rows.filter((row) => {
    if (wanted && ![row.agency, ...row.partners].some((name) => fold(name).includes(wanted))) return false;
    const due = dateOf(row.deadline);
    if (filter.before && (!due || compareDates(due, filter.before) > 0)) return false;
    if (filter.overdue && !isOverdue(row, filter.today)) return false;
    return true;
  });
}
