/**
 * Indexes a folder once in a fresh process (so nothing is warm: modules,
 * JIT, caches) and prints the time and the memory as JSON, for bench/run.ts.
 */
import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { indexWorkspace } from '../server/src/workspace/index.js';

const folder = process.argv[2];
if (!folder) throw new Error('usage: indexCold.ts <folder>');
const knowledge = loadKnowledge();
const started = performance.now();
const { index } = await indexWorkspace([folder], knowledge);
const entries = [...index.registry().entries()].length;
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, notices: index.noticeCount, entries, rss: process.memoryUsage().rss }));
