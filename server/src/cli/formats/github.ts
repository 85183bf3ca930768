import type { OutputDiagnostic } from '../../core/output.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), one
 * per finding, which the runner shows as annotations on the changed lines.
 */
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of a command's message (the runner's own `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** Escaping of a property value, where `:` and `,` also delimit (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/** The annotation lines of one file (its path as given, relative to the workspace). */
export function githubAnnotations(file: string, diagnostics: readonly OutputDiagnostic[]): string[] {
  return diagnostics.map((diagnostic) => {
    const { start, end } = diagnostic.range;
    const properties = [
      `file=${escapeProperty(file.split('\\').join('/'))}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(`thongbao ${diagnostic.rule}`)}`,
    ];
    return `::${COMMAND[diagnostic.severity]} ${properties.join(',')}::${escapeData(diagnostic.message)}`;
  });
}
