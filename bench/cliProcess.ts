import { readFileSync } from 'node:fs';
import path from 'node:path';

const bin = path.join(import.meta.dirname, '..', 'bin', 'thongbao.cjs');

/** The options `thongbao` gives Node on its first line (`#!/usr/bin/env -S node …`), so that a measured run is started as users start it. */
export function cliNodeOptions(): string[] {
  const shebang = /^#!\/usr\/bin\/env -S node(.*)$/mu.exec(readFileSync(bin, 'utf8').split('\n')[0]!);
  if (!shebang) throw new Error(`${bin}: its first line no longer starts Node with options`);
  return shebang[1]!.trim().split(/\s+/u).filter(Boolean);
}

/**
 * The command that runs the bundled CLI once in a fresh process
 * (bench/checkArchive.cjs, which prints its wall time, CPU time and peak
 * memory), with the Node options of bin/thongbao.cjs; `heapCapped: false`
 * leaves out its cap of the main thread's heap.
 */
export function bundledCliCommand(args: readonly string[], { heapCapped = true } = {}): string[] {
  const options = cliNodeOptions().filter((option) => heapCapped || !option.startsWith('--max-old-space-size'));
  return [process.execPath, ...options, path.join(import.meta.dirname, 'checkArchive.cjs'), ...args];
}
