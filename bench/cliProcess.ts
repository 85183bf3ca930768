import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const archive = require('../bin/nodeOptions.cjs') as { options: string[]; environment: Record<string, string> };

/** The Node options `thongbao check` runs with (bin/nodeOptions.cjs, which bin/thongbao.cjs starts it under), so that a measured run is started as users start it. */
export function cliNodeOptions(): string[] {
  return archive.options;
}

/** The settings bin/thongbao.cjs adds to that run's environment where it does not set them itself. */
export const cliEnvironmentSettings: Readonly<Record<string, string>> = archive.environment;

export function cliEnvironment(): NodeJS.ProcessEnv {
  return { ...cliEnvironmentSettings, ...process.env };
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
