import type { Rule } from '../../rule.js';
import { FRONT_MATTER_KEYS } from '../../frontmatter.js';
import { nearest } from '../../similarity.js';
import { stripDiacritics } from '../../text.js';
import { msg } from '../../types.js';

const asciiKey = (key: string) => stripDiacritics(key).toLowerCase().replace(/[\s_]+/gu, '-');

export const metaUnknownField: Rule = {
  id: 'meta/unknown-field',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Phần thông tin đầu có trường không thuộc quy ước (gợi ý trường gần nhất).', 'A front matter key the dialect does not know (the nearest key is suggested).'),
  check(context) {
    const fields = context.model.frontMatter?.fields ?? [];
    const present = new Set(fields.map((field) => field.key));
    for (const field of fields) {
      if ((FRONT_MATTER_KEYS as readonly string[]).includes(field.key)) continue;
      const exact = FRONT_MATTER_KEYS.find((key) => key === asciiKey(field.key));
      const [suggestion] = exact ? [exact] : nearest(field.key, FRONT_MATTER_KEYS, asciiKey, 1);
      const known = FRONT_MATTER_KEYS.join(', ');
      const canRename = suggestion !== undefined && !present.has(suggestion);
      context.report({
        start: field.keySpan.start,
        end: field.keySpan.end,
        message: suggestion
          ? msg(`Trường “${field.key}” không có trong quy ước; có phải là “${suggestion}”? Các trường: ${known}.`, `Unknown key “${field.key}”; did you mean “${suggestion}”? Keys: ${known}.`)
          : msg(`Trường “${field.key}” không có trong quy ước. Các trường: ${known}.`, `Unknown key “${field.key}”. Keys: ${known}.`),
        ...(canRename ? { fix: { title: msg(`Đổi thành “${suggestion}”`, `Rename to “${suggestion}”`), edits: [{ start: field.keySpan.start, end: field.keySpan.end, newText: suggestion }] } } : {}),
      });
    }
  },
  examples: {
    ok: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngày: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
