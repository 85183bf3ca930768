import { createHash } from 'node:crypto';
import { scanCitations, symbolKey, type Citation, type CitationDate } from '../core/extract/citations.js';
import { parseIsoDate } from '../core/frontmatter.js';
import { LineIndex } from '../core/positions.js';
import type { ExternalCitation, RegistryEntry } from '../core/registry.js';
import type { CalendarDate, Range } from '../core/types.js';
import type { Knowledge } from '../knowledge/types.js';

/** What the workspace index keeps of one notice: its own registry entry and its citations. */
export interface IndexedNotice {
  uri: string;
  /** The notice as a document of the registry, from its front matter (when `so` is a complete symbol). */
  entry: RegistryEntry | undefined;
  citations: IndexedCitation[];
  /** Changes exactly when what other files can see of this notice changes. */
  signature: string;
}

export interface IndexedCitation extends ExternalCitation {
  typeWord: string | null;
  first: boolean;
}

/** A notice larger than this is not indexed (a real notice is a few pages). */
export const MAX_NOTICE_BYTES = 2 * 1024 * 1024;

const FRONT_MATTER = /^(?:\ufeff)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
const DATE_AT = /ngày[\s\u00a0]+(\d{1,2})[\s\u00a0]+tháng[\s\u00a0]+(\d{1,2})[\s\u00a0]+năm[\s\u00a0]+(\d{4})(?![\p{L}\p{N}])/iuy;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/u;
const COMMENT = /<!--[\s\S]*?-->/gu;

/**
 * The fast scan of a notice for the workspace index: the YAML front matter
 * and the citations of the raw text, with no Markdown parse. Code fences and
 * HTML comments are blanked first so that they hold no citations.
 */
export function scanNotice(uri: string, text: string, knowledge: Knowledge): IndexedNotice {
  const lines = new LineIndex(text);
  const front = FRONT_MATTER.exec(text);
  const bodyStart = front ? front[0].length : 0;
  const entry = front ? noticeEntry(uri, front[1]!, front.index + front[0].indexOf(front[1]!), text, lines, knowledge) : undefined;
  const body = blankNonProse(text, bodyStart);
  const citations = scanCitations(body, bodyStart, body.length, knowledge, (offset) => dateAt(body, offset)).filter((citation) => !citation.symbol.party).map((citation) => indexed(uri, citation, lines));
  // A digest, not the text digested: the index keeps one per notice (14 MB for 10,000 notices as text).
  const signature = createHash('sha1').update(JSON.stringify([entry ? [entry.symbol, entry.date, entry.issuer, entry.type, entry.subject] : null, citations.map((citation) => [citation.symbol, citation.date, citation.issuer, citation.range.start.line])])).digest('base64');
  return { uri, entry, citations, signature };
}

function noticeEntry(uri: string, yaml: string, yamlStart: number, text: string, lines: LineIndex, knowledge: Knowledge): RegistryEntry | undefined {
  const fields = readFrontMatterFields(yaml);
  const so = fields.get('so');
  const key = so ? symbolKey(so, knowledge) : undefined;
  if (!key) return undefined;
  const string = (value: string | undefined) => (value?.trim() ? value.trim().replace(/\s+/gu, ' ') : null);
  const soLine = /^so[ \t]*:/mu.exec(yaml);
  const at = soLine ? yamlStart + soLine.index : yamlStart;
  const lineEnd = text.indexOf('\n', at);
  return {
    symbol: key,
    type: string(fields.get('loai')) ?? 'Thông báo',
    date: parseIsoDate(fields.get('ngay') ?? '') ?? null,
    issuer: string(fields.get('co-quan')),
    subject: string(fields.get('trich-yeu')),
    inForce: true,
    endOfValidity: null,
    replacedBy: null,
    // A notice's own front matter is the source of its number and date.
    verified: true,
    origin: 'workspace-notice',
    location: { uri, range: lines.rangeOf(at, lineEnd < 0 ? text.length : lineEnd) },
  };
}

const FIELD = /^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/u;

/**
 * The flat `key: value` front matter of the dialect, read line by line (a
 * full YAML parse costs more than the rest of the scan): plain and quoted
 * scalars, folded or literal blocks (`>-`, `|`) and indented continuation lines.
 * The analyser parses it properly; the index only needs these few values.
 */
