import type { NoticeModel, Section, TextBlock } from '../model.js';
import type { Agency, Province } from '../../knowledge/types.js';
import type { CalendarDate, Span } from '../types.js';
import type { NoticeCitation } from './citations.js';
import { inForce, isAcronym, tokenize, type AgencyIndex, type Target, type TargetForm, type Token, type TrieNode } from '../agencyIndex.js';
import { normalizedView, originalSpan, viewIndexAtOrAfter, type NormalizedView } from '../text.js';

/** An agency or a province-level unit named in the notice. */
export interface AgencyMention extends Span {
  /** How it was written: full name, short form, elliptical list item, or province name. */
  form: TargetForm;
  agency?: Agency;
  province?: Province;
  /** Every entry the written name may stand for (one name, several periods). */
  targets: Target[];
  /** The original text of the span. */
  written: string;
  /** The official way of writing what was written. */
  expected: string;
  /** Written differently from `expected` in case, spacing, punctuation or tone placement. */
  differs: boolean;
  section: Section | 'front-matter';
  /** Index of the elliptical list ("các bộ, cơ quan: …") the mention belongs to. */
  list?: number;
  /** Named as the issuer of a document dated then ("Công văn số … ngày … của Bộ …"). */
  citedOn?: CalendarDate;
}

/** Words before a colon that open a list of agencies or provinces written without their head word. */
const LIST_CUE = /(?:bộ|cơ quan|tỉnh|thành phố|trung ương|gồm|địa phương|tổ chức|doanh nghiệp|ngành|tập đoàn|tổng công ty)\s*$/u;
/** "Các Bộ:", "các bộ, ngành:", "Các Bộ, cơ quan:": a list of ministries, where recipient codes are read. */
const MINISTRY_CUE = /bộ(?:\s*,\s*(?:ngành|cơ quan(?: ngang bộ)?))*\s*:?\s*$/u;
/** "các Bộ Tài nguyên và Môi trường, Nông nghiệp và …": a plural head word opens a list without a colon. */
const PLURAL_HEADS = new Set(['bộ', 'tập đoàn']);
/** Words that may precede a province name in a list ("tỉnh Bình Dương"). */
const PROVINCE_MARKERS = new Set(['tỉnh', 'thành phố', 'tp', 'tp.']);

interface Scan {
  model: NoticeModel;
  index: AgencyIndex;
  view: NormalizedView;
  tokens: Token[];
  date: CalendarDate | undefined;
}

export function extractAgencyMentions(model: NoticeModel, index: AgencyIndex, citations: () => NoticeCitation[], view: NormalizedView = normalizedView(model.prose), tokens: Token[] = tokenize(view.text)): AgencyMention[] {
  const scan: Scan = { model, index, view, tokens, date: model.meta.date };
  const mentions: AgencyMention[] = [];
  const covered = new Set<number>();
  scanLists(scan, mentions, covered);
  scanNames(scan, mentions, covered);
  mentions.push(...frontMatterMentions(model, index));
  mentions.sort((a, b) => a.start - b.start);
  markCitations(mentions, citations, model.text);
  return mentions;
}

/** The longest trie match starting at token `at`, among targets accepted by `accept`. */
function longestMatch(tokens: Token[], at: number, root: TrieNode, limit: number, accept: (target: Target) => boolean): { end: number; targets: Target[] } | undefined {
  let node: TrieNode | undefined = root;
  let best: { end: number; targets: Target[] } | undefined;
  for (let i = at; i < tokens.length && tokens[i]!.start < limit; i++) {
    node = node.next.get(tokens[i]!.text);
    if (!node) break;
    if (node.targets.length === 0) continue;
    const targets = node.targets.filter(accept);
    if (targets.length) best = { end: i + 1, targets };
  }
  return best;
}

function mentionFrom(scan: Scan, from: number, to: number, targets: Target[], list?: number): AgencyMention | undefined {
  const { model, view, tokens } = scan;
  const span = originalSpan(view, tokens[from]!.start, tokens[to - 1]!.end);
  const written = model.text.slice(span.start, span.end);
  const chosen = chooseTarget(targets, written, scan.date);
  if (!chosen) return undefined;
  const mention: AgencyMention = {
    ...span,
    form: chosen.form,
    targets: targets.filter((target) => target.form === chosen.form),
    written,
    expected: chosen.expected,
    differs: differsFrom(written, chosen.expected),
    section: sectionAt(model, span.start),
  };
  if (chosen.agency) mention.agency = chosen.agency;
  if (chosen.province) mention.province = chosen.province;
  if (list !== undefined) mention.list = list;
  return mention;
}

