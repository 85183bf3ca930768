import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkFile, type CheckEnvironment, type CheckResult, type CheckTask } from './checkFile.js';
import { checkWithSlices, type SliceSource, type WorkerAnswer, type WorkerRequest } from './registrySlice.js';

/** Runs check tasks: in this thread (one job) or on worker threads. */
export interface CheckRunner {
  run(task: CheckTask): Promise<CheckResult>;
  close(): Promise<void>;
}

export function inProcessRunner(environment: CheckEnvironment): CheckRunner {
  return { run: (task) => checkFile(task, environment), close: async () => {} };
}

/**
 * The bundled worker: beside the CLI bundle in dist/ (repository and
 * installed package alike), or the repository's dist/ when the CLI runs from
 * its sources (tests).
 */
export function workerScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'cliWorker.cjs'), path.resolve(here, '..', '..', '..', 'dist', 'cliWorker.cjs')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the worker of --jobs is missing (${candidates[0]}); run npm run build`);
  return found;
}

/**
 * A worker holds ~30 MB (the knowledge) after a collection. V8 lets a heap grow by a factor it derives from this cap before
 * marking it again: 1.3 up to 256 MB, rising to 2 just under 2 GB, 4 from 2 GB. Marking slows the analysis (write barriers,
 * and helper threads on the other core unless Node runs with --single-threaded-gc), so a low factor costs time and a high one memory. --jobs 2 on 500
 * notices: a cap of 128 MB took 12.9–14.5 s and 290 MB, this one (factor 1.8) 10.2 s and 322 MB, none 8.2–8.6 s and
 * 435–530 MB; on 10,000 notices this one 186 s and 378 MB (docs/performance.md).
 */
export const WORKER_OLD_GENERATION_MB = 1536;

interface Job {
  request: WorkerRequest;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The files posted to this worker and not answered yet, by task index (answers carry it). */
  jobs: Map<number, Job>;
}

/**
 * Files posted to a worker before it answers the last: it starts the next as
 * soon as it posts an answer, instead of waiting for the main thread to send
 * one (measured: idle 0.5 s of each worker's 10.2 s on 1,000 notices, one at a time).
 */
const JOBS_PER_WORKER = 2;

/**
 * A fixed pool of worker threads, each holding the knowledge; the registry
 * stays on the main thread and each file goes out with the slice of it that
 * it reads, so a worker's memory does not grow with the archive.
 */
export class WorkerPool implements CheckRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(size: number, private readonly source: SliceSource, private readonly script = workerScript()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(task: CheckTask): Promise<CheckResult> {
    return checkWithSlices(task, this.source, (request) => this.post(request));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private post(request: WorkerRequest): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Slot {
    // A small young generation keeps each worker's heap near what one analysis needs (measured: -11 % peak RSS on 300 notices, no more CPU);
    // the old generation's cap sets how far the heap grows between collections (above; a worker that runs out on a huge notice
    // stops, and the files it held are checked on the main thread).
    // The worker is a self-contained bundle: the parent's loaders (tsx, in the tests) would only slow its start (measured: 3× the CPU).
    const slot: Slot = { worker: new Worker(this.script, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } }), jobs: new Map() };
    slot.worker.on('message', (answer: WorkerAnswer) => {
      const job = slot.jobs.get(answer.index);
      slot.jobs.delete(answer.index);
      job?.resolve(answer);
      this.dispatch();
    });
    let failure: Error | undefined;
    slot.worker.on('error', (error) => {
      failure = error;
    });
    slot.worker.on('exit', (code) => {
      if (this.closed) return;
      const stopped = [...slot.jobs.values()];
      slot.jobs.clear();
      for (const job of stopped) job.reject(failure ?? new Error(`a worker thread stopped (exit code ${code})`));
      // A worker that died is replaced, so the files after it are still checked.
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    });
    return slot;
  }

  private dispatch(): void {
    // The least busy worker first, so that a few files spread over every worker.
    for (let inFlight = 0; inFlight < JOBS_PER_WORKER; inFlight++) {
      for (const slot of this.slots) {
        if (slot.jobs.size > inFlight || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        slot.jobs.set(job.request.task.index, job);
        slot.worker.postMessage(job.request);
      }
    }
  }
}

/**
 * Runs every item through `start` with at most `window` in flight and hands
 * the results to `emit` in input order, so output streams while later files
 * are still being checked and memory does not grow with the number of files.
 */
export async function inOrder<T, R>(items: Iterable<T>, window: number, start: (item: T) => Promise<R>, emit: (result: R) => void | Promise<void>): Promise<void> {
  const pending: Promise<R>[] = [];
  for (const item of items) {
    if (pending.length >= window) await emit(await pending.shift()!);
    const started = start(item);
    // Rejections are awaited in order below; this keeps an early one from being reported as unhandled.
    started.catch(() => {});
    pending.push(started);
  }
  while (pending.length > 0) await emit(await pending.shift()!);
}
