/**
 * Editor features over citations (pure): hover, go to definition, find all
 * references, completion after "<loại> số ", workspace symbols. The registry
 * in FeatureEnv is the merged one (shipped, *.vanban.yaml, notices).
 */
import type { NoticeCitation } from '../extract/citations.js';
import { citationMatchers, registryEntryOf } from '../extract/citations.js';
import { formatVietnameseDate, shortDate } from '../dates.js';
import { fileNameOf, type Registry, type RegistryEntry } from '../registry.js';
import { matchKey, stripDiacritics } from '../text.js';
import type { Locale, Range, Span } from '../types.js';
import type { CompletionResult, DocumentSnapshot, FeatureEnv, HoverResult, LocationResult } from './types.js';
import { escapeMarkdown } from './markdown.js';

/** The citation under the cursor: from its type word to its date or issuer (the subject is plain text). */
export function citationAt(document: DocumentSnapshot, offset: number): NoticeCitation | undefined {
  return document.analysis.facts.citations.find((citation) => !citation.symbol.party && citation.start <= offset && offset <= headEnd(citation));
}

function headEnd(citation: NoticeCitation): number {
  return Math.max(citation.symbol.end, citation.date?.end ?? 0, citation.issuer?.end ?? 0);
}

export function citationHover(document: DocumentSnapshot, offset: number, env: FeatureEnv): HoverResult | undefined {
  const citation = citationAt(document, offset);
  if (!citation) return undefined;
  // A draft without its date may cite any earlier document: only the cited year narrows a year-less symbol.
  const entry = registryEntryOf(env.registry, citation, document.analysis.model.meta.date ?? { year: 9999, month: 12, day: 31 });
  const vi = env.locale === 'vi';
  const lines: string[] = [];
  const type = entry?.type ?? citation.typeWord?.canonical;
  lines.push(`**${escapeMarkdown(`${type ? `${type} số ` : ''}${citation.symbol.corrected}`)}**`);
  const date = entry?.date ?? (citation.date ? { year: citation.date.year, month: citation.date.month, day: citation.date.day } : null);
  const rows: [string, string | null | undefined][] = [
    [vi ? 'Số, ký hiệu' : 'Number', citation.symbol.corrected],
    [vi ? 'Ngày ban hành' : 'Date of issue', date ? `${formatVietnameseDate(date)} (${shortDate(date)})` : null],
    [vi ? 'Cơ quan ban hành' : 'Issuer', entry?.issuer ?? citation.issuer?.canonical ?? citation.issuer?.text],
    [vi ? 'Trích yếu' : 'Subject', entry?.subject ?? citation.subject?.text],
    [vi ? 'Hiệu lực' : 'Status', entry ? status(entry, env.locale) : null],
    [vi ? 'Khai báo tại' : 'Defined in', entry ? origin(entry, env.locale) : vi ? 'không có trong danh mục văn bản' : 'in no document registry'],
  ];
  for (const [label, value] of rows) if (value) lines.push(`- ${label}: ${escapeMarkdown(value)}`);
  const elsewhere = env.registry.citationsElsewhere(citation.symbol.key, document.uri).length;
  if (elsewhere > 0) lines.push(vi ? `- Được dẫn ${elsewhere} lần trong các tệp khác` : `- Cited ${elsewhere} times in other files`);
  return { start: citation.start, end: headEnd(citation), markdown: lines.join('\n') };
}

function status(entry: RegistryEntry, locale: Locale): string {
  if (entry.inForce) return locale === 'vi' ? 'còn hiệu lực (theo danh mục)' : 'in force (per registry)';
  const replaced = entry.replacedBy ? (locale === 'vi' ? `, thay thế bởi ${entry.replacedBy}` : `, replaced by ${entry.replacedBy}`) : '';
  return (locale === 'vi' ? 'hết hiệu lực' : 'no longer in force') + replaced;
}

function origin(entry: RegistryEntry, locale: Locale): string {
  const file = entry.location ? fileNameOf(entry.location.uri) : '';
  switch (entry.origin) {
    case 'shipped':
      return (locale === 'vi' ? 'danh mục kèm theo tiện ích' : 'the registry shipped with the extension') + (entry.verified ? '' : locale === 'vi' ? ' (chưa kiểm chứng)' : ' (unverified)');
    case 'workspace-registry':
      return locale === 'vi' ? `tệp danh mục ${file}` : `registry file ${file}`;
    case 'workspace-notice':
      return locale === 'vi' ? `thông báo ${file}` : `notice ${file}`;
  }
}

