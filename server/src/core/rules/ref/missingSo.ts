import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { stateCitations } from './shared.js';

export const refMissingSo: Rule = {
  id: 'ref/missing-so',
  defaultSeverity: 'info',
  fixable: true,
  description: msg('Thiếu chữ “số” giữa tên loại và số, ký hiệu (“Nghị quyết 01/NQ-CP”).', '“số” missing between the type word and the number (“Nghị quyết 01/NQ-CP”).'),
  check(context) {
    for (const citation of stateCitations(context.facts.citations)) {
      if (!citation.typeWord || citation.so) continue;
      const name = `${citation.typeWord.text} số ${citation.symbol.raw}`;
      context.report({
        start: citation.typeWord.start,
        end: citation.symbol.end,
        message: msg(
          `Viết “${name}”: văn bản của Văn phòng Chính phủ luôn ghi chữ “số” trước số, ký hiệu của văn bản được dẫn.`,
          `Write “${name}”: Government Office documents always put “số” before the number of a cited document.`,
        ),
        fix: { title: msg('Thêm “số”', 'Insert “số”'), edits: [{ start: citation.symbol.start, end: citation.symbol.start, newText: 'số ' }] },
      });
    }
  },
  examples: {
    ok: ['Thực hiện Nghị quyết số 01/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ.'],
    notOk: ['Thực hiện Nghị quyết 01/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ.'],
  },
};
