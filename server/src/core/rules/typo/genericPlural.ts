import type { RuleContext } from '../../rule.js';
import type { Span } from '../../types.js';

/**
 * A document type written with a capital where it names no document: "các
 * Nghị định liên quan", "19 Nghị quyết của Chính phủ", "các chủ trương của
 * Đảng, Luật, Nghị quyết của Quốc hội, Chỉ thị, Công điện" (PL II, V.6: the
 * type word is capitalised only in the name of one specific document).
 * Decided from the grammar around the word, not the word alone: a number or
 * "số" after it, an anaphor ("nêu trên", "này") or a defined short name
 * ("sau đây gọi là Chương trình") make it a name.
 */
export interface GenericPlural extends Span {
  written: string;
}

/**
 * "các Nghị quyết", "theo 19 Nghị quyết": the plural word right before the type word. A number counts only
 * after a word that is not a date's ("năm 2014 Báo cáo …" starts a sentence; "8 Hướng dẫn …" is a row number).
 */
const PLURAL_BEFORE = /(?:(?:^|[^\p{L}\p{M}])(?:các|những)|(?<![\p{L}\p{M}])(?!(?:năm|tháng|ngày|quý|giai đoạn|số|điểm|khoản|mục|Điều)[ \t\n])[\p{L}\p{M}]+[ \t\n]+\d+)[ \t\n]+$/iu;
/** Right after the type word: "số 01/NQ-CP", "01/NQ-CP", "Trung ương 4", "(số …)", ": số …". */
const NAMED_RIGHT_AFTER = /^[ \t\n]*(?:số(?![\p{L}\p{M}])|\d|\p{Lu}|\(|:[ \t\n]*[sS]ố(?![\p{L}\p{M}]))/u;
/** Right after the type word: an anaphor pointing back at documents named earlier ("Các Báo cáo trên"). */
const ANAPHOR_RIGHT_AFTER = /^[ \t\n]+(?:(?:nêu|nói|kể|đã nêu|đã dẫn)[ \t\n]+(?:ở[ \t\n]+)?trên|trên(?![ \t\n]+(?:địa bàn|cơ sở|phạm vi|toàn|cả|mạng|nền tảng|hệ thống|môi trường))|này|đó|ấy|dưới đây|sau đây)(?![\p{L}\p{M}])/u;
/** Anywhere in the phrase: a number ("số 12/TB-VPCP", "(số 01 và số 02)"), a symbol, or an anaphor. */
const NAMED_IN_PHRASE = /(?<![\p{L}\p{M}])số[ \t\n]*(?:\d|…|\.\.\.)|\d+\/[\p{L}\d]|(?<![\p{L}\p{M}])(?:nêu|nói|kể|đã nêu|đã dẫn)[ \t\n]+(?:ở[ \t\n]+)?trên(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:này|nêu tại)(?![\p{L}\p{M}])/u;
/** "(sau đây gọi tắt là Chương trình)", "(gọi tắt là Đề án)": a defined short name. */
const DEFINITION = /(?:sau đây |dưới đây )?gọi (?:tắt |chung )?là[ \t\n]+[“"]?(\p{Lu}[\p{L}\p{M}]*(?:[ \t\n]+[\p{L}\p{M}\d]+){0,3})/gu;
/** The phrase a type word heads ends at a clause boundary; parentheses are read through ("(số … và số …)"). */
const PHRASE_REACH = 160;

const BODY_NAME_BEFORE = /(?:Ban|Ủy ban|Uỷ ban|Hội đồng)[ \t\n]+\p{Lu}[^,;.:()]*[ \t\n]các[ \t\n]+$/u;

/** Capitalised type words that are one syllable, unseen by the term trie ("Luật"). */
const ONE_SYLLABLE_TYPES = ['Luật'];

function phraseAfter(prose: string, end: number): string {
  const rest = prose.slice(end, end + PHRASE_REACH);
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return rest.slice(0, i);
      depth--;
    } else if (depth === 0 && (ch === ',' || ch === ';' || (ch === '.' && !/\d/u.test(rest[i + 1] ?? '')) || ch === ':' || ch === '\n')) {
      // "Nghị quyết: số 01" continues the name; a list item ends at its comma.
      if (ch === ':' && /^:[ \t]*[sS]ố(?![\p{L}\p{M}])/u.test(rest.slice(i))) continue;
      return rest.slice(0, i);
    }
  }
  return rest;
}

/**
 * "các Đề án về cải cách tiền lương, bảo hiểm xã hội, ưu đãi người có công": the plural followed by the
 * subject of each document, one by one, names them (one Đề án per subject), as "các Bộ: …" names bodies.
 * One subject ("các Nghị định về quản lý đầu tư") is a generic plural still.
 */
