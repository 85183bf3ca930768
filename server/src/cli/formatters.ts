import path from 'node:path';
import type { OutputDiagnostic } from '../core/output.js';
import type { Rule } from '../core/rule.js';
import type { Locale } from '../core/types.js';
import type { SourcePosition } from '../core/import/index.js';

export interface FileReport {
  file: string;
  diagnostics: OutputDiagnostic[];
  /** The file was a .docx/.html/.pdf/.txt checked as imported: lines are those of the imported notice; where each came from. */
  imported?: { lineSources: (SourcePosition | undefined)[] };
}

/** Where in the original document a diagnostic's line came from (page, paragraph, line), for imported files. */
const sourceOf = (report: FileReport, diagnostic: OutputDiagnostic) => report.imported?.lineSources[diagnostic.range.start.line];

export type Format = 'stylish' | 'json' | 'sarif';

export function formatReports(format: Format, reports: FileReport[], context: { cwd: string; locale: Locale; rules: readonly Rule[]; color: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        reports.map((report) => ({
          file: report.file,
          ...(report.imported ? { imported: true } : {}),
          diagnostics: report.diagnostics.map((diagnostic) => {
            const { rule, severity, message, range } = diagnostic;
            const source = sourceOf(report, diagnostic);
            return { rule, severity, message, range, ...(source ? { source } : {}) };
          }),
        })),
      );
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
    lines.push(paint(4, path.relative(context.cwd, report.file) || report.file));
    for (const diagnostic of report.diagnostics) {
      totals[diagnostic.severity]++;
      const where = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      const label = LABELS[context.locale][diagnostic.severity];
      const colored = paint(diagnostic.severity === 'error' ? 31 : diagnostic.severity === 'warning' ? 33 : 36, label);
      lines.push(`  ${where.padEnd(8)} ${colored}  ${diagnostic.message}  ${paint(2, diagnostic.rule)}`);
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

function sarif(reports: FileReport[], context: { cwd: string; locale: Locale; rules: readonly Rule[]; version: string }) {
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
              helpUri: `docs/rules/${rule.id}.md`,
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.rule,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            // An imported file: the region is in the imported notice; its origin in the document is a property.
            ...(report.imported ? { properties: { importedNotice: true, ...(sourceOf(report, diagnostic) ? { source: sourceOf(report, diagnostic) } : {}) } } : {}),
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: path.relative(context.cwd, report.file).split(path.sep).join('/') },
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
