import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { runCli } from '../../server/src/cli/main.js';
import { startServer, type ServerHandle } from '../lsp/harness.js';
import { notice } from '../helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Regression tests of issue 12's language-server findings, each named after
 * its finding, against the built server (dist/server.cjs; `npm run build`
 * first) over stdio, as an editor runs it.
 */
const FIX_ALL = 'source.fixAll.thongbao';
const scratch = () => mkdtempSync(path.join(tmpdir(), 'thongbao-server-findings-'));
const uriOf = (file: string) => pathToFileURL(file).href;
const FIXABLE = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
const REGISTRY_ENTRY = '- so: 12/KH-BCA\n  loai: Kế hoạch\n  ngay: 2024-01-05\n  co-quan: Bộ Công an\n  trich-yeu: triển khai Đề án 06 năm 2024\n';

/** The workspace symbols matching a query, once `until` holds for them (the index is updated in the background). */
async function symbolsWhen(server: ServerHandle, query: string, until: (symbols: SymbolInformation[]) => boolean, timeoutMs = 10_000): Promise<SymbolInformation[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query });
    if (until(symbols) || Date.now() > deadline) return symbols;
    await sleep(100);
  }
}

/** Applies LSP edits to a text (as an editor would; the edits do not overlap). */
function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }) => Math.min(text.length, (lineStarts[position.line] ?? text.length) + position.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text after the fix-all code action the server offers now (the text itself when it offers none). */
async function afterFixAll(server: ServerHandle, uri: string, text: string): Promise<string> {
  const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: [FIX_ALL] },
  });
  const fixAll = actions.find((action) => action.kind === FIX_ALL);
  return fixAll ? applyLspEdits(text, fixAll.edit!.changes![uri]!) : text;
}

function watchExit(server: ServerHandle): () => void {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  server.process.on('exit', (code, signal) => (exit = { code, signal }));
  return () => assert.equal(exit, undefined, `the server exited: ${JSON.stringify(exit)}\n${server.stderr()}`);
}

function collectLog(server: ServerHandle): string[] {
  const lines: string[] = [];
  server.connection.onNotification('window/logMessage', (params: { message: string }) => {
    lines.push(params.message);
  });
  return lines;
}


