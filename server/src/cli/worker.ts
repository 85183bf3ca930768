/**
 * Entry of a worker thread of `thongbao check --jobs N` (bundled as
 * dist/cliWorker.cjs): receives the registry once, then files to check, and
 * posts each result back. The texts stay in the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, createCheckEnvironment, type CheckTask, type RegistrySnapshot } from './checkFile.js';

if (!parentPort) throw new Error('cliWorker runs as a worker thread of thongbao check');
const port = parentPort;
const environment = createCheckEnvironment(workerData as RegistrySnapshot);

port.on('message', (task: CheckTask) => {
  checkFile(task, environment).then(
    (result) => port.postMessage(result),
    // checkFile returns the file's own errors; anything thrown here is a bug, reported against the file.
    (error: unknown) => port.postMessage({ index: task.index, file: task.file, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
