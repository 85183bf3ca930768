import type { Rule, RuleContext } from '../../rule.js';
import { citationMatchers, type NoticeCitation } from '../../extract/citations.js';
import { msg } from '../../types.js';
import { entryLocation, nearEntry } from './shared.js';

const PARTY_FORM = /^\d+-\p{Lu}+\/\p{Lu}+$/u;
const NATIONAL_ASSEMBLY = /^(QH|UBTVQH)(\d+)$/u;

/**
 * Party documents are numbered "N-XX/TW" (57-NQ/TW, 02-KH/BCĐTW): a stray space or the state form
 * (19/CT-TW) is miswritten; a state document in the Party form (340-TB/VPCP) is miswritten too.
 */
function checkPartySymbol(context: RuleContext, citation: NoticeCitation): void {
  const { symbol } = citation;
  const { groups, number, year } = symbol.parts;
  if (year !== null || groups.length !== 2) return;
  const stateIssuer = citationMatchers(context.knowledge).issuerCodes.has(groups[1]!) && !groups[1]!.endsWith('TW');
  if (!stateIssuer && PARTY_FORM.test(symbol.raw)) return;
  const corrected = stateIssuer ? `${number}/${groups.join('-')}` : `${number}-${groups[0]}/${groups[1]}`;
  if (corrected === symbol.raw) return;
  context.report({
    start: symbol.start,
    end: symbol.end,
    message: stateIssuer
      ? msg(
          `Số, ký hiệu “${symbol.raw}” viết theo kiểu văn bản của Đảng; văn bản của ${groups[1]} ghi “số/ký hiệu loại-ký hiệu cơ quan” (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3). Viết đúng: “${corrected}”.`,
          `The symbol “${symbol.raw}” is written in the Party’s form; a document of ${groups[1]} is numbered “number/type-issuer” (Decree 30/2020/NĐ-CP, Appendix I, II.3). Write “${corrected}”.`,
        )
      : msg(
          `Số, ký hiệu văn bản của Đảng “${symbol.raw}” viết sai quy cách: văn bản của Đảng ghi “số-ký hiệu loại/ký hiệu cơ quan”, không có dấu cách (ví dụ 57-NQ/TW). Viết đúng: “${corrected}”.`,
          `The Party document’s symbol “${symbol.raw}” is malformed: Party documents are numbered “number-type/issuer” with no spaces (e.g. 57-NQ/TW). Write “${corrected}”.`,
        ),
    fix: { title: msg(`Sửa thành “${corrected}”`, `Change to “${corrected}”`), edits: [{ start: symbol.start, end: symbol.end, newText: corrected }] },
  });
}

/**
 * Resolutions of the National Assembly are numbered "N/YYYY/QH<khóa>" (71/2018/QH14): a type code before
 * the code (57/2022/NQ-QH14) is stray, and the term must be the one sitting in the year. The terms' years
 * are unverified knowledge: warnings only.
 */
function checkNationalAssemblySymbol(context: RuleContext, citation: NoticeCitation, all: readonly NoticeCitation[]): boolean {
  const { symbol } = citation;
  const { groups, number, year } = symbol.parts;
  const codeAt = groups.findIndex((group) => NATIONAL_ASSEMBLY.test(group));
  if (year === null || codeAt < 0 || codeAt > 1) return false;
  const [, body, termText] = NATIONAL_ASSEMBLY.exec(groups[codeAt]!)!;
  const term = context.knowledge.nationalAssemblyTerms.find((candidate) => candidate.term === Number(termText));
  const sitting = context.knowledge.nationalAssemblyTerms.filter((candidate) => candidate.from <= year && year <= candidate.to).map((candidate) => candidate.term);
  const strayType = codeAt === 1 && body === 'QH';
  const wrongTerm = term !== undefined && sitting.length > 0 && !sitting.includes(term.term);
  if (!strayType && !wrongTerm) return false;
  const others = all.filter((other) => other !== citation && other.symbol.parts.number === number && other.symbol.parts.year === year && other.symbol.corrected !== symbol.corrected && other.symbol.parts.groups.some((group) => NATIONAL_ASSEMBLY.test(group)));
  const suggested = `${number}/${year}/${body}${wrongTerm && sitting.length === 1 ? sitting[0] : termText}`;
  const reasons = [
    ...(strayType ? [msg('nghị quyết của Quốc hội không có ký hiệu loại “NQ-” trong số, ký hiệu', 'a resolution of the National Assembly has no type code “NQ-” in its symbol')] : []),
    ...(wrongTerm ? [msg(`năm ${year} là của Quốc hội khóa ${sitting.join(' hoặc ')}, không phải khóa ${termText}`, `in ${year} the National Assembly of term ${sitting.join(' or ')} sat, not term ${termText}`)] : []),
    ...(others.length ? [msg(`chỗ khác trong thông báo ghi “${others[0]!.symbol.corrected}”`, `elsewhere in this notice it is “${others[0]!.symbol.corrected}”`)] : []),
  ];
  context.report({
    start: symbol.start,
    end: symbol.end,
    severity: 'warning',
    message: msg(
      `Số, ký hiệu “${symbol.raw}”: ${reasons.map((reason) => reason.vi).join('; ')}. Kiểm tra lại; thường viết: “${suggested}”.`,
      `The symbol “${symbol.raw}”: ${reasons.map((reason) => reason.en).join('; ')}. Check it; usually written “${suggested}”.`,
    ),
    related: others.map((other) => ({ start: other.symbol.start, end: other.symbol.end, message: msg(`Cùng số ${number}/${year}, ghi “${other.symbol.corrected}”.`, `The same number ${number}/${year}, written “${other.symbol.corrected}”.`) })),
  });
  return true;
}

