/**
 * The benchmark: parse floor, full analysis and markdownlint on the same
 * texts, the language server's diagnostics latency over stdio, workspace
 * indexing and the server's memory. Run with `npm run bench`; `--write`
 * records the run in docs/performance.md, `--quick` runs tiny inputs (tests).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { cpus, totalmem, loadavg, availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyzeNotice } from '../server/src/core/analyze.js';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { createShippedRegistry } from '../server/src/workspace/shippedRegistry.js';
import { startServer, type ServerHandle } from '../test/lsp/harness.js';
import { generateNotice, loadSeeds, repeatedBodyNotice, writeWorkspace, type Seed } from './generate.js';
import { measureExport } from './export.js';
import { measureImport } from './import.js';
import { bundledCliCommand, cliEnvironment, cliEnvironmentSettings, cliNodeOptions } from './cliProcess.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const write = args.has('--write');
const root = path.resolve(import.meta.dirname, '..');
const reportFile = path.join(root, 'docs', 'performance.md');

interface Stats {
  median: number;
  p95: number;
  samples: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sizeOf = (text: string) => {
  const bytes = Buffer.byteLength(text);
  return bytes >= 1024 * 1024 ? mb(bytes) : `${(bytes / 1024).toFixed(1)} KB`;
};

// ---------------------------------------------------------------- inputs

const seeds = loadSeeds();
const inputs: { name: string; text: string; typical: boolean; rounds: number; warmup: number }[] = quick
  ? [
      { name: seeds[0]!.name, text: seeds[0]!.text, typical: true, rounds: 3, warmup: 1 },
      { name: 'generated 5 KB', text: generateNotice(seeds, 5_000), typical: false, rounds: 3, warmup: 1 },
      { name: 'repeated body 20 KB', text: repeatedBodyNotice(seeds, 20_000), typical: false, rounds: 3, warmup: 1 },
    ]
  : [
      ...seeds.map((seed: Seed) => ({ name: seed.name, text: seed.text, typical: true, rounds: 100, warmup: 20 })),
      { name: 'generated 100 KB', text: generateNotice(seeds, 100 * 1024), typical: false, rounds: 30, warmup: 5 },
      { name: 'generated 1 MB', text: generateNotice(seeds, 1024 * 1024), typical: false, rounds: 10, warmup: 2 },
      { name: 'repeated body 1 MB', text: repeatedBodyNotice(seeds, 1024 * 1024), typical: false, rounds: 10, warmup: 2 },
    ];
const lspInputs = quick
  ? [{ name: 'generated 5 KB', text: generateNotice(seeds, 5_000), edits: 5, budget: 30 }]
  : [
      { name: 'generated 20 KB', text: generateNotice(seeds, 20 * 1024), edits: 200, budget: 30 },
      { name: 'generated 100 KB', text: generateNotice(seeds, 100 * 1024), edits: 200, budget: 150 },
    ];
const memoryEdits = quick ? { total: 20, every: 10 } : { total: 10_000, every: 1_000 };
const workspaceSize = quick ? 10 : 1_000;
const archiveSizes = quick ? [4, 8] : [1_000, 10_000];
const onlyArchive = args.has('--archive');
const onlyCore = args.has('--core');

// ---------------------------------------------------------------- (a) (b) (c)

const parseProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const knowledge = loadKnowledge();
const registry = createShippedRegistry();
const today = { year: 2024, month: 11, day: 22 };

const contenders = {
  parse: (text: string) => void parseProcessor.parse(text),
  analysis: (text: string) => void analyzeNotice(text, { knowledge, registry, today }),
  markdownlint: (text: string) => void markdownlint({ strings: { notice: text } }),
};
type Contender = keyof typeof contenders;
const order: Contender[] = ['parse', 'analysis', 'markdownlint'];

interface CoreRow {
  name: string;
  size: string;
  typical: boolean;
  results: Record<Contender, Stats>;
}

function measureCore(): CoreRow[] {
  const rows: CoreRow[] = [];
  for (const input of inputs) {
    for (let i = 0; i < input.warmup; i++) for (const name of order) contenders[name](input.text);
    const samples: Record<Contender, number[]> = { parse: [], analysis: [], markdownlint: [] };
    for (let round = 0; round < input.rounds; round++) {
      // Rotate the order so that a noisy neighbour or a GC pause falls on every contender alike.
      for (let k = 0; k < order.length; k++) {
        const name = order[(round + k) % order.length]!;
        const started = performance.now();
        contenders[name](input.text);
        samples[name].push(performance.now() - started);
      }
    }
    rows.push({
      name: input.name,
      size: sizeOf(input.text),
      typical: input.typical,
      results: { parse: stats(samples.parse), analysis: stats(samples.analysis), markdownlint: stats(samples.markdownlint) },
    });
    const row = rows.at(-1)!.results;
    process.stderr.write(`  ${input.name}: parse ${ms(row.parse.median)}, analysis ${ms(row.analysis.median)}, markdownlint ${ms(row.markdownlint.median)} ms\n`);
  }
  return rows;
}

// ---------------------------------------------------------------- (d) LSP latency and memory

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/mu.exec(status)?.[1] ?? 0);
  return kilobytes * 1024;
}

/** An LSP position just after the last character of a body paragraph near the middle of the text. */
function typingPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const content = lines[line]!;
    if (content.length > 40 && !content.startsWith('#') && !content.startsWith('-')) return { line, character: content.length };
  }
  throw new Error('no paragraph to type into');
}

