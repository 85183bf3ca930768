import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { runCli } from '../../server/src/cli/main.js';
import { parseConfigText, MAX_CONFIG_BYTES } from '../../server/src/workspace/configFile.js';
import { parseRegistryFile, MAX_REGISTRY_BYTES } from '../../server/src/workspace/vanban.js';
import { indexWorkspace } from '../../server/src/workspace/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { LineIndex } from '../../server/src/core/positions.js';
import { notice, run } from '../helpers.js';
import { fastestTime } from './timing.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const knowledge = loadKnowledge();
const scratch = () => mkdtempSync(path.join(tmpdir(), 'thongbao-reliability-'));

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

describe('bad input files: located problems, defaults, never a crash', () => {
  it('thongbao.config.json: invalid JSON, wrong types, wrong root, empty, oversized, deeply nested → problems with their line, defaults used', () => {
    const cases: [string, number | undefined][] = [
      ['{\n  "locale": "en",\n  "rules": {\n', 4],
      ['{\n  "locale": "fr"\n}\n', 2],
      ['{\n  "rules": { "date/padding": "loud" }\n}\n', 2],
      ['[1, 2, 3]', 1],
      ['', undefined],
      [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 1],
      [`{"x": "${'a'.repeat(MAX_CONFIG_BYTES)}"}`, 1],
    ];
    for (const [text, line] of cases) {
      const { config, problems } = parseConfigText(text);
      assert.ok(problems.length > 0, `no problem reported for ${JSON.stringify(text.slice(0, 40))}`);
      assert.equal(config.locale, 'vi', 'defaults are used');
      for (const problem of problems) {
        assert.ok(problem.message.vi.trim() && problem.message.en.trim());
        assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= Math.max(text.length, 1), JSON.stringify(problem));
      }
      if (line !== undefined) assert.equal(lineOf(text, problems[0]!.start), line, JSON.stringify(text.slice(0, 40)));
    }
  });

  it('*.vanban.yaml: invalid YAML, not a list, wrong types, an alias bomb, oversized → problems with their line, no entries', () => {
    const uri = 'file:///ws/a.vanban.yaml';
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const cases: [string, number | undefined][] = [
      ['- so: 28/NQ-CP\n  ngay: [unclosed\n', 3],
      [`- so: ${'['.repeat(100_000)}\n`, undefined],
      ['so: 28/NQ-CP\n', 1],
      ['- so: 28/NQ-CP\n  ngay: 31/02/2024\n  loai: Nghị quyết\n  co-quan: Chính phủ\n  trich-yeu: Phiên họp\n', 2],
      [bomb, undefined],
      [`# ${'x'.repeat(MAX_REGISTRY_BYTES)}\n`, 1],
    ];
    // Bounded: each costs less than twice an ordinary registry of 500 entries (about 60 KB), timed in the same run.
    const ordinary = Array.from({ length: 500 }, (_, i) => `- so: ${i + 1}/NQ-CP\n  ngay: 2024-01-02\n  loai: Nghị quyết\n  co-quan: Chính phủ\n  trich-yeu: Phiên họp thường kỳ tháng ${i}\n`).join('');
    parseRegistryFile(uri, ordinary, knowledge);
    const bound = 2 * fastestTime(() => parseRegistryFile(uri, ordinary, knowledge), 2);
    for (const [text, line] of cases) {
      const started = performance.now();
      const { problems } = parseRegistryFile(uri, text, knowledge);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < bound, `parsing a registry file is bounded: ${Math.round(elapsed)} ms, an ordinary one ${Math.round(bound / 2)} ms`);
      assert.ok(problems.length > 0, `no problem reported for ${JSON.stringify(text.slice(0, 40))}`);
      for (const problem of problems) assert.ok(problem.message.vi.trim() && problem.message.en.trim());
      if (line !== undefined) assert.equal(lineOf(text, problems[0]!.start), line, JSON.stringify(text.slice(0, 40)));
    }
  });

  it('front matter: an unknown key and a value of the wrong type get clear messages; an alias bomb does not hang', () => {
    const text = notice('Nội dung.', { frontMatter: 'co-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: [2024, 11, 22]\nloai: Thông báo\ntrich-yeu: Kết luận\nnguoi-ki: Trần Văn Sơn' });
    const { findings } = run(text);
    const unknown = findings.find((finding) => finding.rule === 'meta/unknown-field');
    assert.ok(unknown && unknown.message.vi.includes('nguoi-ki'), JSON.stringify(findings.map((finding) => finding.message.en)));
    const invalid = findings.find((finding) => finding.rule === 'meta/invalid-value');
    assert.ok(invalid && /ngay/u.test(invalid.message.en), JSON.stringify(findings.map((finding) => finding.message.en)));
    const bomb = ['co-quan: Văn phòng Chính phủ', 'a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'trich-yeu: *i'].join('\n');
    // Bounded: less than 5× an ordinary notice's analysis, timed in the same run.
    const plain = notice('Nội dung.');
    run(plain);
    const ordinary = fastestTime(() => run(plain), 2);
    const started = performance.now();
    run(notice('Nội dung.', { frontMatter: bomb }));
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5 * ordinary, `took ${Math.round(elapsed)} ms, an ordinary notice ${Math.round(ordinary)} ms`);
  });
});

