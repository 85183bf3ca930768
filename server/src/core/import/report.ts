import type { Msg } from '../types.js';
import type { SourcePosition } from './model.js';

/**
 * What the import tells the drafter about the source:
 * - dropped: an artefact left out on purpose (page number, stamp, rule line, site clutter);
 * - guessed: a decision that may be wrong (a paragraph join, a field taken from the body);
 * - unplaced: source text that fits nowhere in a notice and is not in the output;
 * - missing: a part of a notice the source does not have (a field left empty).
 */
export type ImportEntryKind = 'dropped' | 'guessed' | 'unplaced' | 'missing';

export interface ImportEntry {
  kind: ImportEntryKind;
  message: Msg;
  source?: SourcePosition;
  /** The source text concerned (shortened), when there is one. */
  text?: string;
}

/** Each kind as the drafter reads it, in the report of the CLI and of the editor. */
export const IMPORT_KIND_LABELS: Record<'vi' | 'en', Record<ImportEntryKind, string>> = {
  vi: { dropped: 'bỏ', guessed: 'đoán', unplaced: 'không đặt được', missing: 'thiếu' },
  en: { dropped: 'dropped', guessed: 'guessed', unplaced: 'unplaced', missing: 'missing' },
};

const SHORT = 80;

export function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= SHORT ? flat : `${flat.slice(0, SHORT - 1)}…`;
}

/** "trang 2, dòng 14" / "page 2, line 14": a source position in words. */
export function describePosition(source: SourcePosition | undefined, locale: 'vi' | 'en'): string {
  if (!source) return '';
  const parts: string[] = [];
  const words = locale === 'vi' ? { page: 'trang', paragraph: 'đoạn', line: 'dòng' } : { page: 'page', paragraph: 'paragraph', line: 'line' };
  if (source.page !== undefined) parts.push(`${words.page} ${source.page}`);
  if (source.paragraph !== undefined) parts.push(`${words.paragraph} ${source.paragraph}`);
  if (source.line !== undefined) parts.push(`${words.line} ${source.line}`);
  return parts.join(', ');
}
