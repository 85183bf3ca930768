import { localize } from '../core/i18n.js';
import { layoutNotice, renderPreviewHtml } from '../core/layout/index.js';
import type { LineIndex } from '../core/positions.js';
import type { AnalysisResult } from '../core/analyze.js';
import type { Locale } from '../core/types.js';
import { writeDocx } from './docx.js';

/** Custom LSP requests of the VS Code client's preview and export commands (client/src/preview.ts, exportCommand.ts). */
export const PREVIEW_REQUEST = 'thongbao/preview';
export const EXPORT_DOCX_REQUEST = 'thongbao/exportDocx';

export interface DocumentParams {
  uri: string;
}

/** The preview of one version of a notice: its layout as HTML and CSS, or why it cannot be laid out. */
export type PreviewResponse = { version: number; css: string; html: string } | { version: number; problem: string };

/** The .docx of the notice (base64), or why it cannot be laid out. */
export type ExportDocxResponse = { docx: string } | { problem: string };

interface Snapshot {
  version: number;
  analysis: AnalysisResult;
  lines: LineIndex;
}

export function previewResponse(snapshot: Snapshot, locale: Locale): PreviewResponse {
  const layout = layoutNotice(snapshot.analysis.model);
  if (!layout.ok) return { version: snapshot.version, problem: layout.problems.map((problem) => localize(problem, locale)).join('\n') };
  const marks = snapshot.analysis.findings.map((finding) => ({ start: finding.start, end: finding.end, severity: finding.severity, message: localize(finding.message, locale) }));
  const { css, html } = renderPreviewHtml(layout.layout, (offset) => snapshot.lines.positionAt(offset).line, marks);
  return { version: snapshot.version, css, html };
}

export async function exportDocxResponse(snapshot: Snapshot, locale: Locale): Promise<ExportDocxResponse> {
  const layout = layoutNotice(snapshot.analysis.model);
  if (!layout.ok) return { problem: layout.problems.map((problem) => localize(problem, locale)).join('\n') };
  return { docx: (await writeDocx(layout.layout)).toString('base64') };
}
