/**
 * Entry of a worker thread of `thongbao check --jobs N` (bundled as
 * dist/cliWorker.cjs): receives files to check, each with the slice of the
 * registry it reads, and posts each result back (see registrySlice.ts). The
 * texts stay in the worker.
 */
import { parentPort } from 'node:worker_threads';
import { loadKnowledge } from '../knowledge/index.js';
import { answerRequest, type WorkerRequest } from './registrySlice.js';

if (!parentPort) throw new Error('cliWorker runs as a worker thread of thongbao check');
const port = parentPort;
const knowledge = loadKnowledge();

port.on('message', (request: WorkerRequest) => {
  void answerRequest(request, knowledge).then((answer) => port.postMessage(answer));
});
