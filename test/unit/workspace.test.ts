import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { citationCompletions, citationDefinition, citationHover, citationReferences, documentSymbolsMatching } from '../../server/src/core/features/citations.js';
import type { DocumentSnapshot, FeatureEnv } from '../../server/src/core/features/types.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { applyEdits } from '../../server/src/core/fixes.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { indexWorkspace, WorkspaceIndex } from '../../server/src/workspace/index.js';
import { parseRegistryFile } from '../../server/src/workspace/vanban.js';
import { scanNotice } from '../../server/src/workspace/scan.js';
import { runCli } from '../../server/src/cli/main.js';

const folder = path.resolve(import.meta.dirname, '..', 'fixtures', 'workspace');
const knowledge = loadKnowledge();
const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
const THIRD = '2024-03-08-de-an-06.tb.md';

function snapshot(index: WorkspaceIndex, name: string, text = readFileSync(path.join(folder, name), 'utf8')): DocumentSnapshot {
  const uri = uriOf(name);
  return { uri, text, analysis: analyzeNotice(text, { knowledge, registry: index.registry(), uri }) };
}

function envOf(index: WorkspaceIndex): FeatureEnv {
  return { knowledge, registry: index.registry(), config: DEFAULT_CONFIG, locale: 'vi' };
}

