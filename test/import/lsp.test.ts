import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { root, serverForSuite } from '../lsp/harness.js';

type ImportResult = { ok: false; message: string } | { ok: true; text: string; report: string[]; guesses: { line: number; message: string }[] };

describe('the import request over the protocol (thongbao/importDocument)', function () {
  this.timeout(60000);
  const server = serverForSuite();
  const fixtures = path.join(root, 'test/fixtures/import');

  it('answers the notice of a .pdf, its report and the guesses placed on lines', async () => {
    const result = await server().request<ImportResult>('thongbao/importDocument', { uri: URI.file(path.join(fixtures, '89-TB-VPCP-2014.pdf')).toString() });
    assert.ok(result.ok);
    assert.match(result.text, /^---\nco-quan: Văn phòng Chính phủ\nso: 89\/TB-VPCP\n/u);
    assert.ok(result.report.some((line) => line.startsWith('[bỏ] trang 1')), 'the kind in the drafter\'s language');
    const lines = result.text.split('\n');
    assert.ok(result.guesses.length > 0);
    for (const guess of result.guesses) assert.ok(guess.line >= 0 && guess.line < lines.length);
  });

  it('answers a one-line reason for a file that cannot be imported, and reads nothing else', async () => {
    const result = await server().request<ImportResult>('thongbao/importDocument', { uri: URI.file(path.join(fixtures, 'password-protected.pdf')).toString() });
    assert.deepEqual(result, { ok: false, message: 'password-protected.pdf: tệp PDF có mật khẩu: mở bằng mật khẩu rồi lưu một bản không có mật khẩu' });
    assert.equal(readFileSync(path.join(fixtures, 'password-protected.pdf')).subarray(0, 5).toString(), '%PDF-');
  });

  it('refuses a document larger than the import limit from its size, as the CLI does', async () => {
    // Sparse: 65 MB long, no byte written; the old reader would have read it all into memory.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'thongbao-import-')), 'huge.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    truncateSync(file, 65 * 1024 * 1024);
    const result = await server().request<ImportResult>('thongbao/importDocument', { uri: URI.file(file).toString() });
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, /^huge\.pdf: .*\b64 MB\b/u);
  });
});
