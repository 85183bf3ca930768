import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { Knowledge } from '../knowledge/types.js';
import { WorkspaceIndex } from '../workspace/index.js';
import { readWorkspaceText } from '../workspace/safeRead.js';
import { MAX_NOTICE_BYTES } from '../workspace/scan.js';
import { MAX_REGISTRY_BYTES, registryReadProblem, type RegistryFileProblem } from '../workspace/vanban.js';
import { msg } from '../core/types.js';

/** Registry files to read: the `registry` globs of a configuration, from the folder they are relative to. */
export interface RegistrySource {
  root: string;
  globs: readonly string[];
}

export interface RegistryFileReport {
  file: string;
  /** The text the problems are located in (empty when the file could not be read). */
  text: string;
  problems: RegistryFileProblem[];
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const BATCH = 64;

/**
 * The workspace index `thongbao check` uses: every notice checked (so that
 * ref/conflict across files is reported as in the editor) and the registry
 * files the sources name, each read by the safe reader (a registry must lie
 * inside its source's folder). Every registry file that cannot be read or
 * parsed comes back with its problems.
 */
export async function indexForCheck(files: readonly string[], sources: readonly RegistrySource[], knowledge: Knowledge): Promise<{ index: WorkspaceIndex; registryReports: RegistryFileReport[] }> {
  const index = new WorkspaceIndex(knowledge);
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const reads = await Promise.all(batch.map((file) => readWorkspaceText(file, { maxBytes: MAX_NOTICE_BYTES })));
    // A notice that cannot be read is reported when it is checked.
    reads.forEach((read, offset) => {
      if (read.ok) index.setNotice(URI.file(batch[offset]!).toString(), read.text);
    });
  }
  const registryFiles = new Map<string, string>();
  for (const source of sources) {
    const found = await glob([...source.globs], { cwd: source.root, absolute: true, followSymbolicLinks: false, ignore: IGNORE });
    for (const file of found) if (!registryFiles.has(path.normalize(file))) registryFiles.set(path.normalize(file), source.root);
  }
  const registryReports: RegistryFileReport[] = [];
  for (const [file, root] of [...registryFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = await readWorkspaceText(file, { root, maxBytes: MAX_REGISTRY_BYTES });
    if (!read.ok) {
      registryReports.push({ file, text: '', problems: [registryReadProblem(read.message)] });
      continue;
    }
    let problems: RegistryFileProblem[];
    try {
      problems = index.setRegistryFile(URI.file(file).toString(), read.text);
    } catch (error) {
      // One unreadable registry must not stop the others, nor the check.
      problems = [{ start: 0, end: 0, message: msg(`Không đọc được tệp danh mục văn bản (${String(error)}).`, `The registry file cannot be read (${String(error)}).`) }];
    }
    registryReports.push({ file, text: read.text, problems });
  }
  return { index, registryReports };
}
