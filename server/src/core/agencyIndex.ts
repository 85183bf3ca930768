import type { Agency, Knowledge, Province } from '../knowledge/types.js';
import type { ThongbaoConfig } from './config.js';
import { isoOf } from './dates.js';
import { isWordChar, isWordUnit, matchKey } from './text.js';
import type { CalendarDate } from './types.js';

/**
 * The agencies, provinces and abbreviations a document is checked against:
 * the shipped knowledge plus `config.agencies` / `config.abbreviations`, with
 * the token trie that recognizes them. Built once per (knowledge, config
 * extras) and cached, never per document.
 */

/** `code`: a recipient-list code ("KHĐT" in "Các Bộ: TC, KHĐT"), recognized in lists only. */
export type TargetForm = 'full' | 'short' | 'elliptical' | 'code' | 'province';

/** What a matched key stands for and how it should have been written. */
export interface Target {
  form: TargetForm;
  agency?: Agency;
  province?: Province;
  /** The official way to write this form ("Bộ Công an", "Công an", "NHNN", "Bình Dương"). */
  expected: string;
  /** Elliptical forms are recognized only inside lists ("các bộ, cơ quan: Công an, …"). */
  listOnly: boolean;
  /** A short form whose case must match exactly ("NHNN", "TTg"). */
  acronym: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  targets: Target[];
}

export interface AgencyIndex {
  agencies: Agency[];
  provinces: Province[];
  /** Keyed by normalized tokens (see `tokenize`). */
  trie: TrieNode;
  agencyById: Map<string, Agency>;
  provinceById: Map<string, Province>;
}

/** Word tokens and single punctuation characters of a normalized text, with their offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const SPACE = /\s/u;
/** Per UTF-16 unit: 0 not tested yet, 1 white space, 2 not. */
const spaceUnits = new Uint8Array(0x10000);

