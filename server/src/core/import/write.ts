import { Document } from 'yaml';
import { msg } from '../types.js';
import type { SourcePosition, TextRun } from './model.js';
import type { RecognizedNotice } from './recognize.js';

/**
 * Writes a recognised notice in the dialect (shared design/dialect.md): front
 * matter, one paragraph per line, `##` parts, GFM footnotes, `## Nơi nhận`,
 * `## Chữ ký`. Run emphasis comes back as `*…*` / `**…**`; the words are the
 * source's, character for character (escaped where Markdown would read them as markup).
 */

export interface WrittenNotice {
  text: string;
  /** For each line of the text (0-based), the source position it came from. */
  lineSources: (SourcePosition | undefined)[];
}

const FIELD_ORDER = ['co-quan', 'so', 'dia-danh', 'ngay', 'loai', 'trich-yeu'] as const;
/** The width the project's hand conversions fold `trich-yeu` at (test/fixtures/seeds). */
const FOLD_WIDTH = 77;

function frontMatter(fields: RecognizedNotice['fields']): string {
  const values: Record<string, string | null> = {};
  for (const key of FIELD_ORDER) values[key] = fields[key] ?? null;
  const document = new Document(values);
  const subject = document.get('trich-yeu', true) as { type?: string } | undefined;
  if (subject && fields['trich-yeu']) subject.type = 'BLOCK_FOLDED';
  return document.toString({ lineWidth: FOLD_WIDTH, nullStr: '' });
}

/** Footnote ids in the order the body first refers to them, numbered from 1. */
function footnoteNumbers(notice: RecognizedNotice): Map<string, string> {
  const known = new Set(notice.footnotes.map((footnote) => footnote.id));
  const numbers = new Map<string, string>();
  for (const paragraph of notice.body) {
    for (const run of paragraph.runs) {
      const id = run.footnote ?? (run.superscript ? run.text.trim() : undefined);
      if (id !== undefined && known.has(id) && !numbers.has(id)) numbers.set(id, String(numbers.size + 1));
    }
  }
  for (const footnote of notice.footnotes) if (!numbers.has(footnote.id)) numbers.set(footnote.id, String(numbers.size + 1));
  return numbers;
}

/** A web or e-mail address: GFM reads it as a link of its own text, escapes and all, so it is left as written. */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/**
 * Characters of the source's text that Markdown would read as markup: a backslash before punctuation or a line
 * break, "*", "~" and "`" (emphasis, strikethrough, code), "_" not inside a word ("mã_số" is no emphasis), "["
 * (a link's or a footnote reference's label: one left open also keeps an address after it from being read as a
 * link), "<" before a tag's or an autolink's first character, "&…;" (an entity).
 */
const MARKUP = /\\(?=[!-/:-@[-`{-~\n]|$)|[*~`]|_(?![\p{L}\p{M}\p{N}])|(?<![\p{L}\p{M}\p{N}])_|\[|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)/gu;

/** The source's text as Markdown that reads back as the same text ("(*)", "5*3*2", "<ghi chú>" stay as they are). */
export function escapeMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const address of text.matchAll(ADDRESS)) {
    out += text.slice(last, address.index).replace(MARKUP, '\\$&') + address[0];
    last = address.index + address[0].length;
  }
  return out + text.slice(last).replace(MARKUP, '\\$&');
}

