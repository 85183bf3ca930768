/**
 * Citations of prior documents (dialect §4): "<Tên loại> số <số>/<năm>/<loại>-<cơ quan>
 * ngày … của <cơ quan> <trích yếu>". The scanner works on any text (the model's
 * prose here, the raw text of a workspace file in the fast index scan), so both
 * find the same citations with the same keys.
 */
import type { Knowledge } from '../../knowledge/types.js';
import type { NoticeModel } from '../model.js';
import type { Span } from '../types.js';
import type { DateMention } from './dates.js';
import { foldToneMarks } from '../text.js';
import type { Registry, RegistryEntry } from '../registry.js';
import type { CalendarDate } from '../types.js';

/** A date written right after a citation (or after its issuer). */
export interface CitationDate extends Span {
  year: number;
  month: number;
  day: number;
}

export interface SymbolParts {
  /** The number as written ("28", "06"). */
  number: string;
  year: number | null;
  /** Code of the document type ("NQ", "NĐ"), null for a công văn or a law (QH15). */
  typeCode: string | null;
  /** Code of the issuer ("CP", "TTg", "QH15"). */
  issuerCode: string | null;
  /** Drafting unit of a công văn ("KSTT"), or a further group. */
  unitCode: string | null;
  /** The letter groups after the number (and year), in canonical case. */
  groups: string[];
}

export interface CitedSymbol extends Span {
  /** The symbol exactly as written ("21/CT- TTg"). */
  raw: string;
  /** The symbol as it should be written: separators, spacing and case repaired ("21/CT-TTg"). */
  corrected: string;
  /** Canonical key for look-ups: `corrected` with the number padded to two digits. */
  key: string;
  parts: SymbolParts;
  /** A Party document ("121-KL/TW"), which follows the Party's own rules: recognised, never checked. */
  party: boolean;
}

export interface NamedSpan extends Span {
  text: string;
}

export interface CitationIssuerMention extends NamedSpan {
  /** Canonical issuer name when it is a known one. */
  canonical: string | null;
}

export interface Citation<D extends CitationDate = CitationDate> extends Span {
  /** The type word before the number ("Nghị quyết"), with its canonical spelling when known. */
  typeWord: (NamedSpan & { canonical: string }) | null;
  /** The word "số" before the number. */
  so: Span | null;
  symbol: CitedSymbol;
  date: D | null;
  /** "của Chính phủ" after the citation: the issuer name's span. */
  issuer: CitationIssuerMention | null;
  /**
   * The issuer is named in the clause before the citation ("chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị
   * số …"), or after the last citation of the list it belongs to ("số A … và số B … của Văn phòng Chính phủ").
   */
  issuerNamedBefore: boolean;
  subject: NamedSpan | null;
  /** True for the first citation of this document (per canonical key) in the file. */
  first: boolean;
}

/** The citations of a notice, dates taken from the date extractor. */
export type NoticeCitation = Citation<DateMention & CitationDate>;

interface Matchers {
  typeWords: RegExp;
  typeWordCanonical: Map<string, string>;
  /** Known codes by their upper-case spelling, to restore mixed case ("TTG" → "TTg"). */
  codeCase: Map<string, string>;
  docTypeCodes: Set<string>;
  issuerCodes: Set<string>;
  /** Issuer names (lower case, new tone placement) by first word, longest first. */
  issuersByFirstWord: Map<string, { key: string; name: string }[]>;
  /** Issuer names (lower case) by issuer code, with those who act through its documents. */
  issuerNamesByCode: Map<string, string[]>;
}

const matcherCache = new WeakMap<Knowledge, Matchers>();

