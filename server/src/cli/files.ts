import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

export const NOTICE_EXTENSION = '.tb.md';

export interface FileError {
  file: string;
  message: string;
}

/**
 * Expands the CLI's operands: files as given, folders searched for *.tb.md
 * (symbolic links are not followed, so a link loop cannot trap the scan),
 * anything else taken as a glob.
 */
export async function collectFiles(operands: string[], cwd: string): Promise<{ files: string[]; errors: FileError[] }> {
  const files = new Set<string>();
  const errors: FileError[] = [];
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(absolute);
    } else if (stat?.isDirectory()) {
      const found = await glob(`**/*${NOTICE_EXTENSION}`, { cwd: absolute, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const file of found) files.add(path.normalize(file));
    } else if (/[*?[{]/.test(operand)) {
      const found = await glob(operand, { cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (found.length === 0) errors.push({ file: operand, message: 'no file matches this pattern' });
      for (const file of found) files.add(path.normalize(file));
    } else {
      errors.push({ file: operand, message: 'no such file or folder' });
    }
  }
  return { files: [...files].sort(), errors };
}
