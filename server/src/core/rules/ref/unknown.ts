import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { registryEntryOf } from '../../extract/citations.js';
import { citedName, nearEntry, stateCitations } from './shared.js';

export const refUnknown: Rule = {
  id: 'ref/unknown',
  defaultSeverity: 'info',
  fixable: false,
  description: msg('Văn bản được dẫn không có trong danh mục văn bản (danh mục kèm theo, tệp *.vanban.yaml, các thông báo trong thư mục).', 'A cited document is in no registry (shipped, *.vanban.yaml files, notices of the workspace).'),
  check(context) {
    const own = context.model.meta.number;
    for (const citation of stateCitations(context.facts.citations)) {
      if (!citation.first || citation.symbol.corrected === own) continue;
      if (registryEntryOf(context.registry, citation, context.noticeDate) || nearEntry(citation, context.registry, context.knowledge)) continue;
      context.report({
        start: citation.symbol.start,
        end: citation.symbol.end,
        message: msg(
          `Không tìm thấy ${citedName(citation).vi} trong danh mục văn bản. Khai báo văn bản này trong một tệp *.vanban.yaml (số, loại, ngày, cơ quan, trích yếu) để kiểm tra ngày, cơ quan ban hành và hiệu lực.`,
          `${citedName(citation).en} is in no document registry. Declare it in a *.vanban.yaml file (number, type, date, issuer, subject) to check its date, issuer and validity.`,
        ),
      });
    }
  },
  examples: {
    ok: ['Thực hiện Kết luận số 121-KL/TW ngày 24 tháng 01 năm 2025 của Ban Chấp hành Trung ương.'],
    notOk: ['Thực hiện Nghị quyết số 999/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.'],
  },
};