const NUM = '(?<![\\p{L}\\p{N}.,/\\-–])\\d{1,5}';
const SEP = '[ \\t]?[/\\-–][ \\t]?';
const GROUP = '\\p{L}[\\p{L}\\p{N}&]*';
/** Number, optional year, letter groups; every repetition starts with a separator, so matching is linear. */
const SYMBOL = new RegExp(`${NUM}${SEP}(?:\\d{4}${SEP})?${GROUP}(?:${SEP}${GROUP})*(?![\\p{L}\\p{N}])`, 'gu');
const TOKEN = /(\d+)|([ \t]?[/\-–][ \t]?)|(\p{L}[\p{L}\p{N}&]*)/gu;
const SPACE = /[\s\u00a0]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LAW_GROUP = /^(QH|UBTVQH)\d+$/u;
/** Enough text before a number for the longest type word and "số" ("Thông tư liên tịch số "). */
const TYPE_WORD_WINDOW = 40;

export function citationMatchers(knowledge: Knowledge): Matchers {
  let matchers = matcherCache.get(knowledge);
  if (matchers) return matchers;
  const words = new Map<string, string>();
  for (const type of knowledge.docTypes) words.set(lowerKey(type.name), type.name);
  for (const word of knowledge.typeWords) words.set(lowerKey(word.word), word.word);
  const alternation = [...words.values()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.split(' ').map(escapeRegExp).join('[ \\t\\u00a0]+'))
    .join('|');
  const codeCase = new Map<string, string>();
  const docTypeCodes = new Set<string>();
  for (const type of knowledge.docTypes) {
    if (!type.code || !/^\p{L}+$/u.test(type.code)) continue;
    docTypeCodes.add(type.code);
    codeCase.set(type.code.toUpperCase(), type.code);
  }
  const issuerCodes = new Set<string>();
  const issuersByFirstWord = new Map<string, { key: string; name: string }[]>();
  const issuerNamesByCode = new Map<string, string[]>();
  const addIssuer = (written: string, code: string | null, name = written) => {
    const key = lowerKey(written);
    const first = key.split(' ')[0]!;
    const list = issuersByFirstWord.get(first) ?? [];
    if (!list.some((known) => known.key === key)) list.push({ key, name });
    list.sort((a, b) => b.key.length - a.key.length);
    issuersByFirstWord.set(first, list);
    if (!code || !/^[\p{L}\p{N}]+$/u.test(code)) return;
    issuerCodes.add(code);
    if (!codeCase.has(code.toUpperCase())) codeCase.set(code.toUpperCase(), code);
    issuerNamesByCode.set(code, [...(issuerNamesByCode.get(code) ?? []), key]);
  };
  for (const issuer of knowledge.citationIssuers) addIssuer(issuer.name, issuer.code);
  for (const agency of knowledge.agencies) {
    addIssuer(agency.name, agency.symbolCode);
    for (const short of agency.shortForms) addIssuer(short, null, agency.name);
  }
  for (const acting of knowledge.actingIssuers) {
    for (const code of acting.codes) issuerNamesByCode.set(code, [...(issuerNamesByCode.get(code) ?? []), lowerKey(acting.name)]);
  }
  matchers = {
    // Type word, then "số", right before the number; run on a short window that ends at the number.
    typeWords: new RegExp(`(?:(?<![\\p{L}\\p{N}])(${alternation})[\\s\\u00a0]+)?(?:(?<![\\p{L}\\p{N}])(số)[\\s\\u00a0]*:?[\\s\\u00a0]+)?$`, 'iu'),
    typeWordCanonical: words,
    codeCase,
    docTypeCodes,
    issuerCodes,
    issuersByFirstWord,
    issuerNamesByCode,
  };
  matcherCache.set(knowledge, matchers);
  return matchers;
}

/**
 * Finds the citations in source[from, to). `dateAt(offset)` returns a date
 * written at that offset ("ngày 05 tháng 3 năm 2024"), if any.
 */