describe('CLI on bad operands: exit 2, one clear message per file, the others still checked', () => {
  it('a folder named like a notice, a broken link and a link loop among good files', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'good.tb.md'), notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    mkdirSync(path.join(folder, 'folder.tb.md'));
    symlinkSync(path.join(folder, 'missing.tb.md'), path.join(folder, 'broken.tb.md'));
    symlinkSync(path.join(folder, 'loop-b.tb.md'), path.join(folder, 'loop-a.tb.md'));
    symlinkSync(path.join(folder, 'loop-a.tb.md'), path.join(folder, 'loop-b.tb.md'));
    const { code, stdout, stderr } = await cli(['check', 'good.tb.md', 'broken.tb.md', 'loop-a.tb.md', '--format', 'json'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /broken\.tb\.md: /u);
    assert.match(stderr, /loop-a\.tb\.md: /u);
    assert.equal(stderr.trim().split('\n').length, 2, stderr);
    assert.ok(JSON.parse(stdout)[0].diagnostics.some((diagnostic: { rule: string }) => diagnostic.rule === 'date/padding'));
    const scan = await cli(['check', '.', '--format', 'json'], folder);
    assert.deepEqual(JSON.parse(scan.stdout).map((report: { file: string }) => report.file), ['good.tb.md']);
  });

  it('an unreadable file (when not root)', async function () {
    if (process.getuid?.() === 0) this.skip();
    const folder = scratch();
    writeFileSync(path.join(folder, 'good.tb.md'), notice('Nội dung.'));
    writeFileSync(path.join(folder, 'secret.tb.md'), notice('Nội dung.'));
    chmodSync(path.join(folder, 'secret.tb.md'), 0o000);
    const { code, stdout, stderr } = await cli(['check', 'good.tb.md', 'secret.tb.md', '--format', 'json', '--locale', 'en'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /secret\.tb\.md: permission denied/u);
    assert.equal(JSON.parse(stdout).length, 1);
  });
});

