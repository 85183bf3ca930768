/**
 * The shape of the knowledge the core reads. The data lives in ./data/*.json
 * and is validated with zod by ./index.ts; core imports these types only.
 */
import type { CalendarDate } from '../core/types.js';

export type { CalendarDate };

/** ISO date string "YYYY-MM-DD" or null for an open bound. */
export type IsoDateOrNull = string | null;

export interface DocType {
  /** Type word as written in running text: "Nghị quyết", "Công văn". */
  name: string;
  /** Code in the symbol ("NQ", "CT", "QĐ"); null for types that have none (công văn). */
  code: string | null;
  regime: 'hanh-chinh' | 'quy-pham' | 'ban-sao' | 'dang' | 'khac';
  verified: boolean;
}

/** A type word written before a cited number and the symbol forms it accepts (ref/type-mismatch). */
export interface TypeWord {
  word: string;
  /** Codes of the symbol's first group ("NQ"), "QH"/"UBTVQH" for QH<khóa>, "cong-van" for <issuer>-<unit>, "*" for any. */
  accepts: string[];
}

/** An issuer named after a citation ("của Chính phủ") and its code in document symbols. */
export interface CitationIssuer {
  name: string;
  code: string;
}

export interface ActingIssuer {
  name: string;
  codes: string[];
}

export interface Agency {
  id: string;
  name: string;
  kind: string;
  /** The form written after "các bộ, cơ quan: …" (name without its head word), or null. */
  elliptical: string | null;
  shortForms: string[];
  /** Codes that stand for the body in lists of recipients ("Các Bộ: TC, KHĐT, GD&ĐT"), recognized in lists only. */
  listCodes: string[];
  symbolCode: string | null;
  validFrom: IsoDateOrNull;
  validTo: IsoDateOrNull;
  successors: string[];
  knownMisspellings: string[];
  verified: boolean;
}

export interface Province {
  id: string;
  /** Short name as written after "tỉnh"/"thành phố" and in lists. */
  name: string;
  /** The name with its generic noun: "tỉnh Bình Dương", "Thành phố Hồ Chí Minh". */
  formalName: string;
  /** Other accepted ways of writing the name ("TP. Hồ Chí Minh"). */
  aliases: string[];
  type: 'tinh' | 'thanh-pho-truc-thuoc-trung-uong';
  validFrom: IsoDateOrNull;
  validTo: IsoDateOrNull;
  /** ids of the units that took over, for names that ended. */
  successors: string[];
  verified: boolean;
}

export interface Abbreviation {
  abbr: string;
  expansion: string;
  /** True when VPCP notices use it bare, without introducing it (house abbreviations). */
  bare: boolean;
  /** vpcp-unit, vpcp-title, leader-title, recipient, signature, body-term, programme, place. */
  category: string;
  validFrom: IsoDateOrNull;
  validTo: IsoDateOrNull;
  verified: boolean;
}

/** An official term whose written form is certain (terms.json). */
export interface Term {
  /** The official form: "Thủ tướng Chính phủ", "Nghị quyết", "Thành phố Hồ Chí Minh". */
  text: string;
  kind: 'doc-type' | 'law' | 'title' | 'place';
  /** True when a lower-case start is wrong too (a special name); otherwise only capitalised occurrences are checked. */
  always: boolean;
}

/** Whether a word is in the Vietnamese spelling dictionary (dictionary-vi), loaded on first use. */
export interface SpellChecker {
  correct(word: string): boolean;
}

export interface Knowledge {
  docTypes: DocType[];
  agencies: Agency[];
  provinces: Province[];
  abbreviations: Abbreviation[];
  typeWords: TypeWord[];
  citationIssuers: CitationIssuer[];
  /** Who acts through documents of these issuer codes (“chỉ đạo của Thủ tướng Chính phủ tại Thông báo số …/TB-VPCP”). */
  actingIssuers: ActingIssuer[];
  /** Years in which documents of each National Assembly term (khóa) are dated (unverified: warnings only). */
  nationalAssemblyTerms: { term: number; from: number; to: number }[];
  /** Official terms (document types, laws, titles, special place names) for split-word and capitalization checks. */
  terms: Term[];
  /** The Vietnamese spelling dictionary, for typo/spelling; absent in knowledge built by hand (tests). */
  spelling?: SpellChecker;
}
