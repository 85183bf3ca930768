import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import abbreviations from '../knowledge/data/abbreviations.json';
import agencies from '../knowledge/data/agencies.json';
import docTypes from '../knowledge/data/doc-types.json';
import provinces from '../knowledge/data/provinces.json';
import registry from '../knowledge/data/registry.json';
import terms from '../knowledge/data/terms.json';
import type { Registry } from '../core/registry.js';
import type { IndexedNotice } from '../workspace/scan.js';
import type { CheckedDiagnostic, CheckResult } from './checkFile.js';
import { RegistryDigests, type RegistryReads } from './registryReads.js';

export const DEFAULT_CACHE_FILE = '.thongbaocache';
const CACHE_FORMAT = 2;

/** What the cache keeps of one file, valid while its content, configuration and registry reads give the same answers. */
interface CacheEntry {
  hash: string;
  config: string;
  reads: RegistryReads;
  readsDigest: string;
  today?: string;
  diagnostics: CheckedDiagnostic[];
}

interface CacheFile {
  format: number;
  tool: string;
  /** The index scan of each file by content hash: the light pass need not rescan unchanged files. */
  scans: Record<string, { hash: string; scan: IndexedNotice }>;
  results: Record<string, CacheEntry>;
}

// The shape is checked only as far as reading it needs: a damaged file must not crash the run.
const cacheFileSchema = z.object({
  format: z.number(),
  tool: z.string(),
  scans: z.record(z.string(), z.object({ hash: z.string(), scan: z.object({ uri: z.string(), signature: z.string(), citations: z.array(z.unknown()) }).loose() })),
  results: z.record(
    z.string(),
    z.object({
      hash: z.string(),
      config: z.string(),
      reads: z.object({ lookups: z.array(z.string()), numbers: z.array(z.string()), elsewhere: z.array(z.string()), allEntries: z.boolean() }),
      readsDigest: z.string(),
      today: z.string().optional(),
      diagnostics: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), fingerprint: z.string() }).loose()),
    }),
  ),
});

/**
 * What a cached result depends on besides the file and its configuration:
 * the tool (version, and the bundle's own bytes when it runs bundled, which
 * hold the rules, the knowledge and the shipped registry) and the knowledge
 * data files.
 */
export function toolDigest(version: string): string {
  const hash = createHash('sha1').update(`thongbao ${version}\n`);
  for (const data of [abbreviations, agencies, docTypes, provinces, registry, terms]) hash.update(JSON.stringify(data));
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) hash.update(readFileSync(here));
  return hash.digest('hex');
}

/** A digest of the effective configuration and output language of a file. */
export function configDigest(config: unknown, locale: string): string {
  return createHash('sha1').update(`${locale}\n${stableJson(config)}`).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where the cache lives: --cache-location as a file, or a folder (existing, or written with a trailing slash) holding `.thongbaocache`. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  const isFolder = /[\\/]$/u.test(location) || (existsSync(absolute) && statSync(absolute).isDirectory());
  return isFolder ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

/** The results of earlier runs, like ESLint's and markdownlint-cli2's --cache. */
export class ResultCache {
  private readonly previous: CacheFile;
  private readonly next: CacheFile;
  private digests: { registry: Registry; digests: RegistryDigests } | undefined;

  private constructor(readonly file: string, tool: string, previous: CacheFile | undefined) {
    this.previous = previous && previous.tool === tool && previous.format === CACHE_FORMAT ? previous : { format: CACHE_FORMAT, tool, scans: {}, results: {} };
    this.next = { format: CACHE_FORMAT, tool, scans: {}, results: {} };
  }

  /** Opens the cache; a missing file is an empty cache, an unreadable one is reported by `warn` and ignored. */
  static async open(file: string, tool: string, warn: (message: string) => void): Promise<ResultCache> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); checking every file`);
      return new ResultCache(file, tool, undefined);
    }
    try {
      const json = JSON.parse(text) as { format?: unknown };
      // A cache of another format (an older version) is started afresh without a word, as a cache of another tool is.
      if (json?.format !== CACHE_FORMAT) return new ResultCache(file, tool, undefined);
      const parsed = cacheFileSchema.safeParse(json);
      if (!parsed.success) throw new Error('not a thongbao cache');
      return new ResultCache(file, tool, parsed.data as unknown as CacheFile);
    } catch (error) {
      warn(`the cache ${file} is damaged (${error instanceof Error ? error.message : String(error)}); it is ignored and rewritten`);
      return new ResultCache(file, tool, undefined);
    }
  }

  /** The scan of a file kept from the last run, when its content is the same. */
  scan(file: string, hash: string): IndexedNotice | undefined {
    const kept = this.previous.scans[file];
    return kept?.hash === hash ? kept.scan : undefined;
  }

  keepScan(file: string, hash: string, scan: IndexedNotice): void {
    this.next.scans[file] = { hash, scan };
  }

  /**
   * The diagnostics of an earlier run, when the content, the configuration
   * and every answer the registry gave then are the same.
   */
  lookup(file: string, hash: string, config: string, registry: Registry): CheckedDiagnostic[] | undefined {
    const entry = this.previous.results[file];
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined;
    if (entry.today !== undefined && entry.today !== new Date().toISOString().slice(0, 10)) return undefined;
    if (this.digestsOf(registry).of(entry.reads) !== entry.readsDigest) return undefined;
    this.next.results[file] = entry;
    return entry.diagnostics;
  }

  store(result: CheckResult, config: string, registry: Registry): void {
    if (result.readError !== undefined || result.writeError !== undefined || result.imported !== undefined) return;
    const entry: CacheEntry = {
      hash: result.contentHash,
      config,
      reads: result.reads,
      readsDigest: this.digestsOf(registry).of(result.reads),
      diagnostics: result.diagnostics,
    };
    if (result.today !== undefined) entry.today = result.today;
    this.next.results[result.file] = entry;
  }

  private digestsOf(registry: Registry): RegistryDigests {
    if (this.digests?.registry !== registry) this.digests = { registry, digests: new RegistryDigests(registry) };
    return this.digests.digests;
  }

  /** Writes the cache through a temporary file renamed over it, so a crash never leaves half a cache. */
  async save(): Promise<void> {
    const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    try {
      await fs.writeFile(temporary, JSON.stringify(this.next));
      await fs.rename(temporary, this.file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }
}
