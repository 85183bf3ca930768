import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
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
import { RegistryDigests } from './registryReads.js';

export const DEFAULT_CACHE_FILE = '.thongbaocache';
const CACHE_FORMAT = 3;

const readsSchema = z.object({ lookups: z.array(z.string()), numbers: z.array(z.string()), elsewhere: z.array(z.string()), allEntries: z.boolean() });
// Each part is checked only as far as reading it needs: a damaged entry must not crash the run.
const headerSchema = z.object({ format: z.literal(CACHE_FORMAT), tool: z.string() });
/** What a cached result was computed from: valid while the content, configuration and registry reads give the same answers. */
const resultKeySchema = z.object({ hash: z.string(), config: z.string(), reads: readsSchema, readsDigest: z.string(), today: z.string().optional() });
/** The part of a file's entry read when the cache opens: what says whether the rest is still valid. */
const metaSchema = z.object({
  file: z.string(),
  /** Content hash the kept index scan was made from. */
  scanHash: z.string().optional(),
  result: resultKeySchema.optional(),
});
const scanSchema = z.object({ uri: z.string(), signature: z.string(), citations: z.array(z.unknown()) }).loose();
const diagnosticsSchema = z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), fingerprint: z.string() }).loose());

type ResultKey = z.infer<typeof resultKeySchema>;
type EntryMeta = z.infer<typeof metaSchema>;

/** Where an entry's line lies in the previous cache file, and where its scan and diagnostics start in it: read only when used. */
interface EntryLocation {
  meta: EntryMeta;
  offset: number;
  length: number;
  scanStart: number;
  diagnosticsStart: number;
}

/** A first line longer than this is not a header: a cache of an older format (one JSON text) or not a cache. */
const MAX_HEADER_BYTES = 4096;
const READ_CHUNK = 1 << 20;
const TAB = 0x09;
const NEWLINE = 0x0a;

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

/**
 * The results of earlier runs, like ESLint's and markdownlint-cli2's --cache.
 *
 * The file is JSON lines: a header, then one line per file with three JSON
 * values separated by tabs (JSON never holds a raw tab): what the entry is
 * valid for, the index scan, the diagnostics. Opening reads only the first
 * value of each line and where the others lie; a scan or diagnostics are read
 * from the file when used, and each file's new line is written as soon as its
 * result is known, so memory does not grow with the archive.
 */
export class ResultCache {
  private readonly entries = new Map<string, EntryLocation>();
  private readonly scans = new Map<string, { hash: string; scan: IndexedNotice }>();
  private readonly written = new Set<string>();
  private previousFd: number | undefined;
  private next: { fd: number; path: string } | undefined;
  private damaged = false;
  private digests: { registry: Registry; digests: RegistryDigests } | undefined;

