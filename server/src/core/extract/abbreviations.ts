import type { Agency, Knowledge } from '../../knowledge/types.js';
import type { ThongbaoConfig } from '../config.js';
import type { NoticeModel } from '../model.js';
import type { Span } from '../types.js';
import { isAcronym, mayBeAcronym } from '../agencyIndex.js';
import { stripDiacritics } from '../text.js';
import { codePointClass, runsOf } from '../words.js';

/** "Cơ sở dữ liệu quốc gia (CSDLQG)": where an abbreviation is introduced. */
export interface AbbreviationDefinition extends Span {
  abbr: string;
  /** The words it stands for, when the text before the parenthesis spells its initials, else the known expansion. */
  expansion: string | null;
  /** The parenthesis with the abbreviation. */
  paren: Span;
}

/** An abbreviation used in the body prose (outside its own introduction). */
export interface AbbreviationUse extends Span {
  abbr: string;
}

export interface KnownAbbreviation {
  expansion: string;
  /** Used bare in VPCP notices, never introduced (house abbreviations, brands, config). */
  bare: boolean;
  /** Stands for an agency name: spelled out at each use rather than introduced ("Bộ TTTT" → "Bộ Thông tin và Truyền thông"). */
  agency: boolean;
  /** The agency it stands for, whose validity decides whether spelling it out is still right. */
  of?: Agency;
}

export interface Abbreviations {
  definitions: AbbreviationDefinition[];
  uses: AbbreviationUse[];
  /** What the checker knows, shipped and configured, by abbreviation. */
  known: ReadonlyMap<string, KnownAbbreviation>;
}

/** What an abbreviation is made of: letters, marks, digits and "&" ("TT&TT"). */
const WORD_PART = codePointClass(/^[\p{L}\p{M}\p{N}&]$/u);

// The abbreviation may keep the name's head word: "Ban Quản lý dự án (Ban QLDA)", "Bộ Giao thông vận tải (Bộ GTVT)".
const DEFINITION = /\(\s*(?:(?:sau đây )?(?:gọi|viết) tắt là\s+)?(?:\p{Lu}\p{Ll}[\p{Ll}\p{M}]*\s+)?([\p{L}\p{M}\p{N}&]+)\s*\)/gu;
const ROMAN = /^[IVXLCDM]+$/u;

export function extractAbbreviations(model: NoticeModel, knowledge: Knowledge, config: ThongbaoConfig): Abbreviations {
  const known = knownAbbreviations(knowledge, config);
  const definitions: AbbreviationDefinition[] = [];
  const uses: AbbreviationUse[] = [];
  const prose = model.prose;
  for (const block of model.blocks) {
    if (block.section !== 'body') continue;
    const text = prose.slice(block.start, block.end);
    // All-caps headings repeat names in capitals; they are not abbreviations.
    if (!hasLowerCase(text)) continue;
    const inDefinition = new Set<number>();
    for (const match of text.matchAll(DEFINITION)) {
      const abbr = match[1]!;
      if (!isAcronym(abbr) || /\d/u.test(abbr)) continue;
      const start = block.start + match.index!;
      const abbrStart = start + match[0].lastIndexOf(abbr);
      const expansion = spelledOut(text, match.index!, abbr) ?? known.get(abbr)?.expansion ?? null;
      definitions.push({ abbr, expansion, start: abbrStart, end: abbrStart + abbr.length, paren: { start, end: start + match[0].length } });
      inDefinition.add(abbrStart);
    }
    const words = runsOf(text, WORD_PART);
    for (let k = 0; k < words.count; k++) {
      const from = words.starts[k]!;
      const to = words.ends[k]!;
      if (!mayBeAcronym(text, from, to)) continue;
      const word = text.slice(from, to);
      if (!isAcronym(word) || /\d/u.test(word) || ROMAN.test(word)) continue;
      const start = block.start + from;
      const end = start + word.length;
      // Parts of document symbols: "04/CT-TTg", "530/TB-VPCP".
      if (/[/-]/u.test(prose[start - 1] ?? '') || /[/-]/u.test(prose[end] ?? '')) continue;
      // Road numbers: "QL.1A", "ĐT.741" (a code and its number, like a document symbol).
      if (prose[end] === '.' && /\d/u.test(prose[end + 1] ?? '')) continue;
      if (inDefinition.has(start) || isStandardDesignation(text, to) || isEnterpriseForm(text, from, word)) continue;
      uses.push({ abbr: word, start, end });
    }
  }
  return { definitions, uses, known };
}

/** A standard's number and year after its code: "TCVN 5574:2018", "QCVN 01:2021/BXD", "ISO 9001:2015". */
const STANDARD_NUMBER = /[ \u00a0]\d+(?:[.-]\d+)*:\d{4}(?!\d)/uy;

/** The word ending at `end` is the code of a standard's designation: a symbol, like "TB-VPCP" in a notice's number, not an abbreviation to introduce. */
function isStandardDesignation(text: string, end: number): boolean {
  STANDARD_NUMBER.lastIndex = end;
  return STANDARD_NUMBER.test(text);
}