describe('no data loss: --fix writes through a temporary file and a rename', () => {
  it('when the temporary file cannot be created (a name at the file-system limit), the original is intact, exit 2', async () => {
    // Works as root too: NAME_MAX is 255 bytes for everyone, and the temporary name is longer than the file's.
    const folder = scratch();
    const name = `${'a'.repeat(240)}.tb.md`;
    const original = `\ufeff${notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.').replace(/\n/gu, '\r\n')}`;
    writeFileSync(path.join(folder, name), original);
    const before = statSync(path.join(folder, name));
    const { code, stderr } = await cli(['check', '--fix', name, '--format', 'json', '--locale', 'en'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /could not write the fixes .*the file is unchanged/u);
    assert.equal(readFileSync(path.join(folder, name), 'utf8'), original);
    assert.equal(statSync(path.join(folder, name)).mtimeMs, before.mtimeMs);
    assert.deepEqual(readdirSync(folder), [name], 'no temporary file is left behind');
  });

  it('when the rename fails (the target became a folder between read and write), nothing is lost and no temporary file stays', async () => {
    const { writeFileSafely } = await import('../../server/src/cli/safeWrite.js');
    const folder = scratch();
    mkdirSync(path.join(folder, 'a.tb.md'));
    writeFileSync(path.join(folder, 'a.tb.md', 'inside.txt'), 'kept');
    await assert.rejects(writeFileSafely(path.join(folder, 'a.tb.md'), 'new text'));
    assert.equal(readFileSync(path.join(folder, 'a.tb.md', 'inside.txt'), 'utf8'), 'kept');
    assert.deepEqual(readdirSync(folder), ['a.tb.md']);
  });

  it('keeps the file mode', async () => {
    const folder = scratch();
    const file = path.join(folder, 'a.tb.md');
    writeFileSync(file, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    chmodSync(file, 0o640);
    await cli(['check', '--fix', 'a.tb.md'], folder);
    assert.ok(readFileSync(file, 'utf8').includes('ngày 05 tháng 12'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });
});

describe('security: nothing in a workspace is executed, nothing leaves the machine', () => {
  const ourSources = (folder: string): string[] =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(root, folder, file));

  it('our sources use no eval, new Function, child processes, network modules or dynamic imports of computed paths', () => {
    const forbidden: [RegExp, string][] = [
      [/\beval\s*\(/u, 'eval'],
      [/\bnew\s+Function\s*\(/u, 'new Function'],
      [/['"](?:node:)?child_process['"]/u, 'child_process'],
      [/['"](?:node:)?(?:https?|net|tls|dgram|http2)['"]/u, 'a network module'],
      [/\bfetch\s*\(/u, 'fetch'],
      [/\bimport\s*\(\s*[^'"\s]/u, 'dynamic import() of a computed path'],
      [/\brequire\s*\(\s*[^'"\s]/u, 'require of a computed path'],
      [/\bcreateRequire\s*\([^)]*\)\s*\(/u, 'a require through createRequire'],
      [/\bvm\.|['"](?:node:)?vm['"]/u, 'the vm module'],
      [/\bFiles\.resolve/u, 'vscode-languageserver Files helpers (they spawn npm and yarn)'],
    ];
    const files = [...ourSources('server/src'), ...ourSources('client/src')];
    assert.ok(files.length > 20);
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gmu, '');
      // The exceptions: `thongbao export --to pdf` runs the installed LibreOffice (execFile, no shell) on a file it wrote; the PDF
      // import requires pdf.js's own bundle, dist/pdfjs.cjs, by its fixed name beside the bundle that runs.
      const exceptions: Record<string, string[]> = { [path.join('server', 'src', 'export', 'pdf.ts')]: ['child_process'], [path.join('server', 'src', 'import', 'pdf.ts')]: ['a require through createRequire'] };
      const exempt = exceptions[path.relative(root, file)] ?? [];
      for (const [pattern, what] of forbidden) if (!exempt.includes(what)) assert.doesNotMatch(code, pattern, `${path.relative(root, file)} uses ${what}`);
    }
  });

  it('the built server and CLI bundles require no network or process module (run npm run build first)', () => {
    // vscode-languageserver/node requires 'net' for its --socket and --pipe transports (a local socket the
    // editor chooses), and 'child_process' in its Files helpers (resolving npm/yarn global module paths),
    // which our code never calls (checked above). The CLI bundle requires worker_threads for `check --jobs`,
    // whose only script is its own bundled worker (dist/cliWorker.cjs, a fixed path), which requires it for its
    // message port; and child_process only for `thongbao export --to pdf`, which runs the installed LibreOffice
    // (server/src/export/pdf.ts). pdf.js, in a bundle of its own (dist/pdfjs.cjs), requires none.
    const allowed: Record<string, string[]> = { 'server.cjs': ['net', 'child_process'], 'cli.cjs': ['worker_threads', 'child_process'], 'cliWorker.cjs': ['worker_threads'], 'pdfjs.cjs': [] };
    for (const bundle of Object.keys(allowed)) {
      const code = readFileSync(path.join(root, 'dist', bundle), 'utf8');
      const required = new Set([...code.matchAll(/require\(["']((?:node:)?[a-z_0-9]+)["']\)/gu)].map((match) => match[1]!.replace(/^node:/u, '')));
      for (const module of ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'child_process', 'vm', 'worker_threads']) {
        if (allowed[bundle]!.includes(module)) continue;
        assert.ok(!required.has(module), `dist/${bundle} requires ${module}`);
      }
    }
  });

  it('the workspace index does not follow links out of the workspace', async () => {
    const outside = scratch();
    writeFileSync(path.join(outside, 'secret.tb.md'), notice('Căn cứ Nghị quyết số 9999/NQ-CP ngày 01 tháng 01 năm 2024 của Chính phủ.'));
    writeFileSync(path.join(outside, 'secret.vanban.yaml'), '- so: 9998/NQ-CP\n  loai: Nghị quyết\n  ngay: 2024-01-01\n');
    const workspace = scratch();
    writeFileSync(path.join(workspace, 'own.tb.md'), notice('Nội dung.'));
    symlinkSync(path.join(outside, 'secret.tb.md'), path.join(workspace, 'linked.tb.md'));
    symlinkSync(path.join(outside, 'secret.vanban.yaml'), path.join(workspace, 'linked.vanban.yaml'));
    symlinkSync(outside, path.join(workspace, 'linked-folder'));
    const { index } = await indexWorkspace([workspace], knowledge);
    assert.equal(index.noticeCount, 1);
    assert.equal(index.has(URI.file(path.join(workspace, 'own.tb.md')).toString()), true);
    assert.equal(index.has(URI.file(path.join(workspace, 'linked.tb.md')).toString()), false);
    // Numbers no shipped registry entry has, so only a followed link could supply them.
    assert.equal(index.citationsOf('9999/NQ-CP').length, 0);
    assert.equal(index.registry().lookup('9998/NQ-CP'), undefined);
  });

  it('the extension declares untrusted-workspace support, and no setting names a program or a path to run', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    const properties = Object.entries((manifest.contributes?.configuration?.properties ?? {}) as Record<string, { type?: string | string[] }>);
    for (const [key] of properties) assert.doesNotMatch(key, /path|command|executable|program|script|plugin/iu, `setting ${key}`);
  });
});
