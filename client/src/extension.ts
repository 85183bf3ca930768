import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the language server for *.tb.md notices. The client holds no analysis of its own. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'thongbao' }],
    synchronize: {
      configurationSection: 'thongbao',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/thongbao.config.json'),
        vscode.workspace.createFileSystemWatcher('**/*.vanban.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.tb.md'),
      ],
    },
    outputChannelName: 'Thông báo',
  };
  client = new LanguageClient('thongbao', 'Thông báo', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
