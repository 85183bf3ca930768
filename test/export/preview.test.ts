import assert from 'node:assert/strict';
import { parseNotice } from '../../server/src/core/parse.js';
import { LineIndex } from '../../server/src/core/positions.js';
import { layoutNotice, renderPreviewHtml, STYLES } from '../../server/src/core/layout/index.js';
import { serverForSuite } from '../lsp/harness.js';
import { readNotice } from './fixtures.js';

function preview(text: string, marks: Parameters<typeof renderPreviewHtml>[2] = []) {
  const result = layoutNotice(parseNotice(text));
  assert.ok(result.ok);
  const lines = new LineIndex(text);
  return renderPreviewHtml(result.layout, (offset) => lines.positionAt(offset).line, marks);
}

describe('preview HTML', () => {
  const text = readNotice('examples/thong-bao-mau.tb.md');

  it('renders the components from the same style table as the .docx', () => {
    const { css, html } = preview(text);
    assert.match(css, new RegExp(`\\.s-issuer \\{ font-size: ${STYLES.issuer.size}pt; font-weight: bold;`, 'u'));
    assert.match(css, /\.s-placeDate \{ font-size: 14pt; font-weight: normal; font-style: italic;/u);
    assert.match(css, /\.s-body \{ font-size: 14pt;[^}]*text-align: justify; text-indent: 28\.35pt;/u);
    assert.match(css, /font-family: "Times New Roman", "Liberation Serif", "Tinos", serif/u);
    assert.match(css, /\.closing \{ grid-template-columns: 254\.75pt 209\.45pt;/u);
    assert.match(html, /<p class="s-issuer" data-line="1">VĂN PHÒNG CHÍNH PHỦ<\/p>/u);
    assert.match(html, /<p class="s-placeDate" data-line="3">Hà Nội, ngày 20 tháng 11 năm 2026<\/p>/u);
    assert.match(html, /<p class="s-heading block" data-line="15">I\. Đánh giá chung<\/p>/u);
    assert.match(html, /<p class="s-signerName" data-line="\d+">Trần Văn B<\/p>/u);
    assert.doesNotMatch(html, /<script|style="/u, 'no script and no inline style (the webview\'s CSP forbids both)');
  });

  it('escapes the drafter\'s text', () => {
    const { html } = preview(text.replace('Tuy nhiên, việc kết nối', 'Tuy nhiên, <img src=x onerror=alert(1)> & "việc" kết nối'));
    assert.ok(!html.includes('<img'));
    assert.match(html, /Tuy nhiên, {2}&#38; &#34;việc&#34; kết nối/u);
  });

  it('marks each finding once, in the margin of the paragraph holding it, with its message', () => {
    const start = text.indexOf('Tuy nhiên');
    const { html } = preview(text, [
      { start: start + 5, end: start + 9, severity: 'warning', message: 'Cảnh báo <1>' },
      { start: start + 20, end: start + 25, severity: 'error', message: 'Lỗi 2' },
    ]);
    const marks = [...html.matchAll(/<span class="mark mark-(\w+)" title="([^"]*)" data-line="(\d+)">(\d+)<\/span>/gu)];
    assert.equal(marks.length, 1);
    assert.equal(marks[0]![1], 'error');
    assert.equal(marks[0]![2], 'Cảnh báo &#60;1&#62;\nLỗi 2');
    assert.equal(marks[0]![4], '2');
  });
});

describe('preview and export over the protocol', function () {
  this.timeout(20000);
  const server = serverForSuite();

  it('thongbao/preview answers the layout of the open version, thongbao/exportDocx its .docx', async () => {
    const uri = 'file:///ws/mau.tb.md';
    const text = readNotice('examples/thong-bao-mau.tb.md');
    await server().open(uri, text, 3);
    const response = await server().request<{ version: number; css: string; html: string }>('thongbao/preview', { uri });
    assert.equal(response.version, 3);
    assert.match(response.html, /THÔNG BÁO/u);
    await server().change(uri, text.replace('Trần Văn B', 'Lê Thị C'), 4);
    const updated = await server().request<{ version: number; html: string }>('thongbao/preview', { uri });
    assert.equal(updated.version, 4);
    assert.match(updated.html, />Lê Thị C</u);
    const exported = await server().request<{ docx: string }>('thongbao/exportDocx', { uri });
    assert.equal(Buffer.from(exported.docx, 'base64').subarray(0, 2).toString(), 'PK');
  });

  it('says why a notice cannot be laid out', async () => {
    const uri = 'file:///ws/trong.tb.md';
    await server().open(uri, 'Văn phòng Chính phủ thông báo./.\n');
    const response = await server().request<{ problem: string }>('thongbao/preview', { uri });
    assert.match(response.problem, /front matter/u);
  });
});