describe('workspace index and citation features', () => {
  let index: WorkspaceIndex;
  let problems: Awaited<ReturnType<typeof indexWorkspace>>['registryProblems'];
  before(async () => {
    ({ index, registryProblems: problems } = await indexWorkspace([folder], knowledge));
  });

  it('indexes the three notices and the registry file without problems', () => {
    assert.equal(index.noticeCount, 3);
    assert.deepEqual([...problems.values()].flatMap((file) => file.problems), []);
    assert.equal(index.registry().lookup('12/KH-BCA')?.origin, 'workspace-registry');
    assert.equal(index.registry().lookup('60/TB-VPCP')?.origin, 'workspace-notice');
  });

  it('hover shows type, number, date, issuer, subject, status and where it is defined', () => {
    const document = snapshot(index, THIRD);
    const hover = citationHover(document, document.text.indexOf('12/KH-BCA') + 3, envOf(index));
    assert.ok(hover);
    for (const part of ['Kế hoạch số 12/KH-BCA', 'ngày 05 tháng 01 năm 2024', 'Bộ Công an', 'triển khai Đề án 06 năm 2024', 'còn hiệu lực', 'van-ban.vanban.yaml']) assert.ok(hover.markdown.includes(part), `${part} in ${hover.markdown}`);
  });

  it('go to definition opens the registry entry, or the cited notice', () => {
    const document = snapshot(index, THIRD);
    const [entry] = citationDefinition(document, document.text.indexOf('12/KH-BCA'), envOf(index));
    assert.equal(entry?.uri, uriOf('van-ban.vanban.yaml'));
    assert.equal(entry?.range?.start.line, 1);
    const [notice] = citationDefinition(document, document.text.indexOf('60/TB-VPCP'), envOf(index));
    assert.equal(notice?.uri, uriOf('2024-02-21-thao-go-vuong-mac.tb.md'));
    assert.equal(notice?.range?.start.line, 2);
  });

  it('find all references lists the citations in every notice', () => {
    const document = snapshot(index, THIRD);
    const references = citationReferences(document, document.text.indexOf('06/TB-VPCP'), envOf(index), false);
    assert.deepEqual(references.map((reference) => path.basename(URI.parse(reference.uri).fsPath)).sort(), ['2024-02-21-thao-go-vuong-mac.tb.md', THIRD]);
    const withDeclaration = citationReferences(document, document.text.indexOf('12/KH-BCA'), envOf(index), true);
    assert.equal(withDeclaration.length, 4);
  });

  it('completion after "Kế hoạch số " inserts the full first citation', () => {
    const base = readFileSync(path.join(folder, THIRD), 'utf8');
    const text = base.replace('2. Bộ Công an hoàn thành', '2. Bộ Công an triển khai Kế hoạch số 1');
    const offset = text.indexOf('Kế hoạch số 1') + 'Kế hoạch số 1'.length;
    const items = citationCompletions(snapshot(index, THIRD, text), offset, envOf(index));
    assert.deepEqual(items.map((item) => item.label).sort(), ['12/KH-BCA', '15/KH-BCA']);
    const item = items.find((candidate) => candidate.label === '12/KH-BCA')!;
    assert.equal(item.insertText, '12/KH-BCA ngày 05 tháng 01 năm 2024 của Bộ Công an triển khai Đề án 06 năm 2024');
    assert.deepEqual(item.replace, { start: offset - 1, end: offset });
  });

  it('ref/conflict across files: the date differs from the registry file and the other notices', () => {
    const document = snapshot(index, THIRD);
    const conflict = document.analysis.findings.find((finding) => finding.rule === 'ref/conflict');
    assert.ok(conflict);
    assert.equal(document.text.slice(conflict.start, conflict.end), 'ngày 15 tháng 01 năm 2024');
    assert.ok(conflict.related?.some((related) => related.uri === uriOf('2024-01-10-ket-luan-de-an-06.tb.md')));
    assert.match(applyEdits(document.text, conflict.fix!.edits).text, /12\/KH-BCA ngày 05 tháng 01 năm 2024/u);
    // The other notices agree with the registry, so they see the third one's date only through it.
    const first = snapshot(index, '2024-01-10-ket-luan-de-an-06.tb.md');
    assert.ok(first.analysis.findings.some((finding) => finding.rule === 'ref/conflict'));
  });

  it('workspace symbols find a document by number or subject, without diacritics', () => {
    assert.deepEqual(documentSymbolsMatching('thao go vuong mac', index.registry()).map((symbol) => symbol.name), ['Thông báo số 60/TB-VPCP']);
    assert.ok(documentSymbolsMatching('15/KH', index.registry()).some((symbol) => symbol.name === 'Kế hoạch số 15/KH-BCA'));
  });

  it('updates incrementally on change and delete', () => {
    const local = new WorkspaceIndex(knowledge, []);
    const uri = 'file:///ws/a.tb.md';
    assert.equal(local.setNotice(uri, '---\nso: 09/TB-VPCP\nngay: 2024-05-02\n---\n\nThực hiện Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024.\n'), true);
    assert.equal(local.registry().lookup('09/TB-VPCP')?.date?.day, 2);
    assert.equal(local.registry().citationsElsewhere('04/CT-TTg').length, 1);
    assert.equal(local.setNotice(uri, '---\nso: 09/TB-VPCP\nngay: 2024-05-02\n---\n\nThực hiện Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024.\n'), false, 'same facts: no change');
    local.remove(uri);
    assert.equal(local.registry().lookup('09/TB-VPCP'), undefined);
    assert.equal(local.registry().citationsElsewhere('04/CT-TTg').length, 0);
  });

  it('skips citations inside code fences and HTML comments', () => {
    const local = new WorkspaceIndex(knowledge, []);
    local.setNotice('file:///ws/b.tb.md', '---\nso: 10/TB-VPCP\n---\n\n<!-- Chỉ thị số 04/CT-TTg -->\n\n```\nChỉ thị số 05/CT-TTg\n```\n\nChỉ thị số 06/CT-TTg\n');
    assert.deepEqual([...['04/CT-TTg', '05/CT-TTg', '06/CT-TTg']].map((key) => local.registry().citationsElsewhere(key).length), [0, 0, 1]);
  });
});

describe('registry files (*.vanban.yaml)', () => {
  it('locates each problem in the file and keeps the valid entries', () => {
    const text = ['- so: 12/KH-BCA', '  loai: Kế hoạch', '  ngay: 2024-13-05', '  co-quan: Bộ Công an', '  trich-yeu: triển khai Đề án 06', '- so: 15/KH-BCA', '  loai: Kế hoạch', '  ngay: 2024-02-01', '  co-quan: Bộ Công an', '  trich-yeu: kiểm tra', '  ghi-chu: x', '- so: 16/KH-BCA', '  loai: Kế hoạch', '  ngay: 2024-02-02', '  co-quan: Bộ Công an', '  trich-yeu: tổng kết', '  thay-the-boi: 20/KH-BCA'].join('\n');
    const { entries, problems } = parseRegistryFile('file:///ws/x.vanban.yaml', text, knowledge);
    assert.deepEqual(entries.map((entry) => [entry.symbol, entry.inForce, entry.replacedBy]), [['16/KH-BCA', false, '20/KH-BCA']]);
    assert.deepEqual(problems.map((problem) => text.slice(problem.start, problem.end).split('\n')[0]), ['ngay: 2024-13-05', 'ghi-chu: x']);
    assert.match(problems[1]!.message.vi, /ghi-chu/u);
  });

  it('reports YAML syntax errors and a non-list file', () => {
    assert.equal(parseRegistryFile('file:///ws/x.vanban.yaml', '- so: [1\n', knowledge).problems.length > 0, true);
    assert.match(parseRegistryFile('file:///ws/x.vanban.yaml', 'so: 12/KH-BCA\n', knowledge).problems[0]!.message.en, /list/u);
  });
});

