import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { Registry } from '../core/registry.js';
import type { Knowledge } from '../knowledge/types.js';
import { indexNotices, insideFolder, isNoticeFile, isRegistryFile, WorkspaceIndex } from './index.js';
import { indexRegistrySources, type RegistrySource } from './registrySources.js';
import { isInside, readWorkspaceText } from './safeRead.js';
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
  /** Registry files found through the configurations' `registry` globs, whatever their names. */
  private registryUris = new Set<string>();
  private sources: RegistrySource[] = [];
  generation = 0;

  constructor(knowledge: Knowledge) {
    this.index = new WorkspaceIndex(knowledge);
  }

  registry(): Registry {
    return this.index.registry();
  }

  /**
   * Indexes the folders (their notices, except open ones) and the registry
   * files the sources name (a registry file no source names any more is
   * dropped); returns every registry file with its problems (to publish).
   */
  async scan(folders: readonly string[], sources: readonly RegistrySource[]): Promise<RegistryFileReport[]> {
    this.folders = await Promise.all(folders.map(realFolder));
    this.sources = [...sources];
    for (const folder of this.folders) await indexNotices(this.index, folder, (uri) => this.open.has(uri));
    return this.readRegistries();
  }

  /** Workspace folders added at run time, with the registry sources of their configurations. */
  async addFolders(folders: readonly string[], sources: readonly RegistrySource[]): Promise<RegistryFileReport[]> {
    const added = await Promise.all(folders.map(realFolder));
    this.folders.push(...added.filter((folder) => !this.folders.includes(folder)));
    this.sources.push(...sources);
    for (const folder of added) await indexNotices(this.index, folder, (uri) => this.open.has(uri));
    return this.readRegistries();
  }

  /** Workspace folders removed: what was indexed from them is dropped (open notices stay). Returns the registry files dropped. */
  async removeFolders(folders: readonly string[]): Promise<string[]> {
    const removed = await Promise.all(folders.map(realFolder));
    this.folders = this.folders.filter((folder) => !removed.includes(folder));
    this.sources = this.sources.filter((source) => !removed.some((folder) => isInside(source.root, folder)));
    const dropped: string[] = [];
    for (const uri of this.index.fileUris()) {
      const file = URI.parse(uri).fsPath;
      if (this.open.has(uri) || !removed.some((folder) => isInside(file, folder))) continue;
      this.index.remove(uri);
      if (this.registryUris.delete(uri)) dropped.push(uri);
    }
    this.generation++;
    return dropped;
  }

  private async readRegistries(): Promise<RegistryFileReport[]> {
    const reads = await indexRegistrySources(this.index, this.sources);
    const found = new Set(reads.map((read) => URI.file(read.file).toString()));
    for (const uri of this.registryUris) if (!found.has(uri)) this.index.remove(uri);
    this.registryUris = found;
    this.generation++;
    return reads.map(({ file, text, problems }) => ({ uri: URI.file(file).toString(), text, problems }));
  }

  /** An open notice's live text; true when the registry changed. */
  documentChanged(uri: string, text: string): boolean {
    if (!isNoticeFile(uri)) return false;
    this.open.add(uri);
    // As on disk, a notice too large is not indexed (the scan would cost too much on every update).
    if (text.length > MAX_NOTICE_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_NOTICE_BYTES) return this.bump(this.index.remove(uri));
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
    if ((!notice && !isRegistryFile(uri) && !this.registryUris.has(uri)) || (notice && this.open.has(uri))) return { changed: false };
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

  /** A notice's text from disk, as the index reads it; undefined outside the workspace, too large or unreadable. */
  readNotice(uri: string): Promise<string | undefined> {
    return this.read(uri, MAX_NOTICE_BYTES);
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
    // The safe reader: a FIFO or a device is refused without being opened for reading, a file growing past the limit is not read whole.
    const read = await readWorkspaceText(path.normalize(file), { maxBytes });
    return read.ok ? read.text : undefined;
  }
}

function realFolder(folder: string): Promise<string> {
  return fs.realpath(folder).catch(() => folder);
}