export function readFrontMatterFields(yaml: string): Map<string, string> {
  const fields = new Map<string, string>();
  let current: string | undefined;
  const parts: string[] = [];
  const flush = () => {
    if (current !== undefined) fields.set(current, unquote(parts.join(' ').trim()));
    parts.length = 0;
  };
  for (const line of yaml.split(/\r?\n/u)) {
    const field = /^[ \t]/u.test(line) ? null : FIELD.exec(line);
    if (field) {
      flush();
      current = field[1]!;
      const value = (field[2] ?? '').trim();
      if (!/^[>|][+-]?$/u.test(value)) parts.push(value);
    } else if (current !== undefined && line.trim() && !line.trimStart().startsWith('#')) {
      parts.push(line.trim());
    }
  }
  flush();
  return fields;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value.replace(/[ \t]+#.*$/u, '');
}

function indexed(uri: string, citation: Citation, lines: LineIndex): IndexedCitation {
  const range = lines.rangeOf(citation.start, citation.date?.end ?? citation.issuer?.end ?? citation.symbol.end);
  const dateRange = citation.date ? lines.rangeOf(citation.date.start, citation.date.end) : undefined;
  return new PackedCitation(uri, interned(citation.symbol.key), citation.date ? internedDate(citation.date) : null, citation.issuer?.canonical ?? null, citation.typeWord?.canonical ?? null, citation.first, range, dateRange);
}

/**
 * A citation as the workspace index keeps it, one per citation of every
 * notice of the workspace: its ranges held as numbers and made into objects only when read,
 * its symbol and date shared with every other citation of the same document
 * (measured on 2,000 generated notices: 2,069 bytes of citations per notice
 * as plain objects). It serialises to the plain form (the cache's JSON).
 */
class PackedCitation implements IndexedCitation {
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;
  /** -1 when the citation has no date. */
  private readonly dateStartLine: number;
  private readonly dateStartCharacter: number;
  private readonly dateEndLine: number;
  private readonly dateEndCharacter: number;

  constructor(
    readonly uri: string,
    readonly symbol: string,
    readonly date: CalendarDate | null,
    readonly issuer: string | null,
    readonly typeWord: string | null,
    readonly first: boolean,
    range: Range,
    dateRange: Range | undefined,
  ) {
    this.startLine = range.start.line;
    this.startCharacter = range.start.character;
    this.endLine = range.end.line;
    this.endCharacter = range.end.character;
    this.dateStartLine = dateRange ? dateRange.start.line : -1;
    this.dateStartCharacter = dateRange ? dateRange.start.character : -1;
    this.dateEndLine = dateRange ? dateRange.end.line : -1;
    this.dateEndCharacter = dateRange ? dateRange.end.character : -1;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }

  get dateRange(): Range | undefined {
    if (this.dateStartLine < 0) return undefined;
    return { start: { line: this.dateStartLine, character: this.dateStartCharacter }, end: { line: this.dateEndLine, character: this.dateEndCharacter } };
  }

  toJSON(): IndexedCitation {
    const { uri, range, dateRange, symbol, date, issuer, typeWord, first } = this;
    return { uri, range, ...(dateRange ? { dateRange } : {}), symbol, date, issuer, typeWord, first };
  }
}

// Shared strings and dates: an archive cites the same few hundred documents thousands of times.
const INTERNED_LIMIT = 100_000;
const symbols = new Map<string, string>();
const dates = new Map<string, CalendarDate>();

function interned(symbol: string): string {
  const known = symbols.get(symbol);
  if (known !== undefined) return known;
  if (symbols.size >= INTERNED_LIMIT) symbols.clear();
  symbols.set(symbol, symbol);
  return symbol;
}

function internedDate({ year, month, day }: CalendarDate): CalendarDate {
  const key = `${year}-${month}-${day}`;
  const known = dates.get(key);
  if (known) return known;
  if (dates.size >= INTERNED_LIMIT) dates.clear();
  const date = Object.freeze({ year, month, day });
  dates.set(key, date);
  return date;
}

function dateAt(text: string, offset: number): CitationDate | undefined {
  DATE_AT.lastIndex = offset;
  const match = DATE_AT.exec(text);
  if (!match) return undefined;
  return { start: offset, end: offset + match[0].length, year: Number(match[3]), month: Number(match[2]), day: Number(match[1]) };
}

/** The text with code fences and HTML comments replaced by spaces (same length, line breaks kept). */
function blankNonProse(text: string, from: number): string {
  let result = text.replace(COMMENT, (comment) => comment.replace(/[^\r\n]/gu, ' '));
  if (!result.includes('```') && !result.includes('~~~')) return result;
  const parts: string[] = [result.slice(0, from)];
  let fence: string | undefined;
  for (const line of result.slice(from).split(/(?<=\n)/u)) {
    const marker = FENCE.exec(line)?.[1];
    const blank = fence !== undefined || marker !== undefined;
    if (fence === undefined && marker) fence = marker[0]!.repeat(marker.length);
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    parts.push(blank ? line.replace(/[^\r\n]/gu, ' ') : line);
  }
  result = parts.join('');
  return result;
}
