import clauses from '../../../../snippets/clauses.json';
import { padDay, todayDate } from '../dates.js';
import type { NoticeModel, Section } from '../model.js';
import { stripDiacritics } from '../text.js';
import type { CalendarDate } from '../types.js';
import type { CompletionResult, DocumentSnapshot } from './types.js';

/**
 * The standard clauses of a notice. snippets/clauses.json (VS Code snippet
 * format) is the one source of truth: VS Code reads it through
 * `contributes.snippets`, and the server offers the same snippets as
 * completion items, so every LSP editor gets them, placed by context.
 */
export type SnippetName = keyof typeof clauses;

export interface ClauseSnippet {
  name: SnippetName;
  /** Typed prefixes: Vietnamese without diacritics, then with them. */
  prefix: string[];
  description: string;
  /** The snippet text (VS Code / LSP snippet syntax), lines joined with \n. */
  body: string;
}

/**
 * Where a clause belongs:
 * - document: an empty document (the skeleton);
 * - paragraph: a new paragraph of the body;
 * - inline: anywhere in body prose (a citation);
 * - closing: a new paragraph after the last paragraph of the body;
 * - recipients: the same place, when the notice has no "Nơi nhận" yet;
 * - signature: a new paragraph under "## Chữ ký".
 */
export type SnippetPlace = 'document' | 'paragraph' | 'inline' | 'closing' | 'recipients' | 'signature';

const PLACES: Record<SnippetName, SnippetPlace> = {
  'Thông báo mới (khung)': 'document',
  'Mở đầu cuộc họp': 'paragraph',
  'Kết luận như sau': 'paragraph',
  'Phần (số La Mã)': 'paragraph',
  'Giao nhiệm vụ': 'paragraph',
  'Trích dẫn văn bản (lần đầu)': 'inline',
  'Câu kết thông báo': 'closing',
  'Nơi nhận (kết luận của Thủ tướng)': 'recipients',
  'Nơi nhận (kết luận của Phó Thủ tướng)': 'recipients',
  'Chữ ký: Bộ trưởng, Chủ nhiệm': 'signature',
  'Chữ ký: KT. Bộ trưởng, Chủ nhiệm': 'signature',
  'Chữ ký: TL. Bộ trưởng, Chủ nhiệm': 'signature',
  'Chữ ký: thẩm quyền (KT./TL./TM.)': 'signature',
};

export const clauseSnippets: readonly ClauseSnippet[] = (Object.keys(clauses) as SnippetName[]).map((name) => {
  const entry = clauses[name];
  return { name, prefix: entry.prefix, description: entry.description, body: entry.body.join('\n') };
});

export function snippetPlace(name: SnippetName): SnippetPlace {
  return PLACES[name];
}

export function clauseSnippet(name: SnippetName): ClauseSnippet {
  return clauseSnippets.find((snippet) => snippet.name === name)!;
}

/**
 * Replaces the date variables the snippets use ($CURRENT_YEAR, $CURRENT_MONTH,
 * $CURRENT_DATE and the month without the leading zero for months 3–12) by
 * their values, so that editors without snippet variables insert the same text.
 */
