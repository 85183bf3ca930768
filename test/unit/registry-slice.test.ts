import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { checkFile, type CheckResult } from '../../server/src/cli/checkFile.js';
import { indexForCheck } from '../../server/src/cli/indexPass.js';
import { inProcessRunner } from '../../server/src/cli/pool.js';
import { answerRequest, checkWithSlices, cutSlice, expectedReads, lookupRead, SliceRegistry, type SliceRetries } from '../../server/src/cli/registrySlice.js';
import { configSchema } from '../../server/src/core/config.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { notice } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const seeds = path.join(root, 'test', 'fixtures', 'seeds');

/** One of many notices citing Kế hoạch 12/KH-BCA; `day` of January 2024. */
function citing(number: number, day: number, extra = ''): string {
  return notice(`1. Bộ Công an thực hiện Kế hoạch số 12/KH-BCA ngày ${String(day).padStart(2, '0')} tháng 01 năm 2024 của Bộ Công an về triển khai Đề án 06. ${extra}`, {
    frontMatter: `co-quan: Văn phòng Chính phủ\nso: ${number}/TB-VPCP\nngay: 2024-03-01\nloai: Thông báo\ntrich-yeu: Kết luận về Đề án 06 số ${number}`,
  });
}

/**
 * An archive with cross-file conflicts: the seeds, the workspace fixture
 * (its registry file dates 12/KH-BCA 05/01/2024), twenty notices that agree
 * with it, two that give other days, one that also cites a Party document
 * and one a symbol a letter away from a registered one.
 */
function archive(): { folder: string; files: string[] } {
  const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-slice-'));
  for (const name of readdirSync(seeds)) copyFileSync(path.join(seeds, name), path.join(folder, name));
  cpSync(path.join(root, 'test', 'fixtures', 'workspace'), path.join(folder, 'ws'), { recursive: true });
  for (let i = 1; i <= 20; i++) writeFileSync(path.join(folder, `agree-${i}.tb.md`), citing(100 + i, 5));
  writeFileSync(path.join(folder, 'other-day.tb.md'), citing(200, 25));
  writeFileSync(path.join(folder, 'party.tb.md'), citing(201, 15, 'Quán triệt Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị.'));
  writeFileSync(path.join(folder, 'near-miss.tb.md'), citing(202, 5, 'Thực hiện Thông báo số 101/TB-VPCC ngày 01 tháng 3 năm 2024.'));
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tb.md')).map((name) => path.join(folder, name)).sort();
  return { folder, files };
}

describe('registry slices (thongbao check --jobs)', function () {
  this.timeout(60_000);

  it('gives every file the findings and reads of an in-process run on the whole registry, cross-file conflicts included', async () => {
    const knowledge = loadKnowledge();
    const { folder, files } = archive();
    const { index: registry } = await indexForCheck(files, [{ root: folder, globs: ['**/*.vanban.yaml'] }], knowledge, undefined);
    const config = configSchema.parse({});
    const retries: SliceRetries = { again: 0, mainThread: 0 };
    const source = { registry, expectedReads: (file: string) => expectedReads(registry.citedIn(URI.file(file).toString())), fallback: inProcessRunner({ knowledge, registry }) };
    // What crosses to a worker and back is copied, as postMessage does.
    const post = async (request: Parameters<typeof answerRequest>[0]) => structuredClone(await answerRequest(structuredClone(request), knowledge));
    let conflicts = 0;
    for (const [i, file] of files.entries()) {
      const task = { index: i, file, config, locale: 'vi' as const, fix: false };
      const whole = await checkFile(task, { knowledge, registry });
      const sliced = await checkWithSlices(task, source, post, retries);
      assert.deepEqual(comparable(sliced), comparable(whole), path.relative(folder, file));
      conflicts += whole.diagnostics.filter((diagnostic) => diagnostic.rule === 'ref/conflict').length;
    }
    assert.ok(conflicts >= 22, `${conflicts} ref/conflict findings`);
    assert.equal(retries.mainThread, 0);
    assert.ok(retries.again <= 3, `${retries.again} files checked twice`);
  });

  it('sends a file only what it reads: agreeing citations elsewhere cost nothing', async () => {
    const knowledge = loadKnowledge();
    const { folder, files } = archive();
    const { index } = await indexForCheck(files, [{ root: folder, globs: ['**/*.vanban.yaml'] }], knowledge, undefined);
    const agreeing = URI.file(path.join(folder, 'agree-1.tb.md')).toString();
    const slice = cutSlice(index, agreeing, expectedReads(index.citedIn(agreeing)));
    const elsewhere = new Map(slice.elsewhere.map(([symbol, , citations]) => [symbol, citations.map((citation) => path.basename(URI.parse(citation.uri).fsPath))]));
    assert.deepEqual(elsewhere.get('12/KH-BCA')?.sort(), ['2024-03-08-de-an-06.tb.md', 'other-day.tb.md', 'party.tb.md']);
    assert.equal(slice.lookups.find(([symbol]) => symbol === '12/KH-BCA')?.[1]?.origin, 'workspace-registry');
  });

  it('notes the reads it cannot answer', () => {
    const registry = new SliceRegistry({ uri: 'file:///a.tb.md', lookups: [['12/KH-BCA', null]], numbers: [], elsewhere: [] });
    assert.equal(registry.lookup('12/KH-BCA'), undefined);
    assert.ok(registry.complete);
    registry.lookup('28/NQ-CP');
    assert.deepEqual([...registry.missing], [lookupRead('28/NQ-CP')]);
    assert.equal(registry.unsliceable, false);
    registry.citationsElsewhere('12/KH-BCA', 'file:///b.tb.md', { year: 2024, month: 1, day: 5 });
    assert.equal(registry.unsliceable, true, 'citations asked for another file');
  });
});

function comparable(result: CheckResult) {
  const { index: _index, ...rest } = result;
  return rest;
}
