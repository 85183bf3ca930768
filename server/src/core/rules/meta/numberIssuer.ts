import type { Rule } from '../../rule.js';
import { inForce } from '../../agencyIndex.js';
import { parseNumberSymbol } from '../../symbols.js';
import { msg } from '../../types.js';

export const metaNumberIssuer: Rule = {
  id: 'meta/number-issuer',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Ký hiệu cơ quan trong “so” không khớp với “co-quan” (Văn phòng Chính phủ → VPCP).', 'The issuer code in “so” does not match “co-quan” (Văn phòng Chính phủ → VPCP).'),
  check(context) {
    const field = context.model.frontMatter?.fields.find((candidate) => candidate.key === 'so');
    if (!field || typeof field.value !== 'string') return;
    const parsed = parseNumberSymbol(field.value);
    const issuer = context.facts.agencies.find((mention) => mention.section === 'front-matter')?.agency;
    if (!parsed || !issuer?.symbolCode || !inForce(issuer, context.noticeDate)) return;
    // "TB-VPCP-KSTT": a unit code may follow the issuer's.
    const written = parsed.issuerCode.split('-')[0]!;
    if (written === issuer.symbolCode) return;
    const raw = context.model.text.slice(field.valueSpan.start, field.valueSpan.end);
    const at = raw.lastIndexOf(`${parsed.typeCode}-${parsed.issuerCode}`);
    if (at < 0) return;
    const start = field.valueSpan.start + at + parsed.typeCode.length + 1;
    context.report({
      start,
      end: start + written.length,
      message: msg(
        `Ký hiệu cơ quan “${written}” không khớp với cơ quan ban hành “${issuer.name}”: ký hiệu đúng là “${issuer.symbolCode}” (Phụ lục I, Nghị định 30/2020/NĐ-CP).`,
        `The issuer code “${written}” does not match the issuing agency “${issuer.name}”: its code is “${issuer.symbolCode}” (Decree 30/2020/NĐ-CP, Appendix I).`,
      ),
      basis: [issuer],
      fix: { title: msg(`Sửa thành “${issuer.symbolCode}”`, `Change to “${issuer.symbolCode}”`), edits: [{ start, end: start + written.length, newText: issuer.symbolCode }] },
    });
  },
  examples: {
    ok: ['Văn phòng Chính phủ thông báo.'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCT\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nNội dung.\n'],
  },
};
