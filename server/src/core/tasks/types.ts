import type { Agency, Province } from '../../knowledge/types.js';
import type { CalendarDate, Span } from '../types.js';

/** Who a task is given to or shared with: a body of the knowledge, a province's People's Committee, or a group ("các bộ, ngành"). */
export interface TaskAgency extends Span {
  /** The official name ("Bộ Công an", "Ủy ban nhân dân tỉnh Hưng Yên"), or the group as written. */
  name: string;
  agency?: Agency;
  province?: Province;
  /** A group named by its kind, not a body of the knowledge: "các bộ, ngành, địa phương". */
  group: boolean;
}

export interface TaskDeadline extends Span {
  /** A date to meet, or a duty that comes back ("định kỳ hằng quý", "thường xuyên"). */
  kind: 'date' | 'recurring';
  /** The last day the task may be done on ("trong tháng 3 năm 2024" → 2024-03-31; "trước ngày 15" → the 14th). */
  date?: CalendarDate;
  /** The words of the deadline as written. */
  written: string;
}

/** Where the lead agency of a task was read. */
export type TaskSource = 'subject' | 'cue' | 'heading';

/** One assignment: who must do what by when. */
export interface Task extends Span {
  agency: TaskAgency;
  partners: TaskAgency[];
  /** The clause, on one line, without its closing punctuation. */
  text: string;
  deadline?: TaskDeadline;
  /** Whom to report to ("báo cáo Thủ tướng Chính phủ"). */
  reportTo?: string;
  /** One of several agencies given the same clause ("Các Bộ: Tài chính, Xây dựng …"). */
  shared: boolean;
  source: TaskSource;
  /** "sớm", "khẩn trương" in a task that has no deadline. */
  urgency?: Span;
}

export interface TaskExtraction {
  tasks: Task[];
  /** Clauses that set a deadline while no agency can be found in them or in the headings above. */
  unassigned: Span[];
}
