/** Helpers shared by the ref/* rules: what a citation is, and what the registry says about it. */
import type { Knowledge } from '../../../knowledge/types.js';
import type { NoticeCitation } from '../../extract/citations.js';
import { citationMatchers } from '../../extract/citations.js';
import { numberOf, type Registry, type RegistryEntry } from '../../registry.js';
import { stripDiacritics } from '../../text.js';
import type { Msg, RelatedSpan } from '../../types.js';
import { msg } from '../../types.js';

/** Type words of laws, cited by name (NĐ 30/2020 Phụ lục I, II.6.b): no date or issuer is expected. */
const CITED_BY_NAME = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp']);

/** Citations the ref/* rules check: state documents (Party documents follow the Party's rules). */
export function stateCitations(citations: NoticeCitation[]): NoticeCitation[] {
  return citations.filter((citation) => !citation.symbol.party);
}

/** "Luật Đầu tư công số 58/2024/QH15": a law named in the clause right before its number. */
const LAW_NAMED_BEFORE = /(?<![\p{L}\p{N}])(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)(?![\p{L}\p{N}])[^,;.()]{0,80}$/u;

export function isCitedByName(citation: NoticeCitation, prose: string): boolean {
  if (citation.typeWord !== null && CITED_BY_NAME.has(citation.typeWord.canonical)) return true;
  return isNationalAssemblySymbol(citation) && LAW_NAMED_BEFORE.test(prose.slice(Math.max(0, citation.start - 80), citation.start));
}

/** "71/2018/QH14", "730/2004/NQ-UBTVQH11": the symbol itself names the National Assembly or its Standing Committee. */
export function isNationalAssemblySymbol(citation: NoticeCitation): boolean {
  return citation.symbol.parts.groups.slice(0, 2).some((group) => /^(QH|UBTVQH)\d+$/u.test(group));
}

/**
 * A registry entry the citation most likely means when its own symbol is
 * unknown: same number, symbol one letter or only diacritics away
 * ("2589/BTTT-UDCNTT" for "2589/BTTTT-ƯDCNTT"). Only when the cited issuer
 * code is no known code, so two real documents are never confused.
 */
export function nearEntry(citation: NoticeCitation, registry: Registry, knowledge: Knowledge): RegistryEntry | undefined {
  const key = citation.symbol.key;
  if (registry.lookup(key)) return undefined;
  const issuerKnown = citation.symbol.parts.issuerCode !== null && citationMatchers(knowledge).issuerCodes.has(citation.symbol.parts.issuerCode);
  const folded = fold(key);
  let found: RegistryEntry | undefined;
  for (const entry of registry.entriesNumbered(numberOf(key))) {
    const candidate = fold(entry.symbol);
    const close = candidate === folded || (!issuerKnown && editDistanceAtMostOne(candidate, folded));
    if (!close) continue;
    if (found) return undefined;
    found = entry;
  }
  return found;
}

function fold(symbol: string): string {
  return stripDiacritics(symbol).toUpperCase();
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Where a registry entry is defined, as related information (nothing for the shipped registry). */
export function entryLocation(entry: RegistryEntry): RelatedSpan[] {
  if (!entry.location?.range) return [];
  return [{ start: 0, end: 0, uri: entry.location.uri, range: entry.location.range, message: msg(`Văn bản ${entry.symbol} được khai báo tại đây.`, `Document ${entry.symbol} is declared here.`) }];
}

/** "Nghị quyết số 28/NQ-CP" as cited (type word and symbol), for messages. */
export function citedName(citation: NoticeCitation): Msg {
  if (citation.typeWord) return msg(`${citation.typeWord.canonical} số ${citation.symbol.corrected}`, `${citation.typeWord.canonical} số ${citation.symbol.corrected}`);
  return msg(`văn bản số ${citation.symbol.corrected}`, `document ${citation.symbol.corrected}`);
}
