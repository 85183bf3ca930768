import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { stateCitations } from './shared.js';

/** Type codes of documents that are always normative, whose symbol carries the year. */
const NORMATIVE_CODES = new Set(['NĐ', 'TT', 'TTLT']);

export const refYearMismatch: Rule = {
  id: 'ref/year-mismatch',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg(
    'Năm trong số, ký hiệu khác năm của ngày ban hành; văn bản quy phạm pháp luật thiếu năm trong ký hiệu.',
    'The year inside the symbol differs from the year of the date; a normative document without its year.',
  ),
  check(context) {
    for (const citation of stateCitations(context.facts.citations)) {
      const { parts } = citation.symbol;
      if (parts.year !== null && citation.date && citation.date.year !== parts.year) {
        context.report({
          start: citation.symbol.start,
          end: citation.date.end,
          message: msg(
            `Năm trong ký hiệu “${citation.symbol.corrected}” (${parts.year}) khác năm ban hành (${citation.date.year}): số, ký hiệu của văn bản quy phạm pháp luật ghi năm ban hành. Kiểm tra lại số, ký hiệu hoặc ngày.`,
            `The year in “${citation.symbol.corrected}” (${parts.year}) differs from the year of issue (${citation.date.year}): a normative document’s symbol carries its year of issue. Check the symbol or the date.`,
          ),
        });
      } else if (parts.year === null && parts.typeCode !== null && NORMATIVE_CODES.has(parts.typeCode)) {
        context.report({
          start: citation.symbol.start,
          end: citation.symbol.end,
          message: msg(
            `Ký hiệu “${citation.symbol.corrected}” thiếu năm ban hành: ${parts.typeCode === 'NĐ' ? 'nghị định' : 'thông tư'} là văn bản quy phạm pháp luật, số, ký hiệu có dạng “số/năm/${parts.groups.join('-')}” (ví dụ 73/2019/NĐ-CP).`,
            `The symbol “${citation.symbol.corrected}” lacks its year: a ${parts.typeCode === 'NĐ' ? 'decree' : 'circular'} is a normative document, numbered “number/year/${parts.groups.join('-')}” (e.g. 73/2019/NĐ-CP).`,
          ),
        });
      }
    }
  },
  examples: {
    ok: ['Thực hiện Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ quy định quản lý đầu tư ứng dụng công nghệ thông tin.', 'Thực hiện Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.'],
    notOk: ['Thực hiện Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2020 của Chính phủ.', 'Thực hiện Nghị định số 73/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ.'],
  },
};
