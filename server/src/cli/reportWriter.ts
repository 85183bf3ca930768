import type { OutputDiagnostic } from '../core/output.js';
import type { Rule } from '../core/rule.js';
import type { Locale } from '../core/types.js';
import { type FileReport, jsonReport, sarifLog, sarifResult, stylishFile, stylishSummary, type Format, type Totals } from './formatters.js';
import { githubAnnotations } from './formats/github.js';
import { JUNIT_HEAD, JUNIT_TAIL, junitSuite } from './formats/junit.js';

export interface WriterContext {
  cwd: string;
  locale: Locale;
  rules: readonly Rule[];
  color: boolean;
  version: string;
  /** Absolute URL of the rule pages (docs/rules/), ending in '/'. */
  docsBase: string;
  /** True when a baseline is in use: SARIF then marks every result new or unchanged. */
  baseline: boolean;
}

/** One checked file as written: its new findings, and those the baseline already holds. */
export interface WrittenReport extends FileReport {
  baselined: OutputDiagnostic[];
}

/**
 * Writes the report file by file as results arrive, in input order: nothing
 * of a file is kept once it is written (SARIF's results are streamed between
 * its head and tail). `locale` is read at the end for the summary, since it
 * can come from the files' configuration.
 */
export class ReportWriter {
  private files = 0;
  private readonly totals: Totals = { error: 0, warning: 0, info: 0 };
  private baselinedCount = 0;
  private first = true;
  private sarifResults = 0;
  private sarifTail = '';

  constructor(private readonly format: Format, private readonly context: WriterContext, private readonly write: (text: string) => void) {}

  get counts(): Readonly<Totals> & { baselined: number } {
    return { ...this.totals, baselined: this.baselinedCount };
  }

  add(report: WrittenReport): void {
    const isFirst = this.first;
    if (isFirst) this.begin();
    this.first = false;
    this.files++;
    this.baselinedCount += report.baselined.length;
    switch (this.format) {
      case 'stylish': {
        const lines = stylishFile(report, this.context, this.totals);
        if (lines.length > 0) this.write(`${lines.join('\n')}\n`);
        return;
      }
      case 'json':
        this.count(report.diagnostics);
        this.write(`${isFirst ? '' : ','}${JSON.stringify(jsonReport(report))}`);
        return;
      case 'sarif': {
        this.count(report.diagnostics);
        const results = [
          ...report.diagnostics.map((diagnostic) => this.sarif(report, diagnostic, 'new')),
          ...(this.context.baseline ? report.baselined.map((diagnostic) => this.sarif(report, diagnostic, 'unchanged')) : []),
        ];
        for (const result of results) {
          this.write(`${this.sarifResults++ === 0 ? '\n' : ',\n'}${indent(JSON.stringify(result, null, 2), '        ')}`);
        }
        return;
      }
      case 'junit':
        this.count(report.diagnostics);
        this.write(`\n${junitSuite(report.file, report.diagnostics)}`);
        return;
      case 'github':
        this.count(report.diagnostics);
        for (const line of githubAnnotations(report.file, report.diagnostics)) this.write(`${line}\n`);
        return;
    }
  }

  /** Ends the output; returns a line for stderr about the baseline, when one is in use and the format leaves stdout to machines. */
  end(): string | undefined {
    const locale = this.context.locale;
    if (this.first) this.begin();
    const baselined = this.context.baseline ? baselineLine(this.baselinedCount, locale) : undefined;
    switch (this.format) {
      case 'stylish':
        this.write(`${stylishSummary(this.files, this.totals, locale)}${baselined ? `; ${baselined}` : ''}\n`);
        return undefined;
      case 'json':
        this.write(']\n');
        break;
      case 'sarif':
        this.write(`${this.sarifResults > 0 ? '\n      ' : ''}${this.sarifTail}\n`);
        break;
      case 'junit':
        this.write(`\n${JUNIT_TAIL}\n`);
        break;
      case 'github':
        break;
    }
    return baselined;
  }

  private begin(): void {
    if (this.format === 'json') this.write('[');
    if (this.format === 'junit') this.write(JUNIT_HEAD);
    if (this.format === 'sarif') {
      // The log is laid out as JSON.stringify(…, null, 2) would, with the results written in place of the marker.
      const marker = '"results": []';
      const whole = JSON.stringify(sarifLog(this.context, []), null, 2);
      const at = whole.indexOf(marker);
      this.write(whole.slice(0, at + marker.length - 1));
      this.sarifTail = whole.slice(at + marker.length - 1);
    }
  }

  private sarif(report: WrittenReport, diagnostic: OutputDiagnostic, state: 'new' | 'unchanged') {
    const result = sarifResult(report, diagnostic, this.context);
    return this.context.baseline ? { ...result, baselineState: state } : result;
  }

  private count(diagnostics: readonly OutputDiagnostic[]): void {
    for (const diagnostic of diagnostics) this.totals[diagnostic.severity]++;
  }
}

function indent(text: string, by: string): string {
  return text.replace(/^/gmu, by);
}

function baselineLine(count: number, locale: Locale): string {
  return locale === 'vi' ? `${count} vấn đề đã có trong baseline, không báo lại` : `${count} finding(s) already in the baseline, not reported`;
}
