import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import { abbreviationsWithLists } from '../../abbreviationLists.js';

export const abbrRedefined: Rule = {
  id: 'abbr/redefined',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg('Một chữ viết tắt được giới thiệu hai lần hoặc cho hai tên khác nhau.', 'The same abbreviation introduced twice or for two names.'),
  check(context) {
    const seen = new Map<string, { expansion: string | null; start: number; end: number }>();
    for (const definition of abbreviationsWithLists(context.model, context.facts.abbreviations).definitions) {
      const first = seen.get(definition.abbr);
      if (!first) {
        seen.set(definition.abbr, definition);
        continue;
      }
      const differs = first.expansion && definition.expansion && first.expansion.toLowerCase() !== definition.expansion.toLowerCase();
      context.report({
        start: definition.start,
        end: definition.end,
        message: differs
          ? msg(
              `“${definition.abbr}” đã được dùng để viết tắt “${first.expansion}”, nay lại dùng cho “${definition.expansion}”. Mỗi chữ viết tắt chỉ dùng cho một tên.`,
              `“${definition.abbr}” already stands for “${first.expansion}” and is now introduced for “${definition.expansion}”. One abbreviation, one name.`,
            )
          : msg(
              `“${definition.abbr}” đã được giới thiệu ở phía trước; từ đây chỉ cần dùng chữ viết tắt.`,
              `“${definition.abbr}” was already introduced earlier; from here on use the abbreviation alone.`,
            ),
        related: [{ start: first.start, end: first.end, message: msg('Lần giới thiệu đầu tiên', 'First introduction') }],
      });
    }
  },
  examples: {
    ok: ['Thủ tục hành chính (TTHC) được cắt giảm; TTHC trực tuyến tăng.'],
    notOk: ['Thủ tục hành chính (TTHC) được cắt giảm; tỷ lệ thủ tục hành chính (TTHC) trực tuyến tăng.'],
  },
};
