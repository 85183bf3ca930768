import { parseArgs } from 'node:util';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { analyzeNotice } from '../core/analyze.js';
import { fixAll } from '../core/fixAll.js';
import { configSchema, mergeConfigs, type ThongbaoConfig } from '../core/config.js';
import { toOutputDiagnostics } from '../core/output.js';
import { LineIndex } from '../core/positions.js';
import { localize } from '../core/i18n.js';
import { allRules } from '../core/rules/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import { CONFIG_FILE_NAME, parseConfigText } from '../workspace/configFile.js';
import { indexCheckTargets } from '../workspace/index.js';
import { URI } from 'vscode-uri';
import type { Locale } from '../core/types.js';
import { collectFiles } from './files.js';
import { NotUtf8Error, readFileText, writeFileAtomic } from './fileText.js';
import { formatReports, type FileReport, type Format } from './formatters.js';
import { runTasks, TASKS_USAGE } from './tasks.js';
import packageJson from '../../../package.json';

const USAGE = `Cách dùng / Usage:
  thongbao check [--format stylish|json|sarif] [--fix] [--config FILE] [--locale vi|en] [--max-warnings N] <tệp|thư mục|glob>...
  thongbao rules [--locale vi|en]
${TASKS_USAGE}
  thongbao --help | --version

Mã thoát / exit codes: 0 không có lỗi / no error; 1 có lỗi (hoặc quá --max-warnings cảnh báo) / errors or too many warnings; 2 lỗi dùng lệnh, đọc tệp hoặc cấu hình / usage, I/O or configuration error.`;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`thongbao: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`thongbao: ${error instanceof Error ? error.message : String(error)}\n`);
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
  if (command === 'tasks') return runTasks(rest, io, (message) => new UsageError(message));
  throw new UsageError(`unknown command "${command}"`);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string' },
        locale: { type: 'string' },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not "${values.format}"`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  if (positionals.length === 0) throw new UsageError('no file, folder or glob given');
  const localeOption = readLocale(values.locale);

  let ioFailed = false;
  const configs = new ConfigResolver(io, values.config ? path.resolve(io.cwd, values.config) : undefined);
  if (values.config && !(await configs.explicitOk())) return 2;

  const { files, errors } = await collectFiles(positionals, io.cwd);
  for (const error of errors) io.stderr(`thongbao: ${error.file}: ${error.message}\n`);
  if (errors.length > 0) ioFailed = true;

  const knowledge = loadKnowledge();
  // One workspace index over everything checked: citations in one file are compared with the others.
  const { index, registryProblems } = await indexCheckTargets(positionals, files, io.cwd, knowledge);
  const registry = index.registry();
  for (const [uri, { text, problems }] of registryProblems) {
    const lines = new LineIndex(text);
    const file = path.relative(io.cwd, URI.parse(uri).fsPath);
    for (const problem of problems) {
      const position = lines.positionAt(problem.start);
      io.stderr(`thongbao: ${file}:${position.line + 1}:${position.character + 1}: ${localize(problem.message, localeOption ?? 'vi')}\n`);
    }
  }
  const reports: FileReport[] = [];
  let locale: Locale = localeOption ?? 'vi';
  for (const file of files) {
    let source;
    try {
      source = await readFileText(file);
    } catch (error) {
      ioFailed = true;
      const reason = error instanceof NotUtf8Error ? error.message : (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
      io.stderr(`thongbao: ${path.relative(io.cwd, file) || file}: ${reason}\n`);
      continue;
    }
    const config = await configs.forFile(file);
    if (!config) {
      ioFailed = true;
      continue;
    }
    locale = localeOption ?? config.locale;
    const options = { knowledge, config, registry, uri: URI.file(file).toString() };
    let text = source.text;
    if (values.fix) {
      const fixed = fixAll(text, options).text;
      if (fixed !== text) {
        try {
          await writeFileAtomic(file, fixed);
          text = fixed;
        } catch (error) {
          ioFailed = true;
          io.stderr(`thongbao: ${file}: could not write the fixes (${error instanceof Error ? error.message : String(error)}); the file is unchanged\n`);
        }
      }
    }
    const { findings } = analyzeNotice(text, options);
    reports.push({ file: path.relative(io.cwd, file) || file, diagnostics: toOutputDiagnostics(findings, text, locale) });
  }

  const output = formatReports(format, reports, { cwd: io.cwd, locale, rules: allRules, color: io.color, version: packageJson.version });
  io.stdout(`${output}\n`);
  if (ioFailed || configs.failed) return 2;
  const all = reports.flatMap((report) => report.diagnostics);
  const errorCount = all.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warningCount = all.filter((diagnostic) => diagnostic.severity === 'warning').length;
  return errorCount > 0 || warningCount > maxWarnings ? 1 : 0;
}

/** Finds the thongbao.config.json that applies to a file (nearest folder upwards, or --config). */
class ConfigResolver {
  failed = false;
  private readonly byFile = new Map<string, Promise<ThongbaoConfig | undefined>>();

  constructor(private readonly io: CliIo, private readonly explicit: string | undefined) {}

  async explicitOk(): Promise<boolean> {
    return (await this.load(this.explicit!)) !== undefined;
  }

  async forFile(file: string): Promise<ThongbaoConfig | undefined> {
    const configFile = this.explicit ?? findUp(path.dirname(file));
    if (!configFile) return configSchema.parse({});
    return this.load(configFile);
  }

  private load(file: string): Promise<ThongbaoConfig | undefined> {
    let pending = this.byFile.get(file);
    if (!pending) {
      pending = this.read(file);
      this.byFile.set(file, pending);
    }
    return pending;
  }

  private async read(file: string): Promise<ThongbaoConfig | undefined> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      this.failed = true;
      this.io.stderr(`thongbao: ${file}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return undefined;
    }
    const { config, problems } = parseConfigText(text);
    if (problems.length > 0) {
      this.failed = true;
      const lines = new LineIndex(text);
      for (const problem of problems) {
        const position = lines.positionAt(problem.start);
        this.io.stderr(`thongbao: ${path.relative(this.io.cwd, file) || file}:${position.line + 1}:${position.character + 1}: ${localize(problem.message, config.locale)}\n`);
      }
    }
    return mergeConfigs(configSchema.parse({}), config);
  }
}

function findUp(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/** Entry of the `thongbao` bin. */
export function main(): void {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  }).then((code) => {
    process.exitCode = code;
  });
}
