import { clauseSnippet, resolveDateVariables } from './snippets.js';
import type { CalendarDate } from '../types.js';

/**
 * The "new notice" command: the skeleton snippet with today's date and a
 * number. Pure: the language server runs it on the notices of its workspace
 * index (request "thongbao/newNotice"), tests run it without an editor.
 */

/** What the command needs of an existing notice: its `so` and `ngay` (YYYY-MM-DD). */
export interface NoticeHeader {
  so?: string;
  ngay?: string;
}

/** The number and symbol pattern of a VPCP notice ("530/TB-VPCP"). */
const VPCP_NOTICE = /^0*(\d{1,6})\/TB-VPCP$/u;

/**
 * The next free VPCP notice number of the year: one more than the highest
 * "N/TB-VPCP" among the notices dated in that year, written with two digits
 * at least ("07"); undefined when the workspace holds none of that year.
 */
export function nextNoticeNumber(headers: readonly NoticeHeader[], year: number): string | undefined {
  let highest = 0;
  for (const header of headers) {
    if (!header.so || !header.ngay?.startsWith(`${year}-`)) continue;
    const match = VPCP_NOTICE.exec(header.so.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest > 0 ? String(highest + 1).padStart(2, '0') : undefined;
}

/** The draft number the skeleton carries until the office assigns one. */
const DRAFT_NUMBER = '…';

/**
 * The text of a new notice as a snippet: the skeleton dated today, its number
 * a choice between the next free number (when known) and the draft form "…".
 */
export function newNoticeSnippet(today: CalendarDate, headers: readonly NoticeHeader[]): string {
  const skeleton = resolveDateVariables(clauseSnippet('Thông báo mới (khung)').body, today);
  const next = nextNoticeNumber(headers, today.year);
  const number = next ? `\${1|${next},${DRAFT_NUMBER}|}` : `\${1:${DRAFT_NUMBER}}`;
  return skeleton.replace(`\${1:${DRAFT_NUMBER}}`, number);
}
