import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

/**
 * "57.9 triệu", "3.5%": a decimal point where Vietnamese writes a decimal comma.
 * Only before a unit or quantity word, so that section numbers ("mục 1.2"),
 * versions ("phiên bản 3.0") and thousands ("1.058.569 người") stay untouched.
 */
const DECIMAL_POINT = /(?<![\p{L}\p{N}.,/\-])(\d{1,3})\.(\d{1,2})(?=[ \t]*(?:%|(?:triệu|tỷ|tỉ|nghìn|ngàn|lần|km|ha|kg|tấn|USD|đồng)(?![\p{L}\p{M}])))/gu;
/** "1,000,000", "1,234.5": English thousands commas (two groups, or one with a decimal point). */
const THOUSANDS_COMMA = /(?<![\p{L}\p{N}.,/\-])\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)(?![\p{L}\p{N}]|[.,/\-]\d)/gu;

function vietnamese(number: string): string {
  return number.replace(/[.,]/gu, (mark) => (mark === ',' ? '.' : ','));
}

export const typoNumberFormat: Rule = {
  id: 'typo/number-format',
  defaultSeverity: 'warning',
  fixable: true,
  description: msg(
    'Số viết theo kiểu Việt Nam: dấu phẩy thập phân, dấu chấm phân cách hàng nghìn (“57,9 triệu”, “1.058.569”).',
    'Vietnamese number format: decimal comma, dot between thousands (“57,9 triệu”, “1.058.569”).',
  ),
  check(context) {
    const { prose, body } = context.model;
    const slice = prose.slice(body.start);
    for (const pattern of [DECIMAL_POINT, THOUSANDS_COMMA]) {
      for (const match of slice.matchAll(pattern)) {
        const start = body.start + match.index!;
        const written = match[0];
        const official = vietnamese(written);
        const isDecimal = pattern === DECIMAL_POINT;
        context.report({
          start,
          end: start + written.length,
          message: isDecimal
            ? msg(`Số thập phân viết dấu phẩy: “${official}”, không viết “${written}”.`, `Decimals take a comma in Vietnamese: “${official}”, not “${written}”.`)
            : msg(`Hàng nghìn phân cách bằng dấu chấm, phần thập phân bằng dấu phẩy: “${official}”, không viết “${written}”.`, `Thousands are separated by dots and decimals by a comma in Vietnamese: “${official}”, not “${written}”.`),
          fix: { title: msg(`Sửa thành “${official}”`, `Change to “${official}”`), edits: [{ start, end: start + written.length, newText: official }] },
        });
      }
    }
  },
  examples: {
    ok: ['Đã kích hoạt được trên 57,9 triệu tài khoản VNeID; 1.058.569 người đã có tài khoản; 3.235/6.786 thôn có cáp quang.', 'Cập nhật Khung kiến trúc Chính phủ điện tử Việt Nam (phiên bản 3.0) theo mục 1.2 của Kế hoạch.'],
    notOk: ['Đã kích hoạt được trên 57.9 triệu tài khoản VNeID.', 'Chi trả cho 1,058,569 người đã có tài khoản.', 'Tỷ lệ hồ sơ trực tuyến đạt 30.24%.'],
  },
};
