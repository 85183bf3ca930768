/**
 * The export and preview section of the bench (issue 15): a 25 KB notice
 * exported to .docx within 200 ms; its preview ready within 100 ms of its
 * diagnostics. Measured where the drafter meets them: the language server's
 * own requests after an edit (thongbao/preview, thongbao/exportDocx over
 * stdio, built server), the export step in this process (layout of the
 * analysed model + .docx), and `thongbao export` against `thongbao check` in
 * fresh processes (bundled CLI), whose difference is what exporting adds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzeNotice } from '../server/src/core/analyze.js';
import { layoutNotice } from '../server/src/core/layout/index.js';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { writeDocx } from '../server/src/export/docx.js';
import { EXPORT_DOCX_REQUEST, PREVIEW_REQUEST, type ExportDocxResponse, type PreviewResponse } from '../server/src/export/requests.js';
import { startServer } from '../test/lsp/harness.js';
import { generateNotice, type Seed } from './generate.js';
import { bundledCliCommand } from './cliProcess.js';

export interface ExportBudget {
  what: string;
  limit: string;
  measured: string;
  met: boolean;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]!;
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** Median-ready samples after five warm-up runs (the docx package's code is compiled lazily, on its first documents). */
async function timed(rounds: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let warmup = 0; warmup < 5; warmup++) await run();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The bundled CLI once in a fresh process, started as `thongbao` starts it: the command's own time, after the bundle is loaded. */
function cliRun(args: string[], cwd: string): number {
  const [node, ...rest] = bundledCliCommand(args);
  const output = execFileSync(node!, rest, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(output) as { ms: number }).ms;
}

/** Fresh processes: the export command against the check of the same notice. */
function freshProcesses(text: string, quick: boolean): { check: number; export: number; load: number } {
  const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-bench-export-'));
  try {
    writeFileSync(path.join(folder, 'notice.tb.md'), text);
    const runs = quick ? 1 : 3;
    const load = loadavg()[0]!;
    const check = median(Array.from({ length: runs }, () => cliRun(['check', 'notice.tb.md'], folder)));
    const exported = median(Array.from({ length: runs }, () => cliRun(['export', 'notice.tb.md', '--allow-errors', '-o', 'notice.docx'], folder)));
    return { check, export: exported, load };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function measureExport(seeds: readonly Seed[], quick: boolean): Promise<{ section: string; budgets: ExportBudget[] }> {
  const text = generateNotice(seeds, 25 * 1024);
  const size = `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
  const knowledge = loadKnowledge();
  const analysis = analyzeNotice(text, { knowledge, today: { year: 2026, month: 12, day: 1 } });
  const rounds = quick ? 3 : 20;

  // In this process: what the CLI does after its one analysis, and what the server does on an export request.
  const layoutMs = await timed(rounds, () => layoutNotice(analysis.model));
  const exportStep = await timed(rounds, async () => {
    const layout = layoutNotice(analysis.model);
    if (!layout.ok) throw new Error('the generated notice cannot be laid out');
    return writeDocx(layout.layout);
  });

  // The language server: an edit, its diagnostics, then the preview (as client/src/preview.ts asks) and an export.
  const server = await startServer({ settings: { debounce: 0 }, timeoutMs: 60_000 });
  const previewMs: number[] = [];
  const serverExportMs: number[] = [];
  try {
    const uri = pathToFileURL(path.join(tmpdir(), 'bench-export.tb.md')).href;
    const lines = text.split('\n');
    const line = lines.findIndex((content, index) => index > lines.length / 2 && content.length > 40 && !/^[#-]/u.test(content));
    await server.open(uri, text);
    for (let version = 2; version < 2 + 5 + rounds; version++) {
      const character = lines[line]!.length + version - 2;
      const published = server.nextDiagnostics(uri, version);
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }] });
      await published;
      const started = performance.now();
      const preview = await server.request<PreviewResponse | null>(PREVIEW_REQUEST, { uri });
      const previewDone = performance.now();
      if (!preview || 'problem' in preview || preview.version !== version) throw new Error('no preview of the current version');
      const exported = await server.request<ExportDocxResponse | null>(EXPORT_DOCX_REQUEST, { uri });
      if (!exported || 'problem' in exported) throw new Error('no .docx from the server');
      // The first five edits warm the server up.
      if (version >= 2 + 5) {
        previewMs.push(previewDone - started);
        serverExportMs.push(performance.now() - previewDone);
      }
    }
  } finally {
    await server.close();
  }

  const cli = freshProcesses(text, quick);

  const section = [
    `### Export and preview (issue 15): generated notice of ${size}`,
    '',
    '| step | median | p95 |',
    '|---|---:|---:|',
    `| server: \`thongbao/preview\` answered after the diagnostics (${previewMs.length} edits) | ${ms(median(previewMs))} ms | ${ms(p95(previewMs))} ms |`,
    `| server: \`thongbao/exportDocx\` (.docx as base64) | ${ms(median(serverExportMs))} ms | ${ms(p95(serverExportMs))} ms |`,
    `| in process: layout of the analysed model | ${ms(median(layoutMs))} ms | ${ms(p95(layoutMs))} ms |`,
    `| in process: layout + .docx (the export after the analysis) | ${ms(median(exportStep))} ms | ${ms(p95(exportStep))} ms |`,
    `| fresh process: \`thongbao check\` / \`thongbao export\` (bundle loaded; load ${cli.load.toFixed(2)}) | ${ms(cli.check)} / ${ms(cli.export)} ms | |`,
    '',
    'The layout walks the Markdown tree the analysis already built; `thongbao export` analyses once and lays out that model. In a fresh process the first .docx also pays for compiling the `docx` package\'s code, which the difference between the two commands shows.',
    '',
  ].join('\n');
  const budgets: ExportBudget[] = [
    { what: `export .docx of a ${size} notice (server request)`, limit: '≤ 200 ms', measured: `${ms(median(serverExportMs))} ms`, met: median(serverExportMs) <= 200 },
    { what: `export .docx of a ${size} notice (layout + .docx in process)`, limit: '≤ 200 ms', measured: `${ms(median(exportStep))} ms`, met: median(exportStep) <= 200 },
    { what: `preview after the diagnostics, ${size} notice (server request)`, limit: '≤ 100 ms', measured: `${ms(median(previewMs))} ms`, met: median(previewMs) <= 100 },
  ];
  return { section, budgets };
}
