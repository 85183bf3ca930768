import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { entryLocation, nearEntry, stateCitations } from './shared.js';

export const refSymbolFormat: Rule = {
  id: 'ref/symbol-format',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Số, ký hiệu văn bản được dẫn viết sai quy cách: thừa dấu cách, sai dấu phân cách, sai chữ hoa/thường.',
    'The number and symbol of a cited document are malformed: stray spaces, wrong separators, wrong case.',
  ),
  check(context) {
    for (const citation of stateCitations(context.facts.citations)) {
      const { symbol } = citation;
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
        ...(entry.verified ? {} : { severity: 'warning' as const }),
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
    ok: ['Yêu cầu các địa phương chi trả chế độ an sinh xã hội theo Chỉ thị số 21/CT-TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ.', 'Thực hiện Kết luận số 121-KL/TW ngày 24 tháng 01 năm 2025 của Ban Chấp hành Trung ương.'],
    notOk: [
      'Yêu cầu các địa phương chi trả chế độ an sinh xã hội theo Chỉ thị số 21/CT- TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ.',
      'Triển khai Nghị quyết số 28/nq-cp ngày 05 tháng 3 năm 2024 của Chính phủ.',
      'Thực hiện Nghị định số 73/2019-NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ.',
    ],
  },
};
