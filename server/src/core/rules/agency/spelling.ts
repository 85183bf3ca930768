import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

export const agencySpelling: Rule = {
  id: 'agency/spelling',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Tên cơ quan đã biết nhưng viết sai chữ hoa, dấu cách, dấu câu hoặc vị trí dấu thanh (“Bộ Công An”, “Uỷ ban”).',
    'A known agency name written with wrong case, spacing, punctuation or tone-mark placement (“Bộ Công An”, “Uỷ ban”).',
  ),
  check(context) {
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
        ...(verified ? {} : { severity: 'warning' as const }),
        fix: { title: msg(`Sửa thành “${mention.expected}”`, `Change to “${mention.expected}”`), edits: [{ start: mention.start, end: mention.end, newText: mention.expected }] },
      });
    }
  },
  examples: {
    ok: ['Bộ Công an, Bộ Tài chính và Ủy ban nhân dân Thành phố Hồ Chí Minh phối hợp thực hiện.', 'Giao các bộ, cơ quan: Văn hóa, Thể thao và Du lịch, Tư pháp thực hiện.'],
    notOk: ['Bộ Công An chủ trì, phối hợp với Bộ Tài chính.', 'Uỷ ban nhân dân các tỉnh báo cáo.', 'Giao các Bộ, cơ quan: Văn hóa - Thể thao và Du lịch, Tư pháp thực hiện.', 'Đài Truyền hình Việt nam đưa tin.'],
  },
};