/** Runs as Markdown: emphasis markers around the trimmed text of each bold or italic stretch. */
export function renderRuns(runs: readonly TextRun[], numbers: Map<string, string>, { plainEmphasis = false, escapeMarkup = false }: { plainEmphasis?: boolean; escapeMarkup?: boolean } = {}): string {
  let out = '';
  let index = 0;
  while (index < runs.length) {
    const run = runs[index]!;
    const id = run.footnote ?? (run.superscript && numbers.has(run.text.trim()) ? run.text.trim() : undefined);
    if (id !== undefined) {
      out += numbers.has(id) ? `[^${numbers.get(id)}]` : run.text;
      index++;
      continue;
    }
    const bold = !plainEmphasis && run.bold === true;
    const italic = !plainEmphasis && run.italic === true;
    let text = '';
    while (index < runs.length) {
      const next = runs[index]!;
      const nextId = next.footnote ?? (next.superscript && numbers.has(next.text.trim()) ? next.text.trim() : undefined);
      if (nextId !== undefined) break;
      const blank = next.text.trim() === '';
      if (!blank && ((!plainEmphasis && next.bold === true) !== bold || (!plainEmphasis && next.italic === true) !== italic)) break;
      text += escapeMarkup ? escapeMarkdown(next.text) : next.text;
      index++;
    }
    const marker = (bold ? '**' : '') + (italic ? '*' : '');
    if (!marker || text.trim() === '') {
      out += text;
      continue;
    }
    const leading = /^\s*/u.exec(text)![0];
    const trailing = /\s*$/u.exec(text)![0];
    out += `${leading}${marker}${text.trim()}${[...marker].reverse().join('')}${trailing}`;
  }
  return out;
}

export function writeNotice(notice: RecognizedNotice): WrittenNotice {
  const lines: string[] = [];
  const sources: (SourcePosition | undefined)[] = [];
  const push = (text: string, source?: SourcePosition) => {
    for (const line of text.split('\n')) {
      lines.push(line);
      sources.push(source);
    }
  };
  const matter = frontMatter(notice.fields).trimEnd();
  push('---');
  for (const line of matter.split('\n')) {
    const key = /^([a-z-]+):/u.exec(line)?.[1];
    push(line, key ? notice.fieldSources[key] : notice.fieldSources['trich-yeu']);
  }
  push('---');
  const numbers = footnoteNumbers(notice);
  for (const paragraph of notice.body) {
    push('');
    // A heading is bold by definition: its own emphasis is not repeated.
    const text = renderRuns(paragraph.runs, numbers, { plainEmphasis: paragraph.heading, escapeMarkup: notice.escapeMarkup }).trim();
    push(paragraph.heading ? `## ${text}` : text, paragraph.source);
  }
  for (const footnote of notice.footnotes) {
    push('');
    push(`[^${numbers.get(footnote.id)}]: ${renderRuns(footnote.runs, numbers, { escapeMarkup: notice.escapeMarkup }).trim()}`, footnote.source);
  }
  if (notice.closing || notice.recipients.length > 0) {
    push('');
    push('## Nơi nhận');
    push('');
    for (const recipient of notice.recipients) push(`- ${recipient.text}`, recipient.source);
  }
  if (notice.signature.titles.length > 0 || notice.signature.name) {
    push('');
    push('## Chữ ký');
    push('');
    // Title lines of one paragraph: a hard line break (a final backslash) keeps them apart (docs/dialect.md §3).
    notice.signature.titles.forEach((title, index) => push(index < notice.signature.titles.length - 1 ? `${title.text}\\` : title.text, title.source));
    if (notice.signature.name) {
      push('');
      push(notice.signature.name.text, notice.signature.name.source);
    }
  }
  return { text: `${lines.join('\n')}\n`, lineSources: sources };
}

export const MISSING_MESSAGES = {
  'co-quan': msg('Không tìm thấy tên cơ quan ban hành: để trống “co-quan”.', 'No issuing body found: “co-quan” is left empty.'),
  so: msg('Không tìm thấy “Số: …”: để trống “so”.', 'No “Số: …” found: “so” is left empty.'),
  'dia-danh': msg('Không tìm thấy địa danh, ngày tháng: để trống “dia-danh”.', 'No place and date found: “dia-danh” is left empty.'),
  ngay: msg('Không tìm thấy ngày ban hành: để trống “ngay”.', 'No date of issue found: “ngay” is left empty.'),
  loai: msg('Không tìm thấy tên loại văn bản (THÔNG BÁO): để trống “loai”.', 'No type name (THÔNG BÁO) found: “loai” is left empty.'),
  'trich-yeu': msg('Không tìm thấy trích yếu: để trống “trich-yeu”.', 'No subject found: “trich-yeu” is left empty.'),
} as const;
