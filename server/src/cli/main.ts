import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineIndex } from '../core/positions.js';
import { localize } from '../core/i18n.js';
import { allRules } from '../core/rules/index.js';
import { CONFIG_FILE_NAME } from '../workspace/configFile.js';
import { ConfigResolver } from '../workspace/configResolver.js';
import type { Locale, Msg } from '../core/types.js';
import { collectFiles } from './files.js';
import { FORMATS, type Format } from './formatters.js';
import { runCheck } from './checkRun.js';
import type { RegistrySource } from './indexPass.js';
import { DEFAULT_BASELINE_FILE } from './baseline.js';
import { progressAllowed } from './progress.js';
import { forTerminal } from './terminalText.js';
import { IMPORT_USAGE, isImportOperand, runImport } from './import.js';
import { parseCommandArgs, UsageError } from './usage.js';
import { runTasks, TASKS_USAGE } from './tasks.js';
import packageJson from '../../../package.json';
import { EXPORT_USAGE, exportNotice } from './export.js';

const USAGE = `Cách dùng / Usage:
  thongbao check [--format stylish|json|sarif|junit|github] [--fix] [--config FILE] [--locale vi|en] [--max-warnings N]
                 [--jobs N] [--cache [--cache-location FILE]] [--baseline FILE] <tệp .tb.md|thư mục|glob>...
  thongbao baseline [--config FILE] [-o FILE] <tệp .tb.md|thư mục|glob>...
${IMPORT_USAGE}
  thongbao rules [--locale vi|en]
${EXPORT_USAGE}
${TASKS_USAGE}
  thongbao --help | --version

Mã thoát / exit codes: 0 không có lỗi / no error; 1 có lỗi (hoặc quá --max-warnings cảnh báo) / errors or too many warnings; 2 lỗi dùng lệnh, đọc tệp hoặc cấu hình / usage, I/O or configuration error.`;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** Draw a progress line on stderr during long checks (stderr is a terminal, not CI). */
  progress?: boolean;
}

export { UsageError } from './usage.js';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${forTerminal(`thongbao: ${error.message}`)}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`${forTerminal(`thongbao: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  if (command === 'rules') return listRules(rest, io);
  if (command === 'check') return check(rest, io);
  if (command === 'baseline') return check(rest, io, 'baseline');
  if (command === 'import') return runImport(rest, io);
  if (command === 'export') return exportNotice(rest, io);
  if (command === 'tasks') return runTasks(rest, io);
  throw new UsageError(`unknown command "${command}"`);
}

