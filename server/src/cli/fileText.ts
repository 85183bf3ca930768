import { readWorkspaceText, type FileFingerprint } from '../workspace/safeRead.js';
import type { Msg } from '../core/types.js';
import { writeFileSafely } from './safeWrite.js';

/** A notice as read from disk: its text as editors show it (no BOM) and how to write it back the same way. */
export interface FileText {
  text: string;
  hasBom: boolean;
  lineEnding: '\n' | '\r\n';
  /** What was read, so that a write can refuse when the file changed since. */
  fingerprint: FileFingerprint;
}

/** The CLI reads notices up to this size (the analysis takes seconds per megabyte). */
export const MAX_CHECKED_NOTICE_BYTES = 32 * 1024 * 1024;

/** A file that could not be read as a notice; the reason is in both languages. */
export class FileReadError extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}

export async function readFileText(file: string): Promise<FileText> {
  const read = await readWorkspaceText(file, { maxBytes: MAX_CHECKED_NOTICE_BYTES });
  if (!read.ok) throw new FileReadError(read.message);
  const firstBreak = read.text.indexOf('\n');
  const lineEnding = firstBreak > 0 && read.text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { text: read.text, hasBom: read.hasBom, lineEnding, fingerprint: read.fingerprint };
}

/**
 * Writes a notice's new text back as it was read (its BOM put back), through
 * the safe writer: refused if the file changed since `source` was read.
 */
export async function writeFileText(file: string, text: string, source: FileText): Promise<void> {
  await writeFileSafely(file, source.hasBom ? `\ufeff${text}` : text, { expected: source.fingerprint });
}
