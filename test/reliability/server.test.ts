import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { root, startServer, type ServerHandle } from '../lsp/harness.js';
import { notice } from '../helpers.js';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { analyzeOptions } from './invariants.js';

/**
 * The built server (dist/server.cjs, run `npm run build` first) over stdio,
 * fed what a real editor session can send: broken frames, unknown methods,
 * versions out of order, huge and binary documents, bursts of edits.
 */
const seed = readFileSync(path.join(root, 'test', 'fixtures', 'seeds', '2024-03-06-hop-de-an-06.tb.md'), 'utf8');
const CRASH_TRACE = /\n\s+at |Error:|uncaught/iu;

function rssKilobytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/mu.exec(status)![1]);
}

describe('language server robustness over stdio', function () {
  this.timeout(60_000);
  let server: ServerHandle;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const applyEditRequests: unknown[] = [];

  before(async () => {
    server = await startServer({ timeoutMs: 30_000 });
    server.process.on('exit', (code, signal) => (exit = { code, signal }));
    // The server must never change a file on its own: fixes are code actions the user picks.
    server.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      applyEditRequests.push(params);
      return { applied: false };
    });
  });
  after(async () => {
    await server.close();
  });

  const symbols = (uri: string) => server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const assertAlive = () => {
    assert.equal(exit, undefined, `the server exited: ${JSON.stringify(exit)}\n${server.stderr()}`);
    assert.doesNotMatch(server.stderr(), CRASH_TRACE, server.stderr());
  };

  it('skips garbage, a bad Content-Length and a body that is not JSON, and answers the next request', async () => {
    // What vscode-jsonrpc does with each frame: it drops it (its reader reports an error) with the rest of the
    // chunk that held it, and reads on; the next message is sent a moment later.
    const uri = 'file:///ws/frames.tb.md';
    await server.open(uri, notice('Nội dung.'));
    for (const frame of ['garbage bytes \u0000\u00ff\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'Content-Length: 9\r\n\r\n{bad json', 'Content-Length: 2\r\n\r\n[]', 'Content-Length: 4\r\n\r\nnull']) {
      server.process.stdin!.write(frame);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answer = await symbols(uri);
      assert.ok(answer.some((symbol) => symbol.name === 'Nơi nhận'), `after ${JSON.stringify(frame)}`);
    }
    assertAlive();
  });

  it('garbage with no header terminator (which no LSP reader can resynchronize after) does not crash the process', async () => {
    const fresh = await startServer();
    let exited = false;
    fresh.process.on('exit', () => (exited = true));
    fresh.process.stdin!.write('\u0000\u0001\u0002');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(exited, false);
    assert.doesNotMatch(fresh.stderr(), CRASH_TRACE, fresh.stderr());
    fresh.process.kill();
  });

  it('answers an unknown request with MethodNotFound, ignores an unknown notification, and keeps serving', async () => {
    await assert.rejects(server.request('thongbao/noSuchMethod', {}), (error: { code?: number }) => error.code === -32601);
    server.notify('thongbao/noSuchNotification', { any: 'thing' });
    server.notify('$/cancelRequest', { id: 987654 });
    const diagnostics = await server.open('file:///ws/unknown.tb.md', notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
    assertAlive();
  });

  it('versions out of order: the last text sent is the one analysed, and nothing crashes', async () => {
    const uri = 'file:///ws/order.tb.md';
    await server.open(uri, notice('Nội dung.'), 1);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.') }] });
    const last = await server.change(uri, notice('Hoàn thành trước ngày 05 tháng 12 năm 2024.'), 3);
    assert.equal(last.filter((diagnostic) => diagnostic.code === 'date/padding').length, 0);
    // A change for a document that was never opened is ignored.
    server.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/never-opened.tb.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    assert.ok((await symbols(uri)).length > 0);
    assertAlive();
  });

  // 10 MB takes about 40 s to analyse (docs/reliability.md): `npm run fuzz` runs it, `npm test` a 2 MB one.
  const longRun = Number(process.env.FUZZ_RUNS) > 0;
  const megabytes = longRun ? 10 : 2;
  it(`a ${megabytes} MB document (a notice with a pasted data annex) gets its diagnostics, within a bound`, async function () {
    this.timeout(longRun ? 600_000 : 180_000);
    const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw== 0123456789\n';
    const text = `${notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.')}\n## Phụ lục\n\n${line.repeat(Math.ceil((megabytes * 1_000_000) / line.length))}`;
    // Bounded by the same analysis in this process, timed in the same run: the server adds reading, one
    // analysis and publishing, so three times that leaves room for a loaded machine.
    const analysisStarted = performance.now();
    analyzeNotice(text, analyzeOptions);
    const inProcess = performance.now() - analysisStarted;
    const bound = 3 * inProcess;
    const big = await startServer({ timeoutMs: Math.max(bound, 60_000) });
    const started = Date.now();
    const diagnostics = await big.open('file:///ws/huge.tb.md', text);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
    assert.ok(Date.now() - started < bound, `took ${Date.now() - started} ms, ${Math.round(inProcess)} ms in process`);
    assert.doesNotMatch(big.stderr(), CRASH_TRACE, big.stderr());
    await big.close();
  });

  it('binary content and a text the Markdown parser cannot read give diagnostics, never a dead server', async () => {
    const bytes = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    const binary = await server.open('file:///ws/binary.tb.md', bytes);
    assert.ok(Array.isArray(binary));
    // Thousands of nested quotes overflow the parser's stack: this used to kill the server process.
    const deep = await server.open('file:///ws/deep.tb.md', `${'> '.repeat(3000)}x\n`);
    assert.equal(deep.length, 1);
    assert.match(String(deep[0]!.message), /^Lỗi nội bộ: không đọc được cấu trúc Markdown/u);
    const after = await server.open('file:///ws/after-deep.tb.md', notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    assert.ok(after.some((diagnostic) => diagnostic.code === 'date/padding'));
    assertAlive();
  });

  it('50 fast edits: the first diagnostics published after the burst are those of the last version', async () => {
    server.settings.debounce = 200;
    server.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = 'file:///ws/burst.tb.md';
    await server.open(uri, notice('Nội dung.'), 1);
    // Any version: whichever is published first after the burst.
    const first = server.nextDiagnostics(uri);
    for (let version = 2; version <= 50; version++) {
      // Earlier versions have a padding mistake; the last one is correct.
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: notice(`Hoàn thành trước ngày 5 tháng 12 năm 2024 (bản ${version}).`) }] });
    }
    server.notify('textDocument/didChange', { textDocument: { uri, version: 51 }, contentChanges: [{ text: notice('Hoàn thành trước ngày 05 tháng 12 năm 2024 (bản 51).') }] });
    // Only version 51 is free of the padding mistake: the first publication must be it.
    const firstDiagnostics = await first;
    assert.equal(firstDiagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'date/padding').length, 0, 'an intermediate version was published');
    assert.equal((await symbols(uri)).length > 0, true);
    server.settings.debounce = 0;
    server.notify('workspace/didChangeConfiguration', { settings: {} });
    assertAlive();
  });

  it('memory stays flat over a long edit session (2,000 edits)', async function () {
    if (process.platform !== 'linux') this.skip();
    const uri = 'file:///ws/session.tb.md';
    const base = seed.slice(0, 4000);
    await server.open(uri, base, 1);
    const pid = server.process.pid!;
    let warm = 0;
    for (let version = 2; version <= 2001; version++) {
      const text = `${base}\nDòng sửa thứ ${version}: ngày ${(version % 28) + 1} tháng ${(version % 12) + 1} năm 2024.\n`;
      if (version % 100 === 0) {
        await server.change(uri, text, version);
        if (version === 300) warm = rssKilobytes(pid);
      } else {
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
    }
    const final = rssKilobytes(pid);
    assert.ok(final - warm < 100 * 1024, `RSS grew from ${Math.round(warm / 1024)} MB to ${Math.round(final / 1024)} MB over 1,700 edits`);
    assertAlive();
  });

  it('never asks the editor to apply an edit on its own (no workspace/applyEdit), even when fixes are requested', async () => {
    const uri = 'file:///ws/fixes.tb.md';
    const diagnostics = await server.open(uri, notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.'));
    await server.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
    await server.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    server.notify('textDocument/didSave', { textDocument: { uri } });
    await symbols(uri);
    assert.deepEqual(applyEditRequests, []);
    assertAlive();
  });
});
