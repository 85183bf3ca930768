import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeNotice } from '../core/analyze.js';
import { configSchema } from '../core/config.js';
import { describePosition, IMPORT_KIND_LABELS, type ImportEntry, type SourcePosition } from '../core/import/index.js';
import { localize } from '../core/i18n.js';
import { toOutputDiagnostics } from '../core/output.js';
import { msg, type Locale, type Msg } from '../core/types.js';
import { IMPORT_EXTENSIONS, ImportReadError, importFromDisk, importFormatOf } from '../import/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import { createShippedRegistry } from '../workspace/shippedRegistry.js';
import { WriteRefusedError, writeFileSafely } from './safeWrite.js';
import { forTerminal } from './terminalText.js';
import { stylishFile, stylishSummary } from './formatters.js';
import type { CliIo } from './main.js';
import { parseCommandArgs, UsageError } from './usage.js';

export const IMPORT_USAGE = `  thongbao import [-o OUT.tb.md | --out-dir DIR] [--force] [--format stylish|json] [--check] [--locale vi|en] <tệp .docx|.html|.pdf|.txt|.md>...
      không có -o/--out-dir: in thông báo ra stdout, báo cáo ra stderr / without -o or --out-dir: the notice to stdout, the report to stderr`;


/** An operand of `thongbao check` that is imported in memory: its notice text and where each line came from. */
export interface ImportedOperand {
  text: string;
  lineSources: (SourcePosition | undefined)[];
}

/** One place that turns a read or recognition failure into the CLI's one-line reason. */
async function importOrExplain(file: string): Promise<{ result?: Awaited<ReturnType<typeof importFromDisk>>; error?: Msg }> {
  try {
    const result = await importFromDisk(file, loadKnowledge());
    if (!result.recognized) return { error: msg('không giống một thông báo: không thấy, hoặc chỉ thấy một trong, phần đầu, tên loại (THÔNG BÁO), “Nơi nhận” và chữ ký', 'does not look like a notice: none or only one of the header, the type name (THÔNG BÁO), “Nơi nhận” and the signature was found') };
    return { result };
  } catch (error) {
    if (error instanceof ImportReadError) return { error: error.reason };
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: msg(`không đọc được (${detail})`, `could not be read (${detail})`) };
  }
}

/** For `thongbao check`: imports a .docx/.html/.pdf/.txt operand in memory. */
export async function importOperand(file: string): Promise<ImportedOperand> {
  const { result, error } = await importOrExplain(file);
  if (!result) throw new ImportReadError(error!);
  return { text: result.text, lineSources: result.lineSources };
}

export const isImportOperand = (file: string) => importFormatOf(file) !== undefined && !file.toLowerCase().endsWith('.md');

function stylishReport(file: string, output: string | undefined, report: ImportEntry[], locale: Locale): string {
  const lines = [output ? `${file} → ${output}` : file];
  for (const entry of report) {
    const where = describePosition(entry.source, locale);
    lines.push(`  ${IMPORT_KIND_LABELS[locale][entry.kind].padEnd(15)} ${where ? `${where}: ` : ''}${localize(entry.message, locale)}${entry.text ? `  “${entry.text}”` : ''}`);
  }
  return lines.join('\n');
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    out: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
    format: { type: 'string', default: 'stylish' },
    check: { type: 'boolean', default: false },
    locale: { type: 'string' },
  });
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`--format must be stylish or json, not "${format}"`);
  if (values.locale !== undefined && values.locale !== 'vi' && values.locale !== 'en') throw new UsageError(`--locale must be vi or en, not "${values.locale}"`);
  const locale: Locale = (values.locale as Locale | undefined) ?? 'vi';
  if (positionals.length === 0) throw new UsageError(`no file given (${IMPORT_EXTENSIONS.join(' ')})`);
  if (values.out && values['out-dir']) throw new UsageError('give -o or --out-dir, not both');
  if (values.out && positionals.length > 1) throw new UsageError('-o takes one input file; use --out-dir for several');
  if (values.out && !values.out.endsWith('.tb.md')) throw new UsageError('the output file name must end in .tb.md');

  let failed = false;
  let errors = 0;
  const summaries: unknown[] = [];
  const knowledge = loadKnowledge();
  const config = configSchema.parse({});
  const registry = createShippedRegistry();
  for (const operand of positionals) {
    const file = path.resolve(io.cwd, operand);
    const shown = path.relative(io.cwd, file) || file;
    const { result, error } = await importOrExplain(file);
    if (!result) {
      io.stderr(`${forTerminal(`thongbao: ${shown}: ${localize(error!, locale)}`)}\n`);
      failed = true;
      continue;
    }
    let output: string | undefined;
    if (values.out) output = path.resolve(io.cwd, values.out);
    else if (values['out-dir']) output = path.join(path.resolve(io.cwd, values['out-dir']), `${path.basename(file).replace(/\.[^.]+$/u, '')}.tb.md`);
    const shownOutput = output ? path.relative(io.cwd, output) || output : undefined;
    if (output) {
      const exists = await fs.stat(output).then(() => true, () => false);
      if (exists && !values.force) {
        io.stderr(`thongbao: ${shownOutput}: already exists; add --force to replace it\n`);
        failed = true;
        continue;
      }
      try {
        await writeFileSafely(output, result.text);
      } catch (writeError) {
        const reason = writeError instanceof WriteRefusedError ? localize(writeError.reason, locale) : writeError instanceof Error ? writeError.message : String(writeError);
        io.stderr(`${forTerminal(`thongbao: ${shownOutput}: could not write (${reason}); nothing was written`)}\n`);
        failed = true;
        continue;
      }
    } else if (format === 'stylish') {
      io.stdout(result.text);
    }
    let diagnostics;
    if (values.check) {
      const { findings } = analyzeNotice(result.text, { knowledge, config, registry, uri: URI.file(output ?? file).toString() });
      diagnostics = toOutputDiagnostics(findings, result.text, locale);
      errors += diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    }
    if (format === 'json') {
      summaries.push({
        file: shown,
        output: shownOutput,
        ...(output ? {} : { text: result.text }),
        fields: result.fields,
        stats: result.stats,
        report: result.report.map((entry) => ({ kind: entry.kind, message: localize(entry.message, locale), source: entry.source, text: entry.text })),
        ...(diagnostics ? { diagnostics: diagnostics.map(({ rule, severity, message, range }) => ({ rule, severity, message, range, source: result.lineSources[range.start.line] })) } : {}),
      });
    } else {
      io.stderr(`${stylishReport(shown, shownOutput, result.report, locale)}\n`);
      if (diagnostics) {
        const totals = { error: 0, warning: 0, info: 0 };
        const lines = stylishFile({ file: shownOutput ?? shown, diagnostics }, { cwd: io.cwd, locale, color: false }, totals);
        io.stderr(`${[...lines, stylishSummary(1, totals, locale)].join('\n')}\n`);
      }
    }
  }
  if (format === 'json') io.stdout(`${JSON.stringify(summaries)}\n`);
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}
