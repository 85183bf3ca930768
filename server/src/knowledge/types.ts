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

export interface Agency {
  id: string;
  name: string;
  kind: string;
  /** The form written after "các bộ, cơ quan: …" (name without its head word), or null. */
  elliptical: string | null;
  shortForms: string[];
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
  verified: boolean;
}

export interface Knowledge {
  docTypes: DocType[];
  agencies: Agency[];
  provinces: Province[];
  abbreviations: Abbreviation[];
  /** Official terms (document types, titles, agency names) for split-word and capitalization checks. */
  terms: string[];
}
