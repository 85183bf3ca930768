import { LineIndex } from './positions.js';
import { localize } from './i18n.js';
import type { Finding, Locale, Range, Severity } from './types.js';

/** The public shape of a diagnostic: the CLI's JSON and the `thongbao/core` API agree on it. */
export interface OutputDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The certain fix, when the rule has one: title and edits in LSP ranges. */
  fix?: { title: string; edits: { range: Range; newText: string }[] };
}

export function toOutputDiagnostics(findings: Finding[], text: string, locale: Locale, withFixes = false): OutputDiagnostic[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const diagnostic: OutputDiagnostic = {
      rule: finding.rule,
      severity: finding.severity,
      message: localize(finding.message, locale),
      range: lines.rangeOf(finding.start, finding.end),
    };
    if (withFixes && finding.fix) {
      diagnostic.fix = {
        title: localize(finding.fix.title, locale),
        edits: finding.fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText })),
      };
    }
    return diagnostic;
  });
}
