import path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { describePosition, IMPORT_KIND_LABELS, type SourcePosition } from '../core/import/index.js';
import { localize } from '../core/i18n.js';
import type { Locale } from '../core/types.js';
import { ImportReadError, importFromDisk } from '../import/index.js';
import type { Knowledge } from '../knowledge/types.js';

/** Custom request of the VS Code client's import command: a document's URI in, the imported notice out. */
export const IMPORT_REQUEST = 'thongbao/importDocument';

export interface ImportRequestParams {
  uri: string;
}

export type ImportRequestResult =
  | { ok: false; message: string }
  | {
      ok: true;
      text: string;
      /** The report, one line per entry, in the drafter's language. */
      report: string[];
      /** Guesses placed on lines of the imported text (0-based), shown as information diagnostics. */
      guesses: { line: number; message: string }[];
    };

const sameSource = (a: SourcePosition | undefined, b: SourcePosition | undefined) => a !== undefined && b !== undefined && a.page === b.page && a.paragraph === b.paragraph && a.line === b.line;

/** Reads the file the client names (a .docx/.html/.pdf/.txt/.md on disk, as the CLI reads one) and imports it; nothing is written. */
export function registerImportRequest(connection: Connection, knowledge: Knowledge, localeOf: (uri: string) => Locale): void {
  connection.onRequest(IMPORT_REQUEST, async (params: ImportRequestParams): Promise<ImportRequestResult> => {
    const locale = localeOf(params.uri);
    const uri = URI.parse(params.uri);
    if (uri.scheme !== 'file') return { ok: false, message: locale === 'vi' ? 'Chỉ nhập được tệp trên đĩa.' : 'Only files on disk can be imported.' };
    try {
      // The CLI's reader and limit: a regular file only (a FIFO would hang the server), refused from its size before it is read.
      const result = await importFromDisk(uri.fsPath, knowledge);
      if (!result.recognized) {
        return { ok: false, message: locale === 'vi' ? `${path.basename(uri.fsPath)}: không giống một thông báo (không thấy phần đầu, tên loại, “Nơi nhận” hay chữ ký).` : `${path.basename(uri.fsPath)}: does not look like a notice (no header, type name, “Nơi nhận” or signature found).` };
      }
      const report = result.report.map((entry) => {
        const where = describePosition(entry.source, locale);
        return `[${IMPORT_KIND_LABELS[locale][entry.kind]}] ${where ? `${where}: ` : ''}${localize(entry.message, locale)}${entry.text ? ` “${entry.text}”` : ''}`;
      });
      const guesses = result.report
        .filter((entry) => entry.kind === 'guessed')
        .map((entry) => ({ line: Math.max(0, result.lineSources.findIndex((source) => sameSource(source, entry.source))), message: localize(entry.message, locale) }));
      return { ok: true, text: result.text, report, guesses };
    } catch (error) {
      const reason = error instanceof ImportReadError ? localize(error.reason, locale) : error instanceof Error ? error.message.split('\n')[0]! : String(error);
      return { ok: false, message: `${path.basename(uri.fsPath)}: ${reason}` };
    }
  });
}
