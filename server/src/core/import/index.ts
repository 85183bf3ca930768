import { FRONT_MATTER_KEYS, type FrontMatterKey } from '../frontmatter.js';
import type { OfficeDocument, SourcePosition } from './model.js';
import { recognize, type Knowledgeable } from './recognize.js';
import type { ImportEntry } from './report.js';
import { MISSING_MESSAGES, writeNotice } from './write.js';

export type { OfficeDocument, SourcePosition } from './model.js';
export type { ImportEntry, ImportEntryKind } from './report.js';
export { describePosition, IMPORT_KIND_LABELS } from './report.js';

/** What importing a document gives: the notice in the dialect and what the import did. */
export interface ImportResult {
  text: string;
  report: ImportEntry[];
  /** For each line of `text` (0-based), where it came from in the source, when known. */
  lineSources: (SourcePosition | undefined)[];
  fields: Partial<Record<FrontMatterKey, string>>;
  stats: { bodyParagraphs: number; footnotes: number; recipients: number; signature: boolean; closing: boolean };
  /** The source looks like a notice: at least two of header, type name, "Nơi nhận" and signature were found. */
  recognized: boolean;
}

/**
 * The importer's entry point: an office document model (from any reader) to a
 * dialect notice and its import report. Pure; never changes the drafter's
 * words (a mistake in the source stays, the checker is there to find it).
 * import(export(notice)) for the round trip goes through here too.
 */
export function importDocument(document: OfficeDocument, knowledge: Knowledgeable): ImportResult {
  const notice = recognize(document, knowledge);
  for (const key of FRONT_MATTER_KEYS) {
    // An incomplete date of issue was already reported where it stands.
    if (!notice.fields[key] && !(key === 'ngay' && notice.incompleteDate)) notice.report.push({ kind: 'missing', message: MISSING_MESSAGES[key] });
  }
  if (!notice.closing) notice.report.push({ kind: 'missing', message: { vi: 'Không tìm thấy “Nơi nhận”.', en: 'No “Nơi nhận” found.' } });
  if (!notice.signature.name) notice.report.push({ kind: 'missing', message: { vi: 'Không tìm thấy chữ ký (chức vụ và họ tên người ký).', en: 'No signature (title and signer’s name) found.' } });
  const written = writeNotice(notice);
  const found = [notice.fields.so !== undefined || notice.fields.ngay !== undefined, notice.fields.loai !== undefined, notice.closing, notice.signature.name !== undefined];
  return {
    text: written.text,
    report: notice.report,
    lineSources: written.lineSources,
    fields: Object.fromEntries(FRONT_MATTER_KEYS.filter((key) => notice.fields[key]).map((key) => [key, notice.fields[key]!])),
    stats: {
      bodyParagraphs: notice.body.length,
      footnotes: notice.footnotes.length,
      recipients: notice.recipients.length,
      signature: notice.signature.name !== undefined,
      closing: notice.closing,
    },
    recognized: found.filter(Boolean).length >= 2,
  };
}
