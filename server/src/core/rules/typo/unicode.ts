import type { Rule, RuleContext } from '../../rule.js';
import { foldToneMarks, hasCombiningMark, hasOldToneMark } from '../../text.js';
import { msg, type TextEdit } from '../../types.js';

/** Zero-width characters and bidirectional controls: invisible, they break search and copying. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]+/gu;
const WORD = /[\p{L}\p{M}]+/gu;
/** A combining mark: a word holding one is decomposed (NFD). Tested per word, as a word pattern requiring it would backtrack quadratically. */
const MARK = /\p{M}/u;
/** New tone placement on oa, oe, uy at the end of a word: "hòa", "khỏe", "thủy" (not "quý"). */
const NEW_TONE = /(?:^|[^qQ])(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])$/u;

function codePoints(text: string): string {
  return [...text].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * What the drafter wrote as text: the front matter and the body's prose. Code,
 * HTML comments and link destinations are blanked (the model's prose), so no
 * finding or fix lands inside them (a URL or a code sample changed).
 */
function checkedText(context: RuleContext): string {
  const { text, prose, frontMatter } = context.model;
  return frontMatter ? text.slice(0, frontMatter.end) + prose.slice(frontMatter.end) : prose;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** A zero-width joiner between two pictographs joins an emoji sequence (👨‍👩‍👧): part of the character, not stray. */
function joinsEmoji(text: string, start: number, end: number): boolean {
  return /^\u200D+$/u.test(text.slice(start, end)) && PICTOGRAPHIC.test(text.slice(Math.max(0, start - 2), start)) && PICTOGRAPHIC.test(text.slice(end, end + 2));
}

function checkInvisible(context: RuleContext): void {
  const text = checkedText(context);
  for (const match of text.matchAll(INVISIBLE)) {
    const start = match.index!;
    // A byte order mark at the very start is the file's encoding signature, not text.
    if (start === 0 && match[0] === '\uFEFF') continue;
    if (joinsEmoji(text, start, start + match[0].length)) continue;
    const end = start + match[0].length;
    context.report({
      start,
      end,
      message: msg(`Ký tự ẩn (${codePoints(match[0])}): ký tự không độ rộng hoặc điều khiển chiều chữ, thường do sao chép; cần xóa.`, `Invisible character (${codePoints(match[0])}): zero-width or bidirectional control, usually pasted in; remove it.`),
      fix: { title: msg('Xóa ký tự ẩn', 'Remove the invisible character'), edits: [{ start, end, newText: '' }] },
    });
  }
}

function checkDecomposed(context: RuleContext): void {
  const text = checkedText(context);
  if (!hasCombiningMark(text)) return;
  // One finding per line: a pasted NFD paragraph would otherwise give one per word.
  let line: { start: number; end: number; edits: TextEdit[] } | undefined;
  const flush = () => {
    if (!line) return;
    context.report({
      start: line.start,
      end: line.end,
      message: msg(
        'Chữ tiếng Việt ở dạng tổ hợp (Unicode NFD: dấu tách rời chữ cái); văn bản dùng dạng dựng sẵn (NFC) để tìm kiếm, so khớp đúng.',
        'Vietnamese letters in decomposed form (Unicode NFD: marks apart from their letters); official text uses the composed form (NFC) so that search and matching work.',
      ),
      fix: { title: msg('Chuyển sang dạng dựng sẵn (NFC)', 'Convert to composed form (NFC)'), edits: line.edits },
    });
    line = undefined;
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!MARK.test(word)) continue;
    const composed = word.normalize('NFC');
    if (composed === word) continue;
    const start = match.index!;
    const end = start + word.length;
    if (line && text.slice(line.end, start).includes('\n')) flush();
    line ??= { start, end, edits: [] };
    line.end = end;
    line.edits.push({ start, end, newText: composed });
  }
  flush();
}

/**
 * Both tone patterns end a word in a, e or y (toned for the old one), or in a
 * mark that may still compose into one: the last unit of such a word.
 */
const TONE_PAIR_END = /[aeyAEYàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ\p{M}](?![\p{L}\p{M}])/gu;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Per UTF-16 unit: 0 not tested yet, 1 a letter or mark, 2 not. */
const letterOrMarkUnits = new Uint8Array(0x10000);

function isLetterOrMarkUnit(code: number): boolean {
  let known = letterOrMarkUnits[code]!;
  if (known === 0) letterOrMarkUnits[code] = known = LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * The words (maximal runs of letters and marks, as /[\p{L}\p{M}]+/gu finds
 * them) whose last unit may end a tone pair: found from their end, so that
 * the other words of the notice are never built.
 */
function* wordsEndingInToneVowel(text: string): Generator<{ start: number; end: number }> {
  for (const match of text.matchAll(TONE_PAIR_END)) {
    // A mark outside the BMP ends its word with a low surrogate, which ends no tone pair.
    if (match[0].length !== 1) continue;
    const end = match.index! + 1;
    let start = match.index!;
    while (start > 0) {
      const code = text.charCodeAt(start - 1);
      const high = start >= 2 ? text.charCodeAt(start - 2) : 0;
      if (code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff) {
        if (!LETTER_OR_MARK.test(text.slice(start - 2, start))) break;
        start -= 2;
      } else if (isLetterOrMarkUnit(code)) start--;
      else break;
    }
    yield { start, end };
  }
}

/** "hoà" and "hòa" in one notice: the minority placement is reported; old placement is moved to the new one of Nghị định 30/2020. */
function checkToneMixing(context: RuleContext): void {
  const { prose, body } = context.model;
  const old: { start: number; end: number; word: string }[] = [];
  const recent: { start: number; end: number; word: string }[] = [];
  const slice = prose.slice(body.start);
  for (const { start, end } of wordsEndingInToneVowel(slice)) {
    const word = slice.slice(start, end).normalize('NFC');
    const entry = { start: body.start + start, end: body.start + end, word };
    if (hasOldToneMark(word)) old.push(entry);
    else if (NEW_TONE.test(word)) recent.push(entry);
  }
  if (old.length === 0 || recent.length === 0) return;
  const reportOld = old.length <= recent.length;
  const minority = reportOld ? old : recent;
  const majorityExample = (reportOld ? recent : old)[0]!.word;
  // agency/spelling reports a known name written with the old placement ("Uỷ ban nhân dân") and fixes the whole name: one finding, not two.
  const misspeltNames = context.facts.agencies.filter((mention) => mention.agency && mention.differs);
  for (const entry of minority) {
    if (misspeltNames.some((mention) => mention.start <= entry.start && entry.end <= mention.end)) continue;
    const other = reportOld ? foldToneMarks(entry.word) : undefined;
    context.report({
      start: entry.start,
      end: entry.end,
      severity: 'info',
      message: reportOld
        ? msg(
            `Bỏ dấu thanh kiểu cũ “${entry.word}” trong khi văn bản dùng kiểu mới (“${majorityExample}”); thống nhất một kiểu: “${other}” (kiểu của Nghị định 30/2020/NĐ-CP).`,
            `Old tone-mark placement “${entry.word}” while the notice uses the new one (“${majorityExample}”); use one style: “${other}” (the style of Decree 30/2020/NĐ-CP).`,
          )
        : msg(
            `Bỏ dấu thanh kiểu mới “${entry.word}” trong khi văn bản chủ yếu dùng kiểu cũ (“${majorityExample}”); nên thống nhất một kiểu trong văn bản.`,
            `New tone-mark placement “${entry.word}” while the notice mostly uses the old one (“${majorityExample}”); use one style throughout.`,
          ),
      ...(other && other !== entry.word ? { fix: { title: msg(`Sửa thành “${other}”`, `Change to “${other}”`), edits: [{ start: entry.start, end: entry.end, newText: other }] } } : {}),
    });
  }
}

export const typoUnicode: Rule = {
  id: 'typo/unicode',
  defaultSeverity: 'warning',
  fixable: true,
  description: msg(
    'Unicode: chữ ở dạng tổ hợp (NFD), ký tự ẩn (không độ rộng, điều khiển chiều chữ), trộn kiểu bỏ dấu “hoà”/“hòa” trong một văn bản.',
    'Unicode: decomposed (NFD) letters, invisible characters (zero-width, bidi controls), mixed tone-mark placement “hoà”/“hòa” in one notice.',
  ),
  check(context) {
    checkInvisible(context);
    checkDecomposed(context);
    checkToneMixing(context);
  },
  examples: {
    ok: ['Đơn giản hóa thủ tục hành chính, hiện đại hóa trang thiết bị; hài hòa lợi ích của Nhà nước, người dân và doanh nghiệp.'],
    notOk: [
      'Đơn giản hóa thủ tục hành chính, hiện đại hoá trang thiết bị, hài hòa lợi ích.',
      'Bộ Công an chủ trì\u200B thực hiện.',
      'Bộ Công an chu\u0309 trì thực hiện.',
    ],
  },
};
