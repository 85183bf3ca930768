import { importDocument, type ImportResult } from '../core/import/index.js';
import type { OfficeDocument } from '../core/import/model.js';
import type { Knowledge } from '../knowledge/types.js';
import { readDocx } from './docx.js';
import { msg } from '../core/types.js';
import { ImportReadError } from './errors.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';
import { readWorkspaceBytes } from '../workspace/safeRead.js';

export { ImportReadError } from './errors.js';

/** Largest document imported, by the CLI and the editor alike (a 200-page PDF is a few megabytes). */
const MAX_IMPORTED_BYTES = 64 * 1024 * 1024;

/** The source formats `thongbao import` and `thongbao check` read, by file name ending. */
export const IMPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.pdf', '.txt', '.md'] as const;

export function importFormatOf(file: string): (typeof IMPORT_EXTENSIONS)[number] | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tb.md')) return undefined;
  return IMPORT_EXTENSIONS.find((extension) => lower.endsWith(extension));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportReadError(msg('không phải văn bản mã UTF-8; hãy lưu tệp ở mã UTF-8', 'not UTF-8 text; save the file as UTF-8'));
  }
}

/** Reads a source file into the office document model; throws ImportReadError with a one-line reason. */
export async function readDocument(bytes: Uint8Array, file: string): Promise<OfficeDocument> {
  switch (importFormatOf(file)) {
    case '.docx':
      return readDocx(bytes);
    case '.pdf':
      return readPdf(bytes);
    case '.html':
    case '.htm':
      return readHtml(decode(bytes));
    case '.md':
      return readMarkdown(decode(bytes));
    case '.txt':
      return readText(decode(bytes));
    default:
      throw new ImportReadError(msg(`không nhập được loại tệp này; các loại được hỗ trợ: ${IMPORT_EXTENSIONS.join(' ')}`, `cannot import this kind of file; supported: ${IMPORT_EXTENSIONS.join(' ')}`));
  }
}

/** Reads and imports a source file. */
export async function importFile(bytes: Uint8Array, file: string, knowledge: Knowledge): Promise<ImportResult> {
  return importDocument(await readDocument(bytes, file), knowledge);
}

/**
 * Reads a document on disk through the workspace's safe reader (a regular file, at most
 * MAX_IMPORTED_BYTES, refused from its size before a byte is read) and imports it: the CLI's
 * `import` and `check`, and the editor's import command. A refusal is an ImportReadError.
 */
export async function importFromDisk(file: string, knowledge: Knowledge): Promise<ImportResult> {
  const read = await readWorkspaceBytes(file, { maxBytes: MAX_IMPORTED_BYTES });
  if (!read.ok) throw new ImportReadError(read.message);
  return importFile(read.bytes, file, knowledge);
}
