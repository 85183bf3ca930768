import { lstatSync } from 'node:fs';
import path from 'node:path';
import { configSchema, mergeConfigs, type ThongbaoConfig } from '../core/config.js';
import { msg } from '../core/types.js';
import { CONFIG_FILE_NAME, readConfigFile, type ConfigFileRead } from './configFile.js';

export interface ResolvedConfig {
  /** The thongbao.config.json in force, if any. */
  file: string | undefined;
  config: ThongbaoConfig;
}

/**
 * Finds the thongbao.config.json that applies to a file (nearest folder
 * upwards, or an explicit file such as the CLI's --config) and reads it once.
 * A found file is read only if it lies in its own folder (no link out); an
 * explicit file is named on purpose. A file that cannot be read or is invalid
 * is reported, and the defaults apply. The CLI and the language server both
 * resolve through this class, so a notice gets the same configuration in both.
 */
export class ConfigResolver {
  private byFile = new Map<string, Promise<ResolvedConfig>>();
  /**
   * One object for every file without a configuration: what analysis derives
   * from a configuration is cached per configuration object, so a fresh one
   * per file rebuilt it for each file and kept every copy (measured: 961 MB
   * peak for 10,000 notices in one thread).
   */
  private readonly defaults: Promise<ResolvedConfig> = Promise.resolve({ file: undefined, config: configSchema.parse({}) });

  constructor(
    private readonly explicit: string | undefined,
    private readonly reportProblems: (file: string, read: ConfigFileRead) => void,
  ) {}

  forFile(file: string): Promise<ResolvedConfig> {
    const configFile = this.explicit ?? findUp(path.dirname(file));
    if (!configFile) return this.defaults;
    let pending = this.byFile.get(configFile);
    if (!pending) {
      pending = this.read(configFile);
      this.byFile.set(configFile, pending);
    }
    return pending;
  }

  /** Forgets every file read: a configuration was created, changed or deleted (the server's file events). */
  forget(): void {
    this.byFile = new Map();
  }

  private async read(file: string): Promise<ResolvedConfig> {
    const read =
      (await readConfigFile(file, file === this.explicit ? undefined : path.dirname(file))) ??
      // Only an explicit file can be missing.
      { text: '', config: configSchema.parse({}), problems: [{ start: 0, end: 0, message: msg('không có tệp cấu hình này; dùng cấu hình mặc định.', 'no such configuration file; defaults are used.') }] };
    if (read.problems.length > 0) this.reportProblems(file, read);
    return { file, config: mergeConfigs(configSchema.parse({}), read.config) };
  }
}

function findUp(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    // lstat: a broken link or a special file named like the configuration is reported, not passed over.
    if (lstatSync(candidate, { throwIfNoEntry: false })) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