export function resolveDateVariables(body: string, date: CalendarDate): string {
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  const values: Record<string, string> = {
    'CURRENT_MONTH/^0([3-9])$/$1/': date.month <= 2 ? twoDigits(date.month) : String(date.month),
    CURRENT_YEAR: String(date.year),
    CURRENT_MONTH: twoDigits(date.month),
    CURRENT_DATE: padDay(date.day),
  };
  return body.replace(/\$\{(CURRENT_MONTH\/\^0\(\[3-9\]\)\$\/\$1\/|CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\}|\$(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\b/g, (_whole, braced?: string, bare?: string) => values[braced ?? bare!]!);
}

const fold = (text: string) => stripDiacritics(text.normalize('NFC')).toLowerCase();

/** Longest text a drafter types to pick a clause (the longest prefix is 22 characters). */
const MAX_TYPED = 40;
/** A list marker or the start of a numbered item the clause may follow on its line. */
const LINE_LEAD = /^[ \t]*(?:(?:\d{1,3}\.|[a-zđ]\)|[-*+])[ \t]+)?/u;
const LETTERS_AND_SPACES = /^[\p{L}\p{M} ]*$/u;

/** Completion of the standard clauses, offered where each clause belongs. */
export function snippetCompletions(document: DocumentSnapshot, offset: number, today: CalendarDate = todayDate()): CompletionResult[] {
  const model = document.analysis.model;
  const text = document.text;
  if (model.frontMatter && offset > model.frontMatter.start && offset < model.frontMatter.end) return [];
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const lead = LINE_LEAD.exec(before)![0];
  const lineTyped = before.slice(lead.length);
  const atParagraphStart = lineTyped.length <= MAX_TYPED && LETTERS_AND_SPACES.test(lineTyped);
  const emptyDocument = text.slice(0, offset - lineTyped.length).trim() === '' && text.slice(offset).trim() === '';
  const section = sectionAt(model, offset);
  const atEndOfBody = section === 'body' && !model.blocks.some((block) => block.section === 'body' && !block.inFootnote && block.start > offset);

  const results: CompletionResult[] = [];
  clauseSnippets.forEach((snippet, index) => {
    const place = PLACES[snippet.name];
    let typed: string | undefined;
    switch (place) {
      case 'document':
        if (emptyDocument && atParagraphStart) typed = lineTyped;
        break;
      case 'paragraph':
        if (!emptyDocument && section === 'body' && atParagraphStart) typed = lineTyped;
        break;
      case 'inline':
        if (!emptyDocument && section === 'body') typed = typedWords(before, snippet.prefix);
        break;
      case 'closing':
        if (atEndOfBody && !emptyDocument && atParagraphStart) typed = lineTyped;
        break;
      case 'recipients':
        if (atEndOfBody && !emptyDocument && !model.recipients && atParagraphStart && lead === '') typed = lineTyped;
        break;
      case 'signature':
        if (section === 'signature' && atParagraphStart && lead === '') typed = lineTyped;
        break;
    }
    if (typed === undefined) return;
    const filterText = filterTextFor(snippet.prefix, typed);
    if (filterText === undefined) return;
    results.push({
      label: snippet.name,
      kind: 'snippet',
      detail: snippet.prefix[1] ?? snippet.prefix[0],
      documentation: `${snippet.description}\n\n\`\`\`markdown\n${expandDefaults(resolveDateVariables(snippet.body, today))}\n\`\`\``,
      insertText: resolveDateVariables(snippet.body, today),
      isSnippet: true,
      replace: { start: offset - typed.length, end: offset },
      filterText,
      sortText: `0-snippet-${String(index).padStart(2, '0')}`,
    });
  });
  return results;
}

/** The section (body, recipients, signature) that the text at offset belongs to. */
function sectionAt(model: NoticeModel, offset: number): Section {
  let section: Section = 'body';
  for (const block of model.blocks) {
    if (block.start >= offset) break;
    if (!block.inFootnote) section = block.section;
  }
  return section;
}

/**
 * The words before the cursor that begin one of the prefixes ("trich d",
 * "trích dẫn"), or undefined. Inline clauses need at least one typed letter.
 */
function typedWords(before: string, prefixes: string[]): string | undefined {
  const tail = /(?:\p{L}[\p{L}\p{M}]* ){0,3}\p{L}[\p{L}\p{M}]* ?$/u.exec(before.slice(-MAX_TYPED));
  if (!tail) return undefined;
  const words = tail[0];
  for (let start = 0; start < words.length; start++) {
    if (start > 0 && words[start - 1] !== ' ') continue;
    const candidate = words.slice(start);
    const beforeCandidate = before.slice(0, before.length - candidate.length);
    if (beforeCandidate !== '' && /[\p{L}\p{M}]$/u.test(beforeCandidate)) continue;
    if (prefixes.some((prefix) => fold(prefix).startsWith(fold(candidate)))) return candidate;
  }
  return undefined;
}

/**
 * The text the editor filters on: what the drafter typed, completed with the
 * rest of the prefix it begins (with or without diacritics), so that editors
 * keep the item while the drafter types on. Undefined when nothing matches.
 */
function filterTextFor(prefixes: string[], typed: string): string | undefined {
  if (typed === '') return prefixes.join(' ');
  const lowered = typed.normalize('NFC').toLowerCase();
  const exact = prefixes.find((prefix) => prefix.startsWith(lowered));
  if (exact) return typed + exact.slice(lowered.length);
  const folded = prefixes.find((prefix) => fold(prefix).startsWith(fold(typed)));
  return folded === undefined ? undefined : typed + folded.slice(lowered.length);
}

type SnippetNode = string | { stop: number; value?: SnippetNode[] } | { variable: string; value?: SnippetNode[] };

/**
 * The text a snippet inserts when the drafter accepts every default: a
 * placeholder gives its default, a choice its first option, a mirror repeats
 * its tab stop, an empty tab stop vanishes. Variables should be resolved first
 * (resolveDateVariables); any left give their default or nothing.
 */
export function expandDefaults(body: string): string {
  const nodes = new SnippetParser(body).parse(false);
  const defaults = new Map<number, SnippetNode[]>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (typeof node === 'string' || !node.value) continue;
      if ('stop' in node && !defaults.has(node.stop)) defaults.set(node.stop, node.value);
      collect(node.value);
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[]): string =>
    list.map((node) => (typeof node === 'string' ? node : render(node.value ?? ('stop' in node ? (defaults.get(node.stop) ?? []) : [])))).join('');
  return render(nodes);
}

