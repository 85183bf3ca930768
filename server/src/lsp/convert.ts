import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, SymbolKind, type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../core/positions.js';
import { localize } from '../core/i18n.js';
import type { Finding, Locale, TextEdit } from '../core/types.js';
import type { FoldingResult, SymbolResult } from '../core/features/types.js';

/**
 * What a diagnostic shows of its quick fix. The server never applies it as is:
 * the code action is built again from the analysis of the current text
 * (`quickFix`), so an old diagnostic cannot edit a newer text.
 */
export interface FixData {
  title: string;
  edits: { range: Diagnostic['range']; newText: string }[];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A finding as an LSP diagnostic of the document `uri` (related information without a URI of its own is in that document). */
export function toDiagnostic(finding: Finding, lines: LineIndex, locale: Locale, docsBase: string, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: `${docsBase}${finding.rule}.md` },
    source: 'thongbao',
    message: localize(finding.message, locale),
  };
  if (finding.fix) {
    const data: FixData = { title: localize(finding.fix.title, locale), edits: finding.fix.edits.map((edit) => toLspEdit(edit, lines)) };
    diagnostic.data = data;
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.uri ?? uri, range: related.range ?? lines.rangeOf(related.start, related.end) },
      message: localize(related.message, locale),
    }));
  }
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toLspEdit(edit: TextEdit, lines: LineIndex) {
  return { range: lines.rangeOf(edit.start, edit.end), newText: edit.newText };
}

/**
 * The quick fix of a diagnostic the client sends back, from the findings of the
 * current text: only a finding of the same rule at the same range gives one, so
 * a diagnostic published for an older text gives none.
 */
export function quickFix(uri: string, diagnostic: Diagnostic, findings: readonly Finding[], lines: LineIndex, locale: Locale): CodeAction | undefined {
  const finding = findings.find((candidate) => candidate.fix && candidate.rule === diagnostic.code && sameRange(lines.rangeOf(candidate.start, candidate.end), diagnostic.range));
  if (!finding?.fix) return undefined;
  const edit: WorkspaceEdit = { changes: { [uri]: finding.fix.edits.map((fixEdit) => toLspEdit(fixEdit, lines)) } };
  return { title: localize(finding.fix.title, locale), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: true };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

const SYMBOL_KIND: Record<SymbolResult['kind'], SymbolKind> = {
  part: SymbolKind.Namespace,
  item: SymbolKind.Number,
  point: SymbolKind.EnumMember,
  section: SymbolKind.Module,
  heading: SymbolKind.String,
  document: SymbolKind.File,
};

export function toDocumentSymbol(symbol: SymbolResult, lines: LineIndex): DocumentSymbol {
  const result: DocumentSymbol = {
    name: symbol.name || '…',
    kind: SYMBOL_KIND[symbol.kind],
    range: lines.rangeOf(symbol.start, symbol.end),
    selectionRange: lines.rangeOf(symbol.selection.start, symbol.selection.end),
    children: symbol.children.map((child) => toDocumentSymbol(child, lines)),
  };
  if (symbol.detail) result.detail = symbol.detail;
  return result;
}

/** A folding range by lines; undefined when it would fold nothing (a single line). */
export function toFoldingRange(result: FoldingResult, lines: LineIndex): FoldingRange | undefined {
  const startLine = lines.positionAt(result.start).line;
  const end = lines.positionAt(result.end);
  // A range ending at the start of a line (a trailing line break) ends on the line before.
  const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
  return endLine > startLine ? { startLine, endLine } : undefined;
}
