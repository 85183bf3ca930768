import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, InitializeResult } from 'vscode-languageserver-protocol';

/**
 * A real JSON-RPC client for protocol tests: spawns the BUILT server
 * (dist/server.cjs, as editors run it) over stdio and speaks LSP to it.
 */
export const root = path.resolve(import.meta.dirname, '..', '..');

export interface ServerHandle {
  connection: MessageConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Opens a document and returns the first diagnostics published for its version. */
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  change(uri: string, text: string, version: number): Promise<Diagnostic[]>;
  /** The next diagnostics published for a URI (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /**
   * The first diagnostics published for a URI that satisfy `accepts`: after a change of configuration, a
   * revalidation started before it may still publish first on a loaded machine.
   */
  diagnosticsWhere(uri: string, accepts: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): void;
  /** Settings answered to workspace/configuration; change them, then notify didChangeConfiguration. */
  settings: Record<string, unknown>;
  stderr(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  workspaceFolder?: string;
  settings?: Record<string, unknown>;
  timeoutMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<ServerHandle> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version: number | undefined; accepts?: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const handle = { settings: { debounce: 0, ...(options.settings ?? {}) } } as unknown as ServerHandle;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (let i = 0; i < waiters.length; i++) {
      const waiter = waiters[i]!;
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version) && (waiter.accepts?.(params.diagnostics) ?? true)) {
        waiters.splice(i, 1);
        waiter.resolve(params.diagnostics);
        return;
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => handle.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  const timeout = options.timeoutMs ?? 5000;
  const withTimeout = <T>(promise: Promise<T>, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms waiting for ${what}\nserver stderr:\n${stderr}`)), timeout);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });

  const folder = options.workspaceFolder;
  const initializeResult = await withTimeout(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    }) as Promise<InitializeResult>,
    'initialize',
  );
  connection.sendNotification('initialized', {});

  Object.assign(handle, {
    connection,
    process: child,
    initializeResult,
    nextDiagnostics: (uri: string, version?: number) => withTimeout(new Promise<Diagnostic[]>((resolve) => waiters.push({ uri, version, resolve })), `diagnostics of ${uri}`),
    diagnosticsWhere: (uri: string, accepts: (diagnostics: Diagnostic[]) => boolean) =>
      withTimeout(new Promise<Diagnostic[]>((resolve) => waiters.push({ uri, version: undefined, accepts, resolve })), `diagnostics of ${uri} as expected`),
    open(uri: string, text: string, version = 1) {
      const pending = handle.nextDiagnostics(uri, version);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'thongbao', version, text } });
      return pending;
    },
    change(uri: string, text: string, version: number) {
      const pending = handle.nextDiagnostics(uri, version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return pending;
    },
    request: <R>(method: string, params: unknown) => withTimeout(connection.sendRequest(method, params) as Promise<R>, method),
    notify: (method: string, params: unknown) => void connection.sendNotification(method, params),
    stderr: () => stderr,
    async close() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 'shutdown');
        connection.sendNotification('exit');
      } catch {
        // The process is killed below either way.
      }
      connection.dispose();
      child.kill();
    },
  });
  return handle;
}

/** The LSP position of the first occurrence of `needle` in a text, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** One server for a mocha suite: started before its tests, closed after them. */
export function serverForSuite(options: StartOptions = {}): () => ServerHandle {
  let server: ServerHandle | undefined;
  before(async () => {
    server = await startServer(options);
  });
  after(async () => {
    await server?.close();
  });
  return () => server!;
}
