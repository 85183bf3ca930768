import type { Rule, RuleContext } from '../../rule.js';
import { msg, type Msg, type TextEdit } from '../../types.js';
import { someEnclosing, spanIndex } from '../../spanIndex.js';
import { classAfter, classBefore, LETTER_OR_MARK } from '../../words.js';

/** Two or more spaces between two characters of one line. (The leading lookaheads let the engine skip ahead; see GLUED_STOP.) */
const DOUBLED = /(?=[ \t]{2})(?<=\S)[ \t]{2,}(?=\S)/gu;
/** Spaces before , ; : or a full stop. */
const BEFORE_PUNCTUATION = /(?=[ \t])(?<=\S)[ \t]+(?=[,;:.])/gu;
/** , ; : glued to the next word. */
const GLUED = /[,;:](?=\p{L})/gu;
/** A full stop glued to the next sentence: "thực hiện.Bộ". The dot comes first: a leading lookbehind is tried at every offset. */
const GLUED_STOP = /\.(?<=[\p{Ll}\p{M}]{2}\.)(?=\p{Lu}[\p{Ll}\p{M}])/gu;

/** How far a token is read around a mark: links are shorter, and a bound keeps the scan linear. */
const TOKEN_REACH = 300;

/** Links, e-mail addresses and HTML entities keep their punctuation. */
function inLinkOrEntity(prose: string, offset: number): boolean {
  let from = offset;
  while (from > 0 && offset - from < TOKEN_REACH && !/\s/u.test(prose[from - 1]!)) from--;
  let to = offset;
  while (to < prose.length && to - offset < TOKEN_REACH && !/\s/u.test(prose[to]!)) to++;
  const token = prose.slice(from, to);
  return /:\/\/|@|^www\.|^(?:mailto|tel|urn|doi):/iu.test(token) || /&#?[\p{L}\p{N}]+$/u.test(prose.slice(from, offset));
}

function allBlank(text: string, start: number, end: number): boolean {
  return /^[ \t]*$/u.test(text.slice(start, end));
}

interface Problem {
  start: number;
  end: number;
  /** Absent where the fix is not certain (a hyphen spaced on one side: joined or spaced?). */
  edit?: TextEdit;
  message: Msg;
  title?: Msg;
}

function isSpaceOrTab(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x20 || code === 0x09;
}

/**
 * A hyphen with a space on one side only, between two words: "các- bon", "Bà Rịa- Vũng Tàu", "Ngàn Trươi -Cẩm Trang";
 * the spans /(?<=[\p{L}\p{M}])(?:-[ \t]+|[ \t]+-)(?=[\p{L}\p{M}])/gu finds, read from each hyphen (that pattern opens
 * with a lookbehind and a space: it was tried at every offset and every space of the body).
 */
export function lopsidedHyphens(text: string): { index: number; length: number }[] {
  const found: { index: number; length: number }[] = [];
  const whole = { text, from: 0, to: text.length };
  for (let hyphen = text.indexOf('-'); hyphen >= 0; hyphen = text.indexOf('-', hyphen + 1)) {
    let before = hyphen;
    while (before > 0 && isSpaceOrTab(text, before - 1)) before--;
    let after = hyphen + 1;
    while (after < text.length && isSpaceOrTab(text, after)) after++;
    if ((before === hyphen) === (after === hyphen + 1)) continue; // spaced on both sides or on neither
    if (!classBefore(whole, before, LETTER_OR_MARK) || !classAfter(whole, after, LETTER_OR_MARK)) continue;
    found.push({ index: before, length: after - before });
  }
  return found;
}
/** Transliterated words whose syllables a hyphen joins (Vietnamese spelling of loanwords). */
const JOINED_LOANWORDS = new Set(['các-bon', 'ô-xy', 'a-xít', 'ni-tơ', 'phốt-pho', 'ô-tô', 'ki-lô', 'xi-măng', 'in-tơ-nét', 'ca-cao', 'ba-zơ', 'mê-tan', 'đi-ô-xít', 'xăng-dầu']);
const WORD_BEFORE = /[\p{L}\p{M}]+$/u;
const WORD_AFTER = /^[\p{L}\p{M}]+/u;
const UPPER_START = /^\p{Lu}/u;

function hyphenProblems(context: RuleContext, slice: string): Problem[] {
  const { text, prose, body } = context.model;
  const found: Problem[] = [];
  const named = spanIndex(context.facts.agencies.filter((mention) => mention.agency));
  for (const match of lopsidedHyphens(slice)) {
    const start = body.start + match.index;
    const end = start + match.length;
    // Real spaces of the text only, not blanked markup.
    if (text.slice(start, end) !== prose.slice(start, end)) continue;
    // Agency names are checked whole by agency/spelling ("Bộ Văn hóa- Thể thao và Du lịch"); links keep their text.
    if (someEnclosing(named, start, end) || inLinkOrEntity(prose, start)) continue;
    const before = WORD_BEFORE.exec(prose.slice(Math.max(0, start - 20), start))?.[0] ?? '';
    // A document symbol ("21/CT- TTg") is ref/symbol-format's: the character before the word (read alone, never the whole prose before it).
    if (/^[/\d]$/u.test(prose.charAt(start - before.length - 1))) continue;
    const after = WORD_AFTER.exec(prose.slice(end, end + 20))?.[0] ?? '';
    const joined = `${before}-${after}`;
    const written = text.slice(start - before.length, end + after.length);
    if (JOINED_LOANWORDS.has(joined.toLowerCase().normalize('NFC'))) {
      found.push({
        start: start - before.length,
        end: end + after.length,
        edit: { start, end, newText: '-' },
        message: msg(`Chữ bị tách quanh dấu gạch nối: “${written}”; viết liền: “${joined}”.`, `A word split around its hyphen: “${written}”; write “${joined}”.`),
        title: msg(`Sửa thành “${joined}”`, `Change to “${joined}”`),
      });
      continue;
    }
    const spaced = `${before} - ${after}`;
    // Two proper names joined ("Bà Rịa - Vũng Tàu", "Tuyên Quang - Hà Giang") take a space on each side.
    const properNames = UPPER_START.test(after) && UPPER_START.test(before);
    found.push({
      start: start - before.length,
      end: end + after.length,
      ...(properNames ? { edit: { start, end, newText: ' - ' }, title: msg(`Sửa thành “${spaced}”`, `Change to “${spaced}”`) } : {}),
      message: msg(
        `Dấu gạch nối chỉ có dấu cách ở một bên: “${written}”. Viết liền hai bên trong một từ (“các-bon”) hoặc cách đều hai bên giữa hai tên, hai vế (“Bà Rịa - Vũng Tàu”, “kinh tế - xã hội”).`,
        `A hyphen spaced on one side only: “${written}”. Write it without spaces inside one word (“các-bon”) or with a space on each side between two names or terms (“Bà Rịa - Vũng Tàu”).`,
      ),
    });
  }
  return found;
}

