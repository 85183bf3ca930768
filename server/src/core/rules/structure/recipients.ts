import type { Rule, RuleContext } from '../../rule.js';
import type { ListItem } from '../../model.js';
import { matchKey } from '../../text.js';
import { msg, type Span } from '../../types.js';

/** The "Lưu" entry: "Lưu: VT, KSTT(3)." possibly followed by the drafter's mark and copies (".VTA", " *LC*", ".PL.(300)"). */
const LUU = /^lưu(?![\p{L}\p{M}])(?!\s+ý)/u;
const LUU_COLON = /^lưu\s*:/u;
/** After the final ".": nothing, or a short drafter mark (letters, digits, dots, brackets, spaces, emphasis: "QT 37"). */
const LUU_END = /\.[ \t]*(?:[*_]{0,2}[\p{L}\p{N}.()][\p{L}\p{N}.() ]{0,15}[*_]{0,2})?$/u;
/** The number of copies kept, "(3)", "(3b)": the "Lưu" line ends right after it, before the drafter's mark. */
const COPIES_ALL = /\([ \t]*\d+[ \t]*b?[ \t]*\)/gu;
/** "Lưu: Văn thư, …": the decree writes the records office as "VT". */
const VAN_THU = /^(lưu[ \t]*:?[ \t]*)(văn thư)(?![\p{L}\p{M}])/u;
const TRAILING_PUNCTUATION = /[.,:;]*$/u;

/** The prose of an entry (markers and markup blanked), trimmed, with its span. */
function entryText(context: RuleContext, entry: ListItem): { text: string; start: number; end: number } {
  const { prose } = context.model;
  const raw = prose.slice(entry.markerSpan.end, entry.end);
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = entry.markerSpan.end + leading;
  return { text, start, end: start + text.length };
}

function replaceEnd(text: string, end: number, newText: string): { span: Span; edit: { start: number; end: number; newText: string } } {
  const punctuation = TRAILING_PUNCTUATION.exec(text)![0];
  const start = end - punctuation.length;
  return { span: { start, end }, edit: { start, end, newText } };
}

