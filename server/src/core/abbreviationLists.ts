import type { Abbreviations, AbbreviationDefinition } from './extract/abbreviations.js';
import type { NoticeModel } from './model.js';
import { isAcronym } from './agencyIndex.js';
import { stripDiacritics } from './text.js';

/**
 * Abbreviations introduced together after a coordinated list of their full forms (624-TB-VPCP-2025):
 * “khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KHCN, ĐMST, CĐS)”. Each one is a definition,
 * read backwards from the parenthesis by its initials (CĐS = chuyển đổi số, ĐMST = đổi mới sáng tạo,
 * KHCN = khoa học, công nghệ), the list's commas and “và”/“hoặc” between the forms. Only when every
 * abbreviation of the parenthesis spells its own words: otherwise the parenthesis is no introduction.
 */
const ABBREVIATION_LIST = /\(\s*[\p{L}\p{M}&]+(?:\s*,\s*[\p{L}\p{M}&]+)+\s*\)/gu;
const CONNECTORS = new Set(['và', 'hoặc']);

const lettersOf = (abbr: string) => stripDiacritics(abbr).toUpperCase().replace(/[^A-Z]/gu, '');
const initialOf = (word: string) => stripDiacritics(word[0]!)[0]!.toUpperCase();

/** The words before `end` in the block, last first, with their offsets in the prose. */
function wordsBefore(prose: string, blockStart: number, end: number, count: number): Array<{ word: string; start: number; end: number }> {
  const from = Math.max(blockStart, end - 24 * count);
  const words = [...prose.slice(from, end).matchAll(/[\p{L}\p{M}]+/gu)].map((match) => ({ word: match[0], start: from + match.index!, end: from + match.index! + match[0].length }));
  // The first word may be cut by the window.
  return (from > blockStart ? words.slice(1) : words).reverse();
}

function listDefinitions(prose: string, blockStart: number, blockEnd: number): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  for (const match of prose.slice(blockStart, blockEnd).matchAll(ABBREVIATION_LIST)) {
    const parenStart = blockStart + match.index!;
    const paren = { start: parenStart, end: parenStart + match[0].length };
    const abbreviations = [...match[0].matchAll(/[\p{L}\p{M}&]+/gu)].map((part) => ({ abbr: part[0], start: parenStart + part.index! }));
    if (!abbreviations.every(({ abbr }) => isAcronym(abbr) && lettersOf(abbr).length >= 2)) continue;
    const letterCount = abbreviations.reduce((sum, { abbr }) => sum + lettersOf(abbr).length, 0);
    const words = wordsBefore(prose, blockStart, parenStart, letterCount + abbreviations.length);
    let at = 0;
    const spelled: AbbreviationDefinition[] = [];
    for (const { abbr, start } of [...abbreviations].reverse()) {
      if (spelled.length > 0 && words[at] && CONNECTORS.has(words[at]!.word)) at++;
      const letters = lettersOf(abbr);
      const own = words.slice(at, at + letters.length).reverse();
      if (own.length !== letters.length || own.map((word) => initialOf(word.word)).join('') !== letters) break;
      at += letters.length;
      const expansion = prose.slice(own[0]!.start, own[own.length - 1]!.end).replace(/\s+/gu, ' ');
      spelled.unshift({ abbr, expansion, start, end: start + abbr.length, paren });
    }
    if (spelled.length === abbreviations.length) found.push(...spelled);
  }
  return found;
}

const cache = new WeakMap<Abbreviations, Abbreviations>();

/**
 * The notice's abbreviations with those introduced together in one parenthesis as definitions, and
 * their letters there no longer counted as uses. Read by the abbr/* rules and the hover.
 */
export function abbreviationsWithLists(model: NoticeModel, abbreviations: Abbreviations): Abbreviations {
  const cached = cache.get(abbreviations);
  if (cached) return cached;
  const added: AbbreviationDefinition[] = [];
  for (const block of model.blocks) {
    if (block.section !== 'body' || !model.prose.slice(block.start, block.end).includes(',')) continue;
    added.push(...listDefinitions(model.prose, block.start, block.end));
  }
  const result: Abbreviations = added.length
    ? {
        definitions: [...abbreviations.definitions, ...added].sort((a, b) => a.start - b.start),
        uses: abbreviations.uses.filter((use) => !added.some((definition) => definition.start === use.start)),
        known: abbreviations.known,
      }
    : abbreviations;
  cache.set(abbreviations, result);
  return result;
}