function problems(context: RuleContext): Problem[] {
  const { text, prose, body } = context.model;
  const slice = prose.slice(body.start);
  const found: Problem[] = [];
  const codes = spanIndex(context.facts.agencies.filter((mention) => mention.form === 'code'));
  for (const match of slice.matchAll(DOUBLED)) {
    const start = body.start + match.index!;
    const end = start + match[0].length;
    // Only real spaces of the text: blanked markup between two words is not a doubled space.
    if (!allBlank(text, start, end)) continue;
    found.push({ start, end, edit: { start, end, newText: ' ' }, message: msg('Thừa dấu cách: hai dấu cách liền nhau.', 'Doubled space.'), title: msg('Chỉ giữ một dấu cách', 'Keep one space') });
  }
  for (const match of slice.matchAll(BEFORE_PUNCTUATION)) {
    const start = body.start + match.index!;
    const end = start + match[0].length;
    const mark = prose[end]!;
    const next = prose[end + 1] ?? '';
    // "…", "...", "./." and ".vn" are not a full stop after a word.
    if (mark === '.' && next !== '' && !/[\s)\]”"’]/u.test(next)) continue;
    if (!allBlank(text, start, end) || inLinkOrEntity(prose, end)) continue;
    found.push({
      start,
      end: end + 1,
      edit: { start, end, newText: '' },
      message: msg(`Không có dấu cách trước dấu “${mark}”.`, `No space before “${mark}”.`),
      title: msg(`Bỏ dấu cách trước “${mark}”`, `Remove the space before “${mark}”`),
    });
  }
  for (const match of slice.matchAll(GLUED)) {
    const at = body.start + match.index!;
    const mark = match[0];
    if (at === body.start || /\s/u.test(prose[at - 1]!) || inLinkOrEntity(prose, at)) continue;
    // A recipient code keeps the comma of the name it shortens: "VH,TT&DL" (Văn hóa, Thể thao và Du lịch).
    if (someEnclosing(codes, at, at)) continue;
    found.push({
      start: at,
      end: at + 1,
      edit: { start: at + 1, end: at + 1, newText: ' ' },
      message: msg(`Thiếu dấu cách sau dấu “${mark}”.`, `Missing space after “${mark}”.`),
      title: msg(`Thêm dấu cách sau “${mark}”`, `Add a space after “${mark}”`),
    });
  }
  for (const match of slice.matchAll(GLUED_STOP)) {
    const at = body.start + match.index!;
    if (inLinkOrEntity(prose, at)) continue;
    found.push({
      start: at,
      end: at + 1,
      edit: { start: at + 1, end: at + 1, newText: ' ' },
      message: msg('Thiếu dấu cách sau dấu chấm kết thúc câu.', 'Missing space after the full stop.'),
      title: msg('Thêm dấu cách sau dấu chấm', 'Add a space after the full stop'),
    });
  }
  found.push(...hyphenProblems(context, slice));
  return found.sort((a, b) => a.start - b.start);
}

export const typoSpacing: Rule = {
  id: 'typo/spacing',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Dấu cách: không hai dấu cách liền nhau; không có dấu cách trước và phải có dấu cách sau dấu , ; : .',
    'Spacing: no doubled spaces; no space before and one space after , ; : .',
  ),
  check(context) {
    for (const problem of problems(context)) {
      const fix = problem.edit && problem.title ? { fix: { title: problem.title, edits: [problem.edit] } } : {};
      context.report({ start: problem.start, end: problem.end, message: problem.message, ...fix });
    }
  },
  examples: {
    ok: [
      'Kích hoạt được trên 57,9 triệu tài khoản; triển khai 38/53 dịch vụ công thiết yếu theo Nghị quyết số 28/NQ-CP.',
      'Tham dự có đại diện TP. Hồ Chí Minh, các Vụ: KGVX, NC (để b/c), họp lúc 8:30 tại https://chinhphu.vn/a,b; mua sắm trang thiết bị,...',
      'Các điểm lõm sóng, thiếu điện… đã được khắc phục.',
    ],
    notOk: ['Hoàn thành các nhiệm vụ tại điểm b,e khoản 3 Phụ lục.', 'Bộ Công an  chủ trì thực hiện.', 'Bộ Công an chủ trì , phối hợp thực hiện.', 'Bộ Công an chủ trì thực hiện.Bộ Tài chính phối hợp.'],
  },
};