/** A reader of VS Code / LSP snippet syntax (tab stops, placeholders, choices, variables, escapes). */
class SnippetParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(insideBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let literal = '';
    const flush = () => {
      if (literal) nodes.push(literal);
      literal = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos]!;
      if (ch === '\\' && '$}\\'.includes(this.source[this.pos + 1] ?? '')) {
        literal += this.source[this.pos + 1];
        this.pos += 2;
      } else if (insideBraces && ch === '}') {
        break;
      } else if (ch === '$') {
        const node = this.dollar();
        if (typeof node === 'string') literal += node;
        else {
          flush();
          nodes.push(node);
        }
      } else {
        literal += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): SnippetNode {
    const rest = this.source.slice(this.pos);
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z_0-9]*))/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return simple[1] !== undefined ? { stop: Number(simple[1]) } : { variable: simple[2]! };
    }
    const braced = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z_0-9]*))([:|/}])/.exec(rest);
    if (!braced) {
      this.pos++;
      return '$';
    }
    this.pos += braced[0].length;
    const stop = braced[1] !== undefined ? Number(braced[1]) : undefined;
    const make = (value?: SnippetNode[]): SnippetNode => {
      const node = stop !== undefined ? { stop } : { variable: braced[2]! };
      return value ? { ...node, value } : node;
    };
    switch (braced[3]) {
      case '}':
        return make();
      case ':': {
        const value = this.parse(true);
        this.pos++; // the closing brace
        return make(value);
      }
      case '|': {
        const first = this.choiceOption();
        while (this.source[this.pos] === ',') {
          this.pos++;
          this.choiceOption();
        }
        this.pos += 2; // "|}"
        return make([first]);
      }
      default: {
        // A transform (variable/regex/format/options): its text is the variable's business; skip it.
        let slashes = 1;
        while (this.pos < this.source.length && !(slashes >= 3 && this.source[this.pos] === '}')) {
          if (this.source[this.pos] === '\\') this.pos++;
          else if (this.source[this.pos] === '/') slashes++;
          this.pos++;
        }
        this.pos++;
        return make();
      }
    }
  }

  private choiceOption(): string {
    let option = '';
    while (this.pos < this.source.length && this.source[this.pos] !== ',' && this.source[this.pos] !== '|') {
      if (this.source[this.pos] === '\\' && this.pos + 1 < this.source.length) this.pos++;
      option += this.source[this.pos];
      this.pos++;
    }
    return option;
  }
}
