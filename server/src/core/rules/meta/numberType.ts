import type { Rule } from '../../rule.js';
import { parseNumberSymbol } from '../../symbols.js';
import { matchKey } from '../../text.js';
import { msg } from '../../types.js';

export const metaNumberType: Rule = {
  id: 'meta/number-type',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Ký hiệu loại trong “so” không khớp với tên loại “loai” (Thông báo → TB).', 'The type code in “so” does not match “loai” (Thông báo → TB).'),
  check(context) {
    const fields = context.model.frontMatter?.fields ?? [];
    const numberField = fields.find((field) => field.key === 'so');
    const type = context.model.meta.type;
    if (!numberField || typeof numberField.value !== 'string' || !type) return;
    const parsed = parseNumberSymbol(numberField.value);
    if (!parsed) return;
    const docType = context.knowledge.docTypes.find((candidate) => matchKey(candidate.name) === matchKey(type) && candidate.regime !== 'quy-pham');
    // Types without a code (công văn) carry the issuer first: nothing to compare.
    if (!docType?.code || docType.code === parsed.typeCode) return;
    const codeStart = numberField.valueSpan.start + numberField.value.lastIndexOf(`${parsed.typeCode}-${parsed.issuerCode}`);
    context.report({
      start: codeStart,
      end: codeStart + parsed.typeCode.length,
      message: msg(
        `Ký hiệu loại “${parsed.typeCode}” không khớp với loại văn bản “${docType.name}”: ký hiệu của ${docType.name} là “${docType.code}” (Phụ lục III, Nghị định 30/2020/NĐ-CP).`,
        `The type code “${parsed.typeCode}” does not match the document type “${docType.name}”: its code is “${docType.code}” (Decree 30/2020/NĐ-CP, Appendix III).`,
      ),
      basis: [docType],
      fix: { title: msg(`Sửa thành “${docType.code}”`, `Change to “${docType.code}”`), edits: [{ start: codeStart, end: codeStart + parsed.typeCode.length, newText: docType.code }] },
    });
  },
  examples: {
    ok: ['Văn phòng Chính phủ thông báo ý kiến kết luận.'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/CV-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
