import { availableParallelism } from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { ThongbaoConfig } from '../core/config.js';
import { LineIndex } from '../core/positions.js';
import { allRules } from '../core/rules/index.js';
import { msg, type Locale, type Msg } from '../core/types.js';
import { loadKnowledge } from '../knowledge/index.js';
import type { Knowledge } from '../knowledge/types.js';
import { Baseline, BaselineBuilder } from './baseline.js';
import { cacheFilePath, configDigest, ResultCache, toolDigest } from './cache.js';
import { type CheckedDiagnostic, type CheckResult, type CheckTask } from './checkFile.js';
import type { Format, Totals } from './formatters.js';
import { ArchiveIndex } from './archiveIndex.js';
import { indexForCheck, type RegistrySource } from './indexPass.js';
import { NO_READS } from './registryReads.js';
import { expectedReads } from './registrySlice.js';
import { forTerminal } from './terminalText.js';
import { inOrder, inProcessRunner, WorkerPool, type CheckRunner } from './pool.js';
import { ProgressLine } from './progress.js';
import { ReportWriter } from './reportWriter.js';

export interface CheckRunIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** Draw a progress line on stderr (a terminal, not CI). */
  progress: boolean;
}

export interface CheckRunOptions {
  /** Where registry files are looked for. */
  sources: RegistrySource[];
  files: string[];
  format: Format;
  fix: boolean;
  /** Worker threads; undefined: one per core when there are enough files to pay for them. */
  jobs: number | undefined;
  locale: Locale | undefined;
  configFor: (file: string) => Promise<ThongbaoConfig>;
  /** Reports a problem of a file (unreadable, unwritable, a bad registry) on stderr; the run then exits 2. */
  problem: (file: string, message: Msg, where?: string) => Promise<void>;
  cache: { location: string | undefined } | undefined;
  /** Compare with this baseline file (check), or write the findings to it (baseline). */
  baseline: { file: string; mode: 'compare' | 'write' } | undefined;
  version: string;
  /** Absolute URL of the rule pages, for help links. */
  docsBase: string;
}

export interface CheckRunOutcome {
  totals: Totals;
  /** Findings written to the baseline (mode write). */
  recorded: number;
}

/** Below this many files per worker, starting threads costs more than it saves. */
const FILES_PER_WORKER = 16;

/**
 * Threads used when --jobs is not given: one worker per core when V8's
 * collector runs on the thread it serves (`--single-threaded-gc`, as
 * bin/thongbao.cjs starts Node). Otherwise its helper threads take the other
 * core, and on two cores one thread is faster than two workers (1,000
 * notices: 13.3 s on one thread, 18.4 s on two workers; 11.4 s on two
 * workers with the flag; docs/performance.md).
 */
export function defaultJobs(cores: number, collectorOnOwnThread: boolean): number {
  return collectorOnOwnThread || cores > 2 ? cores : 1;
}

/** Whether this process's garbage collector runs on the thread it collects, without helper threads. */
function collectorOnOwnThread(): boolean {
  return process.execArgv.includes('--single-threaded-gc');
}

/**
 * `thongbao check` over many files: one light indexing pass, then every file
 * analysed on a pool of worker threads (or here, for a few files), the report
 * streamed in input order, with the cache, the baseline and the progress line.
 */
export async function runCheck(options: CheckRunOptions, io: CheckRunIo): Promise<CheckRunOutcome> {
  const knowledge = loadKnowledge();
  const cache = options.cache ? await ResultCache.open(cacheFilePath(options.cache.location, io.cwd), toolDigest(options.version), (message) => io.stderr(`${forTerminal(`thongbao: ${message}`)}\n`)) : undefined;
  try {
    return await checkAll(options, io, knowledge, cache);
  } catch (error) {
    // The cache of the last complete run stays as it was.
    await cache?.discard();
    throw error;
  }
}

interface StartedRunner {
  jobs: number;
  runner: CheckRunner;
}

async function checkAll(options: CheckRunOptions, io: CheckRunIo, knowledge: Knowledge, cache: ResultCache | undefined): Promise<CheckRunOutcome> {
  const registry = new ArchiveIndex(knowledge);
  const inProcess = inProcessRunner({ knowledge, registry });
  const startRunner = (toAnalyse: number): StartedRunner => {
    const jobs = Math.min(options.jobs ?? defaultJobs(availableParallelism(), collectorOnOwnThread()), Math.max(1, options.jobs !== undefined ? toAnalyse : Math.floor(toAnalyse / FILES_PER_WORKER)));
    return { jobs, runner: jobs > 1 ? new WorkerPool(jobs, { registry, expectedReads: (file) => expectedReads(registry.citedIn(URI.file(file).toString())), fallback: inProcess }) : inProcess };
  };
  // With no cached result to reuse, every file is analysed: the workers start now and load while this thread makes the index
  // pass (no file is posted to them before it ends). With one, how many files are left is known only after the pass.
  let started = cache && !options.fix ? undefined : startRunner(options.files.length);
  try {
    return await indexAndCheck(options, io, knowledge, cache, registry, (toAnalyse) => (started ??= startRunner(toAnalyse)));
  } finally {
    await started?.runner.close();
  }
}

