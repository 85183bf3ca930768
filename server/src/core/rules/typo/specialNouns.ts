import type { RuleContext } from '../../rule.js';
import { msg } from '../../types.js';

/**
 * "Nhân dân" and "Nhà nước" are special nouns, capitalised where they name the
 * people and the State (Nghị định 30/2020/NĐ-CP, Phụ lục II, V.1): "của Nhân
 * dân", "Đảng, Nhà nước và Nhân dân". The same words after a noun are
 * adjectives and stay lower case: "Ủy ban nhân dân", "ngân sách nhà nước".
 * Only the places where the word can be nothing but the noun are checked:
 * right after a preposition or a conjunction.
 */
const NOUN_SLOT = /(?<![\p{L}\p{M}])(?:của|cho|với|vì|và|phục vụ|toàn thể|đồng bào)[ \t\n]+(nhân dân|nhà nước)(?![\p{L}\p{M}])/gu;
/** Nghị định 30/2020/NĐ-CP took effect on 05/03/2020; older notices get a warning. */
const DECREE_IN_FORCE = '2020-03-05';

export function checkSpecialNouns(context: RuleContext): void {
  const { text, prose, body } = context.model;
  const { year, month, day } = context.noticeDate;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  for (const match of prose.slice(body.start, body.end).matchAll(NOUN_SLOT)) {
    const start = body.start + match.index! + match[0].length - match[1]!.length;
    const end = start + match[1]!.length;
    // Only the words as written, not blanked markup.
    if (text.slice(start, end) !== match[1]) continue;
    const official = match[1]!.charAt(0).toUpperCase() + match[1]!.slice(1);
    context.report({
      start,
      end,
      message: msg(
        `“${match[1]}” ở đây là danh từ chỉ ${official === 'Nhân dân' ? 'nhân dân' : 'Nhà nước'} nên viết hoa: “${official}” (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.1).`,
        `“${match[1]}” names ${official === 'Nhân dân' ? 'the people' : 'the State'} here, a special noun written “${official}” (Decree 30/2020/NĐ-CP, Appendix II, V.1).`,
      ),
      ...(iso < DECREE_IN_FORCE ? { severity: 'warning' as const } : {}),
      fix: { title: msg(`Sửa thành “${official}”`, `Change to “${official}”`), edits: [{ start, end: start + 1, newText: official.charAt(0) }] },
    });
  }
}
