import type { OutputDiagnostic } from '../../core/output.js';

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure): one <testsuite>
 * per file, one failing <testcase> per finding, one passing <testcase> for a
 * clean file. Written file by file, so the totals live on each suite.
 */
export const JUNIT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="thongbao">';
export const JUNIT_TAIL = '</testsuites>';

/** Text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;')
    .replace(/\r/gu, '&#13;')
    .replace(/\n/gu, '&#10;');
}

export function junitSuite(file: string, diagnostics: readonly OutputDiagnostic[]): string {
  const name = escapeXml(file.split('\\').join('/'));
  const failures = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const lines = [`  <testsuite name="${name}" tests="${Math.max(1, diagnostics.length)}" failures="${failures}" errors="0" skipped="0">`];
  if (diagnostics.length === 0) lines.push(`    <testcase classname="${name}" name="thongbao"/>`);
  for (const diagnostic of diagnostics) {
    const where = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
    const message = escapeXml(diagnostic.message);
    lines.push(`    <testcase classname="${name}" name="${escapeXml(`${where} ${diagnostic.rule}`)}">`);
    // Errors fail the build; warnings and notes are reported without failing it, as the exit code does.
    if (diagnostic.severity === 'error') lines.push(`      <failure type="${escapeXml(diagnostic.rule)}" message="${message}">${escapeXml(`${file}:${where} ${diagnostic.message}`)}</failure>`);
    else lines.push(`      <system-out>${escapeXml(`${file}:${where} ${diagnostic.severity} ${diagnostic.message}`)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}
