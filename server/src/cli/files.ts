import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { msg, type Msg } from '../core/types.js';
import { describeUnreachable } from '../workspace/safeRead.js';
import { isImportOperand } from './import.js';

export const NOTICE_EXTENSION = '.tb.md';

export interface FileError {
  file: string;
  message: Msg;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Expands the CLI's operands into the notices to check, only ever `*.tb.md`
 * files and documents named one by one: a file as given (another file is refused, so `--fix` cannot rewrite
 * data), a folder searched for notices (symbolic links are not followed, so a
 * link loop cannot trap the scan; a sub-folder that cannot be read is
 * reported), anything else taken as a glob whose matches are filtered to
 * notices. The folders given are returned too (the workspace index reads
 * their registries).
 */
export async function collectFiles(operands: string[], cwd: string): Promise<{ files: string[]; folders: string[]; errors: FileError[] }> {
  const files = new Set<string>();
  const folders: string[] = [];
  const errors: FileError[] = [];
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    let stat;
    let statError: unknown;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      statError = error;
    }
    if (stat?.isFile()) {
      // A document named as such (.docx, .html, .pdf, .txt) is checked as imported, in memory.
      if (absolute.endsWith(NOTICE_EXTENSION) || isImportOperand(absolute)) files.add(absolute);
      else errors.push({ file: operand, message: msg(`không phải thông báo (*${NOTICE_EXTENSION}); không kiểm tra`, `not a notice (*${NOTICE_EXTENSION}); not checked`) });
    } else if (stat?.isDirectory()) {
      folders.push(absolute);
      await walk(absolute, cwd, files, errors);
    } else if (stat) {
      errors.push({ file: operand, message: msg('không phải tệp thông thường hay thư mục; không kiểm tra', 'neither a regular file nor a folder; not checked') });
    } else if (/[*?[{]/u.test(operand)) {
      const found = (await glob(operand, { cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] })).filter((file) => file.endsWith(NOTICE_EXTENSION));
      if (found.length === 0) errors.push({ file: operand, message: msg(`không có thông báo (*${NOTICE_EXTENSION}) nào khớp mẫu này`, `no notice (*${NOTICE_EXTENSION}) matches this pattern`) });
      for (const file of found) files.add(path.normalize(file));
    } else {
      errors.push({ file: operand, message: await describeUnreachable(absolute, statError) });
    }
  }
  return { files: [...files].sort(), folders, errors };
}

async function walk(folder: string, cwd: string, files: Set<string>, errors: FileError[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    errors.push({ file: path.relative(cwd, folder) || folder, message: msg(`không đọc được thư mục này (${code}); các thông báo trong đó không được kiểm tra`, `cannot read this folder (${code}); the notices in it are not checked`) });
    return;
  }
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(child, cwd, files, errors);
    else if (entry.isFile() && entry.name.endsWith(NOTICE_EXTENSION)) files.add(child);
  }
}
