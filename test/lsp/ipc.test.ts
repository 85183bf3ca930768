import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { root } from './harness.js';
import { notice } from '../helpers.js';

/** VS Code starts the server over Node IPC; other editors over stdio (server.test.ts). */
describe('language server over Node IPC', function () {
  this.timeout(20000);
  it('initializes and publishes diagnostics', async () => {
    const child = fork(path.join(root, 'dist', 'server.cjs'), ['--node-ipc'], { silent: true });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounce: 0 })));
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } })) as InitializeResult;
      assert.ok(result.capabilities.codeActionProvider);
      connection.sendNotification('initialized', {});
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc.tb.md', languageId: 'thongbao', version: 1, text: notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.') } });
      const { diagnostics } = await published;
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