/** Acronyms must match in case; among several entries, the one in force on the notice's date wins. */
function chooseTarget(targets: Target[], written: string, date: CalendarDate | undefined): Target | undefined {
  const fitting = targets.filter((target) => !target.acronym || sameAcronyms(written, target.expected));
  if (!fitting.length) return undefined;
  return (date && fitting.find((target) => inForce(target.agency ?? target.province!, date))) || fitting[0];
}

function sameAcronyms(written: string, expected: string): boolean {
  const acronyms = (text: string) => text.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(isAcronym).join(' ');
  return acronyms(written) === acronyms(expected);
}

/** Differences a reader sees: case, spaces, punctuation, old tone placement (Unicode form aside). */
export function differsFrom(written: string, expected: string): boolean {
  // Most names are written as expected: no normalized copies then.
  if (written === expected) return false;
  const shape = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const a = shape(written);
  const b = shape(expected);
  if (a === b) return false;
  // Text in capitals (a heading, the signature) keeps its case.
  return !(a === a.toUpperCase() && a === b.toUpperCase());
}

export function sectionAt(model: NoticeModel, offset: number): Section {
  const block = blockAt(model, offset);
  if (block) return block.section;
  if (model.recipients && offset >= model.recipients.heading.start) {
    if (model.signature && offset >= model.signature.heading.start) return 'signature';
    return 'recipients';
  }
  return 'body';
}

function blockEnd(model: NoticeModel, offset: number): number {
  return blockAt(model, offset)?.end ?? offset;
}

/** The block holding an offset. Blocks are in text order and do not overlap: binary search, as this runs for every mention. */
function blockAt(model: NoticeModel, offset: number): TextBlock | undefined {
  const { blocks } = model;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  const block = blocks[low - 1];
  return block && offset < block.end ? block : undefined;
}

/** Lists that drop the head word: "các bộ, cơ quan: Công an, Tài chính, …", "các tỉnh: Kiên Giang, …", "Các Bộ: TC, KHĐT". */
function scanLists(scan: Scan, out: AgencyMention[], covered: Set<number>): void {
  const { model, view, tokens } = scan;
  let listCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const first = listStart(scan, i);
    if (first === undefined) continue;
    const limit = viewIndexAtOrAfter(view, blockEnd(model, view.originalStart[tokens[i]!.start]!));
    // Recipient codes ("TC", "CA") stand for ministries: read only in a list of ministries ("Các Bộ: TC, CA").
    const codes = MINISTRY_CUE.test(view.text.slice(Math.max(0, tokens[i]!.start - 30), tokens[first]?.start ?? view.text.length));
    if (!scanListItems(scan, first, limit, listCount, out, covered, codes)) continue;
    listCount++;
    // "các Bộ Tài chính, …": the head word belongs to the list, not to a full name of its first item.
    for (let k = i + 1; k < first; k++) covered.add(k);
  }
}

/** The token where a list's first item starts, when token `i` opens a list: a colon after a cue, or "các bộ" before an elliptical name. */
function listStart(scan: Scan, i: number): number | undefined {
  const { view, tokens } = scan;
  const token = tokens[i]!;
  if (token.text === ':') {
    const before = view.text.slice(Math.max(0, token.start - 40), token.start);
    return LIST_CUE.test(before) ? i + 1 : undefined;
  }
  if (token.text !== 'các') return undefined;
  const head = PLURAL_HEADS.has(`${tokens[i + 1]?.text} ${tokens[i + 2]?.text}`) ? 2 : PLURAL_HEADS.has(tokens[i + 1]?.text ?? '') ? 1 : 0;
  if (!head) return undefined;
  const at = i + 1 + head;
  // Only an elliptical name right after the head word, followed by a further item: "các Bộ Tài chính, Công an".
  const match = longestMatch(tokens, at, scan.index.trie, view.text.length, (target) => target.form === 'elliptical');
  if (!match || (tokens[match.end]?.text !== ',' && tokens[match.end]?.text !== 'và')) return undefined;
  const next = longestMatch(tokens, match.end + 1, scan.index.trie, view.text.length, (target) => target.form === 'elliptical');
  return next ? at : undefined;
}

