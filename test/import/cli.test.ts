import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../../server/src/cli/main.js';
import { buildPdf } from './pdfBuilder.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'test/fixtures/import');
const seed003 = path.resolve(root, '..', 'shared', 'seeds', '003_11eb2751877afa08.txt');

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

describe('thongbao import and check on documents', function () {
  this.timeout(60000);
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'thongbao-import-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes the 530/TB-VPCP notice from seed 003 with its header fields (the issue’s “done when”)', async () => {
    const { code, stderr } = await run(['import', seed003, '-o', 'out/../530.tb.md'], work);
    assert.equal(code, 0, stderr);
    const text = readFileSync(path.join(work, '530.tb.md'), 'utf8');
    assert.equal(text, readFileSync(path.join(root, 'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md'), 'utf8'));
    assert.match(stderr, /dòng 15: Bỏ dấu “ĐẾN”/u);
  });

  it('prints the notice to stdout without -o, and a JSON report with --format json', async () => {
    const plain = await run(['import', seed003], work);
    assert.equal(plain.code, 0);
    assert.ok(plain.stdout.startsWith('---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\n'));
    const json = await run(['import', '--format', 'json', '--locale', 'en', seed003], work);
    const [summary] = JSON.parse(json.stdout) as { fields: Record<string, string>; report: { kind: string; source: { line: number } }[]; text: string }[];
    assert.equal(summary!.fields.so, '530/TB-VPCP');
    assert.deepEqual(summary!.report.filter((entry) => entry.kind === 'dropped').map((entry) => entry.source.line), [15, 16, 17]);
  });

  it('--out-dir names each notice after its source; an existing output is kept unless --force', async () => {
    const sources = ['03-TB-VPCP-2018.docx', '03-TB-VPCP-2018.pdf'].map((name) => path.join(fixtures, name));
    let result = await run(['import', '--out-dir', '.', sources[0]!], work);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(work), ['03-TB-VPCP-2018.tb.md']);
    const before = readFileSync(path.join(work, '03-TB-VPCP-2018.tb.md'), 'utf8');
    result = await run(['import', '--out-dir', '.', sources[1]!], work);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /already exists; add --force/u);
    result = await run(['import', '--out-dir', '.', '--force', sources[1]!], work);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(path.join(work, '03-TB-VPCP-2018.tb.md'), 'utf8'), before, 'the PDF gives the same notice as the .docx');
  });

  for (const name of ['188-TB-VPCP-2015', '89-TB-VPCP-2014']) {
    it(`check on ${name}.docx and .pdf reports the same findings as on the imported .tb.md`, async () => {
      const imported = path.join(work, `${name}.tb.md`);
      assert.equal((await run(['import', path.join(fixtures, `${name}.docx`), '-o', imported], work)).code, 0);
      const expected = JSON.parse((await run(['check', '--format', 'json', imported], work)).stdout) as { diagnostics: unknown[] }[];
      for (const extension of ['.docx', '.pdf']) {
        const { stdout } = await run(['check', '--format', 'json', path.join(fixtures, name + extension)], work);
        const [report] = JSON.parse(stdout) as { file: string; imported: boolean; diagnostics: { rule: string; message: string; range: unknown; source?: { page?: number; paragraph?: number } }[] }[];
        assert.equal(report!.imported, true);
        assert.deepEqual(report!.diagnostics.map(({ rule, message, range }) => ({ rule, message, range })), (expected[0]!.diagnostics as { rule: string; message: string; range: unknown }[]).map(({ rule, message, range }) => ({ rule, message, range })), extension);
        const located = report!.diagnostics.filter((diagnostic) => diagnostic.source);
        assert.ok(located.length > 0 && located.every((diagnostic) => (extension === '.pdf' ? diagnostic.source!.page : diagnostic.source!.paragraph) !== undefined), `${extension}: where in the document`);
      }
    });
  }

  it('SARIF for an imported file names the original file and the page of each finding', async () => {
    const { stdout } = await run(['check', '--format', 'sarif', path.join(fixtures, '188-TB-VPCP-2015.pdf')], work);
    const results = (JSON.parse(stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties?: { importedNotice: boolean; source?: { page: number } } }[] }[] }).runs[0]!.results;
    assert.ok(results.length > 0);
    assert.ok(results.every((result) => result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('188-TB-VPCP-2015.pdf') && result.properties?.importedNotice));
    assert.ok(results.some((result) => typeof result.properties?.source?.page === 'number'));
  });

  it('check --fix on a document is refused before anything is read or written', async () => {
    const copy = path.join(work, 'copy.docx');
    writeFileSync(copy, readFileSync(path.join(fixtures, '03-TB-VPCP-2018.docx')));
    const { code, stderr } = await run(['check', '--fix', copy], work);
    assert.equal(code, 2);
    assert.match(stderr, /--fix cannot write into a \.docx/u);
    assert.deepEqual(readFileSync(copy), readFileSync(path.join(fixtures, '03-TB-VPCP-2018.docx')));
  });

  describe('bad input: one line on stderr, exit 2, no output file', () => {
    // Each reason in English (--locale en) and in Vietnamese (the default).
    const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp, RegExp][] = [
      ['corrupt.docx', () => new TextEncoder().encode('this is not a zip archive'), /not a valid \.docx/u, /không phải tệp \.docx hợp lệ/u],
      ['truncated.docx', () => readFileSync(path.join(fixtures, '188-TB-VPCP-2015.docx')).subarray(0, 4000), /not a valid \.docx|damaged/u, /không phải tệp \.docx hợp lệ|bị hỏng/u],
      ['truncated.pdf', () => readFileSync(path.join(fixtures, '188-TB-VPCP-2015.pdf')).subarray(0, 3000), /not a readable PDF|no text layer/u, /không đọc được tệp PDF|không có lớp chữ/u],
      ['password.pdf', () => readFileSync(path.join(fixtures, 'password-protected.pdf')), /password-protected PDF/u, /tệp PDF có mật khẩu/u],
      ['scan.pdf', () => buildPdf([[], []]), /no text layer/u, /không có lớp chữ \(ảnh quét\)/u],
      ['long.pdf', () => buildPdf(Array.from({ length: 200 }, (_, page) => [{ text: `Trang ${page + 1}`, x: 72, y: 770 }])), /200 pages/u, /tệp PDF 200 trang/u],
      ['old.docx', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /encrypted or old-format Word file/u, /tệp Word mã hóa hoặc định dạng cũ/u],
      [
        'letter.docx',
        async () => {
          const zip = new JSZip();
          zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kính gửi anh Nam, hẹn gặp lại tuần sau.</w:t></w:r></w:p></w:body></w:document>');
          return zip.generateAsync({ type: 'uint8array' });
        },
      /does not look like a notice/u,
        /không giống một thông báo/u,
      ],
      ['latin1.txt', () => new Uint8Array([0x54, 0x68, 0xf4, 0x6e, 0x67]), /not UTF-8/u, /không phải văn bản mã UTF-8/u],
    ];
    for (const [name, make, english, vietnamese] of cases) {
      it(name, async () => {
        const source = path.join(work, name);
        writeFileSync(source, await make());
        for (const [args, message] of [[['import', source, '-o', 'out.tb.md', '--locale', 'en'], english], [['check', source, '--locale', 'en'], english], [['import', source, '-o', 'out.tb.md'], vietnamese], [['check', source], vietnamese]] as const) {
          const { code, stderr } = await run([...args], work);
          assert.equal(code, 2, `${args[0]}: ${stderr}`);
          const lines = stderr.trim().split('\n');
          assert.equal(lines.length, 1, stderr);
          assert.match(lines[0]!, message);
        }
        assert.equal(existsSync(path.join(work, 'out.tb.md')), false);
        assert.deepEqual(readdirSync(work).filter((file) => file.includes('.tmp')), []);
      });
    }

    it('an HTML page with scripts imports without running them, and says what it left out', async () => {
      const { htmlContent } = JSON.parse(readFileSync(path.resolve(root, '..', 'shared', 'corpus', 'pre2020', '03-TB-VPCP-2018.json'), 'utf8')) as { htmlContent: string };
      const page = `<html><head><script>globalThis.ran = true</script></head><body onload="globalThis.ran = true"><script>document.write('x')</script>${htmlContent}<iframe src="https://example.invalid"></iframe></body></html>`;
      writeFileSync(path.join(work, 'page.html'), page);
      const { code, stderr } = await run(['import', 'page.html', '-o', 'page.tb.md', '--locale', 'en'], work);
      assert.equal(code, 0, stderr);
      assert.equal((globalThis as { ran?: boolean }).ran, undefined);
      const text = readFileSync(path.join(work, 'page.tb.md'), 'utf8');
      assert.doesNotMatch(text, /globalThis|document\.write|iframe/u);
      assert.match(stderr, /Dropped 2 <script> element\(s\) \(never run, not imported\)/u);
      assert.match(stderr, /Dropped 1 <iframe> element/u);
    });
  });
});
