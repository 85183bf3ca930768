import type { Rule } from '../../rule.js';
import type { TextBlock } from '../../model.js';
import { matchKey } from '../../text.js';
import { msg } from '../../types.js';

/** "… thông báo để … biết, thực hiện" / "… thông báo … được biết": the closing formula of a notice. */
const FORMULA = /thông báo\b.*\b(?:biết|thực hiện)/u;
const END_MARK = './.';
/** Punctuation a drafter leaves where "./." belongs: ".", "./", "/.", ". /.", ";", … */
const TRAILING_PUNCTUATION = /[\s.,;:/]*$/u;

/** The last block of the body's content (not a heading, not a footnote). */
function lastContentBlock(blocks: TextBlock[]): TextBlock | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.section === 'body' && !block.inFootnote && block.kind !== 'heading') return block;
  }
  return undefined;
}

export const structureClosing: Rule = {
  id: 'structure/closing',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Nội dung thông báo kết thúc bằng câu kết (“… thông báo để … biết, thực hiện”) và dấu “./.”.',
    'The body ends with the closing formula (“… thông báo để … biết, thực hiện”) and the mark “./.”.',
  ),
  check(context) {
    const { model } = context;
    const block = lastContentBlock(model.blocks);
    if (!block) return;
    const prose = model.prose.slice(block.start, block.end).trimEnd();
    if (prose.endsWith(END_MARK)) return;
    const textEnd = block.start + prose.length;
    if (!FORMULA.test(matchKey(prose))) {
      context.report({
        start: textEnd,
        end: textEnd,
        message: msg(
          'Thiếu câu kết của thông báo, kết thúc bằng “./.”, ví dụ: “Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.”.',
          'The closing formula is missing; it ends with “./.”, e.g. “Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.”.',
        ),
      });
      return;
    }
    const punctuation = TRAILING_PUNCTUATION.exec(prose)![0];
    const start = textEnd - punctuation.length;
    context.report({
      start,
      end: textEnd,
      message: msg('Câu kết của thông báo phải kết thúc bằng dấu “./.”.', 'The closing formula must end with “./.”.'),
      fix: { title: msg('Kết thúc bằng “./.”', 'End with “./.”'), edits: [{ start, end: textEnd, newText: END_MARK }] },
    });
  },
  examples: {
    ok: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nBộ Công an chủ trì thực hiện.\n\nVăn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n'],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nBộ Công an chủ trì thực hiện.\n\nVăn phòng Chính phủ thông báo để các bộ, cơ quan liên quan biết, thực hiện.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nBộ Công an chủ trì thực hiện.\n\n## Nơi nhận\n\n- Lưu: VT, KSTT (2).\n',
    ],
  },
};