async function indexAndCheck(
  options: CheckRunOptions,
  io: CheckRunIo,
  knowledge: Knowledge,
  cache: ResultCache | undefined,
  registry: ArchiveIndex,
  runnerFor: (toAnalyse: number) => StartedRunner,
): Promise<CheckRunOutcome> {
  const { registryReports, hashes } = await indexForCheck(options.files, options.sources, knowledge, cache, registry);
  for (const report of registryReports) {
    const lines = new LineIndex(report.text);
    for (const registryProblem of report.problems) {
      const position = lines.positionAt(registryProblem.start);
      await options.problem(report.file, registryProblem.message, `:${position.line + 1}:${position.character + 1}`);
    }
  }

  // Configurations are resolved first: the report's language comes from them (the last file's, as before).
  const tasks: (CheckTask & { configKey: string })[] = [];
  let locale: Locale = options.locale ?? 'vi';
  for (const file of options.files) {
    const config = await options.configFor(file);
    const fileLocale = options.locale ?? config.locale;
    locale = fileLocale;
    tasks.push({ index: tasks.length, file, config, locale: fileLocale, fix: options.fix, configKey: cache ? configDigest(config, fileLocale) : '' });
  }

  const baseline = options.baseline?.mode === 'compare' ? await Baseline.load(path.resolve(io.cwd, options.baseline.file)) : undefined;
  const recorder = options.baseline?.mode === 'write' ? new BaselineBuilder(path.resolve(io.cwd, options.baseline.file)) : undefined;
  const progress = io.progress ? new ProgressLine(tasks.length, io.stderr, locale) : undefined;
  const out = (text: string) => {
    progress?.clear();
    io.stdout(text);
  };
  const writer = recorder ? undefined : new ReportWriter(options.format, { cwd: io.cwd, locale, rules: allRules, color: io.color, version: options.version, docsBase: options.docsBase, baseline: baseline !== undefined }, out);

  // --fix must see the text to fix it: the cache is then only written. Cached diagnostics are read when their turn comes, not all held at once.
  const cached = new Set<number>();
  if (cache && !options.fix) {
    for (const task of tasks) {
      const hash = hashes.get(task.file);
      if (hash && cache.fresh(task.file, hash, task.configKey, registry)) cached.add(task.index);
    }
  }
  const { jobs, runner } = runnerFor(tasks.length - cached.size);

  // Problems found while results stream in are reported after the stream, in input order.
  const problems: { file: string; message: Msg }[] = [];
  try {
    await inOrder(
      tasks,
      Math.max(4, jobs * 4),
      (task) => {
        const diagnostics = cached.has(task.index) ? cache!.reuse(task.file) : undefined;
        if (diagnostics) return Promise.resolve<CheckResult>({ index: task.index, file: task.file, diagnostics, contentHash: hashes.get(task.file)!, reads: NO_READS });
        return runner.run(task).then((result) => {
          cache?.store(result, task.configKey, registry);
          return result;
        });
      },
      (result) => {
        progress?.tick();
        const shown = path.relative(io.cwd, result.file) || result.file;
        if (result.readError !== undefined) {
          problems.push({ file: result.file, message: result.readError });
          return;
        }
        if (result.writeError !== undefined) {
          const reason = result.writeError;
          problems.push({ file: result.file, message: msg(`không ghi được các sửa (${reason.vi}); tệp không bị thay đổi`, `could not write the fixes (${reason.en}); the file is unchanged`) });
        }
        if (recorder) {
          recorder.add(result.file, result.diagnostics);
          return;
        }
        const { fresh, baselined } = baseline ? baseline.split(result.file, result.diagnostics) : { fresh: result.diagnostics, baselined: [] as CheckedDiagnostic[] };
        writer!.add({ file: shown, diagnostics: fresh.map(withoutFingerprint), baselined: baselined.map(withoutFingerprint), ...(result.imported ? { imported: result.imported } : {}) });
      },
    );
  } finally {
    progress?.clear();
  }
  for (const problem of problems) await options.problem(problem.file, problem.message);

  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      io.stderr(`${forTerminal(`thongbao: could not write the cache ${cache.file} (${error instanceof Error ? error.message : String(error)})`)}\n`);
    }
  }
  if (recorder) {
    await recorder.save();
    return { totals: { error: 0, warning: 0, info: 0 }, recorded: recorder.size };
  }
  const note = writer!.end();
  if (note) io.stderr(`${forTerminal(`thongbao: ${note}`)}\n`);
  return { totals: writer!.counts, recorded: 0 };
}

function withoutFingerprint({ fingerprint: _fingerprint, ...diagnostic }: CheckedDiagnostic) {
  return diagnostic;
}
