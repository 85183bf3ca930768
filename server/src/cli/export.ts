import path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeNotice } from '../core/analyze.js';
import { localize } from '../core/i18n.js';
import { layoutNotice } from '../core/layout/index.js';
import { toOutputDiagnostics } from '../core/output.js';
import type { Locale } from '../core/types.js';
import { writeDocx } from '../export/docx.js';
import { docxToPdf, findSoffice } from '../export/pdf.js';
import { loadKnowledge } from '../knowledge/index.js';
import { LineIndex } from '../core/positions.js';
import { FileReadError, readFileText } from './fileText.js';
import { stylishFile, stylishSummary } from './formatters.js';
import { indexForCheck } from './indexPass.js';
import { ConfigResolver, type CliIo } from './main.js';
import { parseCommandArgs, UsageError } from './usage.js';
import { WriteRefusedError, writeFileSafely } from './safeWrite.js';
import { forTerminal } from './terminalText.js';

export const EXPORT_USAGE = `  thongbao export <tệp.tb.md> [-o TỆP.docx|.pdf] [--to docx|pdf] [--allow-errors] [--config FILE] [--locale vi|en]
      Xuất văn bản theo thể thức Nghị định 30/2020/NĐ-CP (.docx; .pdf qua LibreOffice). Lỗi in ra stderr như "check";
      có lỗi thì không xuất (mã 1) trừ khi có --allow-errors.
      Writes the notice in the official layout (.docx; .pdf through LibreOffice). Findings go to stderr as with "check";
      a notice with errors is not exported (exit 1) unless --allow-errors is given.`;

type Target = 'docx' | 'pdf';

function parse(args: string[]) {
  return parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    to: { type: 'string' },
    'allow-errors': { type: 'boolean', default: false },
    config: { type: 'string' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
}

function targetOf(option: string | undefined, output: string | undefined): Target {
  if (option !== undefined) {
    if (option !== 'docx' && option !== 'pdf') throw new UsageError(`--to must be docx or pdf, not "${option}"`);
    return option;
  }
  return output?.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx';
}

/** notice.tb.md → notice.docx beside it. */
function defaultOutput(file: string, target: Target): string {
  const base = path.basename(file).replace(/\.tb\.md$/iu, '').replace(/\.md$/iu, '');
  return path.join(path.dirname(file), `${base}.${target}`);
}

/** `thongbao export`: check the notice, lay it out, write it as .docx (or PDF through LibreOffice). */
export async function exportNotice(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(`Cách dùng / Usage:\n${EXPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'export takes one notice (FILE.tb.md)' : 'export takes one notice at a time');
  if (values.locale !== undefined && values.locale !== 'vi' && values.locale !== 'en') throw new UsageError(`--locale must be vi or en, not "${values.locale}"`);
  const target = targetOf(values.to, values.output);
  const file = path.resolve(io.cwd, positionals[0]!);
  const output = values.output ? path.resolve(io.cwd, values.output) : defaultOutput(file, target);
  const shown = (name: string) => path.relative(io.cwd, name) || name;
  if (output === file) throw new UsageError('the output would overwrite the notice itself');

  const localeOption = values.locale as Locale | undefined;
  let configFailed = false;
  const configs = new ConfigResolver(values.config ? path.resolve(io.cwd, values.config) : undefined, (configFile, read) => {
    configFailed = true;
    const lines = new LineIndex(read.text);
    for (const problem of read.problems) {
      const position = lines.positionAt(problem.start);
      io.stderr(`${forTerminal(`thongbao: ${shown(configFile)}:${position.line + 1}:${position.character + 1}: ${localize(problem.message, localeOption ?? read.config.locale)}`)}\n`);
    }
  });
  const { file: configFile, config } = await configs.forFile(file);
  if (configFailed) return 2;
  const locale: Locale = localeOption ?? config.locale;
  let text: string;
  try {
    text = (await readFileText(file)).text;
  } catch (error) {
    const reason = error instanceof FileReadError ? localize(error.reason, locale) : error instanceof Error ? error.message : String(error);
    io.stderr(`${forTerminal(`thongbao: ${shown(file)}: ${reason}`)}\n`);
    return 2;
  }

  const knowledge = loadKnowledge();
  const { index } = await indexForCheck([file], configFile ? [{ root: path.dirname(configFile), globs: config.registry }] : [], knowledge, undefined);
  const analysis = analyzeNotice(text, { knowledge, config, registry: index, uri: URI.file(file).toString() });
  const diagnostics = toOutputDiagnostics(analysis.findings, text, locale);
  if (diagnostics.length > 0) {
    const totals = { error: 0, warning: 0, info: 0 };
    const lines = stylishFile({ file: shown(file), diagnostics }, { cwd: io.cwd, locale, color: false }, totals);
    io.stderr(`${[...lines, stylishSummary(1, totals, locale)].join('\n')}\n`);
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0 && !values['allow-errors']) {
    io.stderr(
      locale === 'vi'
        ? `thongbao: ${shown(file)}: có ${errors} lỗi, chưa xuất; sửa lỗi hoặc dùng --allow-errors để xuất bản nháp.\n`
        : `thongbao: ${shown(file)}: ${errors} error(s), not exported; fix them or pass --allow-errors to export a draft.\n`,
    );
    return 1;
  }

  const layout = layoutNotice(analysis.model);
  if (!layout.ok) {
    for (const problem of layout.problems) io.stderr(`${forTerminal(`thongbao: ${shown(file)}: ${localize(problem, locale)}`)}\n`);
    return 2;
  }
  let bytes: Uint8Array = await writeDocx(layout.layout);
  if (target === 'pdf') {
    const soffice = findSoffice();
    if (!soffice) {
      io.stderr(
        locale === 'vi'
          ? 'thongbao: xuất PDF cần LibreOffice (lệnh soffice), máy này chưa cài (Debian: apt-get install libreoffice-writer); xuất .docx thì không cần.\n'
          : 'thongbao: PDF export needs LibreOffice (the soffice command), which is not installed here (Debian: apt-get install libreoffice-writer); .docx export does not.\n',
      );
      return 2;
    }
    bytes = await docxToPdf(bytes, soffice);
  }
  try {
    await writeFileSafely(output, bytes);
  } catch (error) {
    const reason = error instanceof WriteRefusedError ? localize(error.reason, locale) : error instanceof Error ? error.message : String(error);
    io.stderr(`${forTerminal(`thongbao: ${shown(output)}: could not write (${reason})`)}\n`);
    return 2;
  }
  io.stdout(`${shown(output)}\n`);
  return 0;
}
