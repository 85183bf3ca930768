// The PDF import as it ships: the bundled CLI of dist/ (what `npm run build` makes and the .vsix
// carries) in a folder of its own, where no node_modules, and so no @napi-rs/canvas, can be found.
// pdf.js fills its browser classes from that native package when it is there; the sources' tests
// run beside node_modules and would not see it missing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importFile } from '../../server/src/import/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(root, 'test/fixtures/import/03-TB-VPCP-2018.pdf');

describe('import: a PDF through the bundled CLI, without @napi-rs/canvas', function () {
  this.timeout(60000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'thongbao-bundle-'));
    // The files of dist/ the .vsix carries (.vscodeignore): the bundles and the dictionary.
    for (const name of readdirSync(path.join(root, 'dist')).filter((name) => name.endsWith('.cjs') || name === 'dictionary-vi')) {
      cpSync(path.join(root, 'dist', name), path.join(folder, name), { recursive: true });
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('imports the notice the sources import, and prints no warning of pdf.js', async () => {
    assert.throws(() => createRequire(path.join(folder, 'cli.cjs')).resolve('@napi-rs/canvas'), /Cannot find module/, `@napi-rs/canvas is reachable from ${folder}: the test would not see it missing`);
    const { stdout, stderr } = await run(process.execPath, ['--eval', 'require(process.argv[1]).main()', path.join(folder, 'cli.cjs'), 'import', fixture], { cwd: folder });
    const expected = await importFile(readFileSync(fixture), path.basename(fixture), loadKnowledge());
    assert.equal(stdout, expected.text);
    assert.match(stdout, /^so: 03\/TB-VPCP$/mu);
    assert.doesNotMatch(stderr, /Warning|DOMMatrix|canvas/u);
  });

  it('checks PDFs on worker threads as on the main thread, pdf.js loaded from its own bundle', async () => {
    const pdfs = ['a.pdf', 'b.pdf'].map((name) => {
      cpSync(fixture, path.join(folder, name));
      return name;
    });
    const check = (jobs: string) => run(process.execPath, ['--eval', 'require(process.argv[1]).main()', path.join(folder, 'cli.cjs'), 'check', '--format', 'json', '--jobs', jobs, ...pdfs], { cwd: folder }).catch((failure: { stdout: string; stderr: string; code: number }) => failure);
    const [onWorkers, onMainThread] = await Promise.all([check('2'), check('1')]);
    assert.equal(onWorkers.stderr, '');
    assert.equal(onWorkers.stdout, onMainThread.stdout);
    assert.equal((JSON.parse(onWorkers.stdout) as { filePath: string }[]).length, 2);
  });

  it('leaves pdf.js out of the bundles that do not read PDFs on their own', () => {
    // V8 keeps a script's source for as long as its thread runs: pdf.js inside them cost every thread of `check --jobs` ~7 MB.
    for (const name of ['cli.cjs', 'cliWorker.cjs', 'server.cjs']) assert.doesNotMatch(readFileSync(path.join(folder, name), 'utf8'), /WorkerMessageHandler/u, name);
    assert.match(readFileSync(path.join(folder, 'pdfjs.cjs'), 'utf8'), /WorkerMessageHandler/u);
  });
});
