import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { Knowledge } from '../knowledge/types.js';
import { insideFolder, isNoticeFile, WorkspaceIndex } from '../workspace/index.js';
import { MAX_NOTICE_BYTES, scanNotice } from '../workspace/scan.js';
import { REGISTRY_FILE_SUFFIX, type RegistryFileProblem } from '../workspace/vanban.js';
import type { ResultCache } from './cache.js';
import { contentHash } from './checkFile.js';

export interface IndexPassResult {
  index: WorkspaceIndex;
  /** Problems of each registry file, by URI. */
  registryProblems: Map<string, { text: string; problems: RegistryFileProblem[] }>;
  /** SHA-1 of each notice's bytes as indexed (only when a cache is in use). */
  hashes: Map<string, string>;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const BATCH = 64;

/**
 * The one light pass `thongbao check` makes before analysing anything: the
 * registry files of every folder operand and the front matter and citations
 * of every notice checked, so that ref/conflict across files is reported as
 * in the editor. No text is kept; with a cache, unchanged notices are not
 * even scanned again.
 */
export async function indexForCheck(operands: readonly string[], files: readonly string[], cwd: string, knowledge: Knowledge, cache: ResultCache | undefined): Promise<IndexPassResult> {
  const index = new WorkspaceIndex(knowledge);
  const registryProblems: IndexPassResult['registryProblems'] = new Map();
  const hashes = new Map<string, string>();
  for (const operand of operands) {
    const folder = path.resolve(cwd, operand);
    if (!(await fs.stat(folder).catch(() => undefined))?.isDirectory()) continue;
    const root = await fs.realpath(folder);
    const registries = await glob(`**/*${REGISTRY_FILE_SUFFIX}`, { cwd: root, absolute: true, followSymbolicLinks: false, ignore: IGNORE });
    for (const file of registries.sort()) {
      if (!(await insideFolder(file, root))) continue;
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const uri = URI.file(path.normalize(file)).toString();
      registryProblems.set(uri, { text, problems: index.setRegistryFile(uri, text) });
    }
  }
  const notices = files.filter(isNoticeFile);
  for (let i = 0; i < notices.length; i += BATCH) {
    const batch = notices.slice(i, i + BATCH);
    const contents = await Promise.all(batch.map((file) => fs.readFile(file).catch(() => undefined)));
    batch.forEach((file, offset) => {
      const bytes = contents[offset];
      // Unreadable files are reported once, when they are checked.
      if (bytes === undefined || bytes.length > MAX_NOTICE_BYTES) return;
      const uri = URI.file(file).toString();
      if (!cache) {
        index.setNotice(uri, bytes.toString('utf8'));
        return;
      }
      const hash = contentHash(bytes);
      hashes.set(file, hash);
      const scan = cache.scan(file, hash) ?? scanNotice(uri, bytes.toString('utf8'), knowledge);
      cache.keepScan(file, hash, scan);
      index.setScannedNotice(scan);
    });
  }
  return { index, registryProblems, hashes };
}
