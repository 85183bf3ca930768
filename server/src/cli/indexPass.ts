import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { msg } from '../core/types.js';
import type { Knowledge } from '../knowledge/types.js';
import { isNoticeFile, WorkspaceIndex } from '../workspace/index.js';
import { readWorkspaceBytes, readWorkspaceText } from '../workspace/safeRead.js';
import { MAX_NOTICE_BYTES, scanNotice } from '../workspace/scan.js';
import { MAX_REGISTRY_BYTES, registryReadProblem, type RegistryFileProblem } from '../workspace/vanban.js';
import type { ResultCache } from './cache.js';

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

export interface IndexPassResult {
  index: WorkspaceIndex;
  /** Every registry file read, with its problems (none for a good file). */
  registryReports: RegistryFileReport[];
  /** SHA-256 of each notice's bytes as indexed (only when a cache is in use). */
  hashes: Map<string, string>;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const BATCH = 64;

/**
 * The one light pass `thongbao check` makes before analysing anything: the
 * registry files the sources name (each through the safe reader, inside its
 * source's folder) and the front matter and citations of every notice
 * checked, so that ref/conflict across files is reported as in the editor.
 * No text is kept; with a cache, unchanged notices are not even scanned again.
 */
export async function indexForCheck(files: readonly string[], sources: readonly RegistrySource[], knowledge: Knowledge, cache: ResultCache | undefined): Promise<IndexPassResult> {
  const index = new WorkspaceIndex(knowledge);
  const hashes = new Map<string, string>();
  const notices = files.filter(isNoticeFile);
  for (let i = 0; i < notices.length; i += BATCH) {
    const batch = notices.slice(i, i + BATCH);
    const reads = await Promise.all(batch.map((file) => readWorkspaceBytes(file, { maxBytes: MAX_NOTICE_BYTES })));
    reads.forEach((read, offset) => {
      // A notice that cannot be read is reported once, when it is checked.
      if (!read.ok) return;
      const file = batch[offset]!;
      const uri = URI.file(file).toString();
      if (!cache) {
        index.setNotice(uri, read.bytes.toString('utf8'));
        return;
      }
      hashes.set(file, read.fingerprint.hash);
      const scan = cache.scan(file, read.fingerprint.hash) ?? scanNotice(uri, read.bytes.toString('utf8'), knowledge);
      cache.keepScan(file, read.fingerprint.hash, scan);
      index.setScannedNotice(scan);
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
  return { index, registryReports, hashes };
}