/**
 * The legal form in an enterprise's registered name: "Công ty TNHH MTV …", "Công ty CP …" (the Law on
 * Enterprises lets the form be written so), "Ngân hàng TMCP …", "Tổng công ty … - CTCP". Part of a
 * name, like a document's symbol, not an abbreviation to introduce.
 */
const ENTERPRISE_FORMS = new Set(['TNHH', 'MTV', 'CP', 'CTCP', 'TMCP']);
/** The form follows the name's first words, or another form: "Công ty TNHH MTV". */
const FORM_AFTER = /(?:công ty|ngân hàng|TNHH|MTV)[ \u00a0]$/iu;
/** The form ends the name after a dash: "Tổng công ty Cảng hàng không Việt Nam - CTCP". */
const FORM_AFTER_DASH = /(?:công ty|tập đoàn|ngân hàng)[^.;:()]*[ \u00a0][-–][ \u00a0]$/iu;
/** How far back the name's first words are looked for: a registered name is a few words long. */
const NAME_REACH = 120;

function isEnterpriseForm(text: string, from: number, word: string): boolean {
  if (!ENTERPRISE_FORMS.has(word)) return false;
  const before = text.slice(Math.max(0, from - NAME_REACH), from);
  return FORM_AFTER.test(before) || FORM_AFTER_DASH.test(before);
}

/** Same as `text !== text.toUpperCase()`, without building the upper-case copy of every block. */
function hasLowerCase(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80 ? code >= 97 && code <= 122 : ch !== ch.toUpperCase()) return true;
  }
  return false;
}

/** The last words before the parenthesis whose initials spell the abbreviation ("thủ tục hành chính" → TTHC). */
function spelledOut(text: string, parenAt: number, abbr: string): string | null {
  const letters = stripDiacritics(abbr).toUpperCase().replace(/[^A-Z]/gu, '');
  if (letters.length === 0) return null;
  // Only the last words before the parenthesis count: read a window that grows until it holds one word more
  // than needed (so the first one is whole), never the whole paragraph for each "(ABBR)".
  let words: RegExpMatchArray[] = [];
  let from = parenAt;
  for (let width = 16 * letters.length; ; width *= 2) {
    from = Math.max(0, parenAt - width);
    words = [...text.slice(from, parenAt).matchAll(/[\p{L}\p{M}]+/gu)];
    if (words.length > letters.length || from === 0) break;
  }
  if (from > 0) words = words.slice(1);
  words = words.slice(-letters.length);
  if (words.length !== letters.length) return null;
  const initials = words.map((word) => stripDiacritics(word[0]!)[0]!.toUpperCase()).join('');
  if (initials !== letters) return null;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return text.slice(from + first.index!, from + last.index! + last[0].length).replace(/\s+/gu, ' ');
}

/** "báo cáo (in …)" → "báo cáo": the data's notes in parentheses or after a dash are not the expansion. */
function plainExpansion(expansion: string): string {
  return expansion.split(/ — | \(/u)[0]!.trim();
}

const cache = new WeakMap<Knowledge, WeakMap<ThongbaoConfig['abbreviations'], Map<string, KnownAbbreviation>>>();

function knownAbbreviations(knowledge: Knowledge, config: ThongbaoConfig): Map<string, KnownAbbreviation> {
  let byConfig = cache.get(knowledge);
  if (!byConfig) cache.set(knowledge, (byConfig = new WeakMap()));
  let known = byConfig.get(config.abbreviations);
  if (known) return known;
  known = new Map();
  const add = (abbr: string, entry: KnownAbbreviation) => {
    const existing = known!.get(abbr);
    if (!existing || (entry.bare && !existing.bare)) known!.set(abbr, entry);
  };
  for (const entry of knowledge.abbreviations) {
    const acronyms = entry.abbr.split(/[^\p{L}\p{M}\p{N}&]+/u).filter(isAcronym);
    for (const abbr of acronyms) add(abbr, { expansion: plainExpansion(entry.expansion), bare: entry.bare, agency: false });
  }
  for (const agency of knowledge.agencies) {
    for (const short of agency.shortForms) {
      const words = short.split(' ');
      // "NHNN" stands for the name; "Bộ TTTT" for the name without its head word.
      if (words.length === 1 && isAcronym(short)) add(short, { expansion: agency.name, bare: agency.kind === 'doanh-nghiep', agency: true, of: agency });
      else if (words.length === 2 && words[0] === 'Bộ' && isAcronym(words[1]!) && agency.elliptical) add(words[1]!, { expansion: agency.elliptical, bare: false, agency: true, of: agency });
    }
  }
  for (const [abbr, expansion] of Object.entries(config.abbreviations)) add(abbr, { expansion, bare: true, agency: false });
  byConfig.set(config.abbreviations, known);
  return known;
}
