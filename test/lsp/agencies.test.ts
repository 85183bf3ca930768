import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, serverForSuite } from './harness.js';
import { notice } from '../helpers.js';


const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));

describe('agencies and abbreviations over the protocol', function () {
  this.timeout(20000);
  const server = serverForSuite();

  it('hovers an agency named in an elliptical list with its official name, validity and successor', async () => {
    const uri = 'file:///ws/hover-agency.tb.md';
    const text = notice('Tham dự có lãnh đạo các bộ, cơ quan: Công an, Kế hoạch và Đầu tư, Tư pháp.');
    await server().open(uri, text);
    const hover = await server().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Kế hoạch', 2) });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Bộ Kế hoạch và Đầu tư\*\*/u);
    assert.match(value, /đến hết 28\/02\/2025/u);
    assert.match(value, /Bộ Tài chính/u);
  });

  it('hovers an abbreviation with its expansion and where it was introduced', async () => {
    const uri = 'file:///ws/hover-abbr.tb.md';
    const text = notice('Đẩy mạnh giải quyết thủ tục hành chính (TTHC) trên môi trường điện tử.\n\nSố hóa kết quả giải quyết TTHC.');
    await server().open(uri, text);
    const hover = await server().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'quyết TTHC', 8) });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /TTHC\*\* — thủ tục hành chính/u);
    assert.match(value, /dòng \d+/u);
  });

  it('completes ministries in force on the notice’s date after “Bộ ”', async () => {
    const uri = 'file:///ws/complete-agency.tb.md';
    const text = notice('Giao Bộ ', { date: '2026-01-15' });
    await server().open(uri, text);
    const result = await server().request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'Giao Bộ ', 'Giao Bộ '.length) });
    const labels = itemsOf(result).map((item) => item.label);
    assert.ok(labels.includes('Bộ Nông nghiệp và Môi trường'), labels.join(', '));
    assert.ok(!labels.includes('Bộ Kế hoạch và Đầu tư'));
  });
});