export function scanCitations<D extends CitationDate>(source: string, from: number, to: number, knowledge: Knowledge, dateAt: (offset: number) => D | undefined): Citation<D>[] {
  const matchers = citationMatchers(knowledge);
  const citations: Citation<D>[] = [];
  const slice = source.slice(from, to);
  const seen = new Set<string>();
  for (const match of slice.matchAll(SYMBOL)) {
    const symbolStart = from + match.index!;
    const symbol = readSymbol(match[0], symbolStart, matchers);
    if (!symbol) continue;
    const windowStart = Math.max(from, symbolStart - TYPE_WORD_WINDOW);
    const before = source.slice(windowStart, symbolStart);
    const lead = matchers.typeWords.exec(before);
    let typeWord: Citation<D>['typeWord'] = null;
    let so: Span | null = null;
    if (lead && lead[0].length > 0) {
      const leadStart = windowStart + lead.index;
      if (lead[1]) {
        const canonical = matchers.typeWordCanonical.get(lowerKey(lead[1]))!;
        typeWord = { start: leadStart, end: leadStart + lead[1].length, text: lead[1], canonical };
      }
      if (lead[2]) {
        const soStart = windowStart + lead.index + lead[0].indexOf(lead[2], lead[1] ? lead[1].length : 0);
        so = { start: soStart, end: soStart + lead[2].length };
      }
    }
    // A bare symbol with no type word and no "số" must look like one beyond doubt.
    if (!typeWord && !so && !symbol.party && (symbol.parts.groups.length < 2 || !/^\p{Lu}/u.test(symbol.raw.replace(/^[\d\s/\-–]+/u, '')))) continue;
    if (!typeWord && !so && !symbol.party && symbol.raw !== symbol.corrected) continue;

    let cursor = symbol.end;
    let date: D | null = null;
    let issuer: CitationIssuerMention | null = null;
    for (let step = 0; step < 2; step++) {
      const next = skipSeparators(source, cursor, to);
      if (!date) {
        // "ngày 04/3/2008": the numeric form starts after the word "ngày".
        const ngay = /^ngày[\s\u00a0]+/iu.exec(source.slice(next, next + 8));
        const found = dateAt(next) ?? (ngay ? dateAt(next + ngay[0].length) : undefined);
        if (found && found.end <= to) {
          date = found;
          cursor = found.end;
          continue;
        }
      }
      if (!issuer) {
        const found = readIssuer(source, next, to, matchers);
        if (found) {
          issuer = found;
          cursor = found.end;
          continue;
        }
      }
      break;
    }
    const subject = readSubject(source, skipSeparators(source, cursor, to), to);
    const start = typeWord?.start ?? so?.start ?? symbol.start;
    const end = subject?.end ?? cursor;
    const first = !seen.has(symbol.key);
    seen.add(symbol.key);
    citations.push({
      start,
      end,
      typeWord,
      so,
      symbol,
      date,
      issuer,
      issuerNamedBefore: !issuer && issuerNamedBefore(source, from, start, symbol.parts.issuerCode, matchers),
      subject,
      first,
    });
  }
  shareListIssuers(source, citations);
  return citations;
}

/** The notice's citations: body prose only, dates from the date extractor (never re-scanned). */
export function extractCitations(model: NoticeModel, knowledge: Knowledge, dates: DateMention[]): NoticeCitation[] {
  const byStart = new Map<number, DateMention & CitationDate>();
  for (const mention of dates) {
    // A numeric date ("ngày 04/3/2008") is still the citation's date: date/numeric reports its form.
    if ((mention.form !== 'day' && mention.form !== 'numeric') || mention.where !== 'body') continue;
    byStart.set(mention.start, mention as DateMention & CitationDate);
  }
  return scanCitations(model.prose, model.body.start, model.body.end, knowledge, (offset) => byStart.get(offset));
}

/**
 * The registry entry a citation means. A symbol without its year ("01/NQ-CP", "35/TB-VPCP") is numbered
 * again every year: an entry dated in another year than the cited date, or after the notice, is another
 * document of the same symbol; an undated citation is read as a recent one (the notice's year or the one before).
 */
export function registryEntryOf(registry: Registry, citation: Citation, noticeDate: CalendarDate): RegistryEntry | undefined {
  const entry = registry.lookup(citation.symbol.key);
  if (!entry || citation.symbol.parts.year !== null || !entry.date) return entry;
  if (citation.date) return citation.date.year === entry.date.year ? entry : undefined;
  // Undated: only a document of the notice's year or the year before, and not later than the notice.
  if (entry.date.year < noticeDate.year - 1) return undefined;
  const after = entry.date.year > noticeDate.year || (entry.date.year === noticeDate.year && (entry.date.month > noticeDate.month || (entry.date.month === noticeDate.month && entry.date.day > noticeDate.day)));
  return after ? undefined : entry;
}

