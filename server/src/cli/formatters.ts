import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputDiagnostic } from '../core/output.js';
import type { Rule } from '../core/rule.js';
import type { Locale } from '../core/types.js';
import type { SourcePosition } from '../core/import/index.js';
import { forTerminal } from './terminalText.js';

export interface FileReport {
  file: string;
  diagnostics: OutputDiagnostic[];
  /** The file was a .docx/.html/.pdf/.txt checked as imported: lines are those of the imported notice; where each came from. */
  imported?: { lineSources: (SourcePosition | undefined)[] };
}

/** Where in the original document a diagnostic's line came from (page, paragraph, line), for imported files. */
const sourceOf = (report: FileReport, diagnostic: OutputDiagnostic) => report.imported?.lineSources[diagnostic.range.start.line];

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** One file's entry of the JSON output. */
export function jsonReport(report: FileReport) {
  return {
    file: report.file,
    ...(report.imported ? { imported: true } : {}),
    diagnostics: report.diagnostics.map((diagnostic) => {
      const { rule, severity, message, range } = diagnostic;
      const source = sourceOf(report, diagnostic);
      return { rule, severity, message, range, ...(source ? { source } : {}) };
    }),
  };
}

const LABELS: Record<Locale, Record<OutputDiagnostic['severity'], string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export type Totals = Record<OutputDiagnostic['severity'], number>;

/** The lines of one file's findings (none for a clean file), counted into `totals`; the CLI streams them file by file. */
export function stylishFile(report: FileReport, context: { cwd: string; locale: Locale; color: boolean }, totals: Totals): string[] {
  const paint = (code: number, text: string) => (context.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  if (report.diagnostics.length === 0) return lines;
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
  return lines;
}

export function stylishSummary(fileCount: number, totals: Totals, locale: Locale): string {
  return locale === 'vi'
    ? `${fileCount} tệp; ${totals.error} lỗi, ${totals.warning} cảnh báo, ${totals.info} lưu ý`
    : `${fileCount} file(s); ${totals.error} error(s), ${totals.warning} warning(s), ${totals.info} info`;
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

/** The SARIF log around a list of results (the CLI streams the results into it). */
export function sarifLog(context: { cwd: string; locale: Locale; rules: readonly Rule[]; version: string; docsBase: string }, results: unknown[]) {
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
        results,
      },
    ],
  };
}

export function sarifResult(report: FileReport, diagnostic: OutputDiagnostic, context: { cwd: string }) {
  return {
    ruleId: diagnostic.rule,
    level: SARIF_LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    // An imported file: the region is in the imported notice; its origin in the document is a property.
    ...(report.imported ? { properties: { importedNotice: true, ...(sourceOf(report, diagnostic) ? { source: sourceOf(report, diagnostic) } : {}) } } : {}),
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
  };
}
