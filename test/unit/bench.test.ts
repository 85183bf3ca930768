import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { generateNotice, loadSeeds, repeatedBodyNotice, romanNumeral } from '../../bench/generate.js';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('benchmark', () => {
  it('numbers generated parts with Roman numerals', () => {
    assert.deepEqual([1, 4, 9, 14, 40, 90, 400, 1994].map(romanNumeral), ['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV']);
  });

  it('generates a notice of the requested size whose parts are numbered in sequence and whose text is valid dialect', () => {
    const text = generateNotice(loadSeeds(), 40_000);
    assert.ok(Buffer.byteLength(text) >= 40_000);
    const parts = [...text.matchAll(/^## ([IVXLC]+)\. /gmu)].map((match) => match[1]);
    assert.deepEqual(parts, parts.map((_, index) => romanNumeral(index + 1)));
    const { model } = analyzeNotice(text, { knowledge: loadKnowledge(), today: { year: 2024, month: 11, day: 22 } });
    assert.ok(model.frontMatter && !model.frontMatter.syntaxError);
    assert.ok(model.recipients && model.recipients.entries.length > 0);
    assert.ok(model.signature);
    assert.doesNotMatch(text, /\[\^/u, 'footnote references are dropped with their definitions');
  });

  it('repeats one seed body between one front matter and one closing', () => {
    const text = repeatedBodyNotice(loadSeeds(), 60_000);
    assert.ok(Buffer.byteLength(text) >= 60_000);
    assert.equal(text.match(/^## Nơi nhận/gmu)?.length, 1);
    assert.equal(text.match(/^---$/gmu)?.length, 2);
    assert.ok((text.match(/^Ngày 21 tháng 12 năm 2023, tại trụ sở Chính phủ/gmu)?.length ?? 0) >= 2, 'the body repeats');
    const { model } = analyzeNotice(text, { knowledge: loadKnowledge(), today: { year: 2024, month: 11, day: 22 } });
    assert.ok(model.frontMatter && !model.frontMatter.syntaxError && model.signature);
  });

  it('runs on tiny inputs and prints every figure and ratio', function () {
    // The quick run still starts the CLI some twenty times, worker threads included: slow on a loaded machine.
    this.timeout(180_000);
    const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'run.ts'), '--quick'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    for (const heading of ['### Machine', '(a) parse floor', '(d) language server', '(e) workspace', '(f) archive', '### Budgets']) assert.ok(output.includes(heading), `missing ${heading}`);
    assert.match(output, /\| b\/a on .* \| ≤ 1\.30 \| \d+\.\d\d \|/u);
    assert.match(output, /\| b\/c on .* \| ≤ 1\.00 \| \d+\.\d\d \|/u);
    assert.match(output, /\| \(d\) p95 on .* \| \d/u);
    assert.match(output, /memory over 20 edits/u);
    assert.match(output, /\| b\/a on repeated body 20 KB \| ≤ 1\.30 \| \d+\.\d\d \|/u);
    for (const notices of [4, 8]) {
      assert.match(output, new RegExp(`\\| \\(f\\) ${notices} notices: parallel rate / the sum of each core's one-thread rate, median of 3 pairs \\(load [^)]*; against \\d+ × the fastest core's: (\\d+\\.\\d\\d, ){2}\\d+\\.\\d\\d\\) \\| ≥ 0\\.80 \\| \\d+\\.\\d\\d \\((\\d+\\.\\d\\d, ){2}\\d+\\.\\d\\d\\) \\|`, 'u'));
    }
    // Every core's one-thread run is listed (the machine's cores, each pinned when taskset exists).
    assert.match(output, /\| 4 \| [^|]+ \| 1(?: on core 0)?, heap not capped(?: \(not pinned\))? \|/u);
    assert.match(output, /\| \(f\) cached rerun of 8 notices \/ first run \| ≤ 5 % \| \d+\.\d %/u);
  });
});
