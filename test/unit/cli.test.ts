import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync, symlinkSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { notice } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const seeds = path.join(root, 'test', 'fixtures', 'seeds');

async function cli(args: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'thongbao-cli-'));
}

describe('CLI thongbao check', () => {
  it('reports date/padding in the 2024-03-06 meeting notice as JSON, exit 1', async () => {
    const { code, stdout } = await cli(['check', 'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md', '--format', 'json']);
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as { file: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
    assert.equal(reports.length, 1);
    const [report] = reports;
    assert.equal(report!.file, path.join('test', 'fixtures', 'seeds', '2024-03-06-hop-de-an-06.tb.md'));
    const text = readFileSync(path.join(seeds, '2024-03-06-hop-de-an-06.tb.md'), 'utf8');
    const lines = text.split('\n');
    const padded = report!.diagnostics.filter((diagnostic) => diagnostic.rule === 'date/padding').map((diagnostic) => lines[diagnostic.range.start.line]!.slice(diagnostic.range.start.character, diagnostic.range.end.character));
    assert.ok(padded.includes('ngày 6 tháng 4 năm 2020'), padded.join(' | '));
    assert.ok(padded.includes('ngày 15 tháng 03 năm 2024'), padded.join(' | '));
    for (const diagnostic of report!.diagnostics) {
      assert.deepEqual(Object.keys(diagnostic).sort(), ['message', 'range', 'rule', 'severity']);
      assert.ok(['error', 'warning', 'info'].includes(diagnostic.severity));
    }
  });

  it('exits 0 on the clean example', async () => {
    const { code, stdout } = await cli(['check', 'examples/thong-bao-mau.tb.md', '--format', 'json']);
    assert.equal(code, 0, stdout);
  });

  it('checks folders and globs, prints stylish output in Vietnamese or English', async () => {
    const vi = await cli(['check', 'test/fixtures/seeds']);
    assert.match(vi.stdout, /4 tệp; \d+ lỗi/u);
    const en = await cli(['check', 'test/fixtures/seeds/*.tb.md', '--locale', 'en']);
    assert.match(en.stdout, /4 file\(s\); \d+ error\(s\)/u);
  });

  it('writes SARIF 2.1.0', async () => {
    const { stdout } = await cli(['check', 'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((result: { ruleId: string }) => result.ruleId === 'date/padding'));
  });

  it('--max-warnings turns warnings into a failing exit code', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'a.tb.md'), notice('Bộ Công an hoàn thành trong tháng 10 năm 2024.'));
    const allowed = await cli(['check', 'a.tb.md', '--format', 'json'], folder);
    const warnings = JSON.parse(allowed.stdout)[0].diagnostics.filter((diagnostic: { severity: string }) => diagnostic.severity === 'warning');
    assert.ok(warnings.length > 0);
    assert.equal(allowed.code, 0);
    assert.equal((await cli(['check', 'a.tb.md', '--max-warnings', '0'], folder)).code, 1);
  });

  it('exit 2 with a clear message for usage errors', async () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'a.tb.md'], ['check', '--locale', 'fr', 'a.tb.md'], ['frobnicate'], ['check', '--max-warnings', '-1', 'a.tb.md']]) {
      const { code, stderr } = await cli(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^thongbao: /u);
    }
  });

  it('missing, unreadable and non-UTF-8 files: exit 2, one message per file, the others still checked', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'good.tb.md'), notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    writeFileSync(path.join(folder, 'latin1.tb.md'), Buffer.from([0x4e, 0x67, 0xe0, 0x79, 0x0a]));
    const { code, stdout, stderr } = await cli(['check', 'good.tb.md', 'latin1.tb.md', 'nothing.tb.md', '--format', 'json', '--locale', 'en'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /nothing\.tb\.md: no such file or folder/u);
    assert.match(stderr, /latin1\.tb\.md: not UTF-8/u);
    const reports = JSON.parse(stdout);
    assert.equal(reports.length, 1);
    assert.ok(reports[0].diagnostics.some((diagnostic: { rule: string }) => diagnostic.rule === 'date/padding'));
  });

  it('does not loop on symbolic link cycles in folders', async () => {
    const folder = scratch();
    mkdirSync(path.join(folder, 'sub'));
    writeFileSync(path.join(folder, 'sub', 'a.tb.md'), notice('Nội dung.'));
    symlinkSync(folder, path.join(folder, 'sub', 'loop'));
    const { stdout } = await cli(['check', '.', '--format', 'json'], folder);
    assert.equal(JSON.parse(stdout).length, 1);
  });

  it('--fix writes the fixes, keeping BOM and CRLF line endings', async () => {
    const folder = scratch();
    const file = path.join(folder, 'crlf.tb.md');
    const original = `\ufeff${notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.').replace(/\n/gu, '\r\n')}`;
    writeFileSync(file, original, 'utf8');
    await cli(['check', '--fix', 'crlf.tb.md'], folder);
    const fixed = readFileSync(file);
    assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = fixed.toString('utf8');
    assert.ok(text.includes('ngày 05 tháng 12 năm 2024'));
    assert.equal(text.replace(/\r\n/gu, '').includes('\n'), false, 'every line ending stays CRLF');
    assert.equal(text, original.replace('ngày 5 tháng', 'ngày 05 tháng'));
  });

  it('--fix leaves the file intact when it cannot be written', async function () {
    if (process.getuid?.() === 0) {
      // root ignores permissions; check the atomic path instead: no temporary file is left behind.
      const folder = scratch();
      const file = path.join(folder, 'a.tb.md');
      writeFileSync(file, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
      await cli(['check', '--fix', 'a.tb.md'], folder);
      assert.deepEqual(execFileSync('ls', ['-A', folder], { encoding: 'utf8' }).trim().split('\n'), ['a.tb.md']);
      return;
    }
    const folder = scratch();
    const file = path.join(folder, 'a.tb.md');
    writeFileSync(file, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    chmodSync(folder, 0o500);
    const { code } = await cli(['check', '--fix', 'a.tb.md'], folder);
    chmodSync(folder, 0o700);
    assert.equal(code, 2);
    assert.ok(readFileSync(file, 'utf8').includes('ngày 5 tháng 12'));
  });

  it('an invalid thongbao.config.json is reported with its line, defaults apply, exit 2', async () => {
    const folder = scratch();
    copyFileSync(path.join(seeds, '2024-03-06-hop-de-an-06.tb.md'), path.join(folder, 'a.tb.md'));
    writeFileSync(path.join(folder, 'thongbao.config.json'), '{\n  "locale": "en",\n  "rules": { "date/padding": "loud" }\n}\n');
    const { code, stderr, stdout } = await cli(['check', 'a.tb.md', '--format', 'json'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /thongbao\.config\.json:3:\d+: Invalid configuration at "rules\.date\/padding"/u);
    assert.ok(JSON.parse(stdout)[0].diagnostics.some((diagnostic: { rule: string }) => diagnostic.rule === 'date/padding'));
  });

  it('a valid thongbao.config.json switches rules off and sets the language', async () => {
    const folder = scratch();
    copyFileSync(path.join(seeds, '2024-03-06-hop-de-an-06.tb.md'), path.join(folder, 'a.tb.md'));
    writeFileSync(path.join(folder, 'thongbao.config.json'), JSON.stringify({ locale: 'en', rules: { 'date/padding': 'off' } }));
    const { stdout } = await cli(['check', 'a.tb.md', '--format', 'json'], folder);
    const diagnostics = JSON.parse(stdout)[0].diagnostics as { rule: string; message: string }[];
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.rule === 'date/padding').length, 0);
  });

  it('the installed bin runs from the built output', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'thongbao.cjs'), 'check', 'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.ok(JSON.parse(result.stdout)[0].diagnostics.length > 0);
  });

  it('thongbao/core is importable from Node after the build and agrees with the CLI', async () => {
    const text = readFileSync(path.join(seeds, '2024-11-22-530-TB-VPCP.tb.md'), 'utf8');
    const script = `const { analyze } = require('thongbao/core'); const fs = require('fs'); process.stdout.write(JSON.stringify(analyze(fs.readFileSync(0, 'utf8'))));`;
    const api = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, input: text, encoding: 'utf8' }));
    const { stdout } = await cli(['check', 'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md', '--format', 'json']);
    assert.deepEqual(api, JSON.parse(stdout)[0].diagnostics);
  });
});
