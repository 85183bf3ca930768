import type { Rule } from '../../rule.js';
import { inForce } from '../../agencyIndex.js';
import { abbreviationsWithLists } from '../../abbreviationLists.js';
import { msg, type Fix } from '../../types.js';

export const abbrUndefined: Rule = {
  id: 'abbr/undefined',
  defaultSeverity: 'info',
  fixable: true,
  description: msg(
    'Chữ viết tắt được dùng trước khi giới thiệu dạng “tên đầy đủ (VIẾT TẮT)” và không thuộc danh mục viết tắt quen dùng.',
    'An abbreviation used before it is introduced as “full name (ABBR)” and not on the list of known abbreviations.',
  ),
  check(context) {
    const { definitions, uses, known } = abbreviationsWithLists(context.model, context.facts.abbreviations);
    const reported = new Set<string>();
    for (const use of uses) {
      const entry = known.get(use.abbr);
      if (entry?.bare) continue;
      const definition = definitions.find((candidate) => candidate.abbr === use.abbr);
      if (definition && definition.start < use.start) continue;
      const expansion = definition?.expansion ?? entry?.expansion;
      // An agency short form ("Bộ TTTT"), and a term introduced only further on, are spelled out at every use
      // before it (one round of fixes settles them all); an unintroduced term is introduced once, at its first use.
      const agencyPart = !definition && entry?.agency === true;
      if (reported.has(use.abbr) && !agencyPart && !definition) continue;
      reported.add(use.abbr);
      let fix: Fix | undefined;
      // Spelling out a body that no longer exists on the notice's date would only trade one mistake for another.
      const stale = entry?.of !== undefined && !inForce(entry.of, context.noticeDate);
      if (expansion && !stale) {
        const newText = definition || agencyPart ? expansion : `${expansion} (${use.abbr})`;
        fix = { title: msg(`Viết đầy đủ: “${newText}”`, `Spell it out: “${newText}”`), edits: [{ start: use.start, end: use.end, newText }] };
      }
      const later = definition ? ' Chữ viết tắt này chỉ được giới thiệu ở phía sau.' : '';
      const laterEn = definition ? ' It is only introduced further on.' : '';
      context.report({
        start: use.start,
        end: use.end,
        message: msg(
          `“${use.abbr}” được dùng khi chưa giới thiệu.${later} Lần dùng đầu tiên nên viết đầy đủ kèm chữ viết tắt trong ngoặc đơn${expansion ? `: “${expansion} (${use.abbr})”` : ''}.`,
          `“${use.abbr}” is used before it is introduced.${laterEn} Its first use should spell it out with the abbreviation in parentheses${expansion ? `: “${expansion} (${use.abbr})”` : ''}.`,
        ),
        ...(fix ? { fix } : {}),
      });
    }
  },
  examples: {
    ok: ['Đẩy mạnh giải quyết thủ tục hành chính (TTHC) trực tuyến; số hóa kết quả giải quyết TTHC.', 'Ủy ban nhân dân (UBND) các tỉnh triển khai trên ứng dụng VNeID.'],
    notOk: ['Tỷ lệ số hóa kết quả giải quyết TTHC còn thấp.'],
  },
};
