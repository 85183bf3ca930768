import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { serverForSuite, startServer } from './harness.js';
import { notice } from '../helpers.js';

const BODY = ['## I. Đánh giá chung', '', 'Hội nghị đánh giá cao kết quả.', '', '## II. Nhiệm vụ', '', '1. Về quan điểm', '', 'a) Lấy người dân làm trung tâm.', '', 'b) Làm đến đâu chắc đến đó.'].join('\n');

describe('authoring over the protocol: snippets, symbols, folding', function () {
  this.timeout(20000);
  const server = serverForSuite();

  it('announces folding ranges', () => {
    assert.ok(server().initializeResult.capabilities.foldingRangeProvider);
  });

  it('completes the skeleton in an empty document, as a snippet replacing the typed prefix', async () => {
    const uri = 'file:///ws/moi.tb.md';
    await server().open(uri, 'thong bao');
    const result = await server().request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
    const items = Array.isArray(result) ? result : result.items;
    const skeleton = items.find((item) => item.label === 'Thông báo mới (khung)');
    assert.ok(skeleton, JSON.stringify(items.map((item) => item.label)));
    assert.equal(skeleton.insertTextFormat, 2);
    const edit = skeleton.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
    assert.deepEqual([edit.range.start.character, edit.range.end.character], [0, 9]);
    assert.match(edit.newText, /^---\nco-quan: Văn phòng Chính phủ\n/u);
    assert.doesNotMatch(edit.newText, /CURRENT_/u);
  });

  it('completes signature blocks under "Chữ ký"', async () => {
    const uri = 'file:///ws/ky.tb.md';
    const text = notice('Đoạn.').replace(/## Chữ ký\n[\s\S]*$/u, '## Chữ ký\n\nchữ ký\n');
    await server().open(uri, text);
    const line = text.split('\n').length - 2;
    const result = await server().request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 } });
    const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
    assert.ok(labels.includes('Chữ ký: KT. Bộ trưởng, Chủ nhiệm'), JSON.stringify(labels));
    assert.ok(!labels.includes('Câu kết thông báo'));
  });

  it('returns nested document symbols: parts, items, points', async () => {
    const uri = 'file:///ws/outline.tb.md';
    await server().open(uri, notice(BODY));
    const symbols = await server().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const part = symbols.find((symbol) => symbol.name === 'II. Nhiệm vụ')!;
    assert.ok(part);
    assert.equal(part.children![0]!.name, '1. Về quan điểm');
    assert.deepEqual(part.children![0]!.children!.map((symbol) => symbol.name), ['a) Lấy người dân làm trung tâm.', 'b) Làm đến đâu chắc đến đó.']);
  });

  it('returns folding ranges by lines, none on a single line', async () => {
    const uri = 'file:///ws/folding.tb.md';
    const text = notice(BODY);
    await server().open(uri, text);
    const ranges = await server().request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    const first = (range: FoldingRange) => lines[range.startLine];
    assert.deepEqual(ranges.map(first), ['---', '## I. Đánh giá chung', '## II. Nhiệm vụ', '1. Về quan điểm', '## Nơi nhận', '## Chữ ký']);
    for (const range of ranges) assert.ok(range.endLine > range.startLine);
    const frontMatter = ranges[0]!;
    assert.equal(lines[frontMatter.endLine], '---');
  });
});

describe('the new-notice request over the protocol', function () {
  this.timeout(20000);
  it('answers the skeleton dated today with the next free number of the workspace', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-new-'));
    const year = new Date().getFullYear();
    writeFileSync(path.join(folder, 'a.tb.md'), notice('Nội dung.', { date: `${year}-01-30` }).replace('so: 530/TB-VPCP', 'so: 41/TB-VPCP'));
    const server = await startServer({ workspaceFolder: folder });
    try {
      let snippet = '';
      // The workspace is indexed after `initialized`.
      for (let attempt = 0; attempt < 100 && !snippet.includes('42'); attempt++) {
        snippet = await server.request<string>('thongbao/newNotice', null);
        if (!snippet.includes('42')) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.match(snippet, /\nso: \$\{1\|42,…\|\}\/TB-VPCP\n/u);
      assert.match(snippet, new RegExp(`\\nngay: ${year}-\\d\\d-\\d\\d\\n`, 'u'));
    } finally {
      await server.close();
    }
  });
});
