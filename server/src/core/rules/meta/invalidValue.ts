import type { Rule } from '../../rule.js';
import { fieldSchemaOf, isEmptyValue } from '../../frontmatter.js';
import { matchKey } from '../../text.js';
import { msg } from '../../types.js';

/** A value as the drafter would recognise it (YAML lists and maps as JSON, not "[object Object]"). */
const shown = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

export const metaInvalidValue: Rule = {
  id: 'meta/invalid-value',
  defaultSeverity: 'error',
  fixable: false,
  description: msg('Giá trị trong phần thông tin đầu sai dạng (ngày không phải ngày, YAML lỗi, loại văn bản không có…).', 'A front matter value of the wrong shape (a date that is no date, broken YAML, an unknown document type…).'),
  check(context) {
    const frontMatter = context.model.frontMatter;
    if (!frontMatter) return;
    if (frontMatter.syntaxError) {
      context.report({
        ...frontMatter.syntaxError.span,
        message: msg(`Phần thông tin đầu không phải YAML hợp lệ: ${frontMatter.syntaxError.message}. Mỗi dòng có dạng “khóa: giá trị”.`, `The front matter is not valid YAML: ${frontMatter.syntaxError.message}. Each line reads “key: value”.`),
      });
    }
    for (const field of frontMatter.fields) {
      const schema = fieldSchemaOf(field.key);
      if (!schema || isEmptyValue(field.value)) continue;
      if (field.key === 'ngay') {
        if (!schema.safeParse(field.value).success) {
          context.report({
            ...field.valueSpan,
            message: msg(`“ngay” phải là ngày có thật theo dạng YYYY-MM-DD (ví dụ 2024-11-22), không phải “${shown(field.value)}”.`, `“ngay” must be a real date written YYYY-MM-DD (e.g. 2024-11-22), not “${shown(field.value)}”.`),
          });
        }
        continue;
      }
      if (typeof field.value !== 'string') {
        context.report({ ...field.valueSpan, message: msg(`Trường “${field.key}” phải là một dòng chữ.`, `The key “${field.key}” must be a line of text.`) });
        continue;
      }
      if (field.key === 'loai') {
        const known = context.knowledge.docTypes.some((type) => matchKey(type.name) === matchKey(field.value as string));
        if (!known) {
          context.report({
            ...field.valueSpan,
            message: msg(`“${field.value}” không phải tên loại văn bản theo Nghị định 30/2020/NĐ-CP (ví dụ: Thông báo, Công văn, Quyết định).`, `“${field.value}” is not a document type of Decree 30/2020/NĐ-CP (e.g. Thông báo, Công văn, Quyết định).`),
          });
        }
      }
    }
  },
  examples: {
    ok: ['Văn phòng Chính phủ thông báo ý kiến kết luận.'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-02-30\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n', '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông cáo báo chí\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
