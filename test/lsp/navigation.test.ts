import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover, Location, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { positionOf, root, startServer, type ServerHandle } from './harness.js';

const folder = path.join(root, 'test', 'fixtures', 'workspace');
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
const THIRD = '2024-03-08-de-an-06.tb.md';
const third = readFileSync(path.join(folder, THIRD), 'utf8');


describe('citation navigation over the protocol (three notices and a .vanban.yaml)', function () {
  this.timeout(20000);
  let server: ServerHandle;
  before(async () => {
    server = await startServer({ workspaceFolder: folder });
    // The workspace is indexed after `initialized`; wait until its notices are known.
    for (let attempt = 0; attempt < 100; attempt++) {
      const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query: '60/TB-VPCP' });
      if (symbols.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await server.open(uriOf(THIRD), third);
  });
  after(async () => {
    await server.close();
  });

  it('announces definition, references and workspace symbols', () => {
    const capabilities = server.initializeResult.capabilities;
    assert.ok(capabilities.definitionProvider);
    assert.ok(capabilities.referencesProvider);
    assert.ok(capabilities.workspaceSymbolProvider);
  });

  it('hover on a citation shows the registry facts', async () => {
    const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(THIRD) }, position: positionOf(third, '12/KH-BCA', 2) });
    const value = (hover.contents as { value: string }).value;
    for (const part of ['Kế hoạch số 12/KH-BCA', 'ngày 05 tháng 01 năm 2024', 'Bộ Công an', 'van-ban.vanban.yaml']) assert.ok(value.includes(part), `${part} in ${value}`);
  });

  it('go to definition opens the registry file entry and the cited notice', async () => {
    const [entry] = await server.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(THIRD) }, position: positionOf(third, '12/KH-BCA', 1) });
    assert.equal(entry?.uri, uriOf('van-ban.vanban.yaml'));
    assert.equal(entry?.range.start.line, 1);
    const [notice] = await server.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(THIRD) }, position: positionOf(third, '60/TB-VPCP', 1) });
    assert.equal(notice?.uri, uriOf('2024-02-21-thao-go-vuong-mac.tb.md'));
  });

  it('find all references covers the other notices', async () => {
    const references = await server.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf(THIRD) }, position: positionOf(third, '12/KH-BCA', 1), context: { includeDeclaration: false } });
    assert.deepEqual(references.map((reference) => path.basename(reference.uri)).sort(), ['2024-01-10-ket-luan-de-an-06.tb.md', '2024-02-21-thao-go-vuong-mac.tb.md', THIRD]);
  });

  it('completion after "Kế hoạch số " inserts the full first citation', async () => {
    const text = third.replace('2. Bộ Công an hoàn thành', '2. Bộ Công an triển khai Kế hoạch số ');
    await server.change(uriOf(THIRD), text, 2);
    const position = positionOf(text, 'Kế hoạch số ', 'Kế hoạch số '.length);
    const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf(THIRD) }, position });
    const item = items.find((candidate) => candidate.label === '12/KH-BCA');
    assert.ok(item, items.map((candidate) => candidate.label).join(', '));
    assert.equal((item.textEdit as TextEdit).newText, '12/KH-BCA ngày 05 tháng 01 năm 2024 của Bộ Công an triển khai Đề án 06 năm 2024');
    await server.change(uriOf(THIRD), third, 3);
  });

  it('reports ref/conflict across files with related information', async () => {
    const diagnostics = await server.change(uriOf(THIRD), third, 4);
    const conflict = diagnostics.find((diagnostic) => diagnostic.code === 'ref/conflict');
    assert.ok(conflict);
    assert.ok(conflict.relatedInformation?.some((related) => related.location.uri === uriOf('2024-01-10-ket-luan-de-an-06.tb.md')));
    assert.ok(conflict.data, 'the registry file is verified: a fix is attached');
  });

  it('finds a document by number or subject as a workspace symbol', async () => {
    const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'kiem tra de an' });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Kế hoạch số 15/KH-BCA']);
    assert.equal(symbols[0]!.location.uri, uriOf('van-ban.vanban.yaml'));
  });
});
