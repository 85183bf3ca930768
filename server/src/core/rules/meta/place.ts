import type { Rule } from '../../rule.js';
import { agencyIndex, inForce, provincesNamed } from '../../agencyIndex.js';
import { isoOf, shortDate } from '../../dates.js';
import { msg } from '../../types.js';

export const metaPlace: Rule = {
  id: 'meta/place',
  defaultSeverity: 'error',
  fixable: false,
  description: msg('“dia-danh” không phải tên đơn vị hành chính cấp tỉnh còn hiệu lực vào ngày “ngay”.', '“dia-danh” is not a province-level name in force on “ngay”.'),
  check(context) {
    const field = context.model.frontMatter?.fields.find((candidate) => candidate.key === 'dia-danh');
    const place = context.model.meta.place;
    if (!field || !place) return;
    const index = agencyIndex(context.knowledge, context.config);
    const entries = provincesNamed(index, place);
    const span = { start: field.valueSpan.start, end: field.valueSpan.end };
    if (!entries.length) {
      context.report({
        ...span,
        message: msg(
          `“${place}” không phải tên một tỉnh, thành phố trực thuộc Trung ương. Địa danh của cơ quan trung ương là tên đơn vị hành chính cấp tỉnh nơi cơ quan đóng trụ sở, ví dụ “Hà Nội” (Phụ lục I, Nghị định 30/2020/NĐ-CP).`,
          `“${place}” is not the name of a province-level unit. A central agency’s place is the province-level unit where it sits, e.g. “Hà Nội” (Decree 30/2020/NĐ-CP, Appendix I).`,
        ),
        severity: 'warning',
      });
      return;
    }
    if (!context.noticeDateIsExplicit) return;
    const date = context.noticeDate;
    if (entries.some((entry) => inForce(entry, date))) return;
    const ended = entries.filter((entry) => entry.validTo && entry.validTo < isoOf(date))[0];
    if (!ended) return;
    const successor = ended.successors.map((id) => index.provinceById.get(id)?.name).filter(Boolean)[0];
    context.report({
      ...span,
      message: msg(
        `“${place}” không còn là đơn vị hành chính cấp tỉnh vào ngày ${shortDate(date)}${successor ? `; nay là “${successor}”` : ''}.`,
        `“${place}” is not a province-level unit on ${shortDate(date)}${successor ? `; it is now “${successor}”` : ''}.`,
      ),
      basis: [ended],
    });
  },
  examples: {
    ok: ['Văn phòng Chính phủ thông báo.'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Bình Dương\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