export const structureRecipients: Rule = {
  id: 'structure/recipients',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Phần “Nơi nhận”: mỗi nơi nhận kết thúc bằng dấu “;”, dòng cuối là “Lưu: VT, <đơn vị soạn thảo>(<số bản>).”.',
    'The “Nơi nhận” list: each recipient ends with “;”, the last line is “Lưu: VT, <drafting unit>(<copies>).”.',
  ),
  check(context) {
    const { recipients } = context.model;
    if (!recipients) {
      const at = context.model.signature?.heading.start ?? context.model.text.length;
      context.report({
        start: at,
        end: at,
        message: msg(
          'Thiếu phần “Nơi nhận” (mục “## Nơi nhận” với danh sách nơi nhận, dòng cuối “- Lưu: VT, …”).',
          'The “Nơi nhận” (recipients) part is missing (a “## Nơi nhận” heading with the list, last line “- Lưu: VT, …”).',
        ),
      });
      return;
    }
    const entries = recipients.entries;
    if (entries.length === 0) {
      context.report({
        ...recipients.heading,
        message: msg('Phần “Nơi nhận” chưa có nơi nhận nào (mỗi nơi nhận một dòng “- …;”, dòng cuối “- Lưu: VT, …”).', 'The “Nơi nhận” part lists no recipient (one “- …;” line each, the last “- Lưu: VT, …”).'),
      });
      return;
    }
    const texts = entries.map((entry) => entryText(context, entry));
    const last = texts.at(-1)!;
    const lastKey = matchKey(last.text);
    entries.forEach((_, index) => {
      const entry = texts[index]!;
      if (index === entries.length - 1 || entry.text.endsWith(';') || !entry.text) return;
      if (LUU.test(matchKey(entry.text))) {
        context.report({
          start: entry.start,
          end: entry.end,
          message: msg('Dòng “Lưu: …” phải là dòng cuối cùng của phần “Nơi nhận”.', 'The “Lưu: …” line must be the last line of “Nơi nhận”.'),
        });
        return;
      }
      const { span, edit } = replaceEnd(entry.text, entry.end, ';');
      context.report({
        start: span.start === span.end ? Math.max(entry.start, span.start - 1) : span.start,
        end: span.end,
        message: msg(`Mỗi nơi nhận (trừ dòng cuối) kết thúc bằng dấu “;”: “${entry.text.replace(TRAILING_PUNCTUATION, '')};”.`, `Each recipient but the last ends with “;”: “${entry.text.replace(TRAILING_PUNCTUATION, '')};”.`),
        fix: { title: msg('Kết thúc bằng “;”', 'End with “;”'), edits: [edit] },
      });
    });
    if (!LUU.test(lastKey)) {
      context.report({
        start: last.start,
        end: last.end,
        message: msg(
          'Dòng cuối của phần “Nơi nhận” phải là “Lưu: VT, <đơn vị soạn thảo>(<số bản>).” (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9).',
          'The last line of “Nơi nhận” must be “Lưu: VT, <drafting unit>(<copies>).” (Decree 30/2020/NĐ-CP, Appendix I, II.9).',
        ),
      });
      return;
    }
    if (!LUU_COLON.test(lastKey)) {
      const word = /^\S+/u.exec(last.text)![0];
      const at = last.start + word.length;
      context.report({
        start: last.start,
        end: at,
        message: msg('Sau “Lưu” phải có dấu hai chấm: “Lưu: VT, …”.', '“Lưu” is followed by a colon: “Lưu: VT, …”.'),
        fix: { title: msg('Thêm dấu “:”', 'Add “:”'), edits: [{ start: at, end: at, newText: ':' }] },
      });
    }
    const vanThu = VAN_THU.exec(lastKey);
    if (vanThu) {
      const start = last.start + vanThu[1]!.length;
      context.report({
        start,
        end: start + vanThu[2]!.length,
        message: msg('Trong dòng “Lưu”, văn thư cơ quan viết tắt là “VT”: “Lưu: VT, …” (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9).', 'In the “Lưu” line the records office is written “VT”: “Lưu: VT, …” (Decree 30/2020/NĐ-CP, Appendix I, II.9).'),
        fix: { title: msg('Viết “VT”', 'Write “VT”'), edits: [{ start, end: start + vanThu[2]!.length, newText: 'VT' }] },
      });
    }
    // "Lưu: VT, KTTH (2), NN (1)." keeps copies for two units: the line is right when one of them ends it.
    const allCopies = [...last.text.matchAll(COPIES_ALL)];
    const copies = allCopies[0];
    if (copies) {
      const after = last.start + copies.index + copies[0].length;
      const closed = allCopies.some((group) => last.text.startsWith('.', group.index + group[0].length));
      if (!closed) {
        const next = last.text.slice(copies.index + copies[0].length);
        const replaced = /^[,;]/u.test(next) ? 1 : 0;
        context.report({
          start: after - 1,
          end: after + replaced,
          message: msg(
            `Dòng “Lưu” kết thúc bằng dấu chấm ngay sau số bản lưu “${copies[0]}”; ký hiệu người soạn thảo và số bản phát hành (nếu có) đặt sau dấu chấm: “${last.text.slice(0, copies.index + copies[0].length)}.”.`,
            `The “Lưu” line ends with a full stop right after the copies kept “${copies[0]}”; the drafter’s mark and copies issued, if any, follow the full stop: “${last.text.slice(0, copies.index + copies[0].length)}.”.`,
          ),
          fix: { title: msg('Thêm “.” sau số bản lưu', 'Add “.” after the copies kept'), edits: [{ start: after, end: after + replaced, newText: '.' }] },
        });
      }
    } else if (!LUU_END.test(last.text)) {
      const { span, edit } = replaceEnd(last.text, last.end, '.');
      context.report({
        start: span.start === span.end ? Math.max(last.start, span.start - 1) : span.start,
        end: span.end,
        message: msg('Dòng “Lưu: …” kết thúc bằng dấu chấm “.”.', 'The “Lưu: …” line ends with a full stop “.”.'),
        fix: { title: msg('Kết thúc bằng “.”', 'End with “.”'), edits: [edit] },
      });
    }
  },
  examples: {
    ok: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 06/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-01-10\nloai: Thông báo\ntrich-yeu: Kết luận Hội nghị\n---\n\nVăn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.\n\n## Nơi nhận\n\n- TTgCP, các PTTgCP (để b/c);\n- VPCP: BTCN, các PCN; Trợ lý, Thư ký TTgCP, các Vụ, Cục, đơn vị trực thuộc;\n- Lưu: VT, KSTT(3).VTA\n\n## Chữ ký\n\nBỘ TRƯỞNG, CHỦ NHIỆM\n\nTrần Văn Sơn\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.\n\n## Nơi nhận\n\n- Thủ tướng Chính phủ;\n- Lưu: VT, KSTT (2). *LC*\n\n## Chữ ký\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\\\nPHÓ CHỦ NHIỆM\n\nCao Huy\n',
    ],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n\n## Nơi nhận\n\n- Thủ tướng Chính phủ\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n- Lưu: VT, KSTT(2).\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n\n## Nơi nhận\n\n- Thủ tướng Chính phủ;\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n',
      '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n',
    ],
  },
};
