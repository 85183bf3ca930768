import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, closeSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { readFileText } from '../../server/src/cli/fileText.js';
import { FileChangedError, writeFileSafely } from '../../server/src/cli/safeWrite.js';
import { parseRegistryFile } from '../../server/src/workspace/vanban.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { startServer } from '../lsp/harness.js';
import { notice } from '../helpers.js';

/**
 * Regression tests of issue 12's CLI and file-system findings, each named
 * after its finding. They go through `runCli` in-process, or through the
 * built bin (bin/thongbao.cjs → dist/cli.cjs) where a process boundary
 * matters (another user, a broken stdout, a file edited during the run).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'thongbao.cjs');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const FIXABLE = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
const FIXED_PART = 'ngày 05 tháng 12 năm 2024';
const UNFIXED_PART = 'ngày 5 tháng 12 năm 2024';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'thongbao-findings-'));

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

/** Whether `runuser -u nobody` works here (root, and the repository readable by others). */
function canRunAsNobody(): boolean {
  if (!isRoot) return false;
  return spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, '--version'], { encoding: 'utf8' }).status === 0;
}

/** A scratch folder owned by nobody, for runs as that user. */
function nobodyScratch(): string {
  const folder = scratch();
  chownSync(folder, NOBODY, NOBODY);
  return folder;
}

