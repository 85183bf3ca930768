import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Node options `thongbao check` runs with (bin/nodeOptions.cjs, which bin/thongbao.cjs starts it under), so that a measured run is started as users start it. */
export function cliNodeOptions(): string[] {
  return require('../bin/nodeOptions.cjs') as string[];
}

/**
 * The command that runs the bundled CLI once in a fresh process
 * (bench/checkArchive.cjs, which prints its wall time, CPU time and peak
 * memory), with the Node options of bin/nodeOptions.cjs; `heapCapped: false`
 * leaves out its cap of the main thread's heap.
 */
export function bundledCliCommand(args: readonly string[], { heapCapped = true } = {}): string[] {
  const options = cliNodeOptions().filter((option) => heapCapped || !option.startsWith('--max-old-space-size'));
  return [process.execPath, ...options, path.join(import.meta.dirname, 'checkArchive.cjs'), ...args];
}
