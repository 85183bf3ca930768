import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckResult, CheckTask } from '../../server/src/cli/checkFile.js';
import { WorkerPool, type CheckRunner } from '../../server/src/cli/pool.js';
import { NO_READS } from '../../server/src/cli/registryReads.js';
import { configSchema } from '../../server/src/core/config.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { WorkspaceIndex } from '../../server/src/workspace/index.js';

/** A worker script of a few lines, standing in for dist/cliWorker.cjs. */
function fakeWorker(source: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'thongbao-pool-')), 'worker.cjs');
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${source}\n`);
  return file;
}

const config = configSchema.parse({});
const task = (index: number): CheckTask => ({ index, file: `/archive/${index}.tb.md`, config, locale: 'vi', fix: false });
const answered = (index: number, by: string): CheckResult => ({ index, file: `/archive/${index}.tb.md`, diagnostics: [], contentHash: by, reads: NO_READS });

function pool(script: string, fallback: CheckRunner['run']): WorkerPool {
  const registry = new WorkspaceIndex(loadKnowledge()).registry();
  return new WorkerPool(1, { registry, expectedReads: () => [], fallback: { run: fallback, close: async () => {} } }, script);
}

describe('the worker pool of thongbao check --jobs', function () {
  this.timeout(10_000);

  it('keeps two files in flight on a worker and gives each its own answer, whatever order the answers come in', async () => {
    // Answers the second file it holds before the first.
    const script = fakeWorker(`const held = [];
parentPort.on('message', ({ task }) => {
  held.push(task.index);
  if (held.length < 2) return;
  for (const index of held.reverse()) parentPort.postMessage({ index, file: task.file.replace(/\\d+(?=\\.tb\\.md$)/, String(index)), diagnostics: [], contentHash: 'worker', reads: { lookups: [], numbers: [], elsewhere: [], allEntries: false } });
  held.length = 0;
});`);
    const workers = pool(script, async (t) => answered(t.index, 'main thread'));
    try {
      const results = await Promise.all([0, 1, 2, 3].map((index) => workers.run(task(index))));
      assert.deepEqual(results.map((result) => [result.index, result.file, result.contentHash]), [0, 1, 2, 3].map((index) => [index, `/archive/${index}.tb.md`, 'worker']));
    } finally {
      await workers.close();
    }
  });

  it('checks on the main thread every file a worker held when it stopped, and goes on with a new worker', async () => {
    // Stops while it holds two files (as one that runs out of memory would); its replacement answers.
    const marker = path.join(mkdtempSync(path.join(tmpdir(), 'thongbao-pool-')), 'stopped');
    const script = fakeWorker(`const fs = require('node:fs');
let held = 0;
parentPort.on('message', ({ task }) => {
  if (!fs.existsSync(${JSON.stringify(marker)})) {
    if (++held === 2) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(7); }
    return;
  }
  parentPort.postMessage({ index: task.index, file: task.file, diagnostics: [], contentHash: 'worker', reads: { lookups: [], numbers: [], elsewhere: [], allEntries: false } });
});`);
    const workers = pool(script, async (t) => answered(t.index, 'main thread'));
    try {
      const first = await Promise.all([0, 1].map((index) => workers.run(task(index))));
      assert.deepEqual(first.map((result) => [result.index, result.contentHash]), [[0, 'main thread'], [1, 'main thread']]);
      const later = await workers.run(task(2));
      assert.deepEqual([later.index, later.contentHash], [2, 'worker']);
    } finally {
      await workers.close();
    }
  });
});