/** Two dates of citations of one symbol can name one document: always with a year in the symbol, else within one year. */
export function sameDocumentYear(citation: Citation, year: number, otherYear: number): boolean {
  return citation.symbol.parts.year !== null || year === otherYear;
}

/** Canonical look-up key of a symbol written anywhere (front matter `so`, a registry file), or undefined. */
export function symbolKey(text: string, knowledge: Knowledge): string | undefined {
  const trimmed = text.trim();
  SYMBOL.lastIndex = 0;
  const match = SYMBOL.exec(trimmed);
  SYMBOL.lastIndex = 0;
  if (!match || match.index !== 0 || match[0].length !== trimmed.length) return undefined;
  return readSymbol(trimmed, 0, citationMatchers(knowledge))?.key;
}

function readSymbol(text: string, offset: number, matchers: Matchers): CitedSymbol | undefined {
  const tokens = [...text.matchAll(TOKEN)];
  const number = tokens[0]![1]!;
  const firstSep = tokens[1]![2]!;
  let index = 2;
  let year: number | null = null;
  if (tokens[index]?.[1]) {
    year = Number(tokens[index]![1]);
    index += 2;
  }
  const groups: string[] = [];
  const separators: string[] = [];
  let end = 0;
  for (; index < tokens.length; index += 2) {
    const group = tokens[index]![3]!;
    if (groups.length > 0) {
      const sep = tokens[index - 1]![2]!;
      // "28/NQ-CP - về việc": a spaced dash before a lower-case word ends the symbol.
      if (SPACE.test(sep) && !/^\p{Lu}/u.test(group)) break;
      separators.push(sep);
    }
    groups.push(group);
    end = tokens[index]!.index! + group.length;
  }
  if (groups.length === 0) return undefined;
  const raw = text.slice(0, end);
  const party = (firstSep.trim() === '-' && separators.some((sep) => sep.trim() === '/')) || groups[groups.length - 1]!.toUpperCase() === 'TW';
  if (year === null && groups.length < 2 && !party) return undefined;
  if (year !== null && groups.length < 1) return undefined;
  const canonicalGroups = groups.map((group) => canonicalCode(group, matchers));
  const first = canonicalGroups[0]!;
  const lawForm = LAW_GROUP.test(first);
  const typeCode = matchers.docTypeCodes.has(first) ? first : null;
  const rest = typeCode ? canonicalGroups.slice(1) : canonicalGroups;
  // The Government's yearly resolutions on the business environment are numbered "19-2018/NQ-CP" (their official form).
  const yearJoin = year !== null && firstSep === '-' && canonicalGroups.join('-') === 'NQ-CP' ? '-' : '/';
  const corrected = `${number}${year !== null ? `${yearJoin}${year}` : ''}/${canonicalGroups.join('-')}`;
  return {
    start: offset,
    end: offset + raw.length,
    raw,
    corrected: party ? raw : corrected,
    key: party ? raw.replace(/\s+/gu, '') : `${number.length < 2 ? `0${number}` : number}${year !== null ? `${yearJoin}${year}` : ''}/${canonicalGroups.join('-')}`.normalize('NFC'),
    parts: {
      number,
      year,
      typeCode,
      issuerCode: lawForm ? first : (rest[0] ?? null),
      unitCode: lawForm ? null : (rest[1] ?? null),
      groups: canonicalGroups,
    },
    party,
  };
}

/** Known codes keep their official case ("TTg", "TTr"); an all-lower-case group is upper-cased. */
function canonicalCode(group: string, matchers: Matchers): string {
  const upper = group.normalize('NFC').toUpperCase();
  const known = matchers.codeCase.get(upper) ?? matchers.codeCase.get(upper.replace(/\d+$/u, ''));
  if (known) return known + upper.slice(known.length);
  return group === group.toLowerCase() ? upper : group;
}