const TYPED = ' và các bộ, ngành, địa phương khẩn trương triển khai thực hiện';

class EditSession {
  private version = 1;
  private typed = 0;
  constructor(
    private readonly server: ServerHandle,
    private readonly uri: string,
    private readonly at: { line: number; character: number },
  ) {}

  /** Sends one single-character change and waits for the diagnostics of that version; returns the elapsed ms. */
  async edit(change: 'type' | 'toggle'): Promise<number> {
    this.version++;
    let range;
    let text: string;
    if (change === 'type' || this.version % 2 === 0) {
      const character = this.at.character + this.typed;
      range = { start: { line: this.at.line, character }, end: { line: this.at.line, character } };
      text = change === 'type' ? TYPED[this.typed % TYPED.length]! : 'x';
      if (change === 'type') this.typed++;
    } else {
      // Toggling deletes the character typed just before, so the text stays the same size.
      range = { start: { line: this.at.line, character: this.at.character }, end: { line: this.at.line, character: this.at.character + 1 } };
      text = '';
    }
    const published = this.server.nextDiagnostics(this.uri, this.version);
    const started = performance.now();
    this.server.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range, text }] });
    await published;
    return performance.now() - started;
  }
}

interface LspRow {
  name: string;
  size: string;
  edits: number;
  budget: number;
  latency: Stats;
}

interface MemoryResult {
  edits: number;
  samples: { edits: number; rss: number }[];
  growth: number;
}

