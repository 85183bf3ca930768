import type { AgencyMention } from '../../extract/agencies.js';

/**
 * Whether a province name stands for the province-level unit of today, or for
 * history or part of another proper name (a merged province named as it was,
 * a route, an industrial park, a university). After 2025-07-01 only the first
 * is stale: "tỉnh Kiên Giang" in a 2025-11 notice, not "hợp nhất tỉnh Kiên
 * Giang và tỉnh An Giang (cũ)", "cao tốc Tuyên Quang - Hà Giang", "Khu công
 * nghiệp Hòa Hiệp, Phú Yên" or "Trường Đại học Phú Yên".
 */

/** "tỉnh Kiên Giang", "thành phố Huế", "TP. Huế", "UBND tỉnh": the generic noun of a province-level unit. */
const MARKER_BEFORE = /(?:^|[^\p{L}\p{M}])(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?)[ \t\u00a0]*$/u;
/** Bare names count where a place is expected: a sentence or item start, after "tại", "của", a comma … */
const PLACE_SLOT_BEFORE = /(?:^|[.;:!?\n(]|(?:^|[^\p{L}\p{M}])(?:tại|ở|của|cho|với|và|gồm|như|địa bàn|trên địa bàn)|,)[ \t\u00a0]*$/u;
/** Right after the name: "(cũ)", "cũ", "trước đây", "(trước đây)". */
const FORMER_AFTER = /^[ \t\u00a0]*(?:\([ \t\u00a0]*(?:cũ|trước đây)[ \t\u00a0]*\)|(?:cũ|trước đây)(?![\p{L}\p{M}]))/u;
/** Right before a body's name: "nguyên Bộ trưởng Bộ …", "nguyên Bộ …" (the "nguyên" of a former title, not of "Tài nguyên"). */
const FORMER_BEFORE = /(?:^|[^\p{L}\p{M}])(?<![Tt]ài\s)nguyên[ \t\u00a0]+(?:(?:Phó[ \t\u00a0]+)?(?:Bộ trưởng|Thứ trưởng|Chủ nhiệm|Trưởng ban|Tổng Giám đốc|Thống đốc|Chủ tịch|lãnh đạo)[ \t\u00a0]+)?$/u;
/** "Tuyên Quang - Hà Giang", "Biên Hòa - Vũng Tàu": two places joined by a dash name a route or a project. */
const DASH_AFTER = /^[ \t\u00a0]*[-–—][ \t\u00a0]*\p{Lu}/u;
const DASH_BEFORE = /\p{L}[ \t\u00a0]*[-–—][ \t\u00a0]*$/u;
/** A sentence about the reorganisation itself names the units as they were. */
const HISTORY = /\([ \t\u00a0]*cũ[ \t\u00a0]*\)|(?:^|[^\p{L}\p{M}])(?:trước (?:khi |thời điểm )?(?:thực hiện )?(?:sắp xếp|hợp nhất|sáp nhập)|hợp nhất|sáp nhập|nhập (?:tỉnh|thành phố)|(?:tỉnh|thành phố) cũ)(?![\p{L}\p{M}])/iu;
/** Names that come after one of these words are part of another proper name ("Khu công nghiệp", "cao tốc"). */
const NAME_HEAD_BEFORE = /(?:^|[^\p{L}\p{M}])(?:khu công nghiệp|khu kinh tế|khu đô thị|cảng|sân bay|cảng hàng không|cao tốc|quốc lộ|đường|tuyến|dự án|nhà máy|thủy điện|nhiệt điện|trường|đại học|học viện|bệnh viện|công ty|tổng công ty|tập đoàn|ngân hàng|báo|đài)(?:[ \t\u00a0]+[\p{L}\p{M}\d]+){0,4}[ \t\u00a0,]*$/iu;

/** The sentence around an offset (bounded by . ; ! ? or a blank line), for the history test. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 300);
  const before = text.slice(from, start);
  const cut = Math.max(...['. ', '; ', '! ', '? ', '\n\n', '\n- '].map((mark) => before.lastIndexOf(mark)));
  const after = text.slice(end, end + 300);
  const stop = after.search(/[.;!?](?:\s|$)|\n\n|\n- /u);
  return before.slice(cut < 0 ? 0 : cut) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}

/**
 * Whether a body that no longer exists is named as it was, which is right on any date: "Bộ Kế hoạch và Đầu tư
 * (cũ)", "… trước đây", "nguyên Bộ trưởng Bộ …", or a sentence about the reorganisation itself ("tiếp nhận
 * nhiệm vụ của … sau hợp nhất").
 */
export function namesFormerBody(text: string, mention: AgencyMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = text.slice(mention.end, mention.end + 16);
  return FORMER_AFTER.test(after) || FORMER_BEFORE.test(before) || HISTORY.test(sentenceAround(text, mention.start, mention.end));
}

export function namesCurrentUnit(text: string, mention: AgencyMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 60), mention.start);
  const after = text.slice(mention.end, mention.end + 16);
  if (FORMER_AFTER.test(after) || DASH_AFTER.test(after) || DASH_BEFORE.test(before)) return false;
  if (HISTORY.test(sentenceAround(text, mention.start, mention.end))) return false;
  if (mention.list !== undefined || MARKER_BEFORE.test(before)) return true;
  return PLACE_SLOT_BEFORE.test(before) && !NAME_HEAD_BEFORE.test(before);
}