function skipSeparators(source: string, offset: number, to: number): number {
  let cursor = offset;
  while (cursor < to && (SPACE.test(source[cursor]!) || source[cursor] === ',')) cursor++;
  return cursor;
}

const CUA = /^của[\s\u00a0]+/iu;
const CAPITALISED_NAME = /^\p{Lu}[\p{L}\p{M}]*(?:[ \t\u00a0]+(?:\p{Lu}[\p{L}\p{M}]*|và(?=[ \t\u00a0]+\p{Lu})))*/u;

function readIssuer(source: string, offset: number, to: number, matchers: Matchers): CitationIssuerMention | undefined {
  const window = source.slice(offset, Math.min(to, offset + 120));
  const cua = CUA.exec(window);
  if (!cua) return undefined;
  const nameStart = offset + cua[0].length;
  const rest = window.slice(cua[0].length);
  const lowered = lowerKey(rest);
  // Lower-casing and tone folding keep the length of NFC text, so offsets map back one to one.
  const sameLength = lowered.length === rest.length;
  const firstWord = lowered.split(/[\s\u00a0,;.()]/u)[0]!;
  if (sameLength) {
    for (const candidate of matchers.issuersByFirstWord.get(firstWord) ?? []) {
      if (lowered.startsWith(candidate.key) && !WORD_CHAR.test(lowered[candidate.key.length] ?? ' ')) {
        return { start: nameStart, end: nameStart + candidate.key.length, text: rest.slice(0, candidate.key.length), canonical: candidate.name };
      }
    }
  }
  const name = CAPITALISED_NAME.exec(rest);
  if (!name) return undefined;
  return { start: nameStart, end: nameStart + name[0].length, text: name[0], canonical: null };
}

const SUBJECT_OPENERS = /^(?:về|quy định|phê duyệt|hướng dẫn|ban hành|sửa đổi|thành lập|tiếp tục|tăng cường|đẩy mạnh|công bố|triển khai|thực hiện|giao|kết luận)(?![\p{L}\p{N}])/u;
const SUBJECT_END = /[;()\n]|\.(?=\s|$)/u;

function readSubject(source: string, offset: number, to: number): NamedSpan | null {
  const window = source.slice(offset, Math.min(to, offset + 400));
  if (!SUBJECT_OPENERS.test(window)) return null;
  const stop = SUBJECT_END.exec(window);
  const text = (stop ? window.slice(0, stop.index) : window).trimEnd();
  return text.length > 0 ? { start: offset, end: offset + text.length, text } : null;
}