/** Reads the items of one list; true when at least one was recognized. */
function scanListItems(scan: Scan, first: number, limit: number, list: number, out: AgencyMention[], covered: Set<number>, codes: boolean): boolean {
  const { tokens } = scan;
  let found = false;
  let at = first;
  while (at < tokens.length && tokens[at]!.start < limit) {
    // "tỉnh Bình Dương", "TP. Hồ Chí Minh" inside a list of provinces.
    let nameAt = at;
    const marker = markerLength(tokens, at);
    if (marker && longestMatch(tokens, at + marker, scan.index.trie, limit, (target) => target.form === 'province')) nameAt = at + marker;
    const match = longestMatch(tokens, nameAt, scan.index.trie, limit, (target) => codes || target.form !== 'code');
    const mention = match && mentionFrom(scan, nameAt, match.end, match.targets, list);
    if (match && mention && !covered.has(nameAt)) {
      out.push(mention);
      found = true;
      for (let k = nameAt; k < match.end; k++) covered.add(k);
      at = match.end;
    } else if (found && isCodeToken(scan, tokens[at]) && tokens[at + 1]?.text === ',') {
      // A code the knowledge does not hold ("Thanh tra CP" aside): skip it, the codes after it are still read.
      at++;
    } else break;
    // "Dầu khí Việt Nam (PVN)": an item's own abbreviation.
    if (tokens[at]?.text === '(') {
      const close = tokens.findIndex((token, k) => k > at && k < at + 6 && token.text === ')');
      if (close > 0) at = close + 1;
    }
    const separator = tokens[at]?.text;
    if (separator === ',' || separator === 'và') at++;
    else break;
  }
  return found;
}

/** An unknown code in a list of codes: one word of two to eight capitals, as written ("KTTH"). */
function isCodeToken(scan: Scan, token: Token | undefined): boolean {
  if (!token) return false;
  const span = originalSpan(scan.view, token.start, token.end);
  return /^\p{Lu}{2,8}$/u.test(scan.model.text.slice(span.start, span.end));
}

function markerLength(tokens: Token[], at: number): number {
  const one = tokens[at]?.text;
  const two = `${one} ${tokens[at + 1]?.text}`;
  if (PROVINCE_MARKERS.has(two)) return 2;
  if (one === 'tp' && tokens[at + 1]?.text === '.') return 2;
  return one && PROVINCE_MARKERS.has(one) ? 1 : 0;
}


const isCapitalized = (word: string) => word.length > 0 && word[0] !== word[0]!.toLowerCase();

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per UTF-16 unit: 0 not tested yet, 1 a letter or digit, 2 not. */
const letterOrDigitUnits = new Uint8Array(0x10000);

/** `/[\p{L}\p{N}]/u.test(text[0])`, answered from a table: it runs for every token of the prose. */
function startsWithLetterOrDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  let known = letterOrDigitUnits[code]!;
  if (known === 0) letterOrDigitUnits[code] = known = LETTER_OR_DIGIT.test(text[0]!) ? 1 : 2;
  return known === 1;
}

/** Full names, short forms and province names anywhere in the prose. */
function scanNames(scan: Scan, out: AgencyMention[], covered: Set<number>): void {
  const { model, view, tokens } = scan;
  const original = model.text;
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !startsWithLetterOrDigit(tokens[i]!.text)) continue;
    const match = longestMatch(tokens, i, scan.index.trie, view.text.length, (target) => !target.listOnly);
    if (!match) continue;
    const span = originalSpan(view, tokens[i]!.start, tokens[match.end - 1]!.end);
    const written = original.slice(span.start, span.end);
    // "các bộ", "chính phủ số": generic words are not names.
    if (!isCapitalized(written)) continue;
    // Codes inside document symbols: "04/CT-TTg", "530/TB-VPCP".
    if (/[/-]/u.test(original[span.start - 1] ?? '') || /[/-]/u.test(original[span.end] ?? '')) continue;
    // "Phó Thủ tướng Chính phủ" names a deputy, not the Prime Minister: only "Chính phủ" counts.
    if (match.targets.some((target) => target.agency?.id === 'thu-tuong') && /Phó\s+$/u.test(original.slice(Math.max(0, span.start - 6), span.start))) continue;
    // "Phó Thủ tướng Thường trực Chính phủ" is a title: "Thường trực Chính phủ" there names no body.
    if (match.targets.some((target) => target.agency?.id === 'thuong-truc-chinh-phu') && /Thủ tướng\s+$/iu.test(original.slice(Math.max(0, span.start - 12), span.start))) continue;
    const provinceOnly = match.targets.every((target) => target.form === 'province');
    if (provinceOnly && !provinceContextOk(original, span)) continue;
    const mention = mentionFrom(scan, i, match.end, match.targets);
    if (!mention) continue;
    out.push(mention);
    i = match.end - 1;
  }
}

