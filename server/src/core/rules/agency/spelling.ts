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

/**
 * The same rule for a company's name, which starts with its kind word ("Tập đoàn Điện lực Việt Nam",
 * PL II, IV.1), reported only where the words after a lower-case kind word are certainly that name:
 * "tập đoàn … Việt Nam" (a national group), "tổng công ty" before a capitalised name, "công ty" with its
 * legal form before a capitalised name ("công ty cổ phần Gang thép Thái Nguyên"). Not a common noun:
 * "các tập đoàn Việt Nam", "tập đoàn kinh tế nhà nước", "công ty cổ phần có vốn góp của Nhà nước",
 * "tổng công ty Nhà nước".
 */
const COMPANY_KIND = /(?<![\p{L}\p{M}])(?:tổng[ \t\u00a0]+công[ \t\u00a0]+ty|(?<![Tt]ổng[ \t\u00a0]+)công[ \t\u00a0]+ty|tập[ \t\u00a0]+đoàn)(?![\p{L}\p{M}])/gu;
const LEGAL_FORM = /^(?:[ \t\u00a0]+(?:cổ[ \t\u00a0]+phần|trách[ \t\u00a0]+nhiệm[ \t\u00a0]+hữu[ \t\u00a0]+hạn|TNHH|MTV|một[ \t\u00a0]+thành[ \t\u00a0]+viên|hai[ \t\u00a0]+thành[ \t\u00a0]+viên[ \t\u00a0]+trở[ \t\u00a0]+lên|hợp[ \t\u00a0]+danh|liên[ \t\u00a0]+doanh)(?![\p{L}\p{M}]))+/u;
/** A capitalised word starting the name; "Nhà nước", "Nhân dân" and a lone "Việt Nam" say whose companies, not which one. */
const NAME_START = /^[ \t\u00a0]+(?!(?:Nhà[ \t\u00a0]+nước|Nhân[ \t\u00a0]+dân|Việt[ \t\u00a0]+Nam)(?![\p{L}\p{M}]))\p{Lu}\p{Ll}/u;
/** "tập đoàn Điện lực Việt Nam", "tập đoàn Công nghiệp Than - Khoáng sản Việt Nam": a capitalised name ending in "Việt Nam", within one clause. */
const NATIONAL_GROUP_NAME = /^[ \t\u00a0]+\p{Lu}\p{Ll}[^,;.:()\n]{0,60}?[ \t\u00a0]Việt[ \t\u00a0]+Nam(?![\p{L}\p{M}])/u;
const DETERMINER_BEFORE = /(?:^|[^\p{L}\p{M}])(?:các|những|một số|nhiều|một|mỗi|từng|cả|là)[ \t\u00a0\n]+$/iu;

function companyNameFollows(kind: string, after: string): boolean {
  if (kind.startsWith('tập')) return NATIONAL_GROUP_NAME.test(after) && NAME_START.test(after);
  const legalForm = LEGAL_FORM.exec(after);
  // "tổng công ty Truyền tải điện quốc gia", "tổng công ty cổ phần Bảo Minh"; a "công ty" only with its legal form.
  if (kind.startsWith('tổng')) return NAME_START.test(after.slice(legalForm?.[0].length ?? 0));
  return legalForm !== null && NAME_START.test(after.slice(legalForm[0].length));
}

function checkCompanyKinds(context: RuleContext): void {
  const { text, prose, body } = context.model;
  for (const match of prose.slice(body.start).matchAll(COMPANY_KIND)) {
    const start = body.start + match.index!;
    const end = start + match[0].length;
    if (text.slice(start, end) !== match[0]) continue;
    if (!companyNameFollows(match[0], prose.slice(end, end + 120))) continue;
    if (DETERMINER_BEFORE.test(prose.slice(Math.max(0, start - 12), start))) continue;
    const capitalised = match[0][0]!.toUpperCase() + match[0].slice(1).replace(/\s+/gu, ' ');
    context.report({
      start,
      end,
      message: msg(
        `Tên tổ chức viết chưa đúng: “${match[0].replace(/\s+/gu, ' ')}” mở đầu tên riêng của doanh nghiệp. Viết hoa chữ đầu của từ chỉ loại hình tổ chức: “${capitalised}” (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục IV.1, ví dụ “Tập đoàn Điện lực Việt Nam”).`,
        `Organisation name written incorrectly: “${match[0].replace(/\s+/gu, ' ')}” starts a company's proper name. The word naming its kind is capitalised: “${capitalised}” (Decree 30/2020/NĐ-CP, Appendix II, IV.1, e.g. “Tập đoàn Điện lực Việt Nam”).`,
      ),
      fix: { title: msg(`Sửa thành “${capitalised}”`, `Change to “${capitalised}”`), edits: [{ start, end: start + 1, newText: match[0][0]!.toUpperCase() }] },
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
    checkCompanyKinds(context);
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
    ok: [
      'Bộ Công an, Bộ Tài chính và Ủy ban nhân dân Thành phố Hồ Chí Minh phối hợp thực hiện.',
      'Giao các bộ, cơ quan: Văn hóa, Thể thao và Du lịch, Tư pháp thực hiện.',
      'Lãnh đạo các tập đoàn, tổng công ty nhà nước, ngân hàng thương mại nhà nước tham dự.',
    ],
    notOk: [
      'Văn phòng Chính phủ rà soát, báo cáo Thủ tướng Chính phủ phương án kiện toàn Ban chỉ đạo liên ngành Trung ương về vệ sinh an toàn thực phẩm.',
      'Bộ Công An chủ trì, phối hợp với Bộ Tài chính.',
      'Nhu cầu điện tăng cao, nhưng tập đoàn Điện lực Việt Nam vẫn có thể cam kết cung cấp đủ điện.', 'Uỷ ban nhân dân các tỉnh báo cáo.', 'Giao các Bộ, cơ quan: Văn hóa - Thể thao và Du lịch, Tư pháp thực hiện.', 'Đài Truyền hình Việt nam đưa tin.'],
  },
};
