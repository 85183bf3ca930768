import type { Rule, RuleContext } from '../../rule.js';
import { msg } from '../../types.js';

/**
 * The decree's rule for any body (PL II, IV.1: capitalise the words naming its
 * kind and function), where it is certain whatever the body: a steering
 * committee is a "Ban Chỉ đạo" ("Ban chỉ đạo liên ngành Trung ương …",
 * "Trưởng Ban chỉ đạo"). A lower-case "ban chỉ đạo" is the common noun and is left alone.
 */
const STEERING_COMMITTEE = /(?<![\p{L}\p{M}])Ban[ \t\u00a0\n]+(chỉ)[ \t\u00a0\n]+đạo(?![\p{L}\p{M}])/gu;

const COMMON_NOUN_BEFORE = /(?:^|[^\p{L}\p{M}])(?:mô hình|các|những|một|mỗi|từng)[ \t\u00a0\n]+$/iu;

function checkBodyKinds(context: RuleContext): void {
  const { text, prose, body } = context.model;
  for (const match of prose.slice(body.start).matchAll(STEERING_COMMITTEE)) {
    const start = body.start + match.index!;
    const end = start + match[0].length;
    // Only the words as written: blanked markup between them is another matter.
    if (text.slice(start, end) !== match[0]) continue;
    // "theo mô hình Ban chỉ đạo tổng hợp", "các Ban chỉ đạo": a common noun after all (its capital B is the slip).
    if (COMMON_NOUN_BEFORE.test(prose.slice(Math.max(0, start - 12), start))) continue;
    const at = start + match[0].indexOf('chỉ');
    context.report({
      start,
      end,
      message: msg(
        `Tên cơ quan viết chưa đúng: “${match[0].replace(/\s+/gu, ' ')}”. Viết hoa chữ đầu của từ chỉ loại, chức năng của cơ quan: “Ban Chỉ đạo” (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục IV.1).`,
        `Body name written incorrectly: “${match[0].replace(/\s+/gu, ' ')}”. The words naming the body's kind and function are capitalised: “Ban Chỉ đạo” (Decree 30/2020/NĐ-CP, Appendix II, IV.1).`,
      ),
      fix: { title: msg('Sửa thành “Ban Chỉ đạo”', 'Change to “Ban Chỉ đạo”'), edits: [{ start: at, end: at + 1, newText: 'C' }] },
    });
  }
}

export const agencySpelling: Rule = {
  id: 'agency/spelling',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Tên cơ quan đã biết nhưng viết sai chữ hoa, dấu cách, dấu câu hoặc vị trí dấu thanh (“Bộ Công An”, “Uỷ ban”).',
    'A known agency name written with wrong case, spacing, punctuation or tone-mark placement (“Bộ Công An”, “Uỷ ban”).',
  ),
  check(context) {
    checkBodyKinds(context);
    // typo/capitalization owns the case of the official terms it knows ("Thủ tướng Chính phủ"): one finding, not two.
    const terms = new Set(context.knowledge.terms.map((term) => term.text.normalize('NFC')));
    for (const mention of context.facts.agencies) {
      const agency = mention.agency;
      if (!agency || !mention.differs) continue;
      const written = mention.written.normalize('NFC').replace(/\s+/gu, ' ');
      if (terms.has(mention.expected) && written.toLowerCase() === mention.expected.toLowerCase()) continue;
      const verified = agency.verified && mention.form !== 'short';
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(
          `Tên cơ quan viết chưa đúng: “${mention.written}”. Cách viết chính thức: “${mention.expected}”.${verified ? '' : ' (Cách viết này chưa được đối chiếu với văn bản gốc.)'}`,
          `Agency name written incorrectly: “${mention.written}”. The official form is “${mention.expected}”.${verified ? '' : ' (This spelling is not verified against a primary source.)'}`,
        ),
        // A short form is matched by its letters only: a warning whatever the agency.
        ...(mention.form === 'short' ? { severity: 'warning' as const } : {}),
        basis: [agency],
        fix: { title: msg(`Sửa thành “${mention.expected}”`, `Change to “${mention.expected}”`), edits: [{ start: mention.start, end: mention.end, newText: mention.expected }] },
      });
    }
  },
  examples: {
    ok: ['Bộ Công an, Bộ Tài chính và Ủy ban nhân dân Thành phố Hồ Chí Minh phối hợp thực hiện.', 'Giao các bộ, cơ quan: Văn hóa, Thể thao và Du lịch, Tư pháp thực hiện.'],
    notOk: [
      'Văn phòng Chính phủ rà soát, báo cáo Thủ tướng Chính phủ phương án kiện toàn Ban chỉ đạo liên ngành Trung ương về vệ sinh an toàn thực phẩm.',
      'Bộ Công An chủ trì, phối hợp với Bộ Tài chính.', 'Uỷ ban nhân dân các tỉnh báo cáo.', 'Giao các Bộ, cơ quan: Văn hóa - Thể thao và Du lịch, Tư pháp thực hiện.', 'Đài Truyền hình Việt nam đưa tin.'],
  },
};