const SUBJECTS_AFTER = /^[ \t\n]+về[ \t\n]+([^.;:()\n]+)/u;
const SUBJECT_WORDS = 6;

function namesSubjects(prose: string, end: number): boolean {
  const subjects = SUBJECTS_AFTER.exec(prose.slice(end, end + PHRASE_REACH))?.[1];
  if (!subjects) return false;
  const items = subjects.split(/,[ \t\n]*/u);
  // The last item runs on into the sentence ("… ưu đãi người có công và lộ trình …"): only those before it are measured.
  return items.length >= 2 && items.slice(0, -1).every((item) => /^\p{Ll}/u.test(item) && item.trim().split(/\s+/u).length <= SUBJECT_WORDS);
}

/** Nothing restricts the plural: it ends its phrase, or a verb follows ("02 Chương trình đề ra", "của các Chương trình,"). */
const BARE_AFTER = /^(?:[ \t\n]*[,;.):]|[ \t\n]+(?:đề ra|đã|được|đang|sẽ|nêu|trình|đảm bảo|bảo đảm|phải|cần)(?![\p{L}\p{M}]))/u;

interface Names {
  /** Type words the drafter defined as short names. */
  defined: Set<string>;
  /** Type words that head at least two documents named by their names in the notice ("Chương trình mục tiêu quốc gia …", "Đề án cải cách chính sách tiền lương …", "các Đề án về A, B, C"). */
  namedTwice: Set<string>;
  /** ", đề án": a lower-case type word, a generic noun, coordinated right after. */
  genericPairAfter: RegExp;
}

function isNamed(prose: string, start: number, end: number, names: Names): boolean {
  const after = prose.slice(end, end + 60);
  if (NAMED_RIGHT_AFTER.test(after) || ANAPHOR_RIGHT_AFTER.test(after)) return true;
  if (NAMED_IN_PHRASE.test(phraseAfter(prose, end)) || namesSubjects(prose, end)) return true;
  const written = prose.slice(start, end).replace(/\s+/gu, ' ');
  if (names.defined.has(written)) return true;
  // "02 Chương trình đề ra", "Về các Đề án trình Bộ Chính trị:" where the notice names them: the plural counts those documents.
  // "31 Chương trình, đề án": paired with a generic lower-case type word, it is generic too.
  return names.namedTwice.has(written) && BARE_AFTER.test(after) && !names.genericPairAfter.test(after);
}

/** The type words the drafter defined as short names ("sau đây gọi là Chương trình" defines "Chương trình"). */
function definedNames(prose: string, typeWords: readonly string[]): Set<string> {
  const defined = new Set<string>();
  for (const match of prose.matchAll(DEFINITION)) {
    const name = match[1]!.replace(/\s+/gu, ' ');
    for (const word of typeWords) if (name === word || name.startsWith(`${word} `)) defined.add(word);
  }
  return defined;
}

/** A type word followed by a name of lower-case words, not by a number: "Chương trình mục tiêu quốc gia giảm nghèo bền vững". */
const NAME_AFTER = /^[ \t\n]+\p{Ll}[\p{L}\p{M}]*(?:[ \t\n]+\p{Ll}[\p{L}\p{M}]*){2,}/u;

