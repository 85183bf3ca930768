/**
 * Runs the bundled `thongbao check` once in this fresh process on the
 * arguments given and prints its wall time, CPU time and peak memory (worker
 * threads included: they share the process) as JSON, for bench/run.ts.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { runCli } = require(path.join(__dirname, '..', 'dist', 'cli.cjs'));

const started = performance.now();
runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: () => {}, stderr: (text) => process.stderr.write(text), color: false }).then((code) => {
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ code, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: usage.maxRSS * 1024 }));
});
