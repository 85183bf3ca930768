// Export and preview speed (issue 15): a 25 KB notice exported to .docx within 200 ms; the preview
// of a 25 KB notice ready within 100 ms of its diagnostics (the server lays out the analysed model).
import { performance } from 'node:perf_hooks';
import { analyzeNotice } from '../server/src/core/analyze.js';
import { layoutNotice, renderPreviewHtml } from '../server/src/core/layout/index.js';
import { LineIndex } from '../server/src/core/positions.js';
import { localize } from '../server/src/core/i18n.js';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { writeDocx } from '../server/src/export/docx.js';
import { generateNotice, loadSeeds } from './generate.js';

const today = { year: 2026, month: 12, day: 1 };
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function time(rounds: number, run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const text = generateNotice(loadSeeds(), 25 * 1024);
const analysis = analyzeNotice(text, { knowledge: loadKnowledge(), today });
const lines = new LineIndex(text);

const exportMs = await time(10, async () => {
  const layout = layoutNotice(analysis.model);
  if (!layout.ok) throw new Error('the generated notice cannot be laid out');
  return writeDocx(layout.layout);
});
const previewMs = await time(20, () => {
  const layout = layoutNotice(analysis.model);
  if (!layout.ok) throw new Error('the generated notice cannot be laid out');
  const marks = analysis.findings.map((finding) => ({ start: finding.start, end: finding.end, severity: finding.severity, message: localize(finding.message, 'vi') }));
  return renderPreviewHtml(layout.layout, (offset) => lines.positionAt(offset).line, marks);
});

const rows = [
  { name: `export .docx of a ${(text.length / 1024).toFixed(0)} KB notice`, ms: exportMs, budget: 200 },
  { name: `preview after the diagnostics, ${(text.length / 1024).toFixed(0)} KB notice`, ms: previewMs, budget: 100 },
];
console.log('\nExport and preview (median)');
for (const row of rows) console.log(`  ${row.name.padEnd(52)} ${row.ms.toFixed(1).padStart(7)} ms  budget ${row.budget} ms  ${row.ms <= row.budget ? 'met' : 'NOT MET'}`);
