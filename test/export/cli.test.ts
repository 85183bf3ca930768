import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { root } from './fixtures.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'thongbao-export-'));
}

const isZip = (file: string) => readFileSync(file).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

describe('thongbao export', () => {
  it('writes the .docx next to the notice by default, and where -o says', async () => {
    const folder = scratch();
    copyFileSync(path.join(root, 'examples/thong-bao-mau.tb.md'), path.join(folder, 'mau.tb.md'));
    const byDefault = await cli(['export', 'mau.tb.md'], folder);
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.equal(byDefault.stdout.trim(), 'mau.docx');
    assert.ok(isZip(path.join(folder, 'mau.docx')));
    const named = await cli(['export', 'mau.tb.md', '-o', 'out/../ra.docx'], folder);
    assert.equal(named.code, 0, named.stderr);
    assert.ok(isZip(path.join(folder, 'ra.docx')));
    assert.deepEqual(readdirSync(folder).sort(), ['mau.docx', 'mau.tb.md', 'ra.docx'], 'no temporary file left');
  });

  it('prints the findings on stderr and exports nothing when there are errors, unless --allow-errors', async () => {
    const folder = scratch();
    copyFileSync(path.join(root, 'examples/thong-bao-co-loi.tb.md'), path.join(folder, 'loi.tb.md'));
    const refused = await cli(['export', 'loi.tb.md'], folder);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /loi\.tb\.md/u);
    assert.match(refused.stderr, /error|lỗi/u);
    assert.match(refused.stderr, /--allow-errors/u);
    assert.ok(!existsSync(path.join(folder, 'loi.docx')));
    const draft = await cli(['export', 'loi.tb.md', '--allow-errors', '--locale', 'en'], folder);
    assert.equal(draft.code, 0, draft.stderr);
    assert.match(draft.stderr, /error/u, 'the findings are still shown');
    assert.ok(isZip(path.join(folder, 'loi.docx')));
  });

  it('refuses a notice it cannot lay out, with the reason', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'trong.tb.md'), 'Văn phòng Chính phủ thông báo để các bộ biết, thực hiện./.\n');
    const { code, stderr } = await cli(['export', 'trong.tb.md', '--allow-errors'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /không có phần đầu \(front matter/u);
    assert.ok(!existsSync(path.join(folder, 'trong.docx')));
  });

  it('usage errors: no file, two files, a bad --to, a missing file', async () => {
    const folder = scratch();
    assert.equal((await cli(['export'], folder)).code, 2);
    assert.equal((await cli(['export', 'a.tb.md', 'b.tb.md'], folder)).code, 2);
    const badTarget = await cli(['export', 'a.tb.md', '--to', 'odt'], folder);
    assert.equal(badTarget.code, 2);
    assert.match(badTarget.stderr, /--to must be docx or pdf/u);
    const missing = await cli(['export', 'a.tb.md', '--locale', 'en'], folder);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /a\.tb\.md: no such file/iu);
  });

  it('--to pdf without LibreOffice says what to install', async () => {
    const folder = scratch();
    copyFileSync(path.join(root, 'examples/thong-bao-mau.tb.md'), path.join(folder, 'mau.tb.md'));
    const saved = process.env.PATH;
    process.env.PATH = folder;
    try {
      const { code, stderr } = await cli(['export', 'mau.tb.md', '--to', 'pdf'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /LibreOffice \(lệnh soffice\).*libreoffice-writer/u);
    } finally {
      process.env.PATH = saved;
    }
    assert.ok(!existsSync(path.join(folder, 'mau.pdf')));
  });

  it('the help tells about export and --allow-errors', async () => {
    const { stdout } = await cli(['--help'], scratch());
    assert.match(stdout, /thongbao export <tệp\.tb\.md> \[-o/u);
    assert.match(stdout, /--allow-errors/u);
  });
});