function asNobody(args: string[], cwd: string) {
  return spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

/** Whether reading a file whose access time is older than its modification time updates it (relatime, strictatime). */
function readsUpdateAccessTime(folder: string): boolean {
  const probe = path.join(folder, '.atime-probe');
  writeFileSync(probe, 'x');
  const { mtimeMs } = statSync(probe);
  utimesSync(probe, (mtimeMs - 60_000) / 1000, mtimeMs / 1000);
  const before = statSync(probe).atimeMs;
  readFileSync(probe);
  const updated = statSync(probe).atimeMs !== before;
  rmSync(probe);
  return updated;
}

describe('issue 12, CLI and file-system findings', () => {
  describe('the safe writer (--fix)', () => {
    it('finding 3: --fix on a symbolic link writes the target, and the link stays a link', async () => {
      const folder = scratch();
      mkdirSync(path.join(folder, 'outside'));
      mkdirSync(path.join(folder, 'ws'));
      writeFileSync(path.join(folder, 'outside', 'n.tb.md'), FIXABLE);
      symlinkSync('../outside/n.tb.md', path.join(folder, 'ws', 'link.tb.md'));
      const { code, stderr } = await cli(['check', 'link.tb.md', '--fix', '--format', 'json'], path.join(folder, 'ws'));
      assert.notEqual(code, 2, stderr);
      assert.ok(lstatSync(path.join(folder, 'ws', 'link.tb.md')).isSymbolicLink(), 'the link is still a link');
      assert.ok(readFileSync(path.join(folder, 'outside', 'n.tb.md'), 'utf8').includes(FIXED_PART), 'the target is fixed');
      assert.deepEqual(readdirSync(path.join(folder, 'outside')), ['n.tb.md'], 'no temporary file stays beside the target');
    });

    it('finding 3: --fix keeps hard links (both names still show the same, fixed file)', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      linkSync(path.join(folder, 'a.tb.md'), path.join(folder, 'b.tb.md'));
      const before = statSync(path.join(folder, 'a.tb.md'));
      await cli(['check', 'a.tb.md', '--fix', '--format', 'json'], folder);
      const [a, b] = [statSync(path.join(folder, 'a.tb.md')), statSync(path.join(folder, 'b.tb.md'))];
      assert.equal(a.ino, before.ino, 'same inode');
      assert.equal(a.ino, b.ino, 'still one file under two names');
      assert.equal(a.nlink, 2);
      assert.ok(readFileSync(path.join(folder, 'b.tb.md'), 'utf8').includes(FIXED_PART));
      assert.deepEqual(readdirSync(folder).sort(), ['a.tb.md', 'b.tb.md'], 'no backup or temporary file stays');
    });

    it('finding 3: --fix run by root keeps the owner of a file owned by nobody', async function () {
      if (!isRoot) this.skip(); // only root can give a file to another user
      const folder = scratch();
      const file = path.join(folder, 'a.tb.md');
      writeFileSync(file, FIXABLE);
      chownSync(file, NOBODY, NOBODY);
      chmodSync(file, 0o640);
      await cli(['check', 'a.tb.md', '--fix', '--format', 'json'], folder);
      const after = statSync(file);
      assert.ok(readFileSync(file, 'utf8').includes(FIXED_PART));
      assert.equal(after.uid, NOBODY);
      assert.equal(after.gid, NOBODY);
      assert.equal(after.mode & 0o777, 0o640);
    });

    it('finding 3: --fix run by a user who may write, but does not own, the file keeps its owner (written in place)', async function () {
      if (!canRunAsNobody()) this.skip(); // needs root to hand the run to nobody, and runuser
      const folder = nobodyScratch();
      const file = path.join(folder, 'shared.tb.md');
      writeFileSync(file, FIXABLE);
      chmodSync(file, 0o666);
      const before = statSync(file);
      const result = asNobody(['check', 'shared.tb.md', '--fix', '--format', 'json'], folder);
      assert.notEqual(result.status, 2, result.stderr);
      const after = statSync(file);
      assert.ok(readFileSync(file, 'utf8').includes(FIXED_PART));
      assert.equal(after.uid, 0, 'still owned by root');
      assert.equal(after.ino, before.ino);
      assert.equal(after.mode & 0o777, 0o666);
      assert.deepEqual(readdirSync(folder), ['shared.tb.md'], 'the backup copy is gone');
    });

    it('finding 4: --fix run by a non-root user on a read-only (0444) file: exit 2, file intact', async function () {
      const original = FIXABLE;
      if (!isRoot) {
        const folder = scratch();
        writeFileSync(path.join(folder, 'ro.tb.md'), original);
        chmodSync(path.join(folder, 'ro.tb.md'), 0o444);
        const { code, stderr } = await cli(['check', 'ro.tb.md', '--fix', '--locale', 'en'], folder);
        assert.equal(code, 2);
        assert.match(stderr, /ro\.tb\.md: .*(permission|read-only)/iu);
        assert.equal(readFileSync(path.join(folder, 'ro.tb.md'), 'utf8'), original);
        return;
      }
      if (!canRunAsNobody()) this.skip(); // root, but runuser cannot run the bin as nobody here
      const folder = nobodyScratch();
      const file = path.join(folder, 'ro.tb.md');
      writeFileSync(file, original);
      chownSync(file, NOBODY, NOBODY);
      chmodSync(file, 0o444);
      const result = asNobody(['check', 'ro.tb.md', '--fix', '--locale', 'en'], folder);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /ro\.tb\.md: .*(permission|read-only)/iu);
      assert.equal(readFileSync(file, 'utf8'), original);
      assert.equal(statSync(file).mode & 0o777, 0o444);
      assert.deepEqual(readdirSync(folder), ['ro.tb.md']);
    });

    it('finding 5: the writer refuses when the file changed on disk since it was read, and leaves the newer text', async () => {
      const folder = scratch();
      const file = path.join(folder, 'a.tb.md');
      writeFileSync(file, FIXABLE);
      const read = await readFileText(file);
      appendFileSync(file, 'Một dòng người dùng vừa lưu.\n');
      const saved = readFileSync(file, 'utf8');
      await assert.rejects(writeFileSafely(file, read.text.replace(UNFIXED_PART, FIXED_PART), { expected: read.fingerprint }), FileChangedError);
      assert.equal(readFileSync(file, 'utf8'), saved);
      assert.deepEqual(readdirSync(folder), ['a.tb.md']);
      // Same size and time, other content: the hash tells.
      const same = read.text.replace('Hoàn thành', 'Hoàn thànk');
      writeFileSync(file, same);
      utimesSync(file, read.fingerprint.mtimeMs / 1000, read.fingerprint.mtimeMs / 1000);
      await assert.rejects(writeFileSafely(file, 'x', { expected: read.fingerprint }), FileChangedError);
      assert.equal(readFileSync(file, 'utf8'), same);
    });

    it('finding 5: an edit saved while --fix runs is kept: exit 2, the saved text intact', async function () {
      this.timeout(120_000);
      const folder = scratch();
      if (!readsUpdateAccessTime(folder)) this.skip(); // noatime mount: the test cannot see when the CLI has read the file
      const file = path.join(folder, 'big.tb.md');
      // About 480 KB of fixable paragraphs: the fixes take seconds, during which the user saves (120 KB took 0.7 s on a quick machine).
      writeFileSync(file, notice(Array.from({ length: 6000 }, () => 'Hoàn thành trước ngày 5 tháng 12 năm 2024 theo yêu cầu.').join('\n\n')));
      // An access time older than the modification time: the CLI's first read updates it (relatime).
      const { mtimeMs } = statSync(file);
      utimesSync(file, (mtimeMs - 60_000) / 1000, mtimeMs / 1000);
      const atimeBefore = statSync(file).atimeMs;
      const child = spawn(process.execPath, [bin, 'check', 'big.tb.md', '--fix', '--format', 'json', '--locale', 'en'], { cwd: folder });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      child.stdout.resume();
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      let running = true;
      void exited.then(() => (running = false));
      while (running && statSync(file).atimeMs === atimeBefore) await new Promise((resolve) => setTimeout(resolve, 20));
      // The CLI has started reading; give it time to read the file for checking too, then save.
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.ok(running && readFileSync(file, 'utf8').includes(UNFIXED_PART), 'the CLI was still fixing when the user saved');
      appendFileSync(file, '\nĐoạn người dùng vừa thêm.\n');
      const code = await exited;
      const after = readFileSync(file, 'utf8');
      assert.ok(after.endsWith('\nĐoạn người dùng vừa thêm.\n'), 'the saved edit is kept');
      assert.ok(after.includes(UNFIXED_PART), 'no fix was written over it');
      assert.equal(code, 2, stderr);
      assert.match(stderr, /big\.tb\.md: .*changed/iu);
    });
  });

  describe('the safe reader (configuration, registries, notices)', () => {
    it('finding 10: an alias bomb inside a list entry of a *.vanban.yaml is one located problem; everything else is checked', async () => {
      const folder = scratch();
      const anchors = ['  a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `  ${name}: &${name} [${Array.from({ length: 10 }, () => `*${'abcdefghi'[i]}`).join(', ')}]`)];
      writeFileSync(path.join(folder, 'bomb.vanban.yaml'), ['- so: 28/NQ-CP', ...anchors, ''].join('\n'));
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const parsed = parseRegistryFile('file:///bomb.vanban.yaml', readFileSync(path.join(folder, 'bomb.vanban.yaml'), 'utf8'), loadKnowledge());
      assert.equal(parsed.entries.length, 0);
      assert.equal(parsed.problems.length, 1);
      const { code, stdout, stderr } = await cli(['check', '.', '--format', 'json', '--locale', 'en'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /^thongbao: bomb\.vanban\.yaml:1:\d+: .*alias/imu);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      const reports = JSON.parse(stdout) as { file: string; diagnostics: { rule: string }[] }[];
      assert.deepEqual(reports.map((report) => report.file), ['a.tb.md']);
      assert.ok(reports[0]!.diagnostics.some((diagnostic) => diagnostic.rule === 'date/padding'));
    });

    it('finding 18: thongbao.config.json as a link out of its folder is refused with a located problem; the outside keys are not echoed', async () => {
      const folder = scratch();
      mkdirSync(path.join(folder, 'outside'));
      mkdirSync(path.join(folder, 'ws'));
      writeFileSync(path.join(folder, 'outside', 'secret.json'), '{ "OUTSIDE_SECRET_KEY": 1 }');
      symlinkSync('../outside/secret.json', path.join(folder, 'ws', 'thongbao.config.json'));
      writeFileSync(path.join(folder, 'ws', 'a.tb.md'), FIXABLE);
      const { code, stdout, stderr } = await cli(['check', 'a.tb.md', '--format', 'json', '--locale', 'en'], path.join(folder, 'ws'));
      assert.equal(code, 2);
      assert.doesNotMatch(stderr, /OUTSIDE_SECRET_KEY/u);
      assert.match(stderr, /thongbao\.config\.json:1:1: .*outside/iu);
      assert.equal(JSON.parse(stdout).length, 1, 'the notice is still checked, with the defaults');
    });

    it('finding 18: thongbao.config.json linked to /dev/zero, or a FIFO: refused at once (no hang, no memory blow-up)', async function () {
      this.timeout(60_000);
      for (const make of [(file: string) => symlinkSync('/dev/zero', file), (file: string) => execFileSync('mkfifo', [file])]) {
        const folder = scratch();
        make(path.join(folder, 'thongbao.config.json'));
        writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
        const result = spawnSync(process.execPath, [bin, 'check', 'a.tb.md', '--format', 'json', '--locale', 'en'], { cwd: folder, encoding: 'utf8', timeout: 15_000 });
        assert.equal(result.error, undefined, 'the CLI finished');
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /thongbao\.config\.json:1:1: /u);
        assert.equal(JSON.parse(result.stdout).length, 1);
      }
    });

    it('finding 18: the language server starts and reports a FIFO thongbao.config.json instead of hanging', async function () {
      this.timeout(30_000);
      const folder = scratch();
      execFileSync('mkfifo', [path.join(folder, 'thongbao.config.json')]);
      const server = await startServer({ workspaceFolder: folder, timeoutMs: 10_000 });
      try {
        const configUri = `file://${path.join(folder, 'thongbao.config.json')}`;
        const diagnostics = await server.nextDiagnostics(configUri);
        assert.equal(diagnostics.length, 1);
        const uri = `file://${path.join(folder, 'a.tb.md')}`;
        assert.ok((await server.open(uri, FIXABLE)).some((diagnostic) => diagnostic.code === 'date/padding'));
      } finally {
        await server.close();
      }
    });

    it('finding 19: the registry config key is honoured (its globs are read, from the folder of the configuration)', async () => {
      const folder = scratch();
      mkdirSync(path.join(folder, 'reg'));
      mkdirSync(path.join(folder, 'notices'));
      writeFileSync(path.join(folder, 'thongbao.config.json'), JSON.stringify({ registry: ['reg/*.yaml'] }));
      writeFileSync(path.join(folder, 'reg', 'docs.yaml'), '- so: 28/NQ-CP\n  ngay: 31/02/2024\n  loai: Nghị quyết\n  co-quan: Chính phủ\n  trich-yeu: Phiên họp\n');
      writeFileSync(path.join(folder, 'ignored.vanban.yaml'), 'not: a list\n');
      writeFileSync(path.join(folder, 'notices', 'a.tb.md'), FIXABLE);
      const { code, stderr } = await cli(['check', 'notices', '--locale', 'en'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /reg\/docs\.yaml:2:\d+: .*ngay/u);
      assert.doesNotMatch(stderr, /ignored\.vanban\.yaml/u, 'the default glob no longer applies');
    });

    it('finding 30: a 450 MB registry file is refused by its size, before it is read', async function () {
      this.timeout(60_000);
      const folder = scratch();
      writeFileSync(path.join(folder, 'huge.vanban.yaml'), '');
      truncateSync(path.join(folder, 'huge.vanban.yaml'), 450 * 1024 * 1024);
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const peakBefore = process.resourceUsage().maxRSS;
      const { code, stdout, stderr } = await cli(['check', '.', '--format', 'json', '--locale', 'en'], folder);
      const grownKb = process.resourceUsage().maxRSS - peakBefore;
      assert.equal(code, 2);
      assert.match(stderr, /huge\.vanban\.yaml:1:1: .*too large/iu);
      assert.equal(JSON.parse(stdout).length, 1);
      assert.ok(grownKb < 100 * 1024, `peak memory grew by ${Math.round(grownKb / 1024)} MB`);
    });

    it('finding 31: a file name that is not UTF-8 gets a clear message, not ENOENT', async () => {
      const folder = scratch();
      writeFileSync(Buffer.concat([Buffer.from(`${folder}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('.tb.md')]), FIXABLE);
      writeFileSync(path.join(folder, 'good.tb.md'), FIXABLE);
      const { code, stdout, stderr } = await cli(['check', '.', '--format', 'json', '--locale', 'en'], folder);
      assert.equal(code, 2);
      assert.doesNotMatch(stderr, /ENOENT/u);
      assert.match(stderr, /bad.*\.tb\.md: the file name is not valid UTF-8/u);
      assert.equal(JSON.parse(stdout).length, 1);
    });
  });

  describe('operands and options', () => {
    it('finding 28: a glob operand takes only notices (*.tb.md): --fix never touches data.json', async () => {
      const folder = scratch();
      const data = JSON.stringify({ note: `Hoàn thành trước ${UNFIXED_PART}.` });
      writeFileSync(path.join(folder, 'data.json'), data);
      writeFileSync(path.join(folder, 'notes.md'), FIXABLE);
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const { stdout } = await cli(['check', '*', '--fix', '--format', 'json'], folder);
      assert.deepEqual((JSON.parse(stdout) as { file: string }[]).map((report) => report.file), ['a.tb.md']);
      assert.equal(readFileSync(path.join(folder, 'data.json'), 'utf8'), data);
      assert.equal(readFileSync(path.join(folder, 'notes.md'), 'utf8'), FIXABLE);
      assert.ok(readFileSync(path.join(folder, 'a.tb.md'), 'utf8').includes(FIXED_PART));
    });

    it('finding 28: a file operand that is not a notice is refused (exit 2, untouched); the others are checked', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'data.json'), FIXABLE);
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const { code, stdout, stderr } = await cli(['check', 'data.json', 'a.tb.md', '--fix', '--format', 'json', '--locale', 'en'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /data\.json: not a notice/u);
      assert.equal(readFileSync(path.join(folder, 'data.json'), 'utf8'), FIXABLE);
      assert.equal(JSON.parse(stdout).length, 1);
    });

    it('finding 28: an empty operand is a usage error, not the current folder', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const { code, stdout, stderr } = await cli(['check', '', '--fix'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /^thongbao: .*empty/u);
      assert.equal(stdout, '');
      assert.equal(readFileSync(path.join(folder, 'a.tb.md'), 'utf8'), FIXABLE);
      const config = await cli(['check', 'a.tb.md', '--config', '', '--fix'], folder);
      assert.equal(config.code, 2);
      assert.match(config.stderr, /^thongbao: --config .*empty/u);
      assert.equal(readFileSync(path.join(folder, 'a.tb.md'), 'utf8'), FIXABLE);
    });

    it('finding 35: --max-warnings takes a plain whole number only', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      for (const value of ['', '1e2', ' 0x0 ', '0x0', '1.0', ' 5', '+1', '-0']) {
        const { code, stderr } = await cli(['check', 'a.tb.md', '--max-warnings', value], folder);
        assert.equal(code, 2, JSON.stringify(value));
        assert.match(stderr, /--max-warnings/u);
      }
      for (const value of ['0', '12', '007']) assert.notEqual((await cli(['check', 'a.tb.md', '--max-warnings', value], folder)).code, 2, value);
    });
  });

  describe('output at the edges', () => {
    it('finding 17: stylish output strips escape and control characters from messages and file names', async () => {
      const folder = scratch();
      const hostile = notice('Nội dung.').replace('ngay: 2024-11-22', 'ngay: "\\e]52;c;SGVsbG8=\\a\\e[2J\\r\\n0 tệp; 0 lỗi, 0 cảnh báo, 0 lưu ý"');
      writeFileSync(path.join(folder, 'a.tb.md'), hostile);
      writeFileSync(path.join(folder, 'b\n0 tệp; 0 lỗi\u001b[2J.tb.md'), FIXABLE);
      const { stdout, stderr } = await cli(['check', '.'], folder);
      assert.ok(stdout.includes('meta/'), stdout);
      for (const output of [stdout, stderr]) {
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u, JSON.stringify(output));
      }
      assert.equal(stdout.split('\n').filter((line) => /^\d+ tệp;/u.test(line)).length, 1, 'one summary line');
      assert.match(stdout.trimEnd().split('\n').at(-1)!, /^2 tệp; /u, 'the real summary is the last line');
    });

    it('finding 17: stderr messages strip control characters from file names too', async () => {
      const folder = scratch();
      const { stderr } = await cli(['check', 'missing\u001b]52;c;eA==\u0007.tb.md'], folder);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
      assert.match(stderr, /missing/u);
      const usage = await cli(['check', '--format', 'x\u001b[2J', 'a.tb.md'], folder);
      assert.equal(usage.code, 2);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(usage.stderr, /\u001b/u);
    });

    it('finding 22: an output write error is one line on stderr, exit 2; a closed pipe (EPIPE) is quiet', async function () {
      this.timeout(60_000);
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [bin, 'check', 'test/fixtures/seeds', '--locale', 'en'], { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, /^thongbao: .*output/u);
      } finally {
        closeSync(full);
      }
      const child = spawn(process.execPath, [bin, 'check', 'test/fixtures/seeds'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(stderr, '');
      assert.equal(code, 2);
    });

    it('finding 23: SARIF locations are URIs (#, %, ?, spaces and non-ASCII encoded), help links absolute', async () => {
      const folder = scratch();
      const names = ['a b#1%20.tb.md', 'ü?.tb.md'];
      for (const name of names) writeFileSync(path.join(folder, name), FIXABLE);
      const { stdout } = await cli(['check', '.', '--format', 'sarif'], folder);
      const sarif = JSON.parse(stdout);
      const run = sarif.runs[0];
      const base = run.originalUriBaseIds.SRCROOT.uri as string;
      assert.equal(new URL(base).protocol, 'file:');
      const files = new Set<string>();
      for (const result of run.results) {
        const location = result.locations[0].physicalLocation.artifactLocation;
        assert.equal(location.uriBaseId, 'SRCROOT');
        assert.doesNotMatch(location.uri, /[ #?]|[^\u0000-\u007f]/u, 'a URI reference');
        const url = new URL(location.uri, base);
        files.add(decodeURIComponent(url.pathname.split('/').at(-1)!));
      }
      assert.deepEqual([...files].sort(), [...names].sort());
      for (const rule of run.tool.driver.rules) {
        const help = new URL(rule.helpUri);
        assert.ok(['file:', 'https:'].includes(help.protocol), rule.helpUri);
        if (help.protocol === 'file:') assert.ok(readFileSync(help).length > 0, rule.helpUri);
      }
    });

    it('finding 25: with a BOM, CLI columns on line 1 are those editors show (the BOM is not a column)', async () => {
      const folder = scratch();
      const text = 'Nghị đ ịnh ngắn.\n';
      writeFileSync(path.join(folder, 'plain.tb.md'), text);
      writeFileSync(path.join(folder, 'bom.tb.md'), `\ufeff${text}`);
      const { stdout } = await cli(['check', 'plain.tb.md', 'bom.tb.md', '--format', 'json'], folder);
      const reports = JSON.parse(stdout) as { file: string; diagnostics: { rule: string; range: unknown }[] }[];
      const byFile = new Map(reports.map((report) => [report.file, report.diagnostics]));
      const typo = (file: string) => byFile.get(file)!.filter((diagnostic) => diagnostic.rule.startsWith('typo/'));
      assert.ok(typo('plain.tb.md').length > 0);
      assert.deepEqual(typo('bom.tb.md'), typo('plain.tb.md'));
      // --fix still writes the BOM back.
      await cli(['check', 'bom.tb.md', '--fix'], folder);
      assert.deepEqual([...readFileSync(path.join(folder, 'bom.tb.md')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    });
  });

  describe('finding 29: one policy for unreadable and invalid inputs', () => {
    it('finding 29: an unreadable thongbao.config.json is reported, the defaults apply and the files are still checked (exit 2)', async () => {
      const folder = scratch();
      mkdirSync(path.join(folder, 'thongbao.config.json')); // unreadable for root too
      writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
      const { code, stdout, stderr } = await cli(['check', 'a.tb.md', '--format', 'json', '--locale', 'en'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /thongbao\.config\.json:1:1: .*defaults/u);
      const reports = JSON.parse(stdout) as { diagnostics: { rule: string }[] }[];
      assert.equal(reports.length, 1);
      assert.ok(reports[0]!.diagnostics.some((diagnostic) => diagnostic.rule === 'date/padding'));
    });

    it('finding 29: an unreadable sub-folder is reported (exit 2), the rest of the folder is checked', async function () {
      this.timeout(60_000);
      const setUp = (folder: string) => {
        mkdirSync(path.join(folder, 'locked'));
        writeFileSync(path.join(folder, 'locked', 'hidden.tb.md'), FIXABLE);
        writeFileSync(path.join(folder, 'a.tb.md'), FIXABLE);
        chmodSync(path.join(folder, 'locked'), 0o000);
      };
      if (!isRoot) {
        const folder = scratch();
        setUp(folder);
        const { code, stdout, stderr } = await cli(['check', '.', '--format', 'json', '--locale', 'en'], folder);
        chmodSync(path.join(folder, 'locked'), 0o700);
        assert.equal(code, 2);
        assert.match(stderr, /locked: .*cannot read this folder/u);
        assert.equal(JSON.parse(stdout).length, 1);
        return;
      }
      if (!canRunAsNobody()) this.skip(); // root reads every folder; runuser cannot run the bin as nobody here
      const folder = nobodyScratch();
      setUp(folder);
      chownSync(path.join(folder, 'locked'), NOBODY, NOBODY);
      chownSync(path.join(folder, 'a.tb.md'), NOBODY, NOBODY);
      const result = asNobody(['check', '.', '--format', 'json', '--locale', 'en'], folder);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /locked: .*cannot read this folder/u);
      assert.equal(JSON.parse(result.stdout).length, 1);
    });

    it('finding 29: a registry problem exits 2, like a configuration problem', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'a.tb.md'), notice('Nội dung.'));
      writeFileSync(path.join(folder, 'bad.vanban.yaml'), 'so: 28/NQ-CP\n');
      const { code, stderr } = await cli(['check', '.'], folder);
      assert.match(stderr, /bad\.vanban\.yaml:1:1: /u);
      assert.equal(code, 2);
    });

    it('finding 29: configuration messages follow --locale', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'a.tb.md'), notice('Nội dung.'));
      writeFileSync(path.join(folder, 'thongbao.config.json'), '{ "locale": "en", "rules": { "date/padding": "loud" } }');
      const vi = await cli(['check', 'a.tb.md', '--locale', 'vi'], folder);
      assert.match(vi.stderr, /Cấu hình không hợp lệ/u);
      const en = await cli(['check', 'a.tb.md'], folder);
      assert.match(en.stderr, /Invalid configuration/u, 'without --locale, the file’s own locale');
    });

    it('finding 29: "not UTF-8" is in the language of the run', async () => {
      const folder = scratch();
      writeFileSync(path.join(folder, 'latin1.tb.md'), Buffer.from([0x4e, 0x67, 0xe0, 0x79, 0x0a]));
      const vi = await cli(['check', 'latin1.tb.md'], folder);
      assert.match(vi.stderr, /latin1\.tb\.md: .*UTF-8/u);
      assert.doesNotMatch(vi.stderr, /not UTF-8/u);
      const en = await cli(['check', 'latin1.tb.md', '--locale', 'en'], folder);
      assert.match(en.stderr, /latin1\.tb\.md: not UTF-8 text/u);
    });
  });
});
