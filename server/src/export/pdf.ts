import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** LibreOffice's command-line entry, found on PATH (Debian's libreoffice-writer installs soffice). */
export function findSoffice(searchPath = process.env.PATH ?? ''): string | undefined {
  for (const folder of searchPath.split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(folder, name);
      if (folder && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export class NoLibreOfficeError extends Error {}

/**
 * Converts a .docx to PDF with LibreOffice headless, in a private profile so
 * that parallel runs do not fight over one lock. Nothing is downloaded: the
 * conversion needs an installed LibreOffice, or fails with NoLibreOfficeError.
 */
export async function docxToPdf(docx: Uint8Array, soffice = findSoffice()): Promise<Buffer> {
  if (!soffice) throw new NoLibreOfficeError('LibreOffice (soffice) is not installed');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'thongbao-pdf-'));
  try {
    const input = path.join(folder, 'notice.docx');
    await fs.writeFile(input, docx);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(folder, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, input], { timeout: 120_000 });
    return await fs.readFile(path.join(folder, 'notice.pdf'));
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}
