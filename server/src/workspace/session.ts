import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { Registry } from '../core/registry.js';
import type { Knowledge } from '../knowledge/types.js';
import { indexFolder, insideFolder, isNoticeFile, isRegistryFile, WorkspaceIndex } from './index.js';
import { MAX_NOTICE_BYTES } from './scan.js';
import { MAX_REGISTRY_BYTES, type RegistryFileProblem } from './vanban.js';

export interface RegistryFileReport {
  uri: string;
  text: string;
  problems: RegistryFileProblem[];
}

/**
 * The workspace index as the language server keeps it: built from the
 * folders on start, updated on file events, the live text of open notices
 * overriding the disk. `generation` changes whenever the merged registry
 * does, so cached analyses know they are stale.
 */
export class WorkspaceSession {
  readonly index: WorkspaceIndex;
  private folders: string[] = [];
  private readonly open = new Set<string>();
  generation = 0;

  constructor(knowledge: Knowledge) {
    this.index = new WorkspaceIndex(knowledge);
  }

  registry(): Registry {
    return this.index.registry();
  }

  /** Indexes the folders; returns every registry file with its problems (to publish). */
  async scan(folders: readonly string[]): Promise<RegistryFileReport[]> {
    this.folders = await Promise.all(folders.map((folder) => fs.realpath(folder).catch(() => folder)));
    const reports: RegistryFileReport[] = [];
    for (const folder of this.folders) {
      const { registryProblems } = await indexFolder(this.index, folder);
      for (const [uri, { text, problems }] of registryProblems) reports.push({ uri, text, problems });
    }
    this.generation++;
    return reports;
  }

  /** An open notice's live text; true when the registry changed. */
  documentChanged(uri: string, text: string): boolean {
    if (!isNoticeFile(uri)) return false;
    this.open.add(uri);
    return this.bump(this.index.setNotice(uri, text));
  }

  /** A notice closed: the disk version counts again. */
  async documentClosed(uri: string): Promise<boolean> {
    this.open.delete(uri);
    if (!isNoticeFile(uri)) return false;
    return (await this.fileChanged(uri, false)).changed;
  }

  /** A watched file was created, changed or deleted. Registry files come back with their problems. */
  async fileChanged(uri: string, deleted: boolean): Promise<{ changed: boolean; registryFile?: RegistryFileReport }> {
    const notice = isNoticeFile(uri);
    if ((!notice && !isRegistryFile(uri)) || (notice && this.open.has(uri))) return { changed: false };
    const text = deleted ? undefined : await this.read(uri, notice ? MAX_NOTICE_BYTES : MAX_REGISTRY_BYTES * 2);
    if (text === undefined) return { changed: this.bump(this.index.remove(uri)), ...(notice ? {} : { registryFile: { uri, text: '', problems: [] } }) };
    if (notice) return { changed: this.bump(this.index.setNotice(uri, text)) };
    const problems = this.index.setRegistryFile(uri, text);
    this.bump(true);
    return { changed: true, registryFile: { uri, text, problems } };
  }

  private bump(changed: boolean): boolean {
    if (changed) this.generation++;
    return changed;
  }

  /** The file's text, when it lies inside a workspace folder (links resolved) and is not too large. */
  private async read(uri: string, maxBytes: number): Promise<string | undefined> {
    let file: string;
    try {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined;
      file = parsed.fsPath;
    } catch {
      return undefined;
    }
    const inside = await Promise.all(this.folders.map((folder) => insideFolder(file, folder)));
    if (!inside.some(Boolean)) return undefined;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > maxBytes) return undefined;
      return await fs.readFile(path.normalize(file), 'utf8');
    } catch {
      return undefined;
    }
  }
}
