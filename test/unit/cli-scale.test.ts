import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { runCli } from '../../server/src/cli/main.js';
import { ResultCache } from '../../server/src/cli/cache.js';
import { defaultJobs } from '../../server/src/cli/checkRun.js';
import { checkFile, fingerprint, quotedText } from '../../server/src/cli/checkFile.js';
import { escapeData, escapeProperty, githubAnnotations } from '../../server/src/cli/formats/github.js';
import { escapeXml } from '../../server/src/cli/formats/junit.js';
import { inOrder } from '../../server/src/cli/pool.js';
import { progressAllowed, ProgressLine } from '../../server/src/cli/progress.js';
import { configSchema } from '../../server/src/core/config.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { WorkspaceIndex } from '../../server/src/workspace/index.js';
import { notice } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const seeds = path.join(root, 'test', 'fixtures', 'seeds');
const workspace = path.join(root, 'test', 'fixtures', 'workspace');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'thongbao-scale-'));
}

/** The seeds twice over (eight files) and the cross-file workspace fixture, in one folder. */
function archive(): string {
  const folder = scratch();
  for (const name of readdirSync(seeds)) {
    copyFileSync(path.join(seeds, name), path.join(folder, `a-${name}`));
    copyFileSync(path.join(seeds, name), path.join(folder, `b-${name}`));
  }
  cpSync(workspace, path.join(folder, 'ws'), { recursive: true });
  return folder;
}