export const refSymbolFormat: Rule = {
  id: 'ref/symbol-format',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Số, ký hiệu văn bản được dẫn viết sai quy cách: thừa dấu cách, sai dấu phân cách, sai chữ hoa/thường.',
    'The number and symbol of a cited document are malformed: stray spaces, wrong separators, wrong case.',
  ),
  check(context) {
    const citations = context.facts.citations;
    for (const citation of citations) {
      const { symbol } = citation;
      if (symbol.party) {
        checkPartySymbol(context, citation);
        continue;
      }
      if (symbol.raw === symbol.corrected && checkNationalAssemblySymbol(context, citation, citations)) continue;
      if (symbol.raw !== symbol.corrected) {
        context.report({
          start: symbol.start,
          end: symbol.end,
          message: msg(
            `Số, ký hiệu “${symbol.raw}” viết sai quy cách: giữa số và ký hiệu dùng “/”, giữa các nhóm chữ dùng “-”, không có dấu cách, giữ đúng chữ hoa của ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3). Viết đúng: “${symbol.corrected}”.`,
            `The number and symbol “${symbol.raw}” are malformed: “/” after the number, “-” between letter groups, no spaces, the official case of each code (Decree 30/2020/NĐ-CP, Appendix I, II.3). Write “${symbol.corrected}”.`,
          ),
          fix: { title: msg(`Sửa thành “${symbol.corrected}”`, `Change to “${symbol.corrected}”`), edits: [{ start: symbol.start, end: symbol.end, newText: symbol.corrected }] },
        });
        continue;
      }
      const entry = nearEntry(citation, context.registry, context.knowledge);
      if (!entry) continue;
      context.report({
        start: symbol.start,
        end: symbol.end,
        basis: [entry],
        message: msg(
          `Không có văn bản “${symbol.raw}” trong danh mục; ký hiệu đúng có lẽ là “${entry.symbol}” (${entry.type}${entry.issuer ? ` của ${entry.issuer}` : ''}).`,
          `No document “${symbol.raw}” is registered; the symbol is probably “${entry.symbol}” (${entry.type}${entry.issuer ? ` of ${entry.issuer}` : ''}).`,
        ),
        related: entryLocation(entry),
        ...(entry.verified ? { fix: { title: msg(`Sửa thành “${entry.symbol}”`, `Change to “${entry.symbol}”`), edits: [{ start: symbol.start, end: symbol.end, newText: entry.symbol }] } } : {}),
      });
    }
  },
  examples: {
    ok: [
      'Yêu cầu các địa phương chi trả chế độ an sinh xã hội theo Chỉ thị số 21/CT-TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ.',
      'Thực hiện Kết luận số 121-KL/TW ngày 24 tháng 01 năm 2025 của Ban Chấp hành Trung ương.',
      'Căn cứ theo nguyên tắc, thứ tự ưu tiên quy định tại Nghị quyết số 71/2018/QH14 ngày 12 tháng 11 năm 2018 của Quốc hội.',
    ],
    notOk: [
      'Yêu cầu các địa phương chi trả chế độ an sinh xã hội theo Chỉ thị số 21/CT- TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ.',
      'Triển khai Nghị quyết số 28/nq-cp ngày 05 tháng 3 năm 2024 của Chính phủ.',
      'Thực hiện Nghị định số 73/2019-NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ.',
      'Các bộ, ngành thực hiện các nhiệm vụ được giao trong năm 2025, nhất là tại Nghị quyết số 57- NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị.',
      'Thực hiện Thông báo số 340-TB/VPCP ngày 05 tháng 10 năm 2012 của Văn phòng Chính phủ.',
      'Triển khai Nghị quyết số 57/2022/NQ-QH14 ngày 16 tháng 6 năm 2022 của Quốc hội.',
    ],
  },
};
