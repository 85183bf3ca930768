import type { Rule } from '../../rule.js';
import { parseNumberSymbol } from '../../symbols.js';
import { msg } from '../../types.js';

/** Drops the spaces next to "/" and "-" and keeps the others: "530 / TB - VPCP" → "530/TB-VPCP". */
function joinAroundSeparators(value: string): string {
  const words = value.trim().split(/\s+/u);
  let result = words[0] ?? '';
  for (const word of words.slice(1)) result += /[/-]$/u.test(result) || /^[/-]/u.test(word) ? word : ` ${word}`;
  return result;
}

export const metaNumberFormat: Rule = {
  id: 'meta/number-format',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Số, ký hiệu (“so”) không theo dạng “N/LOẠI-CƠ QUAN”; số dưới 10 thiếu số 0 ở trước.', 'The number and symbol (“so”) is not “N/TYPE-ISSUER”; a number below 10 lacks its leading 0.'),
  check(context) {
    const field = context.model.frontMatter?.fields.find((candidate) => candidate.key === 'so');
    if (!field || typeof field.value !== 'string' || field.value.trim() === '') return;
    const written = field.value;
    // Certain repairs: "Số:" copied with the number, spaces around its "/" and "-" (spaces between words are no symbol).
    const cleaned = joinAroundSeparators(written.replace(/^\s*số\s*:?\s*/iu, ''));
    const parsed = parseNumberSymbol(cleaned);
    if (!parsed) {
      context.report({
        ...field.valueSpan,
        message: msg(
          `Số, ký hiệu “${written}” không đúng dạng: viết “số/ký hiệu loại-ký hiệu cơ quan”, ví dụ “530/TB-VPCP” (văn bản quy phạm: “19/2026/NĐ-CP”); bản thảo chưa có số: “…/TB-VPCP”.`,
          `The number “${written}” is malformed: write “number/TYPE-ISSUER”, e.g. “530/TB-VPCP” (normative documents: “19/2026/NĐ-CP”); a draft without a number: “…/TB-VPCP”.`,
        ),
      });
      return;
    }
    const number = !parsed.draft && parsed.number.length === 1 ? `0${parsed.number}` : parsed.number;
    const official = `${number}/${parsed.year ? `${parsed.year}/` : ''}${parsed.typeCode}-${parsed.issuerCode}`;
    if (official === written) return;
    const reasons: { vi: string; en: string }[] = [];
    if (cleaned !== written) reasons.push({ vi: 'không ghi “Số:” và không có dấu cách trong số, ký hiệu', en: 'no “Số:” and no spaces inside the number and symbol' });
    if (number !== parsed.number) reasons.push({ vi: 'số dưới 10 phải có số 0 ở trước', en: 'a number below 10 takes a leading 0' });
    context.report({
      ...field.valueSpan,
      message: msg(`Số, ký hiệu viết chưa đúng (${reasons.map((reason) => reason.vi).join('; ')}): viết “${official}”.`, `Number and symbol written wrongly (${reasons.map((reason) => reason.en).join('; ')}): write “${official}”.`),
      fix: { title: msg(`Sửa thành “${official}”`, `Change to “${official}”`), edits: [{ ...field.valueSpan, newText: official }] },
    });
  },
  examples: {
    ok: ['---\nco-quan: Văn phòng Chính phủ\nso: 06/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-01-10\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n', '---\nco-quan: Văn phòng Chính phủ\nso: …/TB-VPCP\ndia-danh: Hà Nội\nngay:\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 6/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-01-10\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n', '---\nco-quan: Văn phòng Chính phủ\nso: 530 / TB - VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