describe('thongbao check --jobs (worker threads)', function () {
  this.timeout(60_000);

  it('gives the same report, in the same order, on two worker threads as in one thread, cross-file findings included', async () => {
    const folder = archive();
    for (const format of ['json', 'stylish', 'sarif']) {
      const single = await cli(['check', '--jobs', '1', '--format', format, '.'], folder);
      const parallel = await cli(['check', '--jobs', '2', '--format', format, '.'], folder);
      assert.equal(parallel.stdout, single.stdout, format);
      assert.equal(parallel.code, single.code);
    }
    const reports = JSON.parse((await cli(['check', '--jobs', '2', '--format', 'json', '.'], folder)).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    assert.deepEqual(reports.map((report) => report.file), [...reports.map((report) => report.file)].sort());
    const conflicts = reports.filter((report) => report.diagnostics.some((diagnostic) => diagnostic.rule === 'ref/conflict')).map((report) => report.file);
    assert.ok(conflicts.includes(path.join('ws', '2024-03-08-de-an-06.tb.md')), conflicts.join(', '));
  });

  it('reports unreadable files from the workers, and checks the others', async () => {
    const folder = scratch();
    for (let i = 0; i < 3; i++) writeFileSync(path.join(folder, `good-${i}.tb.md`), notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    writeFileSync(path.join(folder, 'latin1.tb.md'), Buffer.from([0x4e, 0x67, 0xe0, 0x79, 0x0a]));
    const { code, stdout, stderr } = await cli(['check', '--jobs', '2', '--format', 'json', '--locale', 'en', '.'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /latin1\.tb\.md: not UTF-8/iu);
    assert.equal(JSON.parse(stdout).length, 3);
  });

  it('uses one worker per core by default when the collector has no helper threads, and one thread on two cores when it has', () => {
    assert.deepEqual([1, 2, 3, 8].map((cores) => defaultJobs(cores, true)), [1, 2, 3, 8]);
    assert.deepEqual([1, 2, 3, 8].map((cores) => defaultJobs(cores, false)), [1, 1, 3, 8]);
  });

  it('is run by bin/thongbao.cjs under the archive options for check and baseline, in one child process', () => {
    const bin = path.join(root, 'bin', 'thongbao.cjs');
    const { relaunchArgs, relaunchEnvironment } = createRequire(import.meta.url)(bin) as { relaunchArgs: (args: string[], execArgv: string[]) => string[] | undefined; relaunchEnvironment: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv };
    const { options } = createRequire(import.meta.url)(path.join(root, 'bin', 'nodeOptions.cjs')) as { options: string[] };
    assert.ok(options.includes('--single-threaded-gc'));
    assert.deepEqual(relaunchEnvironment({ PATH: '/bin' }), { MALLOC_ARENA_MAX: '2', PATH: '/bin' });
    assert.deepEqual(relaunchEnvironment({ MALLOC_ARENA_MAX: '8' }), { MALLOC_ARENA_MAX: '8' }, 'a value the user set wins');
    assert.deepEqual(relaunchArgs(['check', 'a.tb.md'], ['--inspect']), [...options, '--inspect', bin, 'check', 'a.tb.md']);
    assert.deepEqual(relaunchArgs(['baseline', '.'], []), [...options, bin, 'baseline', '.']);
    assert.equal(relaunchArgs(['check', 'a.tb.md'], options), undefined, 'the child itself runs the CLI');
    assert.equal(relaunchArgs(['rules'], []), undefined);
    assert.equal(readFileSync(bin, 'utf8').split('\n')[0], '#!/usr/bin/env node', 'a first line every env understands (BusyBox has no -S)');
    // Through the launcher and its child: the same report and exit code as a run started with the options, and an option Node did not know would stop it here.
    const viaBin = spawnSync(process.execPath, [bin, 'check', 'examples/thong-bao-co-loi.tb.md', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const direct = spawnSync(process.execPath, [...options, bin, 'check', 'examples/thong-bao-co-loi.tb.md', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(viaBin.status, 1, viaBin.stderr);
    assert.equal(viaBin.stdout, direct.stdout);
    // What the child process is started with, seen from inside it.
    const probe = path.join(scratch(), 'probe.cjs');
    const seen = path.join(path.dirname(probe), 'seen.txt');
    writeFileSync(probe, `require('node:fs').appendFileSync(${JSON.stringify(seen)}, process.execArgv.join(' ') + ' MALLOC_ARENA_MAX=' + process.env.MALLOC_ARENA_MAX + '\\n');`);
    const probed = spawnSync(process.execPath, [bin, 'check', 'examples/thong-bao-co-loi.tb.md'], { cwd: root, encoding: 'utf8', env: { ...process.env, MALLOC_ARENA_MAX: undefined, NODE_OPTIONS: `--require ${probe}` } });
    assert.equal(probed.status, 1, probed.stderr);
    assert.ok(readFileSync(seen, 'utf8').split('\n').includes(`${options.join(' ')} MALLOC_ARENA_MAX=2`), readFileSync(seen, 'utf8'));
  });

  it('rejects a --jobs that is not a whole number ≥ 1', async () => {
    for (const jobs of ['0', '-2', 'many', '1.5']) {
      const { code, stderr } = await cli(['check', `--jobs=${jobs}`, 'a.tb.md'], root);
      assert.equal(code, 2, jobs);
      assert.match(stderr, /--jobs takes a whole number/u);
    }
  });

  it('finds its worker beside the bundle when installed as a package', () => {
    const installed = path.join(scratch(), 'node_modules', 'thongbao');
    mkdirSync(path.join(installed, 'bin'), { recursive: true });
    mkdirSync(path.join(installed, 'dist'));
    for (const file of ['cli.cjs', 'cliWorker.cjs']) copyFileSync(path.join(root, 'dist', file), path.join(installed, 'dist', file));
    cpSync(path.join(root, 'dist', 'dictionary-vi'), path.join(installed, 'dist', 'dictionary-vi'), { recursive: true });
    for (const file of ['thongbao.cjs', 'nodeOptions.cjs']) copyFileSync(path.join(root, 'bin', file), path.join(installed, 'bin', file));
    copyFileSync(path.join(root, 'package.json'), path.join(installed, 'package.json'));
    const folder = archive();
    const run = spawnSync(process.execPath, [path.join(installed, 'bin', 'thongbao.cjs'), 'check', '--jobs', '2', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).length, 11);
  });
});

describe('inOrder', () => {
  it('emits in input order whatever order the work ends in, with a bounded window', async () => {
    const emitted: number[] = [];
    let inFlight = 0;
    let most = 0;
    await inOrder(
      [5, 1, 4, 2, 3, 0, 6],
      3,
      async (delay) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, delay * 3));
        inFlight--;
        return delay;
      },
      (value) => void emitted.push(value),
    );
    assert.deepEqual(emitted, [5, 1, 4, 2, 3, 0, 6]);
    assert.ok(most <= 3, `${most} in flight`);
  });
});

describe('thongbao check --cache', function () {
  this.timeout(60_000);

  it('gives the same report from the cache, and writes it where --cache-location says', async () => {
    const folder = archive();
    const first = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.ok(existsSync(path.join(folder, '.thongbaocache')));
    const second = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.code, first.code);
    const located = await cli(['check', '--cache', '--cache-location', 'cache/', '--format', 'json', '.'], folder);
    assert.equal(located.stdout, first.stdout);
    assert.ok(existsSync(path.join(folder, 'cache', '.thongbaocache')));
    assert.deepEqual(readdirSync(path.join(folder, 'cache')), ['.thongbaocache'], 'no temporary file is left');
  });

  it('follows a changed file, configuration and registry', async () => {
    const folder = archive();
    const target = path.join(folder, 'ws', '2024-03-08-de-an-06.tb.md');
    await cli(['check', '--cache', '--format', 'json', '.'], folder);
    writeFileSync(target, readFileSync(target, 'utf8').replace('ngày 15 tháng 01 năm 2024', 'ngày 05 tháng 01 năm 2024'));
    const fixed = JSON.parse((await cli(['check', '--cache', '--format', 'json', '.'], folder)).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    const fresh = JSON.parse((await cli(['check', '--format', 'json', '.'], folder)).stdout);
    assert.deepEqual(fixed, fresh);
    writeFileSync(path.join(folder, 'thongbao.config.json'), JSON.stringify({ rules: { 'date/padding': 'off' } }));
    const configured = JSON.parse((await cli(['check', '--cache', '--format', 'json', '.'], folder)).stdout) as { diagnostics: { rule: string }[] }[];
    assert.equal(configured.flatMap((report) => report.diagnostics).filter((diagnostic) => diagnostic.rule === 'date/padding').length, 0);
    const registryFile = path.join(folder, 'ws', 'van-ban.vanban.yaml');
    writeFileSync(registryFile, readFileSync(registryFile, 'utf8').replace('ngay: 2024-01-05', 'ngay: 2024-01-15'));
    assert.deepEqual(JSON.parse((await cli(['check', '--cache', '--format', 'json', '.'], folder)).stdout), JSON.parse((await cli(['check', '--format', 'json', '.'], folder)).stdout));
  });

  it('ignores a damaged cache with a one-line warning', async () => {
    const folder = archive();
    const reference = await cli(['check', '--format', 'json', '.'], folder);
    writeFileSync(path.join(folder, '.thongbaocache'), '{"format": 1, "tool": "x", "results": [');
    const { stdout, stderr } = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.equal(stdout, reference.stdout);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /^thongbao: the cache .*\.thongbaocache is damaged/u);
    const [header, ...lines] = readFileSync(path.join(folder, '.thongbaocache'), 'utf8').trimEnd().split('\n');
    assert.equal(JSON.parse(header!).format, 3, 'rewritten whole');
    assert.equal(lines.length, readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.tb.md')).length);
    for (const line of lines) assert.doesNotThrow(() => line.split('\t').map((part) => part && JSON.parse(part)), line.slice(0, 80));
  });

  it('checks again only the files whose entries are damaged, and starts a cache of an older format afresh without a word', async () => {
    const folder = archive();
    const reference = await cli(['check', '--format', 'json', '.'], folder);
    await cli(['check', '--cache', '--format', 'json', '.'], folder);
    const file = path.join(folder, '.thongbaocache');
    const [header, first, second, ...rest] = readFileSync(file, 'utf8').split('\n');
    // One entry's diagnostics cut short, another entry's first value not JSON.
    writeFileSync(file, [header, first!.slice(0, first!.length - 20), `x${second}`, ...rest].join('\n'));
    const damaged = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.equal(damaged.stdout, reference.stdout);
    assert.equal(damaged.stderr.trim().split('\n').length, 1, damaged.stderr);
    assert.match(damaged.stderr, /^thongbao: the cache .*\.thongbaocache had damaged entries/u);
    const again = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.equal(again.stdout, reference.stdout);
    assert.equal(again.stderr, '', 'rewritten whole');

    // The cache of the previous version: one JSON text, here longer than a header may be.
    writeFileSync(file, JSON.stringify({ format: 2, tool: 'thongbao', scans: {}, results: { padding: 'x'.repeat(10_000) } }));
    const older = await cli(['check', '--cache', '--format', 'json', '.'], folder);
    assert.equal(older.stdout, reference.stdout);
    assert.equal(older.stderr, '');
    assert.equal(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!).format, 3);
  });

  it('leaves the last complete cache as it was when a run fails', async () => {
    const folder = archive();
    await cli(['check', '--cache', '--format', 'json', '.'], folder);
    const before = readFileSync(path.join(folder, '.thongbaocache'), 'utf8');
    writeFileSync(path.join(folder, 'b.json'), '{"files": 3}');
    const failed = await cli(['check', '--cache', '--baseline', 'b.json', '.'], folder);
    assert.equal(failed.code, 2);
    assert.equal(readFileSync(path.join(folder, '.thongbaocache'), 'utf8'), before);
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.tmp')), []);
  });

  it('invalidates exactly the results whose registry reads changed', async () => {
    const knowledge = loadKnowledge();
    const index = new WorkspaceIndex(knowledge);
    const files = readdirSync(workspace).filter((name) => name.endsWith('.tb.md')).map((name) => path.join(workspace, name));
    for (const file of files) index.setNotice(URI.file(file).toString(), readFileSync(file, 'utf8'));
    const target = files.find((file) => file.endsWith('2024-03-08-de-an-06.tb.md'))!;
    const config = configSchema.parse({});
    const result = await checkFile({ index: 0, file: target, config, locale: 'vi', fix: false }, { knowledge, registry: index.registry() });
    assert.ok(result.reads.elsewhere.includes('12/KH-BCA'), result.reads.elsewhere.join(' '));
    const cache = await ResultCache.open(path.join(scratch(), 'cache'), 'tool', () => assert.fail('no warning'));
    cache.store(result, 'config', index.registry());
    await cache.save();
    const reopen = () => ResultCache.open(cache.file, 'tool', () => assert.fail('no warning'));

    const hit = (cache: ResultCache, hash: string, config: string, registry: ReturnType<WorkspaceIndex['registry']>) => (cache.fresh(target, hash, config, registry) ? cache.reuse(target) : undefined);
    assert.deepEqual(hit(await reopen(), result.contentHash, 'config', index.registry()), result.diagnostics, 'unchanged registry: a hit');
    assert.equal(hit(await reopen(), result.contentHash, 'other config', index.registry()), undefined);
    assert.equal(hit(await reopen(), 'other content', 'config', index.registry()), undefined);
    assert.equal(hit(await ResultCache.open(cache.file, 'new tool', () => undefined), result.contentHash, 'config', index.registry()), undefined);

    // A notice that cites nothing the target reads: the target's result stays valid.
    const unrelated = URI.file(path.join(workspace, 'other.tb.md')).toString();
    index.setNotice(unrelated, notice('Thực hiện Kế hoạch số 99/KH-BTC ngày 10 tháng 01 năm 2024 của Bộ Tài chính.', { frontMatter: 'co-quan: Văn phòng Chính phủ\nso: 99/TB-VPCP\nngay: 2024-03-01\nloai: Thông báo\ntrich-yeu: Một thông báo khác' }));
    if (!result.reads.allEntries) assert.ok(hit(await reopen(), result.contentHash, 'config', index.registry()), 'an unrelated notice keeps the result');
    // A notice that cites 12/KH-BCA with another date: the target's cross-file finding can change.
    index.setNotice(unrelated, notice('Thực hiện Kế hoạch số 12/KH-BCA ngày 20 tháng 01 năm 2024 của Bộ Công an.'));
    assert.equal(hit(await reopen(), result.contentHash, 'config', index.registry()), undefined);
  });
});

describe('thongbao baseline and check --baseline', function () {
  this.timeout(60_000);

  it('records the findings, then reports only new ones, matched by text and not by line', async () => {
    const folder = scratch();
    const file = path.join(folder, 'a.tb.md');
    copyFileSync(path.join(seeds, '2024-03-06-hop-de-an-06.tb.md'), file);
    const recorded = await cli(['baseline', '.', '-o', 'thongbao-baseline.json'], folder);
    assert.equal(recorded.code, 0, recorded.stderr);
    const baseline = JSON.parse(readFileSync(path.join(folder, 'thongbao-baseline.json'), 'utf8'));
    assert.equal(baseline.tool, 'thongbao');
    assert.ok(Object.keys(baseline.files['a.tb.md']).includes('date/padding'));
    const before = JSON.parse((await cli(['check', '--format', 'json', '.'], folder)).stdout)[0].diagnostics.length as number;

    // Lines added above every finding: still all baselined.
    const text = readFileSync(file, 'utf8');
    const bodyStart = text.indexOf('\n---\n', 4) + 5;
    writeFileSync(file, `${text.slice(0, bodyStart)}\nĐoạn mở đầu được thêm vào.\n\nMột đoạn nữa.\n${text.slice(bodyStart)}`);
    const moved = await cli(['check', '--baseline', 'thongbao-baseline.json', '--format', 'json', '.'], folder);
    assert.deepEqual(JSON.parse(moved.stdout)[0].diagnostics, []);
    assert.match(moved.stderr, new RegExp(`${before} vấn đề đã có trong baseline`, 'u'));
    assert.equal(moved.code, 0);

    // A new finding is reported, alone; SARIF marks new and baselined results.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Một đoạn nữa.', 'Hoàn thành trước ngày 7 tháng 12 năm 2024.'));
    const added = await cli(['check', '--baseline', 'thongbao-baseline.json', '--format', 'json', '.'], folder);
    const newFindings = JSON.parse(added.stdout)[0].diagnostics as { rule: string; range: { start: { line: number } } }[];
    const addedLine = readFileSync(file, 'utf8').split('\n').indexOf('Hoàn thành trước ngày 7 tháng 12 năm 2024.');
    assert.ok(newFindings.some((diagnostic) => diagnostic.rule === 'date/padding'));
    assert.deepEqual(new Set(newFindings.map((diagnostic) => diagnostic.range.start.line)), new Set([addedLine]));
    const stylish = await cli(['check', '--baseline', 'thongbao-baseline.json', '--locale', 'en', '.'], folder);
    assert.match(stylish.stdout, new RegExp(`1 file\\(s\\); \\d+ error\\(s\\), \\d+ warning\\(s\\), \\d+ info; ${before} finding\\(s\\) already in the baseline`, 'u'));
    const sarif = JSON.parse((await cli(['check', '--baseline', 'thongbao-baseline.json', '--format', 'sarif', '.'], folder)).stdout);
    const states = sarif.runs[0].results.map((result: { baselineState: string }) => result.baselineState);
    assert.equal(states.filter((state: string) => state === 'new').length, newFindings.length);
    assert.equal(states.filter((state: string) => state === 'unchanged').length, before);
  });

  it('refuses a file that is not a baseline', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'a.tb.md'), notice('Nội dung.'));
    writeFileSync(path.join(folder, 'b.json'), '{"files": 3}');
    const { code, stderr } = await cli(['check', '--baseline', 'b.json', 'a.tb.md'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /b\.json is not a thongbao baseline/u);
  });

  it('fingerprints the quoted text with spaces collapsed, or the line of an empty range', () => {
    const text = 'một\nhai  ba\nbốn';
    assert.equal(quotedText(text, { start: 4, end: 11 }), 'hai ba');
    assert.equal(quotedText(text, { start: 6, end: 6 }), 'hai ba');
    assert.equal(fingerprint('date/padding', 'hai ba'), fingerprint('date/padding', quotedText('x\nhai ba', { start: 2, end: 8 })));
    assert.notEqual(fingerprint('date/padding', 'hai ba'), fingerprint('date/format', 'hai ba'));
  });
});

describe('--format github and junit', function () {
  this.timeout(30_000);

  it('escapes workflow command data and properties as the runner does', () => {
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const [line] = githubAnnotations('dir/a,b:c.tb.md', [{ rule: 'date/padding', severity: 'warning', message: 'Viết "05": 100%\nxong', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } } }]);
    assert.equal(line, '::warning file=dir/a%2Cb%3Ac.tb.md,line=3,col=5,endLine=3,endColumn=10,title=thongbao date/padding::Viết "05": 100%25%0Axong');
  });

  it('writes one annotation per finding', async () => {
    const { stdout } = await cli(['check', '--format', 'github', 'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md'], root);
    const lines = stdout.trim().split('\n');
    const json = JSON.parse((await cli(['check', '--format', 'json', 'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md'], root)).stdout);
    assert.equal(lines.length, json[0].diagnostics.length);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=test\/fixtures\/seeds\/2024-03-06-hop-de-an-06\.tb\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=thongbao [a-z]+\/[a-z-]+::[^\r\n]+$/u);
  });

  it('writes well-formed JUnit XML: a suite per file, a case per finding, errors as failures', async () => {
    const folder = scratch();
    copyFileSync(path.join(seeds, '2024-03-06-hop-de-an-06.tb.md'), path.join(folder, 'a&<b>.tb.md'));
    writeFileSync(path.join(folder, 'clean.tb.md'), readFileSync(path.join(root, 'examples', 'thong-bao-mau.tb.md')));
    const { stdout } = await cli(['check', '--format', 'junit', '.'], folder);
    const json = JSON.parse((await cli(['check', '--format', 'json', '.'], folder)).stdout) as { diagnostics: { severity: string }[] }[];
    const elements = wellFormed(stdout);
    assert.equal(elements[0]!.name, 'testsuites');
    const suites = elements.filter((element) => element.name === 'testsuite');
    assert.deepEqual(suites.map((suite) => suite.attributes.name), ['a&<b>.tb.md', 'clean.tb.md']);
    assert.equal(suites[0]!.attributes.tests, String(json[0]!.diagnostics.length));
    assert.equal(elements.filter((element) => element.name === 'failure').length, json[0]!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length);
    assert.equal(suites[0]!.attributes.failures, String(json[0]!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length));
    assert.equal(suites[1]!.attributes.tests, '1');
    assert.equal(elements.filter((element) => element.name === 'testcase').length, json[0]!.diagnostics.length + 1);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    assert.equal(escapeXml('a<b>&"c\'\u0001\nd'), 'a&lt;b&gt;&amp;&quot;c&apos;&#10;d');
  });
});

