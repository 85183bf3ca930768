import { msg, type Msg } from '../types.js';
import type { Line } from './lines.js';
import { shorten, type ImportEntry } from './report.js';

/**
 * The artefacts of official-layout §5.4 that can be told from a line alone:
 * printed rules, page numbers, the Government portal's arrival stamp, the
 * signing software's note and signature placeholders. They are left out of
 * the notice and reported.
 */

const RULE = /^[_\-–—=]{3,}$/u;
const PAGE_NUMBER = /^(?:-\s*)?\d{1,3}(?:\s*-)?$/u;
const STAMP_PORTAL = /^C[ỔÔO]NG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ(?:\s+ĐẾN\b.*)?$/u;
const STAMP_ARRIVED = /^ĐẾN$/u;
const STAMP_TIME = /^(?:Giờ:?\s*\d{1,2}(?::\d{2})?\s*)?Ngày:?\s*\d{1,2}\/\d{1,2}\/\d{4}$/u;
const SIGNING_NOTE = /^(?:Ký bởi|Người ký|Thời gian ký)\s*:\s*\S/u;
const SIGNING_DETAIL = /^(?:Email|Cơ quan|Người ký|Thời gian ký|Ký bởi)\s*:/u;
const PLACEHOLDER = /^(?:\[\s*)?\(\s*(?:Đã ký|Chữ ký của người có thẩm quyền[^)]*|Ký,? ghi rõ họ tên[^)]*)\s*\)\s*\]?$/u;

/** The text of a line without Markdown emphasis markers: what the eye reads. */
export function plain(line: Line): string {
  return line.text.replace(/\s+/gu, ' ').trim();
}

function entry(line: Line, message: Msg): ImportEntry {
  return { kind: 'dropped', message, source: line.source, text: shorten(line.text) };
}

/**
 * Returns the lines without the artefacts (blank lines are kept: they still
 * mark boundaries) and reports each artefact. Page numbers are only looked for
 * in printed lines (PDF and text extractions), where a lone number is one.
 */
export function dropArtefacts(lines: Line[], report: ImportEntry[], printed: boolean): Line[] {
  const kept: Line[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = plain(line);
    if (line.blank) {
      kept.push(line);
      continue;
    }
    if (RULE.test(text)) {
      report.push(entry(line, msg('Bỏ đường kẻ (dòng gạch dưới tên cơ quan, Quốc hiệu hoặc trích yếu).', 'Dropped a rule line (under the body name, national name or subject).')));
      continue;
    }
    if (printed && PAGE_NUMBER.test(text)) {
      report.push(entry(line, msg('Bỏ số trang.', 'Dropped a page number.')));
      continue;
    }
    if (STAMP_PORTAL.test(text)) {
      report.push(entry(line, msg('Bỏ dấu “ĐẾN” của Cổng Thông tin điện tử Chính phủ.', 'Dropped the Government portal’s arrival stamp (“ĐẾN”).')));
      // The stamp's other lines follow within a few lines; "ĐẾN" alone is only dropped here, next to it.
      for (let next = index + 1; next < Math.min(lines.length, index + 5); next++) {
        const following = plain(lines[next]!);
        if (lines[next]!.blank) continue;
        if (STAMP_ARRIVED.test(following) || STAMP_TIME.test(following)) {
          report.push(entry(lines[next]!, msg('Bỏ dấu “ĐẾN” của Cổng Thông tin điện tử Chính phủ.', 'Dropped the Government portal’s arrival stamp (“ĐẾN”).')));
          index = next;
        } else break;
      }
      continue;
    }
    if (SIGNING_NOTE.test(text)) {
      report.push(entry(line, msg('Bỏ ghi chú của chữ ký số.', 'Dropped the digital-signature note.')));
      while (index + 1 < lines.length && SIGNING_DETAIL.test(plain(lines[index + 1]!))) {
        index++;
        report.push(entry(lines[index]!, msg('Bỏ ghi chú của chữ ký số.', 'Dropped the digital-signature note.')));
      }
      continue;
    }
    if (PLACEHOLDER.test(text)) {
      report.push(entry(line, msg('Bỏ chỗ ghi “(Đã ký)” thay cho chữ ký.', 'Dropped a signature placeholder such as “(Đã ký)”.')));
      continue;
    }
    kept.push(line);
  }
  return kept;
}
