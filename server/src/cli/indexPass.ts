import { URI } from 'vscode-uri';
import type { Knowledge } from '../knowledge/types.js';
import { isNoticeFile } from '../workspace/index.js';
import { indexRegistrySources, type RegistryFileRead, type RegistrySource } from '../workspace/registrySources.js';
import { readWorkspaceBytes } from '../workspace/safeRead.js';
import { MAX_NOTICE_BYTES, scanNotice } from '../workspace/scan.js';
import { ArchiveIndex } from './archiveIndex.js';
import type { ResultCache } from './cache.js';

export type { RegistrySource } from '../workspace/registrySources.js';

export interface IndexPassResult {
  index: ArchiveIndex;
  /** Every registry file read, with its problems (none for a good file). */
  registryReports: RegistryFileRead[];
  /** SHA-256 of each notice's bytes as indexed (only when a cache is in use). */
  hashes: Map<string, string>;
}

const BATCH = 64;

/**
 * The one light pass `thongbao check` makes before analysing anything: the
 * registry files the sources name (each through the safe reader, inside its
 * source's folder) and the front matter and citations of every notice
 * checked, so that ref/conflict across files is reported as in the editor.
 * No text is kept; with a cache, unchanged notices are not even scanned again.
 * The caller may pass the index to fill, to start worker threads on it while
 * the pass runs.
 */
export async function indexForCheck(
  files: readonly string[],
  sources: readonly RegistrySource[],
  knowledge: Knowledge,
  cache: ResultCache | undefined,
  index = new ArchiveIndex(knowledge),
): Promise<IndexPassResult> {
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
        index.addNotice(scanNotice(uri, read.bytes.toString('utf8'), knowledge));
        return;
      }
      hashes.set(file, read.fingerprint.hash);
      const scan = cache.scan(file, read.fingerprint.hash) ?? scanNotice(uri, read.bytes.toString('utf8'), knowledge);
      cache.keepScan(file, read.fingerprint.hash, scan);
      index.addNotice(scan);
    });
  }

  const registryReports = await indexRegistrySources(index, sources);
  return { index, registryReports, hashes };
}
