import path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { msg } from '../core/types.js';
import type { ResolvedConfig } from './configResolver.js';
import { readWorkspaceText } from './safeRead.js';
import { MAX_REGISTRY_BYTES, registryReadProblem, type RegistryFileProblem } from './vanban.js';

/** An index registry files are read into (the workspace's, or the CLI's index of an archive). */
export interface RegistryFileIndex {
  setRegistryFile(uri: string, text: string): RegistryFileProblem[];
}

/** Registry files to read: the `registry` globs of a configuration, from the folder they are relative to. */
export interface RegistrySource {
  root: string;
  globs: readonly string[];
}

export interface RegistryFileRead {
  file: string;
  /** The text the problems are located in (empty when the file could not be read). */
  text: string;
  problems: RegistryFileProblem[];
}

/**
 * The registry source of a folder (a folder operand of the CLI, a workspace
 * folder of the server): the `registry` globs of the configuration in force
 * there, relative to that configuration's folder, or to the folder itself when
 * there is none (the default glob, every *.vanban.yaml).
 */
export function registrySourceOf(folder: string, resolved: ResolvedConfig): RegistrySource {
  return { root: resolved.file ? path.dirname(resolved.file) : folder, globs: resolved.config.registry };
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Reads the registry files the sources name into the index: each through the
 * safe reader, inside its source's folder, whatever its name. A file that
 * cannot be read or parsed is one located problem; the others are still read.
 * Returns every file read, sorted, with its problems (none for a good file).
 */
export async function indexRegistrySources(index: RegistryFileIndex, sources: readonly RegistrySource[]): Promise<RegistryFileRead[]> {
  const registryFiles = new Map<string, string>();
  for (const source of sources) {
    const found = await glob([...source.globs], { cwd: source.root, absolute: true, followSymbolicLinks: false, ignore: IGNORE });
    for (const file of found) if (!registryFiles.has(path.normalize(file))) registryFiles.set(path.normalize(file), source.root);
  }
  const reads: RegistryFileRead[] = [];
  for (const [file, root] of [...registryFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = await readWorkspaceText(file, { root, maxBytes: MAX_REGISTRY_BYTES });
    if (!read.ok) {
      reads.push({ file, text: '', problems: [registryReadProblem(read.message)] });
      continue;
    }
    let problems: RegistryFileProblem[];
    try {
      problems = index.setRegistryFile(URI.file(file).toString(), read.text);
    } catch (error) {
      // One unreadable registry must not stop the others.
      problems = [{ start: 0, end: 0, message: msg(`Không đọc được tệp danh mục văn bản (${String(error)}).`, `The registry file cannot be read (${String(error)}).`) }];
    }
    reads.push({ file, text: read.text, problems });
  }
  return reads;
}
