import type { Rule } from '../../rule.js';
import { citationMatchers } from '../../extract/citations.js';
import { msg } from '../../types.js';
import { stateCitations } from './shared.js';

export const refTypeMismatch: Rule = {
  id: 'ref/type-mismatch',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg('Tên loại văn bản không khớp với ký hiệu loại trong số, ký hiệu (“Nghị quyết số 12/CT-TTg”).', 'The type word does not match the type code of the symbol (“Nghị quyết số 12/CT-TTg”).'),
  check(context) {
    const matchers = citationMatchers(context.knowledge);
    const accepted = new Map<string, string[]>();
    for (const type of context.knowledge.docTypes) if (type.code) accepted.set(type.name, [type.code]);
    for (const word of context.knowledge.typeWords) accepted.set(word.word, word.accepts);
    for (const citation of stateCitations(context.facts.citations)) {
      if (!citation.typeWord) continue;
      const accepts = accepted.get(citation.typeWord.canonical);
      if (!accepts || accepts.includes('*')) continue;
      const { parts } = citation.symbol;
      const first = parts.groups[0]!;
      const law = /^(QH|UBTVQH)\d+$/u.exec(first)?.[1];
      // What the symbol says the document is: a type code, a law form, or a công văn (issuer-unit).
      const kind = parts.typeCode ?? law ?? (matchers.issuerCodes.has(first) && parts.groups.length >= 2 ? 'cong-van' : undefined);
      if (!kind || accepts.includes(kind)) continue;
      const expected = accepts.map((code) => (code === 'cong-van' ? '<cơ quan>-<đơn vị>' : code)).join(', ');
      const written = kind === 'cong-van' ? `${first}-${parts.groups[1]} (ký hiệu của công văn)` : kind;
      context.report({
        start: citation.typeWord.start,
        end: citation.symbol.end,
        message: msg(
          `“${citation.typeWord.text}” không khớp với ký hiệu “${citation.symbol.corrected}”: ký hiệu ${written} không phải của ${citation.typeWord.canonical.toLowerCase()} (cần ${expected}). Kiểm tra lại tên loại hoặc số, ký hiệu.`,
          `“${citation.typeWord.text}” does not match the symbol “${citation.symbol.corrected}”: ${kind === 'cong-van' ? 'an official letter’s symbol' : `the code ${kind}`} is not that of a ${citation.typeWord.canonical} (expected ${expected}). Check the type word or the symbol.`,
        ),
      });
    }
  },
  examples: {
    ok: ['Thực hiện Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024 của Thủ tướng Chính phủ.', 'Thực hiện Công văn số 452/TTg-KSTT ngày 23 tháng 5 năm 2023 của Thủ tướng Chính phủ.'],
    notOk: ['Thực hiện Nghị quyết số 12/CT-TTg ngày 11 tháng 02 năm 2024 của Thủ tướng Chính phủ.', 'Thực hiện Công văn số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.'],
  },
};