  private constructor(
    readonly file: string,
    private readonly tool: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Opens the cache; a missing file is an empty cache, an unreadable one is reported by `warn` and ignored. */
  static async open(file: string, tool: string, warn: (message: string) => void): Promise<ResultCache> {
    const cache = new ResultCache(file, tool, warn);
    try {
      cache.previousFd = openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); checking every file`);
      return cache;
    }
    try {
      cache.readIndex(cache.previousFd);
    } catch (error) {
      cache.forgetPrevious();
      warn(`the cache ${file} is damaged (${error instanceof Error ? error.message : String(error)}); it is ignored and rewritten`);
    }
    return cache;
  }

  /** Reads the header and each line's first value, chunk by chunk. */
  private readIndex(fd: number): void {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    // The start of a line not ended yet, and where in the file it starts.
    let pending = Buffer.alloc(0);
    let pendingOffset = 0;
    let header = true;
    for (let position = 0; ; ) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      const data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let from = 0;
      for (let newline = data.indexOf(NEWLINE); newline >= 0; newline = data.indexOf(NEWLINE, from)) {
        const line = data.subarray(from, newline);
        if (header) {
          if (!this.acceptHeader(line)) return this.forgetPrevious();
          header = false;
        } else this.indexLine(line, pendingOffset + from);
        from = newline + 1;
      }
      // A copy: the chunk is read into again.
      pending = Buffer.from(data.subarray(from));
      pendingOffset += from;
      if (header && pending.length > MAX_HEADER_BYTES) {
        if (!this.acceptHeader(pending)) return this.forgetPrevious();
      }
    }
    if (header) {
      if (!this.acceptHeader(pending)) return this.forgetPrevious();
      throw new Error('no entries');
    }
    // Every line the cache writes ends with a newline: a last line without one was cut short.
    if (pending.length > 0) this.damaged = true;
  }

  /**
   * True for this tool's header; false (start afresh, silently) for another
   * tool's, or for another format's (an older cache is one JSON text: only its
   * start is read); throws on anything else.
   */
  private acceptHeader(line: Buffer): boolean {
    if (line.length > MAX_HEADER_BYTES) {
      const format = /^\{\s*"format"\s*:\s*(\d+)/u.exec(line.subarray(0, 64).toString('utf8'))?.[1];
      if (format !== undefined && Number(format) !== CACHE_FORMAT) return false;
      throw new Error('not a thongbao cache');
    }
    const json = parseJson(line) as { format?: unknown } | undefined;
    if (json?.format !== undefined && json.format !== CACHE_FORMAT) return false;
    const header = headerSchema.safeParse(json);
    if (!header.success) throw new Error('not a thongbao cache');
    return header.data.tool === this.tool;
  }

  private indexLine(line: Buffer, offset: number): void {
    const firstTab = line.indexOf(TAB);
    const secondTab = firstTab < 0 ? -1 : line.indexOf(TAB, firstTab + 1);
    const meta = secondTab < 0 ? undefined : metaSchema.safeParse(parseJson(line.subarray(0, firstTab)));
    if (!meta?.success) {
      this.damaged = true;
      return;
    }
    this.entries.set(meta.data.file, { meta: meta.data, offset, length: line.length, scanStart: firstTab + 1, diagnosticsStart: secondTab + 1 });
  }

  private forgetPrevious(): void {
    this.entries.clear();
    this.closePrevious();
  }

  private closePrevious(): void {
    if (this.previousFd !== undefined) closeSync(this.previousFd);
    this.previousFd = undefined;
  }

  /** The bytes of an entry's line in the previous file, up to `end` (relative to the line). */
  private lineOf(entry: EntryLocation, end = entry.length): Buffer {
    const bytes = Buffer.allocUnsafe(end);
    readSync(this.previousFd!, bytes, 0, end, entry.offset);
    return bytes;
  }

  /** A part of an entry, or undefined (and the cache noted damaged) when it does not read as it should. */
  private partOf<T>(bytes: Buffer, schema: z.ZodType<T>): T | undefined {
    if (bytes.length === 0) return undefined;
    const parsed = schema.safeParse(parseJson(bytes));
    if (parsed.success) return parsed.data;
    this.damaged = true;
    return undefined;
  }

  /** The scan of a file kept from the last run, when its content is the same. */
  scan(file: string, hash: string): IndexedNotice | undefined {
    const entry = this.entries.get(file);
    if (entry?.meta.scanHash !== hash) return undefined;
    const upToDiagnostics = this.lineOf(entry, entry.diagnosticsStart - 1);
    return this.partOf(upToDiagnostics.subarray(entry.scanStart), scanSchema) as IndexedNotice | undefined;
  }

  /** The scan the index holds for a file, written with its result. */
  keepScan(file: string, hash: string, scan: IndexedNotice): void {
    this.scans.set(file, { hash, scan });
  }

  /** Whether the last run's diagnostics of a file still hold: the same content, configuration and every answer the registry gave then. */
  fresh(file: string, hash: string, config: string, registry: Registry): boolean {
    const key = this.entries.get(file)?.meta.result;
    if (!key || key.hash !== hash || key.config !== config) return false;
    if (key.today !== undefined && key.today !== new Date().toISOString().slice(0, 10)) return false;
    return this.digestsOf(registry).of(key.reads) === key.readsDigest;
  }

  /** The diagnostics of a file found `fresh`, carried over to the new cache as they were; undefined when they cannot be read back. */
  reuse(file: string): CheckedDiagnostic[] | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    const line = this.lineOf(entry);
    const diagnostics = this.partOf(line.subarray(entry.diagnosticsStart), diagnosticsSchema) as CheckedDiagnostic[] | undefined;
    if (!diagnostics) return undefined;
    this.writeLine(file, line);
    return diagnostics;
  }

  store(result: CheckResult, config: string, registry: Registry): void {
    if (result.readError !== undefined || result.writeError !== undefined || result.imported !== undefined) return;
    const key: ResultKey = { hash: result.contentHash, config, reads: result.reads, readsDigest: this.digestsOf(registry).of(result.reads) };
    if (result.today !== undefined) key.today = result.today;
    const kept = this.scans.get(result.file);
    // With --fix the analysed content is the fixed one: the scan of the text before is not kept for it.
    const scan = kept?.hash === result.contentHash ? kept : undefined;
    this.writeEntry({ file: result.file, ...(scan ? { scanHash: scan.hash } : {}), result: key }, scan?.scan, result.diagnostics);
  }

  private writeEntry(meta: EntryMeta, scan: IndexedNotice | undefined, diagnostics: CheckedDiagnostic[] | undefined): void {
    this.writeLine(meta.file, Buffer.from(`${JSON.stringify(meta)}\t${scan ? JSON.stringify(scan) : ''}\t${diagnostics ? JSON.stringify(diagnostics) : ''}`));
  }

  private writeLine(file: string, line: Buffer): void {
    if (this.written.has(file)) return;
    const next = this.openNext();
    writeSync(next.fd, line);
    writeSync(next.fd, '\n');
    this.written.add(file);
    this.scans.delete(file);
  }

  /** The new cache is written beside the old one under a temporary name, renamed over it by `save`. */
  private openNext(): { fd: number; path: string } {
    if (!this.next) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
      this.next = { fd: openSync(temporary, 'w'), path: temporary };
      writeSync(this.next.fd, `${JSON.stringify({ format: CACHE_FORMAT, tool: this.tool })}\n`);
    }
    return this.next;
  }

  private digestsOf(registry: Registry): RegistryDigests {
    if (this.digests?.registry !== registry) this.digests = { registry, digests: new RegistryDigests(registry) };
    return this.digests.digests;
  }

  /** Completes the new cache (the scans of files with no result) and renames it over the old one, so a crash never leaves half a cache. */
  async save(): Promise<void> {
    try {
      for (const [file, kept] of this.scans) this.writeEntry({ file, scanHash: kept.hash }, kept.scan, undefined);
      const next = this.openNext();
      closeSync(next.fd);
      this.closePrevious();
      await fs.rename(next.path, this.file);
      this.next = undefined;
    } catch (error) {
      await this.discard();
      throw error;
    } finally {
      if (this.damaged) this.warn(`the cache ${this.file} had damaged entries; their files were checked again and the cache rewritten`);
    }
  }

  /** Leaves the old cache as it was (a run that did not finish). */
  async discard(): Promise<void> {
    this.closePrevious();
    if (!this.next) return;
    const { fd, path: temporary } = this.next;
    this.next = undefined;
    try {
      closeSync(fd);
    } catch {
      // Closed already by a save that failed after it.
    }
    await fs.rm(temporary, { force: true });
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
