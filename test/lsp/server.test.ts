import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { root, serverForSuite } from './harness.js';
import { runCli } from '../../server/src/cli/main.js';
import { notice } from '../helpers.js';

/** LSP 3.18 allows Markdown messages; this server always sends plain strings. */
const textOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

const seed = (name: string) => readFileSync(path.join(root, 'test', 'fixtures', 'seeds', name), 'utf8');

describe('language server over stdio', function () {
  this.timeout(20000);
  const server = serverForSuite();

  it('answers initialize with its capabilities', () => {
    const capabilities = server().initializeResult.capabilities;
    assert.ok(capabilities.codeActionProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.hoverProvider);
    assert.equal(server().initializeResult.serverInfo?.name, 'thongbao-language-server');
  });

  it('publishes diagnostics for an opened notice within a second', async () => {
    const started = Date.now();
    const diagnostics = await server().open('file:///ws/hop.tb.md', seed('2024-03-06-hop-de-an-06.tb.md'));
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    const padding = diagnostics.filter((diagnostic) => diagnostic.code === 'date/padding');
    assert.ok(padding.some((diagnostic) => textOf(diagnostic).includes('ngày 06 tháng 4 năm 2020')));
    assert.ok(padding.some((diagnostic) => textOf(diagnostic).includes('ngày 15 tháng 3 năm 2024')));
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'thongbao');
      assert.match(diagnostic.codeDescription!.href, new RegExp(`^file://.*/docs/rules/${String(diagnostic.code)}\\.md$`));
    }
  });

  it('agrees with the CLI on the same file (rule, severity, message, range)', async () => {
    const name = '2024-01-10-so-ket-de-an-06.tb.md';
    const fromServer = await server().open(`file:///ws/agree-${name}`, seed(name));
    let stdout = '';
    await runCli(['check', path.join('test', 'fixtures', 'seeds', name), '--format', 'json'], { cwd: root, stdout: (text) => (stdout += text), stderr: () => undefined, color: false });
    const fromCli = JSON.parse(stdout)[0].diagnostics as { rule: string; severity: string; message: string; range: unknown }[];
    const severityName = ['', 'error', 'warning', 'info'];
    assert.ok(fromCli.length > 5);
    assert.deepEqual(
      fromServer.map((diagnostic) => ({ rule: diagnostic.code, severity: severityName[diagnostic.severity!], message: textOf(diagnostic), range: diagnostic.range })),
      fromCli,
    );
  });

  it('offers the quick fix carried by a diagnostic, and fix-all', async () => {
    const uri = 'file:///ws/fix.tb.md';
    const text = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
    const diagnostics = await server().open(uri, text);
    const padding = diagnostics.find((diagnostic) => diagnostic.code === 'date/padding')!;
    assert.ok(padding, 'date/padding expected');
    const actions = await server().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: padding.range, context: { diagnostics: [padding] } });
    const quickFix = actions.find((action) => action.kind === 'quickfix')!;
    assert.equal(quickFix.edit!.changes![uri]![0]!.newText, '05');
    const fixAll = await server().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: padding.range, context: { diagnostics: [], only: ['source.fixAll.thongbao'] } });
    assert.equal(fixAll.length, 1);
    assert.match(fixAll[0]!.edit!.changes![uri]![0]!.newText, /ngày 05 tháng 12 năm 2024/u);
  });

  it('drops stale versions: only the latest text is reported', async () => {
    const uri = 'file:///ws/versions.tb.md';
    await server().open(uri, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    const latest = await server().change(uri, notice('Hoàn thành trước ngày 05 tháng 12 năm 2024.'), 2);
    assert.equal(latest.filter((diagnostic) => diagnostic.code === 'date/padding').length, 0);
  });

  it('gives the outline: parts, Nơi nhận, Chữ ký', async () => {
    const uri = 'file:///ws/530.tb.md';
    await server().open(uri, seed('2024-11-22-530-TB-VPCP.tb.md'));
    const symbols = await server().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((symbol) => symbol.name);
    assert.ok(names.some((name) => name.startsWith('I.')), names.join(' | '));
    assert.ok(names.includes('Nơi nhận'));
    assert.ok(names.includes('Chữ ký'));
  });

  it('gives clear diagnostics for a blank file and a file that is not Markdown, never a crash', async () => {
    const blank = await server().open('file:///ws/blank.tb.md', '');
    assert.ok(blank.some((diagnostic) => diagnostic.code === 'meta/missing-field'));
    const binary = await server().open('file:///ws/binary.tb.md', '\u0000\u0001PK\u0003\u0004 {"a": [1, 2]} <html><body>x</body></html>\n\u00ff\ufffd');
    assert.ok(binary.length > 0);
    const after = await server().open('file:///ws/after.tb.md', notice('Nội dung.'));
    assert.ok(Array.isArray(after));
  });

  it('applies settings changes live (locale and rule severity)', async () => {
    const uri = 'file:///ws/settings.tb.md';
    const text = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
    await server().open(uri, text);
    server().settings = { ...server().settings, locale: 'en', rules: { 'date/deadline-passed': 'off' } };
    const pending = server().nextDiagnostics(uri);
    server().notify('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics: Diagnostic[] = await pending;
    const padding = diagnostics.find((diagnostic) => diagnostic.code === 'date/padding')!;
    assert.match(textOf(padding), /Date written wrongly/u);
    server().settings = { debounce: 0 };
  });
});