describe('issue 12: language-server findings', function () {
  this.timeout(60_000);

  it('finding 1: a didOpen with no text, a number or null as text is ignored (logged), and the server keeps serving after a revalidation', async () => {
    const server = await startServer({ timeoutMs: 10_000 });
    const alive = watchExit(server);
    const log = collectLog(server);
    try {
      const bad = [{}, { text: 42 }, { text: null }];
      bad.forEach((extra, i) => server.notify('textDocument/didOpen', { textDocument: { uri: `file:///ws/bad-${i}.tb.md`, languageId: 'thongbao', version: 1, ...extra } }));
      // Malformed parameters of other notifications, too: no change list, a range of strings, no settings object.
      server.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/bad-0.tb.md', version: 2 } });
      server.notify('workspace/didChangeWatchedFiles', { changes: 'all' });
      server.notify('workspace/didChangeConfiguration', { settings: {} });
      server.notify('workspace/didChangeConfiguration', null);
      await sleep(500);
      alive();
      const uri = 'file:///ws/good.tb.md';
      const diagnostics = await server.open(uri, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
      server.notify('workspace/didChangeConfiguration', { settings: {} });
      await server.nextDiagnostics(uri);
      alive();
      assert.ok(log.some((line) => line.includes('textDocument/didOpen') && line.includes('text')), `the bad document is logged:\n${log.join('\n')}`);
    } finally {
      await server.close();
    }
  });

  describe('finding 2: the analysis is cached by content, never by version alone', () => {
    // A long debounce: the changes below are never validated before the code action is asked for,
    // so the server has only its cache and the current text to go by.
    let server: ServerHandle;
    before(async () => {
      server = await startServer({ settings: { debounce: 5000 }, timeoutMs: 10_000 });
    });
    after(async () => server.close());

    const changeQuietly = (uri: string, text: string, version: number) => server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

    it('finding 2: a change that reuses the version number: fix-all edits the current text', async () => {
      const uri = 'file:///ws/same-version.tb.md';
      await server.open(uri, 'Nghị đ ịnh ngắn.', 7);
      const current = 'Đoạn mới của người dùng.\n\nNội dung quan trọng không được mất.';
      changeQuietly(uri, current, 7);
      const fixed = await afterFixAll(server, uri, current);
      assert.ok(fixed.includes('Đoạn mới của người dùng.') && fixed.includes('Nội dung quan trọng không được mất.'), fixed);
      assert.ok(!fixed.includes('ngắn'), fixed);
    });

    it('finding 2: versions 1 → 2 → 1 again, and a close and reopen: fix-all and quick fixes come from the current text', async () => {
      const uri = 'file:///ws/versions.tb.md';
      const a = notice('Căn cứ Nghị đ ịnh số 73/2019/NĐ-CP.');
      const b = notice('Văn bản B.');
      const c = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.\n\nĐoạn C phải còn nguyên.');
      const published = await server.open(uri, a, 1);
      changeQuietly(uri, b, 2);
      changeQuietly(uri, c, 1);
      const fixed = await afterFixAll(server, uri, c);
      assert.ok(fixed.includes('Đoạn C phải còn nguyên.') && fixed.includes('ngày 05 tháng 12 năm 2024'), fixed);
      // A quick fix asked for with a diagnostic published for the old text is not applied to the new one.
      const stale = published.find((diagnostic) => diagnostic.data !== undefined)!;
      assert.ok(stale, 'text A has a fixable finding');
      const quickFixes = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } });
      assert.deepEqual(quickFixes, []);

      server.notify('textDocument/didClose', { textDocument: { uri } });
      const reopened = notice('Văn bản mở lại, không có lỗi nào để sửa.');
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thongbao', version: 1, text: reopened } });
      assert.equal(await afterFixAll(server, uri, reopened), reopened);
    });
  });

  it('finding 26: related information inside the same document carries the document URI', async () => {
    const server = await startServer({ timeoutMs: 10_000 });
    try {
      const uri = 'file:///ws/related.tb.md';
      const diagnostics: Diagnostic[] = await server.open(uri, notice('Cơ sở dữ liệu (CSDL) do Cục Số dữ liệu (CSDL) quản lý.'));
      const redefined = diagnostics.find((diagnostic) => diagnostic.code === 'abbr/redefined');
      assert.ok(redefined?.relatedInformation?.length, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
      for (const related of diagnostics.flatMap((diagnostic) => diagnostic.relatedInformation ?? [])) assert.equal(related.location.uri, uri);
    } finally {
      await server.close();
    }
  });

  it('finding 15: 100 one-character edits in a 1 MB notice full of citations stay fast; the index is updated once the edits pause', async function () {
    this.timeout(120_000);
    const citation = 'Căn cứ Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ và Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ.';
    const body = Array.from({ length: 7000 }, () => citation).join('\n\n');
    const text = notice(body, { frontMatter: ['co-quan: Văn phòng Chính phủ', 'so: 9870/TB-VPCP', 'dia-danh: Hà Nội', 'ngay: 2024-11-22', 'loai: Thông báo', 'trich-yeu: Kết luận về chuyển đổi số'].join('\n') });
    assert.ok(text.length > 1_000_000);
    // Only the index path is measured: checking is off, so no analysis runs.
    const server = await startServer({ settings: { enable: false }, timeoutMs: 60_000 });
    try {
      const uri = 'file:///ws/big.tb.md';
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'thongbao', version: 1, text } });
      assert.equal((await symbolsWhen(server, '9870/TB-VPCP', (symbols) => symbols.length === 1, 30_000)).length, 1);
      const soLine = text.split('\n').findIndex((line) => line.startsWith('so: 9870'));
      const started = Date.now();
      for (let version = 2; version <= 100; version++) {
        // Typing at the end of the first paragraph of the body.
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }] });
      }
      server.notify('textDocument/didChange', { textDocument: { uri, version: 101 }, contentChanges: [{ range: { start: { line: soLine, character: 7 }, end: { line: soLine, character: 8 } }, text: '1' }] });
      // A request that needs no analysis: answered once the edits are handled.
      await server.request('workspace/symbol', { query: 'không có văn bản này' });
      const elapsed = Date.now() - started;
      // A scan of the whole text per edit took 0.2–0.4 s each (20–40 s for the burst).
      assert.ok(elapsed < 8_000, `100 edits took ${elapsed} ms`);
      const renumbered = await symbolsWhen(server, '9871/TB-VPCP', (symbols) => symbols.length === 1);
      assert.equal(renumbered.length, 1, 'the index holds the new number after the debounce');
      assert.deepEqual(await server.request<SymbolInformation[]>('workspace/symbol', { query: '9870/TB-VPCP' }), []);
    } finally {
      await server.close();
    }
  });

  it('finding 19: the registry globs of thongbao.config.json are read by the server, whatever the files are named', async () => {
    const folder = scratch();
    mkdirSync(path.join(folder, 'reg'));
    writeFileSync(path.join(folder, 'thongbao.config.json'), JSON.stringify({ registry: ['reg/*.yaml'] }));
    writeFileSync(path.join(folder, 'reg', 'danh-muc.yaml'), REGISTRY_ENTRY);
    const server = await startServer({ workspaceFolder: folder, timeoutMs: 20_000 });
    try {
      const symbols = await symbolsWhen(server, '12/KH-BCA', (found) => found.length > 0);
      assert.deepEqual(symbols.map((symbol) => symbol.location.uri), [uriOf(path.join(folder, 'reg', 'danh-muc.yaml'))]);
    } finally {
      await server.close();
    }
  });

  it('finding 20: a nested thongbao.config.json turning a rule off gives the same result in the server as in the CLI', async () => {
    const folder = scratch();
    mkdirSync(path.join(folder, 'sub'));
    writeFileSync(path.join(folder, 'sub', 'thongbao.config.json'), JSON.stringify({ rules: { 'date/padding': 'off' } }));
    const nested = path.join(folder, 'sub', 'n.tb.md');
    const top = path.join(folder, 'top.tb.md');
    writeFileSync(nested, FIXABLE);
    writeFileSync(top, FIXABLE);
    let stdout = '';
    await runCli(['check', '--format', 'json', folder], { cwd: folder, stdout: (chunk) => (stdout += chunk), stderr: () => undefined, color: false });
    const cliRules = (file: string) => (JSON.parse(stdout) as { file: string; diagnostics: { rule: string }[] }[]).find((result) => path.resolve(folder, result.file) === file)!.diagnostics.map((diagnostic) => diagnostic.rule);
    assert.ok(!cliRules(nested).includes('date/padding') && cliRules(top).includes('date/padding'), stdout);
    const server = await startServer({ workspaceFolder: folder, timeoutMs: 20_000 });
    try {
      const codes = async (file: string) => (await server.open(uriOf(file), FIXABLE)).map((diagnostic) => diagnostic.code);
      assert.ok(!(await codes(nested)).includes('date/padding'));
      assert.ok((await codes(top)).includes('date/padding'));
      // Editing the nested configuration is seen too.
      writeFileSync(path.join(folder, 'sub', 'thongbao.config.json'), JSON.stringify({ rules: {} }));
      const padded = server.diagnosticsWhere(uriOf(nested), (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
      server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(folder, 'sub', 'thongbao.config.json')), type: 2 }] });
      // A revalidation of the start may still be on its way on a loaded machine: wait for one that applies the change
      // (a timeout fails the test).
      await padded;
    } finally {
      await server.close();
    }
  });

  it('finding 21: a workspace folder added at run time is indexed, and a removed one dropped', async () => {
    const first = scratch();
    const added = scratch();
    writeFileSync(path.join(added, 'khac.tb.md'), notice('Nội dung.', { frontMatter: ['co-quan: Văn phòng Chính phủ', 'so: 77/TB-VPCP', 'dia-danh: Hà Nội', 'ngay: 2024-11-22', 'loai: Thông báo', 'trich-yeu: Kết luận về chuyển đổi số'].join('\n') }));
    writeFileSync(path.join(added, 'van-ban.vanban.yaml'), REGISTRY_ENTRY);
    const server = await startServer({ workspaceFolder: first, timeoutMs: 20_000 });
    try {
      assert.deepEqual(await server.request<SymbolInformation[]>('workspace/symbol', { query: '77/TB-VPCP' }), []);
      const folder = { uri: uriOf(added), name: 'added' };
      server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      assert.equal((await symbolsWhen(server, '77/TB-VPCP', (symbols) => symbols.length > 0)).length, 1);
      assert.equal((await symbolsWhen(server, '12/KH-BCA', (symbols) => symbols.length > 0)).length, 1);
      server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      assert.deepEqual(await symbolsWhen(server, '77/TB-VPCP', (symbols) => symbols.length === 0), []);
      assert.deepEqual(await symbolsWhen(server, '12/KH-BCA', (symbols) => symbols.length === 0), []);
    } finally {
      await server.close();
    }
  });

  describe('finding 32: the protocol as the LSP specification says', () => {
    it('finding 32: positions that are not whole numbers ≥ 0 are rejected with InvalidParams', async () => {
      const server = await startServer({ timeoutMs: 10_000 });
      try {
        const uri = 'file:///ws/positions.tb.md';
        await server.open(uri, notice('Nội dung.'));
        for (const position of [{ line: 2.5, character: 0 }, { line: -1, character: 0 }, { line: 0, character: Number.NaN }, { line: '1', character: 0 }]) {
          for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition']) {
            await assert.rejects(server.request(method, { textDocument: { uri }, position }), (error: { code?: number }) => error.code === -32602, `${method} at ${JSON.stringify(position)}`);
          }
        }
        const items = await server.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
        assert.ok(Array.isArray(items));
      } finally {
        await server.close();
      }
    });

    it('finding 32: a request after shutdown gets InvalidRequest', async () => {
      const server = await startServer({ timeoutMs: 10_000 });
      try {
        const uri = 'file:///ws/after-shutdown.tb.md';
        await server.open(uri, notice('Nội dung.'));
        await server.request('shutdown', undefined);
        await assert.rejects(server.request('textDocument/documentSymbol', { textDocument: { uri } }), (error: { code?: number }) => error.code === -32600);
      } finally {
        server.process.kill();
      }
    });

    it('finding 32: a negative Content-Length drops that message with a logged error, and the reader recovers', async () => {
      const server = await startServer({ timeoutMs: 20_000 });
      const alive = watchExit(server);
      try {
        const uri = 'file:///ws/content-length.tb.md';
        await server.open(uri, notice('Nội dung.'));
        for (const frame of ['Content-Length: -5\r\n\r\n', 'Content-Length: 1.5\r\n\r\n{"jsonrpc"', 'Content-Length: 99999999999999999999\r\n\r\n']) {
          server.process.stdin!.write(frame);
          await sleep(200);
          const symbols = await server.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
          assert.ok(symbols.some((symbol) => symbol.name === 'Nơi nhận'), `after ${JSON.stringify(frame)}`);
        }
        alive();
      } finally {
        await server.close();
      }
    });
  });
});
