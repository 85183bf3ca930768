import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

/** A footnote reference Markdown left as text because nothing defines it: "[^4]". */
const UNRESOLVED = /\[\^([^\]\s]{1,40})\]/gu;

/** GFM matches footnote labels case-insensitively. */
function labelKey(label: string): string {
  return label.toLowerCase();
}

export const structureFootnote: Rule = {
  id: 'structure/footnote',
  defaultSeverity: 'error',
  fixable: false,
  description: msg(
    'Chú thích: mỗi dấu chú thích [^n] có nội dung chú thích, mỗi nội dung chú thích được dẫn đến.',
    'Footnotes: every reference [^n] has a definition and every definition is referenced.',
  ),
  check(context) {
    const { model } = context;
    const { references, definitions } = model.footnotes;
    const defined = new Set(definitions.map((definition) => labelKey(definition.label)));
    const referenced = new Set(references.map((reference) => labelKey(reference.label)));
    const body = model.prose.slice(model.body.start);
    for (const match of body.matchAll(UNRESOLVED)) {
      if (defined.has(labelKey(match[1]!))) continue;
      const start = model.body.start + match.index!;
      context.report({
        start,
        end: start + match[0].length,
        message: msg(
          `Dấu chú thích “${match[0]}” không có nội dung chú thích; thêm dòng “[^${match[1]}]: …” trước phần “Nơi nhận”.`,
          `Footnote “${match[0]}” has no definition; add a line “[^${match[1]}]: …” before “Nơi nhận”.`,
        ),
      });
    }
    for (const definition of definitions) {
      if (referenced.has(labelKey(definition.label))) continue;
      context.report({
        start: definition.start,
        end: definition.end,
        unnecessary: true,
        message: msg(
          `Chú thích “[^${definition.label}]” không được dẫn đến ở đâu trong nội dung; thêm dấu chú thích “[^${definition.label}]” vào câu cần chú thích hoặc bỏ chú thích này.`,
          `Footnote “[^${definition.label}]” is never referenced; add “[^${definition.label}]” where it belongs or remove the footnote.`,
        ),
      });
    }
  },
  examples: {
    ok: ['Hiện còn 9 nhiệm vụ chậm tiến độ,[^1] cần tập trung giải quyết.\n\n[^1]: Bộ Thông tin và Truyền thông có 05 nhiệm vụ.'],
    notOk: ['Hiện còn 9 nhiệm vụ chậm tiến độ[^1] cần tập trung giải quyết.', 'Hiện còn 9 nhiệm vụ chậm tiến độ cần tập trung giải quyết.\n\n[^1]: Bộ Thông tin và Truyền thông có 05 nhiệm vụ.'],
  },
};