/** Go to definition: the registry entry's file, or the cited notice itself. */
export function citationDefinition(document: DocumentSnapshot, offset: number, env: FeatureEnv): LocationResult[] {
  const citation = citationAt(document, offset);
  const location = citation ? env.registry.lookup(citation.symbol.key)?.location : undefined;
  if (!location) return [];
  return [location.range ? { uri: location.uri, range: location.range } : { uri: location.uri }];
}

/** Find all references: every citation of the same document, in this file and across the workspace. */
export function citationReferences(document: DocumentSnapshot, offset: number, env: FeatureEnv, includeDeclaration: boolean): LocationResult[] {
  const citation = citationAt(document, offset);
  if (!citation) return [];
  const key = citation.symbol.key;
  const results: LocationResult[] = document.analysis.facts.citations
    .filter((other) => other.symbol.key === key)
    .map((other) => ({ uri: document.uri, span: { start: other.start, end: headEnd(other) } }));
  for (const external of env.registry.citationsElsewhere(key, document.uri)) results.push({ uri: external.uri, range: external.range });
  const declared = env.registry.lookup(key)?.location;
  if (includeDeclaration && declared?.range) results.push({ uri: declared.uri, range: declared.range });
  return results;
}

/** The full first citation of a registry entry after "<loại> số ": number, date, issuer, subject. */
export function firstCitationText(entry: RegistryEntry): string {
  const parts = [entry.symbol];
  if (entry.date) parts.push(formatVietnameseDate(entry.date));
  if (entry.issuer) parts.push(`của ${entry.issuer}`);
  if (entry.subject) parts.push(subjectPhrase(entry.subject));
  return parts.join(' ');
}

/** A subject read as a phrase after the issuer: "về …" unless it already starts with a verb or "về". */
function subjectPhrase(subject: string): string {
  if (/^\p{Ll}/u.test(subject)) return subject;
  // A notice's trích yếu starts "Kết luận …": lower-case it inside the sentence; names keep their capitals.
  if (/^Kết luận(?![\p{L}])/u.test(subject)) return `về k${subject.slice(1)}`;
  return `về ${subject}`;
}

export function citationCompletions(document: DocumentSnapshot, offset: number, env: FeatureEnv): CompletionResult[] {
  const before = document.text.slice(Math.max(0, offset - 80), offset);
  const typed = /([\p{L}]+(?:[ \t]+[\p{L}]+){0,3})[ \t]+số[ \t]+([\p{L}\p{N}/\-]*)$/u.exec(before);
  if (!typed) return [];
  const words = citationMatchers(env.knowledge).typeWordCanonical;
  // The type word is the longest known one ending the words before "số".
  const tokens = typed[1]!.split(/[ \t]+/u);
  let typeWord: string | undefined;
  for (let i = 0; i < tokens.length && !typeWord; i++) typeWord = words.get(matchKey(tokens.slice(i).join(' ')));
  if (!typeWord) return [];
  const partial = typed[2]!;
  const replace: Span = { start: offset - partial.length, end: offset };
  const anyType = typeWord === 'Văn bản';
  const results: CompletionResult[] = [];
  for (const entry of env.registry.entries()) {
    if (!anyType && matchKey(entry.type) !== matchKey(typeWord)) continue;
    if (partial && !entry.symbol.toLowerCase().startsWith(partial.toLowerCase())) continue;
    const result: CompletionResult = {
      label: entry.symbol,
      kind: 'document',
      detail: [entry.date ? shortDate(entry.date) : null, entry.issuer].filter(Boolean).join(' · '),
      insertText: firstCitationText(entry),
      replace,
      filterText: entry.symbol,
      sortText: `${entry.origin === 'shipped' ? 1 : 0}${entry.symbol}`,
    };
    if (entry.subject) result.documentation = escapeMarkdown(entry.subject);
    results.push(result);
  }
  return results;
}

export interface WorkspaceSymbolResult {
  name: string;
  detail: string;
  uri: string;
  range: Range;
}

/** Workspace symbols: registry documents whose number, type or subject contain every word of the query (diacritics optional). */
export function documentSymbolsMatching(query: string, registry: Registry, limit = 200): WorkspaceSymbolResult[] {
  const words = fold(query).split(' ').filter(Boolean);
  const results: WorkspaceSymbolResult[] = [];
  for (const entry of registry.entries()) {
    if (!entry.location?.range) continue;
    const haystack = fold(`${entry.symbol} ${entry.type} ${entry.subject ?? ''}`);
    if (!words.every((word) => haystack.includes(word))) continue;
    results.push({ name: `${entry.type} số ${entry.symbol}`, detail: [entry.date ? shortDate(entry.date) : '', entry.subject ?? ''].filter(Boolean).join(' — '), uri: entry.location.uri, range: entry.location.range });
    if (results.length >= limit) break;
  }
  return results;
}

function fold(text: string): string {
  return stripDiacritics(matchKey(text));
}