const SENTENCE_BREAK = /[.;:!?](?=\s)|\n[ \t]*\n/gu;
const CLAUSE_BREAK = /[.;!?](?=\s)|\n[ \t]*\n/gu;
const OPEN_PAREN_LEAD = /\([\s\u00a0]*(?:(?:theo|tại|xem)[\s\u00a0]+)?$/iu;
/** "kiến nghị của Ủy ban nhân dân thành phố Hà Nội tại văn bản số …": a named body acting through the document. */
const NAMED_BODY_THEN_TAI = /(?<![\p{L}\p{N}])của[\s\u00a0]+\p{Lu}[^,;.()\n]{1,80}?[\s\u00a0]+(?:tại|nêu tại)[\s\u00a0]+$/u;
/** A person's name or title after the issuer ("Phó Thủ tướng Vũ Đức Đam"), then what the issuer did. */
const AFTER_ISSUER = /^(?:[\s\u00a0]+\p{Lu}[\p{L}\p{M}]*){0,4},?[\s\u00a0]+(?:(?:đã|đã được|được|vừa|cũng)[\s\u00a0]+)?(?:tại|theo|nêu tại|ban hành|ký ban hành|ký|phê duyệt|giao|phân công|chỉ đạo|có chỉ đạo|có ý kiến|cho chủ trương|đồng ý|quyết định|yêu cầu|thông qua|thông báo|cho phép|kết luận)(?![\p{L}\p{N}])/u;

/**
 * The issuer of this symbol is named in the clause before the citation, as the
 * one who acted through it: "chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị số …",
 * "được Chính phủ giao tại Nghị quyết số …", "Chính phủ đã ban hành Nghị quyết
 * số …"; or the citation restates in parentheses a document the sentence has
 * just named ("Nghị quyết phiên họp Chính phủ … (Nghị quyết số 28/NQ-CP …)").
 */
function issuerNamedBefore(source: string, from: number, start: number, issuerCode: string | null, matchers: Matchers): boolean {
  const window = source.slice(Math.max(from, start - 250), start);
  if (NAMED_BODY_THEN_TAI.test(window)) return true;
  if (!issuerCode) return false;
  const names = matchers.issuerNamesByCode.get(issuerCode);
  if (!names) return false;
  let clauseStart = 0;
  for (const found of window.matchAll(CLAUSE_BREAK)) clauseStart = found.index! + found[0].length;
  const clause = window.slice(clauseStart);
  const folded = lowerKey(clause);
  if (folded.length === clause.length) {
    for (const name of names) {
      for (let index = folded.indexOf(name); index >= 0; index = folded.indexOf(name, index + 1)) {
        if (WORD_CHAR.test(folded[index - 1] ?? ' ') || WORD_CHAR.test(folded[index + name.length] ?? ' ')) continue;
        if (notActing(folded, index, name)) continue;
        if (AFTER_ISSUER.test(clause.slice(index + name.length))) return true;
      }
    }
  }
  const paren = OPEN_PAREN_LEAD.exec(window);
  if (!paren) return false;
  const before = window.slice(0, paren.index);
  let sentenceStart = 0;
  for (const found of before.matchAll(SENTENCE_BREAK)) sentenceStart = found.index! + found[0].length;
  const sentence = lowerKey(before.slice(sentenceStart));
  return names.some((name) => containsWord(sentence, name));
}

/**
 * Not the issuer acting: "chính phủ" inside "Thủ tướng Chính phủ" or "Văn phòng Chính phủ" names
 * another body, and "trình Chính phủ ban hành …" is a proposal to the issuer, not its act.
 */
function notActing(folded: string, index: number, name: string): boolean {
  const before = folded.slice(Math.max(0, index - 12), index);
  return (name === 'chính phủ' && /(?:thủ tướng|văn phòng)[\s\u00a0]+$/u.test(before)) || /(?:trình|đề nghị|báo cáo|đề xuất|kiến nghị)[\s\u00a0]+$/u.test(before);
}

/**
 * Citations written as one list share the issuer named after the last of them:
 * "các Thông báo số 456/TB-VPCP ngày …, số 49/TB-VPCP ngày … và số 114/TB-VPCP
 * ngày … của Văn phòng Chính phủ". Only documents of the same issuer code, only
 * when nothing but a comma or "và" stands between them.
 */
function shareListIssuers<D extends CitationDate>(source: string, citations: Citation<D>[]): void {
  for (let index = citations.length - 2; index >= 0; index--) {
    const citation = citations[index]!;
    const next = citations[index + 1]!;
    if (citation.issuer || citation.issuerNamedBefore || citation.subject) continue;
    if (!(next.issuer || next.issuerNamedBefore) || next.symbol.parts.issuerCode !== citation.symbol.parts.issuerCode) continue;
    if (!/^[\s\u00a0]*(?:,[\s\u00a0]*)?(?:và[\s\u00a0]+)?$/u.test(source.slice(citation.end, next.start))) continue;
    citation.issuerNamedBefore = true;
  }
}

function containsWord(text: string, word: string): boolean {
  for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + 1)) {
    if (!WORD_CHAR.test(text[index - 1] ?? ' ') && !WORD_CHAR.test(text[index + word.length] ?? ' ')) return true;
  }
  return false;
}

function lowerKey(text: string): string {
  return foldToneMarks(text.normalize('NFC')).toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