function isSpaceUnit(code: number): boolean {
  let known = spaceUnits[code]!;
  if (known === 0) spaceUnits[code] = known = SPACE.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** The width of the code point at `at` when it is a letter, mark or digit (2 for a surrogate pair), else 0. */
function wordPointWidth(text: string, at: number): number {
  if (isSurrogatePair(text, at)) return isWordChar(text.slice(at, at + 2)) ? 2 : 0;
  return isWordUnit(text.charCodeAt(at)) ? 1 : 0;
}

/**
 * Runs of letters, marks and digits, and single other characters except
 * white space (code points, as /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu
 * finds them): a scan by code unit with cached classes, as the whole prose is
 * tokenized; only the tokens' own strings are built.
 */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  const n = normalized.length;
  let i = 0;
  while (i < n) {
    let width = wordPointWidth(normalized, i);
    if (width > 0) {
      let j = i + width;
      while (j < n && (width = wordPointWidth(normalized, j)) > 0) j += width;
      tokens.push({ text: normalized.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const code = normalized.charCodeAt(i);
    const pointWidth = isSurrogatePair(normalized, i) ? 2 : 1;
    // A lone surrogate is a code point of its own, not white space; pairs are never white space.
    if (code !== 32 && (pointWidth === 2 || !isSpaceUnit(code))) tokens.push({ text: normalized.slice(i, i + pointWidth), start: i, end: i + pointWidth });
    i += pointWidth;
  }
  return tokens;
}

function isSurrogatePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return false;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** "NHNN", "TTg", "VNPOST": at least two capitals and no more small letters than capitals. */
export function isAcronym(word: string): boolean {
  let upper = 0;
  let lower = 0;
  let remaining = word.length;
  for (const ch of word) {
    // Even if every unit left were a capital, too few: most words are rejected on their first letters.
    if (upper + remaining < Math.max(2, lower)) return false;
    remaining -= ch.length;
    const code = ch.charCodeAt(0);
    // ASCII by range (the common case, called for every word of the body); other letters by their case mappings.
    if (code < 0x80) {
      if (code >= 65 && code <= 90) upper++;
      else if (code >= 97 && code <= 122) lower++;
    } else if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper >= 2 && upper >= lower;
}

/** Per UTF-16 unit: 0 not tested yet, 1 a capital (its lower case differs), 2 not. */
const capitalUnits = new Uint8Array(0x10000);

/**
 * False when isAcronym must reject the word: one unit, or no capital at all
 * (it needs two). Tested on the units in place, so that most words of a
 * block are never built as strings; a surrogate pair may be a capital.
 */
export function mayBeAcronym(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    let known = capitalUnits[code]!;
    if (known === 0) {
      const ch = String.fromCharCode(code);
      capitalUnits[code] = known = ch !== ch.toLowerCase() ? 1 : 2;
    }
    if (known === 1) return true;
  }
  return false;
}

export function inForce(entry: { validFrom: string | null; validTo: string | null }, date: CalendarDate): boolean {
  const day = isoOf(date);
  return (entry.validFrom ?? '0000-00-00') <= day && day <= (entry.validTo ?? '9999-99-99');
}

function configAgencies(config: ThongbaoConfig): Agency[] {
  return config.agencies.map((extra, index) => ({
    id: `config-${index}`,
    name: extra.name,
    kind: 'config',
    elliptical: null,
    shortForms: extra.shortForms,
    listCodes: [],
    symbolCode: extra.code ?? null,
    validFrom: extra.validFrom ?? null,
    validTo: extra.validTo ?? null,
    successors: [],
    knownMisspellings: [],
    verified: true,
  }));
}

function insert(root: TrieNode, written: string, target: Target): void {
  let node = root;
  for (const token of tokenize(matchKey(written))) {
    let child = node.next.get(token.text);
    if (!child) {
      child = { next: new Map(), targets: [] };
      node.next.set(token.text, child);
    }
    node = child;
  }
  if (node !== root) node.targets.push(target);
}

function build(knowledge: Knowledge, extras: Agency[]): AgencyIndex {
  const agencies = [...knowledge.agencies, ...extras];
  const trie: TrieNode = { next: new Map(), targets: [] };
  for (const agency of agencies) {
    insert(trie, agency.name, { form: 'full', agency, expected: agency.name, listOnly: false, acronym: false });
    for (const short of agency.shortForms) {
      const acronym = short.split(/[\s,&-]+/u).some(isAcronym);
      insert(trie, short, { form: 'short', agency, expected: short, listOnly: false, acronym });
    }
    for (const code of agency.listCodes) insert(trie, code, { form: 'code', agency, expected: code, listOnly: true, acronym: true });
    if (agency.elliptical && matchKey(agency.elliptical) !== matchKey(agency.name)) {
      insert(trie, agency.elliptical, { form: 'elliptical', agency, expected: agency.elliptical, listOnly: true, acronym: false });
    }
    const head = matchKey(agency.name).split(' ')[0];
    for (const wrong of agency.knownMisspellings) {
      const full = matchKey(wrong).split(' ')[0] === head;
      if (!full && !agency.elliptical) continue;
      insert(trie, wrong, { form: full ? 'full' : 'elliptical', agency, expected: full ? agency.name : agency.elliptical!, listOnly: !full, acronym: false });
    }
  }
  for (const province of knowledge.provinces) {
    for (const written of [province.name, ...province.aliases]) insert(trie, written, { form: 'province', province, expected: written, listOnly: false, acronym: false });
  }
  return {
    agencies,
    provinces: knowledge.provinces,
    trie,
    agencyById: new Map(agencies.map((agency) => [agency.id, agency])),
    provinceById: new Map(knowledge.provinces.map((province) => [province.id, province])),
  };
}

const shipped = new WeakMap<Knowledge, AgencyIndex>();
const withExtras = new WeakMap<Knowledge, WeakMap<object, AgencyIndex>>();

export function agencyIndex(knowledge: Knowledge, config: ThongbaoConfig): AgencyIndex {
  if (config.agencies.length === 0) {
    let index = shipped.get(knowledge);
    if (!index) shipped.set(knowledge, (index = build(knowledge, [])));
    return index;
  }
  let byConfig = withExtras.get(knowledge);
  if (!byConfig) withExtras.set(knowledge, (byConfig = new WeakMap()));
  let index = byConfig.get(config.agencies);
  if (!index) byConfig.set(config.agencies, (index = build(knowledge, configAgencies(config))));
  return index;
}

/** Every province entry written with this name (one name may have two periods: Đồng Nai). */
export function provincesNamed(index: AgencyIndex, name: string): Province[] {
  let byKey = provincesByKey.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const province of index.provinces) {
      for (const key of new Set([province.name, ...province.aliases].map(matchKey))) {
        const named = byKey.get(key);
        if (named) named.push(province);
        else byKey.set(key, [province]);
      }
    }
    provincesByKey.set(index, byKey);
  }
  return [...(byKey.get(matchKey(name)) ?? [])];
}

/** Provinces by the key of their name and aliases, in index order: built once per index. */
const provincesByKey = new WeakMap<AgencyIndex, Map<string, Province[]>>();

/** "Bộ Tài chính", or its elliptical form or list code when the mention was one ("Tài chính", "TC"). */
export function nameInForm(agency: Agency, form: TargetForm): string {
  if (form === 'code' && agency.listCodes.length) return agency.listCodes[0]!;
  return (form === 'elliptical' || form === 'code') && agency.elliptical ? agency.elliptical : agency.name;
}