describe('workspace scan on disk', () => {
  let temp: string;
  before(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'thongbao-ws-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('does not follow symbolic links out of the workspace', async () => {
    const outside = path.join(temp, 'outside');
    const inside = path.join(temp, 'ws');
    mkdirSync(outside);
    mkdirSync(inside);
    writeFileSync(path.join(outside, 'secret.tb.md'), '---\nso: 99/TB-VPCP\n---\n');
    writeFileSync(path.join(inside, 'own.tb.md'), '---\nso: 98/TB-VPCP\n---\n');
    symlinkSync(path.join(outside, 'secret.tb.md'), path.join(inside, 'link.tb.md'));
    symlinkSync(outside, path.join(inside, 'linked-folder'));
    const { index } = await indexWorkspace([inside], knowledge);
    assert.equal(index.noticeCount, 1);
    assert.equal(index.registry().lookup('99/TB-VPCP'), undefined);
  });

  it('indexes 1,000 generated notices well within the budget (2 s)', async function () {
    this.timeout(20000);
    const many = path.join(temp, 'many');
    mkdirSync(many);
    const body = readFileSync(path.join(folder, THIRD), 'utf8');
    for (let i = 1; i <= 1000; i++) writeFileSync(path.join(many, `tb-${i}.tb.md`), body.replace('so: 75/TB-VPCP', `so: ${i + 100}/TB-VPCP`));
    const started = performance.now();
    const { index } = await indexWorkspace([many], knowledge);
    const elapsed = performance.now() - started;
    assert.equal(index.noticeCount, 1000);
    assert.equal(index.registry().citationsElsewhere('12/KH-BCA').length, 1000);
    assert.ok(elapsed < 2000, `indexing took ${Math.round(elapsed)} ms`);
  });
});

describe('thongbao check on a folder', () => {
  it('uses the workspace index: ref/conflict across files', async () => {
    let out = '';
    const code = await runCli(['check', '--format', 'json', folder], { cwd: folder, stdout: (text) => (out += text), stderr: () => undefined, color: false });
    assert.equal(code, 0);
    const reports = JSON.parse(out) as { file: string; diagnostics: { rule: string }[] }[];
    const withConflict = reports.filter((report) => report.diagnostics.some((diagnostic) => diagnostic.rule === 'ref/conflict')).map((report) => report.file);
    assert.deepEqual(withConflict.sort(), ['2024-01-10-ket-luan-de-an-06.tb.md', '2024-02-21-thao-go-vuong-mac.tb.md', THIRD]);
  });
});

describe('the index keeps citations packed', () => {
  const text = readFileSync(path.join(folder, THIRD), 'utf8');
  const scan = scanNotice(uriOf(THIRD), text, knowledge);
  const dated = scan.citations.find((citation) => citation.dateRange);

  it('reads each range as the text places it, and gives the plain form to JSON', () => {
    assert.ok(dated, 'the fixture cites a dated document');
    const lines = text.split('\n');
    assert.match(lines[dated.dateRange!.start.line]!.slice(dated.dateRange!.start.character), /^ngày \d/u);
    const plain = JSON.parse(JSON.stringify(dated)) as typeof dated;
    assert.deepEqual(plain.range, dated.range);
    assert.deepEqual(plain.dateRange, dated.dateRange);
  });

  it('shares the date of every citation of the same day', () => {
    const again = scanNotice(uriOf('other.tb.md'), text, knowledge).citations.find((citation) => citation.dateRange)!;
    assert.equal(again.date, dated!.date, 'the same date object');
    assert.throws(() => Object.assign(again.date!, { day: 1 }), TypeError, 'shared dates are frozen');
  });
});
