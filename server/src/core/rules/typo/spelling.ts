import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';
import type { SpellChecker } from '../../../knowledge/types.js';
import { classAfter, classBefore, codePointClass, type WordRuns } from '../../words.js';

/**
 * A syllable that is no Vietnamese word ("Tổng kêt", "nhiêm vụ"), from the
 * Hunspell dictionary dictionary-vi (a list of Vietnamese syllables). Only
 * what can be a Vietnamese syllable at all is looked up, so that proper names
 * (capitalised), abbreviations, numbers, foreign words ("logistics"), links and
 * code are never reported; a syllable that is a word elsewhere ("Rứt khoát",
 * "Long kết") is beyond a syllable list.
 */

/** A word (a run of letters and marks) is read when neither of these touches it: not part of a number, a link, an address or a symbol. */
const NOT_BEFORE_WORD = codePointClass(/^[\p{N}_\-./@:]$/u);
const NOT_AFTER_WORD = codePointClass(/^[\p{N}_\-/@]$/u);
const LETTER_OR_DIGIT = codePointClass(/^[\p{L}\p{M}\p{N}]$/u);
/** A Vietnamese syllable's shape once its diacritics are removed: onset, vowels, coda. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$/u;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** The dictionary writes the old tone placement of Nghị định 30's predecessors ("hoà", "thuỷ"); the decree's is "hòa", "thủy". */
const NEW_TONE_OPEN_SYLLABLE = /(?<![qQ])([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])$/u;

/** Syllables Vietnamese writes that the dictionary lacks, found on the real notices and seeds ("nòng cốt", "liệt sỹ", "thẻ căn cước gắn chip"). */
const MISSING_FROM_DICTIONARY = new Set(['nòng', 'sỹ', 'chip']);
/** "(ii)", "(iii)": a list marker in Roman numerals. */
const ROMAN = /^[ivxl]+$/u;
const ASCII_WORD = /^[a-z]+$/iu;

/** A word beside a word of another language ("on this translation") is part of foreign text. */
function besideForeignWord(prose: string, start: number, end: number): boolean {
  const before = /([\p{L}\p{M}]+)[ \t]+$/u.exec(prose.slice(Math.max(0, start - 30), start))?.[1];
  const after = /^[ \t]+([\p{L}\p{M}]+)/u.exec(prose.slice(end, end + 30))?.[1];
  return [before, after].some((word) => word !== undefined && ASCII_WORD.test(word) && !SYLLABLE.test(word.toLowerCase()));
}

/**
 * True when word k is looked up: no digit, link, address or symbol character touches it, and no "." with a
 * letter or digit right after it (a domain written without "www.": "moit.gov.vn", "mic.gov.vn").
 * Read by index: a pair per word made a twentieth of an analysis's allocation.
 */
export function isLookedUp(words: WordRuns, k: number): boolean {
  const end = words.ends[k]!;
  if (words.text.charCodeAt(end) === 0x2e && classAfter(words, end + 1, LETTER_OR_DIGIT)) return false;
  return !classBefore(words, words.starts[k]!, NOT_BEFORE_WORD) && !classAfter(words, end, NOT_AFTER_WORD);
}

function plainShape(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');
}

function oldTonePlacement(word: string): string {
  return word.normalize('NFD').replace(NEW_TONE_OPEN_SYLLABLE, '$1$3$2').normalize('NFC');
}

/** True when the word is not to be reported: not looked up (capitals, not a syllable's shape) or in the dictionary. */
function acceptable(written: string, spelling: SpellChecker): boolean {
  const word = written.normalize('NFC');
  // Proper names, sentence starts and abbreviations keep their capitals: not looked up.
  if (word !== word.toLowerCase() || word.length > 7 || MISSING_FROM_DICTIONARY.has(word)) return true;
  if (!SYLLABLE.test(plainShape(word))) return true;
  return spelling.correct(word) || (TONE.test(word.normalize('NFD')) && spelling.correct(oldTonePlacement(word)));
}

/** Verdicts by word as written, kept per dictionary across analyses; bounded, as archives bring names and typos without end. */
const verdicts = new WeakMap<SpellChecker, Map<string, boolean>>();
const MAX_VERDICTS = 50_000;

function verdictsOf(spelling: SpellChecker): Map<string, boolean> {
  let known = verdicts.get(spelling);
  if (!known) verdicts.set(spelling, (known = new Map()));
  return known;
}

export const typoSpelling: Rule = {
  id: 'typo/spelling',
  defaultSeverity: 'info',
  fixable: false,
  description: msg('Âm tiết không có trong từ điển chính tả tiếng Việt (dictionary-vi).', 'A syllable that is not in the Vietnamese spelling dictionary (dictionary-vi).'),
  check(context) {
    const spelling = context.knowledge.spelling;
    if (!spelling) return;
    const { text, prose } = context.model;
    const checked = verdictsOf(spelling);
    // "Nghị đ ịnh": typo/split-word reports the split term, not its broken syllable once more.
    const splits = context.facts.terms.filter((mention) => mention.kind === 'split');
    const words = context.facts.bodyWords;
    for (let k = 0; k < words.count; k++) {
      if (!isLookedUp(words, k)) continue;
      const start = words.starts[k]!;
      const end = words.ends[k]!;
      const word = prose.slice(start, end);
      // One verdict per distinct word as written: most words of a notice repeat, and repeat from one version (or notice) to the next.
      let correct = checked.get(word);
      if (correct === undefined) {
        if (checked.size >= MAX_VERDICTS) checked.clear();
        checked.set(word, (correct = acceptable(word, spelling)));
      }
      if (correct) continue;
      // The word as written, not blanked markup; not a list marker "(ii)", not foreign text.
      if (text.slice(start, end) !== word) continue;
      if (ROMAN.test(word) && prose[start - 1] === '(' && prose[end] === ')') continue;
      if (besideForeignWord(prose, start, end) || splits.some((mention) => mention.start <= start && end <= mention.end)) continue;
      context.report({
        start,
        end,
        message: msg(`“${word}” không có trong từ điển chính tả tiếng Việt: kiểm tra lỗi gõ.`, `“${word}” is not in the Vietnamese spelling dictionary: check for a typo.`),
      });
    }
  },
  examples: {
    ok: [
      'Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng hòa giải, kỹ thuật, thủy lợi; các doanh nghiệp logistics và Thủ tướng Chính phủ.',
      'Liên kết nhà nông - nhà doanh nghiệp - nhà khoa học mà nòng cốt là liên kết; gia đình liệt sỹ; (ii) Định danh xác thực điện tử; (iii) Thực hiện dịch vụ công.',
      'Thông tin đăng trên Cổng thông tin điện tử của Bộ Công Thương (moit.gov.vn) và tại vanban.chinhphu.vn.',
    ],
    notOk: ['Tỷ lệ hộ nghèo giảm từ 13,7% (năm 2008) xuống còn 9,45% (năm 2010), hộ nghèo ỏ khu vực nông thôn giảm mạnh.', 'Báo cáo tổng kêt việc thực hiện nhiêm vụ trong năm 2024.'],
  },
};
