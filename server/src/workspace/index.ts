import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { registryFromEntries, type Registry, type RegistryEntry } from '../core/registry.js';
import type { Knowledge } from '../knowledge/types.js';
import { scanNotice, MAX_NOTICE_BYTES, type IndexedCitation, type IndexedNotice } from './scan.js';
import { parseRegistryFile, REGISTRY_FILE_SUFFIX, type RegistryFileProblem } from './vanban.js';
import { indexRegistrySources } from './registrySources.js';
import { shippedEntries } from './shippedRegistry.js';
import { isInside, readWorkspaceText } from './safeRead.js';

export const NOTICE_SUFFIX = '.tb.md';

/**
 * The workspace index (dialect §5): the shipped registry, the workspace
 * registry files and every notice (front matter and citations, from a fast
 * scan), merged in that order, later overriding earlier. Updated file by
 * file; the merged registry is rebuilt lazily after a change.
 */
export class WorkspaceIndex {
  private readonly notices = new Map<string, IndexedNotice>();
  private readonly registryFiles = new Map<string, RegistryEntry[]>();
  private merged: Registry | undefined;

  constructor(private readonly knowledge: Knowledge, private readonly shipped: readonly RegistryEntry[] = shippedEntries()) {}

  /** Indexes a notice's text; true when what other files see of it changed. */
  setNotice(uri: string, text: string): boolean {
    const scanned = scanNotice(uri, text, this.knowledge);
    const changed = this.notices.get(uri)?.signature !== scanned.signature;
    this.notices.set(uri, scanned);
    if (changed) this.merged = undefined;
    return changed;
  }

  /** Indexes a *.vanban.yaml file; returns its problems, located in that file. */
  setRegistryFile(uri: string, text: string): RegistryFileProblem[] {
    const { entries, problems } = parseRegistryFile(uri, text, this.knowledge);
    this.registryFiles.set(uri, entries);
    this.merged = undefined;
    return problems;
  }

  /** Every notice and registry file indexed. */
  fileUris(): string[] {
    return [...this.notices.keys(), ...this.registryFiles.keys()];
  }

  /** Forgets a file (deleted, or outside the workspace now); true when it was indexed. */
  remove(uri: string): boolean {
    const removed = this.notices.delete(uri) || this.registryFiles.delete(uri);
    if (removed) this.merged = undefined;
    return removed;
  }

  has(uri: string): boolean {
    return this.notices.has(uri) || this.registryFiles.has(uri);
  }

  /** Every indexed notice, numbered or draft (for workspace-wide views such as the task list). */
  noticeUris(): string[] {
    return [...this.notices.keys()];
  }

  /** What the scan found in a notice (front matter entry and citations). */
  scanOf(uri: string): IndexedNotice | undefined {
    return this.notices.get(uri);
  }

  get noticeCount(): number {
    return this.notices.size;
  }

  /** Every citation of a document (canonical key) in the indexed notices. */
  citationsOf(symbol: string): IndexedCitation[] {
    return this.registry().citationsElsewhere(symbol) as IndexedCitation[];
  }

  registry(): Registry {
    if (this.merged) return this.merged;
    const { entries, citations } = this.snapshot();
    this.merged = registryFromEntries(entries, citations);
    return this.merged;
  }

  /** What the merged registry is built from. */
  private snapshot(): { entries: RegistryEntry[]; citations: IndexedCitation[] } {
    const entries: RegistryEntry[] = [...this.shipped];
    for (const uri of [...this.registryFiles.keys()].sort()) entries.push(...this.registryFiles.get(uri)!);
    const citations: IndexedCitation[] = [];
    for (const uri of [...this.notices.keys()].sort()) {
      const notice = this.notices.get(uri)!;
      if (notice.entry) entries.push(notice.entry);
      citations.push(...notice.citations);
    }
    return { entries, citations };
  }
}

export function isNoticeFile(file: string): boolean {
  return file.endsWith(NOTICE_SUFFIX);
}

export function isRegistryFile(file: string): boolean {
  return file.endsWith(REGISTRY_FILE_SUFFIX);
}

export interface FolderIndexResult {
  /** Problems of each registry file, by URI. */
  registryProblems: Map<string, { text: string; problems: RegistryFileProblem[] }>;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Indexes every notice under a folder, except those `skip` names (open in the
 * editor: their live text counts). Symbolic links are not followed, and a file
 * whose real path leaves the folder is skipped, so the index never reads
 * outside the workspace.
 */
export async function indexNotices(index: WorkspaceIndex, folder: string, skip: (uri: string) => boolean = () => false): Promise<void> {
  const root = await fs.realpath(folder);
  const notices = await glob(`**/*${NOTICE_SUFFIX}`, { cwd: root, absolute: true, followSymbolicLinks: false, ignore: IGNORE });
  await forEachFile(notices, root, MAX_NOTICE_BYTES, (file, text) => {
    const uri = URI.file(file).toString();
    if (!skip(uri)) index.setNotice(uri, text);
  });
}

/** Indexes every notice under a folder and the registry files its globs name there, whatever their names. */
export async function indexFolder(index: WorkspaceIndex, folder: string, registryGlobs: readonly string[] = [`**/*${REGISTRY_FILE_SUFFIX}`]): Promise<FolderIndexResult> {
  await indexNotices(index, folder);
  const registryProblems: FolderIndexResult['registryProblems'] = new Map();
  for (const { file, text, problems } of await indexRegistrySources(index, [{ root: await fs.realpath(folder), globs: registryGlobs }])) registryProblems.set(URI.file(file).toString(), { text, problems });
  return { registryProblems };
}

/** Indexes the given folders into a fresh index (the benchmark's and the tests' entry point). */
export async function indexWorkspace(folders: readonly string[], knowledge: Knowledge, registryGlobs?: readonly string[]): Promise<{ index: WorkspaceIndex } & FolderIndexResult> {
  const index = new WorkspaceIndex(knowledge);
  const registryProblems: FolderIndexResult['registryProblems'] = new Map();
  for (const folder of folders) {
    const result = await indexFolder(index, folder, registryGlobs);
    for (const [uri, problems] of result.registryProblems) registryProblems.set(uri, problems);
  }
  return { index, registryProblems };
}

/** True when a path lies inside the folder (after resolving links). */
export async function insideFolder(file: string, root: string): Promise<boolean> {
  try {
    return isInside(await fs.realpath(file), root);
  } catch {
    return false;
  }
}

/** Reads files through the safe reader (inside `root`, regular, size checked first), a batch at a time; refused files are skipped. */
async function forEachFile(files: string[], root: string, maxBytes: number, use: (file: string, text: string) => void): Promise<void> {
  const batch = 64;
  for (let i = 0; i < files.length; i += batch) {
    const reads = await Promise.all(files.slice(i, i + batch).map((file) => readWorkspaceText(file, { root, maxBytes })));
    reads.forEach((read, offset) => {
      const file = path.normalize(files[i + offset]!);
      if (read.ok) use(file, read.text);
    });
  }
}