/** A strict check of XML well-formedness (nesting, quoting, entities) returning the elements in document order. */
function wellFormed(xml: string): { name: string; attributes: Record<string, string> }[] {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const body = xml.slice(xml.indexOf('?>') + 2);
  const decode = (text: string) => {
    assert.doesNotMatch(text.replace(/&(?:lt|gt|amp|quot|apos|#\d+);/gu, ''), /[&<]/u, text);
    return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&#(\d+);/gu, (_, code) => String.fromCharCode(Number(code))).replace(/&amp;/gu, '&');
  };
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = tag.exec(body))) {
    end = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length === 0) assert.match(text, /^\s*$/u);
      decode(text);
      continue;
    }
    if (closing) {
      assert.equal(stack.pop(), name);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(/([\w-]+)="([^"]*)"/gu)) attributes[key!] = decode(value!);
    elements.push({ name: name!, attributes });
    if (!selfClosing) stack.push(name!);
  }
  assert.equal(end, body.length, `not XML from: ${body.slice(end, end + 80)}`);
  assert.deepEqual(stack, []);
  return elements;
}

describe('progress line', () => {
  it('is allowed on a terminal outside CI only', () => {
    assert.equal(progressAllowed(true, {}), true);
    assert.equal(progressAllowed(false, {}), false);
    assert.equal(progressAllowed(true, { CI: 'true' }), false);
  });

  it('shows nothing in the first seconds, then files, rate and time left, and erases itself', () => {
    let now = 0;
    let written = '';
    const progress = new ProgressLine(100, (text) => (written += text), 'en', () => now);
    for (let i = 0; i < 10; i++) {
      now += 100;
      progress.tick();
    }
    assert.equal(written, '', 'a run of one second draws nothing');
    now = 2_000;
    for (let i = 0; i < 9; i++) progress.tick();
    assert.equal(written.split('\r').length - 1, 1, 'redrawn at most five times a second');
    now = 2_500;
    progress.tick();
    assert.match(written, /\r\u001b\[2Kthongbao: 20\/100 files \(20%\), 8 files\/s, about 10 s left$/u);
    progress.clear();
    assert.ok(written.endsWith('\r\u001b[2K'));
  });

  it('is not drawn when the CLI is not told it runs on a terminal', async () => {
    const { stderr } = await cli(['check', 'test/fixtures/seeds'], root);
    assert.doesNotMatch(stderr, /\r/u);
  });
});
