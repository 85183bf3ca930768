import type { Rule } from '../../rule.js';
import { msg, type Span } from '../../types.js';

/** Authority prefixes of Nghị định 30/2020 (Điều 13; Phụ lục I, II.7): thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const PREFIXES = ['TM', 'KT', 'TL', 'TUQ', 'Q'];
/** "XX. TITLE": a prefix-like group of capitals, a dot, then an upper-case title. */
const PREFIX_LINE = /^([A-ZĐ]{1,4}|[A-ZĐ]\/[A-ZĐ])\.?\s+(\p{Lu}[\p{Lu}\p{M}\s,.-]*)$/u;

interface Line extends Span {
  text: string;
}

/** Whole upper-case words: a title line ("PHÓ CHỦ NHIỆM"), as opposed to the signer's name. */
function isTitle(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

export const structureSignature: Rule = {
  id: 'structure/signature',
  defaultSeverity: 'error',
  fixable: false,
  description: msg(
    'Phần chữ ký: có quyền hạn (TM., KT., TL., TUQ., Q. hoặc không), chức vụ; ký thay (KT.) thì dòng dưới là chức vụ của cấp phó.',
    'The signature: an authority prefix (TM., KT., TL., TUQ., Q. or none) and the title; for “KT.” the deputy’s own title on the next line.',
  ),
  check(context) {
    const { model } = context;
    const signature = model.signature;
    const lines: Line[] = [];
    for (const block of signature?.blocks ?? []) {
      let offset = block.start;
      for (const raw of model.prose.slice(block.start, block.end).split('\n')) {
        const text = raw.trim();
        if (text) lines.push({ text, start: offset + raw.indexOf(text), end: offset + raw.indexOf(text) + text.length });
        offset += raw.length + 1;
      }
    }
    if (lines.length === 0) {
      const at = signature?.heading ?? { start: model.text.length, end: model.text.length };
      context.report({
        ...at,
        message: msg(
          'Thiếu phần chữ ký (mục “## Chữ ký”: quyền hạn và chức vụ của người ký, rồi họ tên, ví dụ “KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM / Cao Huy”).',
          'The signature block is missing (a “## Chữ ký” part: authority and title of the signer, then the name, e.g. “KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM / Cao Huy”).',
        ),
      });
      return;
    }
    const first = lines[0]!;
    const prefix = PREFIX_LINE.exec(first.text);
    if (!prefix || !isTitle(first.text)) return;
    const written = prefix[1]!;
    const hasDot = first.text.charAt(written.length) === '.';
    const span = { start: first.start, end: first.start + written.length + (hasDot ? 1 : 0) };
    const known = PREFIXES.includes(written);
    if (!known || !hasDot) {
      // A group of capitals without a dot is a prefix only when it is a known one ("KT BỘ TRƯỞNG") or slashed ("T/M").
      if (!hasDot && !known && !written.includes('/')) return;
      context.report({
        ...span,
        message: known
          ? msg(`Quyền hạn ký viết “${written}.”, có dấu chấm.`, `The signing authority is written “${written}.”, with a dot.`)
          : msg(
              `Quyền hạn ký “${written}${hasDot ? '.' : ''}” không đúng; chỉ dùng “TM.” (thay mặt), “KT.” (ký thay), “TL.” (thừa lệnh), “TUQ.” (thừa ủy quyền), “Q.” (quyền).`,
              `Unknown signing authority “${written}${hasDot ? '.' : ''}”; the prefixes are “TM.” (on behalf of), “KT.” (signing for), “TL.” (by order of), “TUQ.” (by delegation), “Q.” (acting).`,
            ),
      });
      return;
    }
    if (written === 'KT') {
      const next = lines[1];
      if (!next || !isTitle(next.text)) {
        context.report({
          ...span,
          end: first.end,
          message: msg(
            `Ký thay (“${first.text}”) thì dòng dưới phải là chức vụ của người ký thay (cấp phó), ví dụ “PHÓ CHỦ NHIỆM”, “THỨ TRƯỞNG”, trước họ tên.`,
            `A “KT.” signature (“${first.text}”) needs the deputy’s own title on the next line (e.g. “PHÓ CHỦ NHIỆM”, “THỨ TRƯỞNG”) before the name.`,
          ),
        });
      }
    }
  },
  examples: {
    ok: [
      'Bộ Công an chủ trì thực hiện.',
      '---\nco-quan: Văn phòng Chính phủ\nso: 06/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-01-10\nloai: Thông báo\ntrich-yeu: Kết luận Hội nghị\n---\n\nVăn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT(3).\n\n## Chữ ký\n\nBỘ TRƯỞNG, CHỦ NHIỆM\n\nTrần Văn Sơn\n',
    ],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n\n## Chữ ký\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\n\nCao Huy\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n\n## Chữ ký\n\nT/M. ỦY BAN NHÂN DÂN\\\nCHỦ TỊCH\n\nNguyễn Văn A\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n',
    ],
  },
};