async function measureLsp(): Promise<{ rows: LspRow[]; memory: MemoryResult }> {
  const rows: LspRow[] = [];
  const server = await startServer({ settings: { debounce: 0 }, timeoutMs: 60_000 });
  try {
    let documentNumber = 0;
    for (const input of lspInputs) {
      const uri = pathToFileURL(path.join(tmpdir(), `bench-${++documentNumber}.tb.md`)).href;
      await server.open(uri, input.text);
      const session = new EditSession(server, uri, typingPosition(input.text));
      // Warm-up edits let the server's JIT settle before the measured ones.
      for (let i = 0; i < Math.min(20, input.edits); i++) await session.edit('type');
      const latencies: number[] = [];
      for (let i = 0; i < input.edits; i++) latencies.push(await session.edit('type'));
      server.notify('textDocument/didClose', { textDocument: { uri } });
      rows.push({ name: input.name, size: sizeOf(input.text), edits: input.edits, budget: input.budget, latency: stats(latencies) });
      process.stderr.write(`  lsp ${input.name}: median ${ms(rows.at(-1)!.latency.median)}, p95 ${ms(rows.at(-1)!.latency.p95)} ms\n`);
    }

    const memoryInput = lspInputs[0]!;
    const uri = pathToFileURL(path.join(tmpdir(), 'bench-memory.tb.md')).href;
    await server.open(uri, memoryInput.text);
    const session = new EditSession(server, uri, typingPosition(memoryInput.text));
    const samples: { edits: number; rss: number }[] = [];
    for (let i = 1; i <= memoryEdits.total; i++) {
      await session.edit('toggle');
      if (i % memoryEdits.every === 0) {
        samples.push({ edits: i, rss: rssOf(server.process.pid!) });
        process.stderr.write(`  memory after ${i} edits: ${mb(samples.at(-1)!.rss)}\n`);
      }
    }
    server.notify('textDocument/didClose', { textDocument: { uri } });
    // Growth after the first sample: the first thousand edits include the JIT and the heap's own warm-up.
    const growth = samples.length > 1 ? samples.at(-1)!.rss - samples[0]!.rss : 0;
    return { rows, memory: { edits: memoryEdits.total, samples, growth } };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------- (e) workspace indexing

interface WorkspaceResult {
  notices: number;
  /** indexWorkspace in a fresh process: read, scan and merge every notice. */
  coldMs: number;
  /** The server started on the folder: from `initialized` until an open notice is revalidated against the full index. */
  serverMs: number;
  serverRss: number;
}

async function measureWorkspace(): Promise<WorkspaceResult> {
  const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-bench-'));
  try {
    writeWorkspace(seeds, folder, workspaceSize);
    const cold = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'indexCold.ts'), folder], { cwd: root, encoding: 'utf8' })) as { ms: number; notices: number };
    const server = await startServer({ workspaceFolder: folder, settings: { debounce: 0 }, timeoutMs: 60_000 });
    try {
      const started = performance.now();
      const uri = pathToFileURL(path.join(tmpdir(), 'bench-workspace.tb.md')).href;
      // The open notice is published once on opening, and once more when the scan is done and everything is revalidated.
      await server.open(uri, seeds[0]!.text);
      await Promise.race([server.nextDiagnostics(uri, 1), new Promise((resolve) => setTimeout(resolve, quick ? 1_000 : 30_000))]);
      const serverMs = performance.now() - started;
      const result = { notices: cold.notices, coldMs: cold.ms, serverMs, serverRss: rssOf(server.process.pid!) };
      // Let the server's own requests of the start (watcher registration) settle before shutting it down.
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.stderr.write(`  workspace of ${result.notices}: cold index ${ms(result.coldMs)} ms, server ${ms(serverMs)} ms, server RSS ${mb(result.serverRss)}\n`);
      return result;
    } finally {
      await server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- (f) archive: thongbao check on many files

interface CheckRun {
  ms: number;
  cpuMs: number;
  maxRss: number;
  load: number;
}

/** One thread on each core at once, then one run on every core, back to back. */
interface ArchivePair {
  /**
   * One thread pinned to each core, all started at once, heaps not capped (the fastest one thread): each core's own
   * single-thread rate at one moment. The cores of this shared machine do not run at one speed, nor at the same speed
   * from one minute to the next (docs/performance.md, "Archives"), so the parallel run is measured against their sum.
   */
  perCore: CheckRun[];
  parallel: CheckRun;
}

interface ArchiveRow {
  notices: number;
  megabytes: number;
  pairs: ArchivePair[];
  /** `--jobs 1` not pinned to a core (the smaller archive only). */
  unpinned?: CheckRun;
}

interface ArchiveResult {
  cores: number;
  rows: ArchiveRow[];
  cache: { notices: number; first: CheckRun; second: CheckRun };
}

/** `taskset` (util-linux), to hold each one-thread run to its core; absent, the runs are not pinned and the report says so. */
const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/**
 * Pairs of runs per archive size. On this shared machine one pair's ratio on 1,000 notices ranged 0.64-0.96 in four pairs in a row
 * and a core's speed moved by a third within minutes (docs/performance.md, "Archives"): each archive is measured in three
 * pairs and its ratio is their median.
 */
const ARCHIVE_PAIRS = 3;

const oneThreadLabel = (core: number) => (canPin ? `one thread on core ${core}, heap not capped` : 'one thread, heap not capped (not pinned: no taskset)');

/**
 * The bundled CLI in a fresh process, started with the Node options and
 * environment of bin/nodeOptions.cjs, its stdout discarded as if piped to a file; `core`: pinned to
 * that core; `heapCapped: false`: without the bin's cap of the heap (with
 * `core`, the fastest one thread: the rate each core is measured against).
 */
function runCheck(folder: string, options: string[], { core, heapCapped = true }: { core?: number; heapCapped?: boolean } = {}): Promise<CheckRun> {
  const load = loadavg()[0]!;
  const command = bundledCliCommand(['check', '--format', 'json', ...options, folder], { heapCapped });
  const [file, ...rest] = core !== undefined && canPin ? ['taskset', '-c', String(core), ...command] : command;
  return new Promise((resolve, reject) => {
    execFile(file!, rest, { cwd: folder, env: cliEnvironment(), encoding: 'utf8', maxBuffer: 1 << 20 }, (error, output) => {
      if (error) return reject(error);
      const { ms, cpuMs, maxRss } = JSON.parse(output) as CheckRun;
      resolve({ ms, cpuMs, maxRss, load });
    });
  });
}

/** One thread on each core, all at once: the single-thread rate of every core at the same moment. */
function runOnEveryCore(folder: string, cores: number): Promise<CheckRun[]> {
  return Promise.all(Array.from({ length: cores }, (_, core) => runCheck(folder, ['--jobs', '1'], { core, heapCapped: false })));
}

function describeRun(label: string, notices: number, run: CheckRun): void {
  process.stderr.write(`  ${label}: ${notices} notices in ${ms(run.ms)} ms (${(notices / (run.ms / 1000)).toFixed(1)} files/s), CPU ${ms(run.cpuMs)} ms, peak RSS ${mb(run.maxRss)}, load ${run.load.toFixed(2)}\n`);
}

async function measureArchive(): Promise<ArchiveResult> {
  const cores = availableParallelism();
  const rows: ArchiveRow[] = [];
  let cache: ArchiveResult['cache'] | undefined;
  for (const notices of archiveSizes) {
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-archive-'));
    try {
      const files = writeWorkspace(seeds, folder, notices);
      const megabytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0) / 1024 / 1024;
      const pairs: ArchivePair[] = [];
      for (let pair = 0; pair < ARCHIVE_PAIRS; pair++) {
        const perCore = await runOnEveryCore(folder, cores);
        perCore.forEach((run, core) => describeRun(`${oneThreadLabel(core)} (every core at once)`, notices, run));
        const parallel = await runCheck(folder, ['--jobs', String(cores)]);
        describeRun(`${cores} workers`, notices, parallel);
        pairs.push({ perCore, parallel });
      }
      const unpinned = notices === archiveSizes[0] && canPin ? await runCheck(folder, ['--jobs', '1']) : undefined;
      if (unpinned) describeRun('one thread, not pinned', notices, unpinned);
      rows.push({ notices, megabytes, pairs, ...(unpinned ? { unpinned } : {}) });
      if (notices === archiveSizes.at(-1)) {
        const location = path.join(tmpdir(), `thongbao-bench-cache-${process.pid}`);
        try {
          const first = await runCheck(folder, ['--cache', '--cache-location', location]);
          describeRun('cache, first run', notices, first);
          const second = await runCheck(folder, ['--cache', '--cache-location', location]);
          describeRun('cache, second run', notices, second);
          cache = { notices, first, second };
        } finally {
          rmSync(location, { force: true });
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return { cores, rows, cache: cache! };
}

// ---------------------------------------------------------------- report

const loadAtStart = loadavg();

function machine(): string[] {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/mu.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return [
    `- CPU: ${model}, ${availableParallelism()} logical cores (nproc)`,
    `- Memory: ${mb(totalmem())}`,
    `- Node.js ${process.version} (${process.platform} ${process.arch})`,
    // Other work on the machine shows in the p95 figures above all.
    `- Load average (1, 5, 15 min) at start ${loadAtStart.map((value) => value.toFixed(2)).join(' ')}, at end ${loadavg().map((value) => value.toFixed(2)).join(' ')}`,
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ];
}

interface Budget {
  what: string;
  limit: string;
  measured: string;
  met: boolean;
}

function coreBudgets(core: CoreRow[]): Budget[] {
  const list: Budget[] = [];
  const ratio = (row: CoreRow, of: Contender) => row.results.analysis.median / row.results[of].median;
  for (const row of core) {
    const parseRatio = ratio(row, 'parse');
    if (row.typical || /1 MB|repeated/u.test(row.name)) list.push({ what: `b/a on ${row.name}`, limit: '≤ 1.30', measured: parseRatio.toFixed(2), met: parseRatio <= 1.3 });
    const lintRatio = ratio(row, 'markdownlint');
    list.push({ what: `b/c on ${row.name}`, limit: '≤ 1.00', measured: lintRatio.toFixed(2), met: lintRatio <= 1 });
  }
  return list;
}

function budgets(core: CoreRow[], lsp: LspRow[], memory: MemoryResult, workspace: WorkspaceResult, archive: ArchiveResult, documents: DocumentsResult): Budget[] {
  const list = coreBudgets(core);
  for (const row of lsp) {
    list.push({ what: `(d) p95 on ${row.name}`, limit: `≤ ${row.budget} ms`, measured: `${ms(row.latency.p95)} ms`, met: row.latency.p95 <= row.budget });
  }
  const first = memory.samples[0]?.rss ?? 0;
  // "Flat": less than 10 % growth between the first and the last sample.
  const flat = memory.growth <= first * 0.1;
  list.push({ what: `(e) cold index of ${workspace.notices} notices`, limit: '≤ 2000 ms', measured: `${ms(workspace.coldMs)} ms`, met: workspace.coldMs <= 2000 });
  list.push({ what: '(e) server RSS after indexing', limit: '≤ 300 MB', measured: mb(workspace.serverRss), met: workspace.serverRss <= 300 * 1024 * 1024 });
  list.push({ what: `memory over ${memory.edits} edits`, limit: 'flat (< 10 % growth)', measured: `${memory.growth >= 0 ? '+' : ''}${mb(memory.growth)}`, met: flat });
  list.push(...archiveBudgets(archive));
  list.push(...documents.budgets);
  return list;
}

function archiveBudgets(archive: ArchiveResult): Budget[] {
  const list: Budget[] = [];
  // Parallel files/s over the sum of every core's one-thread files/s (cores × the single-thread rate, each core at its own speed).
  const pairRatio = ({ perCore, parallel }: ArchivePair) => 1 / parallel.ms / perCore.reduce((sum, run) => sum + 1 / run.ms, 0);
  // The stricter reading, shown beside it: every core as fast as the fastest one thread.
  const fastestCoreRatio = ({ perCore, parallel }: ArchivePair) => Math.min(...perCore.map((run) => run.ms)) / (archive.cores * parallel.ms);
  // The highest peak of the parallel runs.
  const parallelPeak = (row: ArchiveRow) => Math.max(...row.pairs.map((pair) => pair.parallel.maxRss));
  for (const row of archive.rows) {
    const ratios = row.pairs.map(pairRatio);
    const ratio = stats(ratios).median;
    const listed = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
    const fastest = row.pairs.map(fastestCoreRatio);
    const load = row.pairs.map((pair) => pair.parallel.load.toFixed(2)).join(', ');
    list.push({ what: `(f) ${row.notices} notices: parallel rate / the sum of each core's one-thread rate, median of ${ratios.length} pairs (load ${load}; against ${archive.cores} × the fastest core's: ${listed(fastest)})`, limit: '≥ 0.80', measured: `${ratio.toFixed(2)} (${listed(ratios)})`, met: ratio >= 0.8 });
  }
  const [small, large] = [archive.rows[0]!, archive.rows.at(-1)!];
  list.push({ what: `(f) peak RSS on ${large.notices} notices`, limit: '≤ 400 MB', measured: mb(parallelPeak(large)), met: parallelPeak(large) <= 400 * 1024 * 1024 });
  const growth = parallelPeak(large) / parallelPeak(small) - 1;
  list.push({ what: `(f) peak RSS, ${large.notices} against ${small.notices} notices`, limit: 'flat (≤ 10 % more)', measured: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`, met: growth <= 0.1 });
  const cached = archive.cache.second.ms / archive.cache.first.ms;
  list.push({ what: `(f) cached rerun of ${archive.cache.notices} notices / first run`, limit: '≤ 5 %', measured: `${(cached * 100).toFixed(1)} %`, met: cached <= 0.05 });
  const cachePeak = Math.max(archive.cache.first.maxRss, archive.cache.second.maxRss);
  list.push({ what: `(f) peak RSS with --cache on ${archive.cache.notices} notices (first and second run)`, limit: '≤ 400 MB', measured: `${mb(archive.cache.first.maxRss)}, ${mb(archive.cache.second.maxRss)}`, met: cachePeak <= 400 * 1024 * 1024 });
  return list;
}

function renderArchive(archive: ArchiveResult): string[] {
  const out: string[] = [];
  const rate = (notices: number, run: CheckRun) => (notices / (run.ms / 1000)).toFixed(1);
  out.push(`### (f) archive: \`thongbao check --format json\` on generated notices (fresh process, bundled CLI)`, '');
  out.push('| notices | size | jobs | wall | files/s | CPU | peak RSS | load (1 min) |', '|---:|---:|---:|---:|---:|---:|---:|---:|');
  const oneCore = (core: number) => (canPin ? `1 on core ${core}, heap not capped` : '1, heap not capped (not pinned)');
  for (const row of archive.rows) {
    const runs: [string, CheckRun][] = [
      ...row.pairs.flatMap(({ perCore, parallel }): [string, CheckRun][] => [...perCore.map((run, core): [string, CheckRun] => [oneCore(core), run]), [String(archive.cores), parallel]]),
      ...(row.unpinned ? [['1, not pinned', row.unpinned] as [string, CheckRun]] : []),
    ];
    for (const [jobs, run] of runs) {
      out.push(`| ${row.notices} | ${row.megabytes.toFixed(1)} MB | ${jobs} | ${(run.ms / 1000).toFixed(1)} s | ${rate(row.notices, run)} | ${(run.cpuMs / 1000).toFixed(1)} s | ${mb(run.maxRss)} | ${run.load.toFixed(2)} |`);
    }
  }
  const { cache } = archive;
  out.push('', `With \`--cache\` on the ${cache.notices} notices: first run ${(cache.first.ms / 1000).toFixed(1)} s, peak RSS ${mb(cache.first.maxRss)} (load ${cache.first.load.toFixed(2)}); second run over the unchanged files ${(cache.second.ms / 1000).toFixed(2)} s, peak RSS ${mb(cache.second.maxRss)} (load ${cache.second.load.toFixed(2)}).`, '');
  out.push(`The ratio is the parallel rate over the sum of each core's one-thread rate: ${archive.cores} runs of \`--jobs 1\` started at once, each held to its core (\`taskset -c N\`${canPin ? '' : ': not available here, so they were not pinned'}), heaps not capped (the fastest one thread, since the cap makes a lone thread mark its heap more often). That is ${archive.cores} × the single-thread rate when the cores run at one speed; the cores of this machine do not, so the stricter ratio against ${archive.cores} × the fastest of them is given beside it. Each such measure is followed by one run on every core, and the ratio of each pair is taken; each archive is measured in ${archive.rows[0]!.pairs.length} pairs, their median ratio budgeted, and the peak RSS budgeted is the highest of the parallel runs. Every other run starts Node as \`thongbao check\` runs (\`${Object.entries(cliEnvironmentSettings).map(([name, value]) => `${name}=${value} `).join('')}node ${cliNodeOptions().join(' ')}\`; the one-thread runs too have that environment); the machine is shared, so the load average is given with each run.`, '');
  return out;
}

/** Documents in and out (issues 14 and 15): their sections and budget rows. */
interface DocumentsResult {
  sections: string[];
  budgets: Budget[];
}

function renderCore(core: CoreRow[]): string[] {
  const cell = (value: Stats) => `${ms(value.median)} / ${ms(value.p95)}`;
  const out: string[] = [];
  out.push('### (a) parse floor, (b) full analysis, (c) markdownlint — median / p95 in ms', '');
  out.push('| input | size | runs | (a) parse | (b) analysis | (c) markdownlint | b/a | b/c |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of core) {
    const { parse, analysis, markdownlint: lint } = row.results;
    out.push(`| ${row.name} | ${row.size} | ${parse.samples} | ${cell(parse)} | ${cell(analysis)} | ${cell(lint)} | ${(analysis.median / parse.median).toFixed(2)} | ${(analysis.median / lint.median).toFixed(2)} |`);
  }
  out.push('', 'Ratios are of medians. (b) is `analyzeNotice` with the shipped knowledge and registry and every rule of the catalog; (c) is `markdownlint/sync` `lint` with its default rules.', '');
  return out;
}

function render(core: CoreRow[], lsp: LspRow[], memory: MemoryResult, workspace: WorkspaceResult, archive: ArchiveResult, documents: DocumentsResult): string {
  const out: string[] = [];
  out.push('### Machine', '', ...machine(), '');
  out.push(...renderCore(core));
  out.push('### (d) language server over stdio: didChange → publishDiagnostics (debounce 0), ms', '');
  out.push('| notice | size | edits | median | p95 |', '|---|---:|---:|---:|---:|');
  for (const row of lsp) out.push(`| ${row.name} | ${row.size} | ${row.edits} | ${ms(row.latency.median)} | ${ms(row.latency.p95)} |`);
  out.push('', `Server RSS over ${memory.edits} single-character edits of the ${lspInputs[0]!.name} notice (sampled every ${memoryEdits.every}): ${memory.samples.map((sample) => mb(sample.rss).replace(' MB', '')).join(', ')} MB; growth ${mb(memory.growth)}.`, '');
  out.push('### (e) workspace indexing', '');
  out.push(`- ${workspace.notices} generated notices, cold (\`indexWorkspace\` in a fresh process: list, read, scan, merge the registry): **${ms(workspace.coldMs)} ms**`);
  out.push(`- The language server started on that folder: \`initialized\` → index built and an open notice revalidated: ${ms(workspace.serverMs)} ms; server RSS afterwards **${mb(workspace.serverRss)}**`, '');
  out.push(...renderArchive(archive));
  out.push(...documents.sections);
  out.push('### Budgets', '', '| budget | limit | measured | met |', '|---|---|---:|---|');
  for (const budget of budgets(core, lsp, memory, workspace, archive, documents)) out.push(`| ${budget.what} | ${budget.limit} | ${budget.measured} | ${budget.met ? 'yes' : '**no**'} |`);
  return out.join('\n');
}

const START = '<!-- bench:start (generated by `npm run bench -- --write`; do not edit by hand) -->';
const END = '<!-- bench:end -->';

function writeReport(section: string): void {
  const current = readFileSync(reportFile, 'utf8');
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${reportFile} has no generated section (${START} … ${END})`);
  writeFileSync(reportFile, `${current.slice(0, from + START.length)}\n${section}\n${current.slice(to)}`);
}

// A server shut down while its last message is in flight makes the client write to a closed pipe; that is the end of a measurement, not a failure.
process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
  if (error.code === 'ERR_STREAM_DESTROYED' || error.code === 'EPIPE') return;
  throw error;
});

async function main(): Promise<void> {
  process.stderr.write(`bench${quick ? ' (quick)' : ''}: ${inputs.length} inputs, ${workspaceSize} workspace notices, archives of ${archiveSizes.join(' and ')}\n`);
  if (onlyArchive) {
    // `--archive`: only (f), printed, never recorded (a partial run would replace the whole section).
    const archive = await measureArchive();
    process.stdout.write(`${[...renderArchive(archive), '| budget | limit | measured | met |', '|---|---|---:|---|', ...archiveBudgets(archive).map((budget) => `| ${budget.what} | ${budget.limit} | ${budget.measured} | ${budget.met ? 'yes' : '**no**'} |`)].join('\n')}\n`);
    return;
  }
  if (onlyCore) {
    // `--core`: only (a) (b) (c), printed with the machine's load, never recorded.
    const core = measureCore();
    process.stdout.write(`${['### Machine', '', ...machine(), '', ...renderCore(core), '| budget | limit | measured | met |', '|---|---|---:|---|', ...coreBudgets(core).map((budget) => `| ${budget.what} | ${budget.limit} | ${budget.measured} | ${budget.met ? 'yes' : '**no**'} |`)].join('\n')}\n`);
    return;
  }
  const core = measureCore();
  const { rows: lsp, memory } = await measureLsp();
  const workspace = await measureWorkspace();
  const archive = await measureArchive();
  const exported = await measureExport(seeds, quick);
  // Import is left out of --quick, where loading pdf.js through tsx alone takes seconds.
  const imported = quick ? undefined : await measureImport(seeds);
  const documents = { sections: [exported.section, ...(imported ? [imported.section] : [])], budgets: [...exported.budgets, ...(imported?.budgets ?? [])] };
  const section = render(core, lsp, memory, workspace, archive, documents);
  process.stdout.write(`${section}\n`);
  if (write) {
    writeReport(section);
    process.stderr.write(`recorded in ${path.relative(root, reportFile)}\n`);
  }
}

await main();
// A waiter for a second publication that never came keeps a 60 s timer of the harness alive: the run is over.
process.exit(0);
