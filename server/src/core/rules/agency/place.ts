import type { Rule } from '../../rule.js';
import { inForce, provincesNamed } from '../../agencyIndex.js';
import { isoOf, shortDate } from '../../dates.js';
import { msg } from '../../types.js';
import { dayAfter, indexOf, isoToVietnamese, provinceSuccessors } from './shared.js';
import { namesCurrentUnit } from './placeContext.js';

export const agencyPlace: Rule = {
  id: 'agency/place',
  defaultSeverity: 'error',
  fixable: false,
  description: msg(
    'Tên tỉnh, thành phố không còn là đơn vị hành chính cấp tỉnh vào ngày ban hành (63 đơn vị trước 01/7/2025, 34 đơn vị từ ngày đó).',
    'A province or city name that is not a province-level unit on the notice’s date (63 units before 2025-07-01, 34 after).',
  ),
  check(context) {
    // An undated draft is being written now: compare with today, as a warning.
    const date = context.noticeDate;
    const undated = !context.noticeDateIsExplicit;
    const index = indexOf(context);
    for (const mention of context.facts.agencies) {
      if (!mention.province) continue;
      const entries = provincesNamed(index, mention.province.name);
      if (entries.some((entry) => inForce(entry, date))) continue;
      // The issuer of a document dated while the province existed; history and other proper names.
      const citedOn = mention.citedOn;
      if (citedOn && entries.some((entry) => inForce(entry, citedOn))) continue;
      if (!namesCurrentUnit(context.model.prose, mention)) continue;
      // Only names that ended; a name not yet created ("Huế" before 2025) was a lower-level place.
      const ended = entries.filter((entry) => entry.validTo && entry.validTo < isoOf(date)).sort((a, b) => b.validTo!.localeCompare(a.validTo!))[0];
      if (!ended) continue;
      const successors = provinceSuccessors(index, ended).map((successor) => successor.name);
      const from = isoToVietnamese(dayAfter(ended.validTo!));
      const into = successors.length ? successors.map((name) => `“${name}”`).join(', ') : '';
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(
          `“${mention.written}” không còn là đơn vị hành chính cấp tỉnh từ ngày ${from}${into ? `; nay thuộc ${into}` : ''} (thông báo ngày ${shortDate(date)}${undated ? ', hôm nay; văn bản chưa có ngày ban hành' : ''}).`,
          `“${mention.written}” is no longer a province-level unit from ${from}${into ? `; it is now part of ${into}` : ''} (notice dated ${shortDate(date)}${undated ? ', today; the notice has no date yet' : ''}).`,
        ),
        ...(undated ? { severity: 'warning' as const } : {}),
        basis: [ended],
      });
    }
  },
  examples: {
    ok: ['Ủy ban nhân dân các tỉnh: Bình Dương, Quảng Nam, Thái Bình báo cáo kết quả.'],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nỦy ban nhân dân các tỉnh: Bình Dương, Đồng Nai báo cáo kết quả.\n',
    ],
  },
};
