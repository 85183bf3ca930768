import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A notice as read from disk: its text (BOM kept as U+FEFF) and how to write it back the same way. */
export interface FileText {
  text: string;
  hasBom: boolean;
  lineEnding: '\n' | '\r\n';
}

export class NotUtf8Error extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readFileText(file: string): Promise<FileText> {
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new NotUtf8Error('not UTF-8 text; save the file as UTF-8');
  }
  // TextDecoder drops a BOM by default; put it back so offsets match what editors show.
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) text = '\ufeff' + text;
  const firstBreak = text.indexOf('\n');
  const lineEnding = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { text, hasBom, lineEnding };
}

/**
 * Writes through a temporary file in the same folder and renames it over the
 * original, so a failure never leaves a half-written notice. The mode of the
 * original is kept; a new file (an export) gets the default mode.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fs.stat(file).then(
    (stats) => stats.mode,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  try {
    await fs.writeFile(temporary, content, mode === undefined ? {} : { mode });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