/**
 * A bare province name is taken only where it cannot be part of a person's
 * name or of a longer proper name ("Nguyễn Hòa Bình", "Thái Bình Dương").
 */
function provinceContextOk(text: string, span: Span): boolean {
  const previous = /([\p{L}\p{M}.]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, span.start - 24), span.start))?.[1];
  if (previous && isCapitalized(previous) && !PROVINCE_MARKERS.has(previous.toLowerCase()) && previous.toLowerCase() !== 'phố') return false;
  const next = /^[ \t\u00a0]+([\p{L}\p{M}]+)/u.exec(text.slice(span.end, span.end + 24))?.[1];
  return !(next && isCapitalized(next));
}

/** The `co-quan` of the front matter: the issuing agency. */
function frontMatterMentions(model: NoticeModel, index: AgencyIndex): AgencyMention[] {
  const field = model.frontMatter?.fields.find((candidate) => candidate.key === 'co-quan');
  if (!field || typeof field.value !== 'string') return [];
  const raw = model.text.slice(field.valueSpan.start, field.valueSpan.end);
  const view = normalizedView(raw);
  const tokens = tokenize(view.text).filter((token) => token.text !== '"' && token.text !== "'");
  const match = longestMatch(tokens, 0, index.trie, view.text.length, (target) => target.form !== 'province' && !target.listOnly);
  if (!match || match.end !== tokens.length) return [];
  const span = originalSpan(view, tokens[0]!.start, tokens[match.end - 1]!.end);
  const written = raw.slice(span.start, span.end);
  const chosen = chooseTarget(match.targets, written, model.meta.date);
  if (!chosen?.agency) return [];
  return [
    {
      start: field.valueSpan.start + span.start,
      end: field.valueSpan.start + span.end,
      form: chosen.form,
      agency: chosen.agency,
      targets: match.targets.filter((target) => target.form === chosen.form),
      written,
      expected: chosen.expected,
      differs: differsFrom(written, chosen.expected),
      section: 'front-matter',
    },
  ];
}

/**
 * "… số 708/BTTTT-CATTT ngày 02 tháng 3 năm 2024 của Bộ Thông tin và Truyền
 * thông": the agency is named as the issuer of a dated document, which is
 * right even after the agency ended.
 */
function markCitations(mentions: AgencyMention[], citations: () => NoticeCitation[], text: string): void {
  // Mentions are sorted by start: only those starting within the longest mention's length before the issuer can overlap it.
  let longest = 0;
  for (const mention of mentions) longest = Math.max(longest, mention.end - mention.start);
  for (const citation of citations()) {
    const { issuer, date } = citation;
    if (!issuer || !date || date.day === undefined || date.month === undefined) continue;
    for (let i = firstStartingAtOrAfter(mentions, issuer.start - longest); i < mentions.length && mentions[i]!.start < issuer.end; i++) {
      const mention = mentions[i]!;
      if ((mention.agency || mention.province) && issuer.start < mention.end) mention.citedOn = { year: date.year, month: date.month, day: date.day };
    }
  }
  // "của Ủy ban nhân dân tỉnh Kiên Giang": the province completes the issuer's name, dated with it.
  for (let i = 1; i < mentions.length; i++) {
    const [previous, mention] = [mentions[i - 1]!, mentions[i]!];
    if (mention.province && !mention.citedOn && previous.citedOn && ISSUER_PROVINCE_GAP.test(text.slice(previous.end, mention.start))) mention.citedOn = previous.citedOn;
  }
}

const ISSUER_PROVINCE_GAP = /^[ \t\u00a0\n]*(?:tỉnh|thành phố|TP\.?)?[ \t\u00a0\n]*$/u;

function firstStartingAtOrAfter(mentions: AgencyMention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
