import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputDiagnostic } from '../core/output.js';
import type { Rule } from '../core/rule.js';
import type { Locale } from '../core/types.js';
import { forTerminal } from './terminalText.js';

export interface FileReport {
  file: string;
  diagnostics: OutputDiagnostic[];
}

export type Format = 'stylish' | 'json' | 'sarif';

export interface FormatContext {
  cwd: string;
  locale: Locale;
  rules: readonly Rule[];
  color: boolean;
  version: string;
  /** Absolute URL of the folder of rule pages (docs/rules/), ending in '/'. */
  docsBase: string;
}

export function formatReports(format: Format, reports: FileReport[], context: FormatContext): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reports.map((report) => ({ file: report.file, diagnostics: report.diagnostics.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })) })));
    case 'sarif':
      return JSON.stringify(sarif(reports, context), null, 2);
    case 'stylish':
      return stylish(reports, context);
  }
}

const LABELS: Record<Locale, Record<OutputDiagnostic['severity'], string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function stylish(reports: FileReport[], context: { cwd: string; locale: Locale; color: boolean }): string {
  const paint = (code: number, text: string) => (context.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    lines.push(paint(4, forTerminal(path.relative(context.cwd, report.file) || report.file)));
    for (const diagnostic of report.diagnostics) {
      totals[diagnostic.severity]++;
      const where = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      const label = LABELS[context.locale][diagnostic.severity];
      const colored = paint(diagnostic.severity === 'error' ? 31 : diagnostic.severity === 'warning' ? 33 : 36, label);
      // Messages quote the notice's own text: nothing in it may reach the terminal as a control sequence.
      lines.push(`  ${where.padEnd(8)} ${colored}  ${forTerminal(diagnostic.message)}  ${paint(2, forTerminal(diagnostic.rule))}`);
    }
    lines.push('');
  }
  const summary =
    context.locale === 'vi'
      ? `${reports.length} tệp; ${totals.error} lỗi, ${totals.warning} cảnh báo, ${totals.info} lưu ý`
      : `${reports.length} file(s); ${totals.error} error(s), ${totals.warning} warning(s), ${totals.info} info`;
  lines.push(summary);
  return lines.join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF's name for the folder the run was started in; locations are URI references relative to it. */
const SOURCE_ROOT = 'SRCROOT';

/** A file as a SARIF artifact location: a percent-encoded URI reference below the run's folder, or an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function sarif(reports: FileReport[], context: FormatContext) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'thongbao',
            version: context.version,
            rules: context.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description[context.locale] },
              helpUri: new URL(`${rule.id}.md`, context.docsBase).href,
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith(path.sep) ? context.cwd : context.cwd + path.sep).href } },
        results: reports.flatMap((report) =>
          report.diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.rule,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(path.resolve(context.cwd, report.file), context.cwd),
                  // SARIF columns count characters from 1; LSP's UTF-16 units are the nearest common unit.
                  region: {
                    startLine: diagnostic.range.start.line + 1,
                    startColumn: diagnostic.range.start.character + 1,
                    endLine: diagnostic.range.end.line + 1,
                    endColumn: diagnostic.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