function namedTwice(prose: string, words: TypeWordAt[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  const twice = new Set<string>();
  for (const word of words) {
    if (word.pluralBefore) {
      if (namesSubjects(prose, word.end)) twice.add(word.written);
      continue;
    }
    const name = NAME_AFTER.exec(prose.slice(word.end, word.end + 120))?.[0].trim().split(/\s+/u).slice(0, 6).join(' ');
    if (!name) continue;
    const names = seen.get(word.written) ?? new Set<string>();
    names.add(name);
    seen.set(word.written, names);
    if (names.size >= 2) twice.add(word.written);
  }
  return twice;
}

interface TypeWordAt extends Span {
  written: string;
  /** Right after "các"/"những" or a count ("các Nghị quyết", "03 Nghị định"): read by two passes, tested once. */
  pluralBefore: boolean;
}

/** Capitalised type words of the body (not in capitals: headings and signatures keep their case). */
function typeWordsAt(context: RuleContext): TypeWordAt[] {
  const { prose, body } = context.model;
  const found: Omit<TypeWordAt, 'pluralBefore'>[] = [];
  for (const mention of context.facts.terms) {
    if (mention.kind !== 'exact' || mention.term.kind !== 'doc-type') continue;
    found.push({ start: mention.start, end: mention.end, written: prose.slice(mention.start, mention.end) });
  }
  const one = new RegExp(`(?<![\\p{L}\\p{M}])(?:${ONE_SYLLABLE_TYPES.join('|')})(?![\\p{L}\\p{M}])`, 'gu');
  for (const match of prose.slice(body.start, body.end).matchAll(one)) {
    const start = body.start + match.index!;
    found.push({ start, end: start + match[0].length, written: match[0] });
  }
  return found
    .filter((word) => word.written[0] !== word.written[0]!.toLowerCase() && word.written !== word.written.toUpperCase())
    .sort((a, b) => a.start - b.start)
    .map((word) => ({ ...word, pluralBefore: PLURAL_BEFORE.test(prose.slice(Math.max(0, word.start - 24), word.start)) }));
}

/**
 * "các chủ trương của Đảng, Luật, Nghị quyết của Quốc hội, Chỉ thị": the type
 * word is an item of a list opened by "các"/"những". Items are short; the list
 * must hold at least two capitalised type words, so that one stray comma
 * clause is never taken for a list.
 */
const LIST_OPENER = /(?:^|[^\p{L}\p{M}])(?:các|những)[ \t\n]+/giu;
const ITEM_WORDS = 7;

function listItemsOf(prose: string, word: TypeWordAt, starts: Map<number, TypeWordAt>): TypeWordAt[] | undefined {
  const before = prose.slice(Math.max(0, word.start - PHRASE_REACH), word.start);
  if (!/(?:,|[ \t\n](?:và|hoặc))[ \t\n]+$/u.test(before)) return undefined;
  const clauseStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf(')'));
  const clause = before.slice(clauseStart + 1);
  let opener: RegExpExecArray | undefined;
  for (const match of clause.matchAll(LIST_OPENER)) opener = match;
  if (!opener) return undefined;
  const listText = clause.slice(opener.index! + opener[0].length);
  const offset = word.start - before.length + clauseStart + 1 + opener.index! + opener[0].length;
  // Items before this one, then this one and those after, split at commas and "và"/"hoặc".
  const items: Span[] = [];
  const separator = /,[ \t\n]*|[ \t\n]+(?:và|hoặc)[ \t\n]+/gu;
  let from = 0;
  for (const match of listText.matchAll(separator)) {
    items.push({ start: offset + from, end: offset + match.index! });
    from = match.index! + match[0].length;
  }
  const wordCount = (item: Span) => prose.slice(item.start, item.end).trim().split(/\s+/u).length;
  if (items.some((item) => wordCount(item) > ITEM_WORDS)) return undefined;
  // This item and those after it, up to the end of the clause or the first long item (which runs on into the sentence).
  const afterText = prose.slice(word.start, word.start + PHRASE_REACH);
  const stop = afterText.search(/[.;:()\n]/u);
  const rest = stop < 0 ? afterText : afterText.slice(0, stop);
  from = 0;
  for (const match of [...rest.matchAll(separator), { index: rest.length, 0: '' }]) {
    const item = { start: word.start + from, end: word.start + match.index! };
    items.push(item);
    if (wordCount(item) > ITEM_WORDS) break;
    from = match.index! + match[0].length;
  }
  const typed = items.flatMap((item) => {
    const at = starts.get(item.start);
    return at ? [at] : [];
  });
  return typed.length >= 2 ? typed : undefined;
}

export function genericPlurals(context: RuleContext): GenericPlural[] {
  const { prose } = context.model;
  const typeWords = [...context.knowledge.terms.filter((term) => term.kind === 'doc-type').map((term) => term.text), ...ONE_SYLLABLE_TYPES];
  const words = typeWordsAt(context);
  const names: Names = { defined: definedNames(prose, typeWords), namedTwice: namedTwice(prose, words), genericPairAfter: new RegExp(`^[ \\t\\n]*,[ \\t\\n]*(?:${typeWords.map((word) => word.toLowerCase()).join('|')})(?![\\p{L}\\p{M}])`, 'u') };
  const starts = new Map(words.map((word) => [word.start, word]));
  const found = new Map<number, GenericPlural>();
  for (const word of words) {
    if (found.has(word.start)) continue;
    // "Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia": the plural is part of a body's name.
    if (BODY_NAME_BEFORE.test(prose.slice(Math.max(0, word.start - 80), word.start))) continue;
    if (word.pluralBefore) {
      // One-syllable "Luật" after "các" is checked only as a list item: "các Luật" alone is rare and often a heading.
      if (!ONE_SYLLABLE_TYPES.includes(word.written) && !isNamed(prose, word.start, word.end, names)) found.set(word.start, word);
      continue;
    }
    const items = listItemsOf(prose, word, starts);
    if (!items) continue;
    // A list that names one document by its number lists specific documents: "Nghị quyết số 01/NQ-CP, số 02/NQ-CP … và Nghị quyết của Đại hội …".
    if (items.some((item) => isNamed(prose, item.start, item.end, names))) continue;
    for (const item of items) found.set(item.start, item);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