function parse(args: string[]) {
  return parseCommandArgs(args, {
    format: { type: 'string', default: 'stylish' },
    fix: { type: 'boolean', default: false },
    config: { type: 'string' },
    locale: { type: 'string' },
    'max-warnings': { type: 'string' },
    jobs: { type: 'string' },
    cache: { type: 'boolean', default: false },
    'cache-location': { type: 'string' },
    baseline: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
}

function readLocale(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (value !== 'vi' && value !== 'en') throw new UsageError(`--locale must be vi or en, not "${value}"`);
  return value;
}

function listRules(args: string[], io: CliIo): number {
  const locale = readLocale(parse(args).values.locale) ?? 'vi';
  for (const rule of allRules) io.stdout(`${rule.id.padEnd(24)} ${rule.defaultSeverity.padEnd(8)} ${rule.fixable ? 'fix' : '   '}  ${rule.description[locale]}\n`);
  return 0;
}

async function check(args: string[], io: CliIo, command: 'check' | 'baseline' = 'check'): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${values.format}"`);
  const maxWarnings = readMaxWarnings(values['max-warnings']);
  const jobs = readJobs(values.jobs);
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location goes with --cache');
  if (command === 'baseline' && (values.baseline !== undefined || values.fix)) throw new UsageError('thongbao baseline takes -o FILE, not --baseline or --fix');
  if (command === 'check' && values.output !== undefined) throw new UsageError('-o/--output belongs to thongbao baseline');
  if (positionals.length === 0) throw new UsageError('no file, folder or glob given');
  if (values.fix && positionals.some(isImportOperand)) throw new UsageError('--fix cannot write into a .docx, .html, .pdf or .txt file; import it first (thongbao import FILE -o FILE.tb.md) and fix the .tb.md');
  if (positionals.some((operand) => operand.trim() === '')) throw new UsageError('an empty operand names no file (give a file, folder or glob)');
  if (values.config !== undefined && values.config.trim() === '') throw new UsageError('--config needs a file name, not an empty one');
  const localeOption = readLocale(values.locale);

  let failed = false;
  /** One line on stderr about a file, in the run's language: --locale, else that of the configuration governing the file. */
  const problem = async (file: string, message: Msg, where = '') => {
    failed = true;
    const locale = localeOption ?? (await configs.forFile(path.resolve(io.cwd, file))).config.locale;
    io.stderr(`${forTerminal(`thongbao: ${path.relative(io.cwd, path.resolve(io.cwd, file)) || file}${where}: ${localize(message, locale)}`)}\n`);
  };
  const configs = new ConfigResolver(values.config ? path.resolve(io.cwd, values.config) : undefined, (file, read) => {
    failed = true;
    const lines = new LineIndex(read.text);
    for (const configProblem of read.problems) {
      const position = lines.positionAt(configProblem.start);
      io.stderr(`${forTerminal(`thongbao: ${path.relative(io.cwd, file) || file}:${position.line + 1}:${position.character + 1}: ${localize(configProblem.message, localeOption ?? read.config.locale)}`)}\n`);
    }
  });

  const { files, folders, errors } = await collectFiles(positionals, io.cwd);
  for (const error of errors) await problem(error.file, error.message);

  // Registries: each folder given, and the folder of each configuration in use, with its `registry` globs.
  const sources = new Map<string, RegistrySource>();
  const addSource = (root: string, globs: readonly string[]) => sources.set(JSON.stringify([root, globs]), { root, globs });
  for (const folder of folders) {
    const { file, config } = await configs.forFile(path.join(folder, CONFIG_FILE_NAME));
    addSource(file ? path.dirname(file) : folder, config.registry);
  }
  for (const file of files) {
    const { file: configFile, config } = await configs.forFile(file);
    if (configFile) addSource(path.dirname(configFile), config.registry);
  }

  const outcome = await runCheck(
    {
      sources: [...sources.values()],
      files,
      format,
      fix: values.fix,
      jobs,
      locale: localeOption,
      configFor: async (file) => (await configs.forFile(file)).config,
      problem,
      cache: values.cache ? { location: values['cache-location'] } : undefined,
      baseline: command === 'baseline' ? { file: values.output ?? DEFAULT_BASELINE_FILE, mode: 'write' } : values.baseline !== undefined ? { file: values.baseline, mode: 'compare' } : undefined,
      version: packageJson.version,
      docsBase: DOCS_BASE,
    },
    { ...io, progress: io.progress ?? false },
  );
  if (command === 'baseline') io.stderr(`${forTerminal(`thongbao: ${outcome.recorded} finding(s) of ${files.length} file(s) recorded in ${values.output ?? DEFAULT_BASELINE_FILE}`)}\n`);
  if (failed) return 2;
  if (command === 'baseline') return 0;
  return outcome.totals.error > 0 || outcome.totals.warning > maxWarnings ? 1 : 0;
}

function readJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--jobs takes a whole number ≥ 1, not "${value}"`);
  return Number(value);
}

function readMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  // Digits only: Number() would also take '', ' 0x0 ', '1e2'.
  if (!/^\d+$/u.test(value)) throw new UsageError(`--max-warnings takes a whole number ≥ 0 written in digits, not "${value}"`);
  return Number(value);
}

// The resolver lives with the workspace code, so that the language server uses the same one.
export { ConfigResolver } from '../workspace/configResolver.js';

/** The rule pages (docs/rules/) beside the running code: dist/ when bundled, server/src/cli/ from source. */
const DOCS_BASE = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let folder = here, depth = 0; depth < 4; depth++, folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (existsSync(candidate)) return pathToFileURL(candidate + path.sep).href;
  }
  return pathToFileURL(path.join(here, '..', 'docs', 'rules') + path.sep).href;
})();

/**
 * Entry of the `thongbao` bin. An output that cannot be written (a full disk,
 * a closed pipe) ends the run with exit 2: one line on stderr, none for a
 * reader that went away (EPIPE, as in `thongbao check … | head -1`).
 */
export function main(): void {
  let outputFailed = false;
  const outputError = (error: unknown) => {
    if (outputFailed) return;
    outputFailed = true;
    process.exitCode = 2;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPIPE') process.stderr.write(`thongbao: cannot write the output (${code ?? String(error)})\n`);
  };
  process.stdout.on('error', outputError);
  process.stderr.on('error', () => (process.exitCode = 2));
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => {
      if (outputFailed) return;
      try {
        process.stdout.write(text);
      } catch (error) {
        // Writes to a file are synchronous and throw rather than emit.
        outputError(error);
      }
    },
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    progress: progressAllowed(process.stderr.isTTY === true, process.env),
  }).then((code) => {
    process.exitCode = outputFailed ? 2 : code;
  });
}
