import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { createNewNotice } from './newNotice.js';
import { registerImportCommand } from './importCommand.js';
import { PreviewPanels } from './preview.js';
import { exportDocx } from './exportCommand.js';
import { registerTasksView } from './tasksView.js';

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
    middleware: {
      // VS Code already offers the clause snippets through contributes.snippets; the server's copies (its only
      // completions of kind Snippet) serve other editors.
      async provideCompletionItem(document, position, context, token, next) {
        const result = await next(document, position, context, token);
        const notClause = (item: vscode.CompletionItem) => item.kind !== vscode.CompletionItemKind.Snippet;
        if (Array.isArray(result)) return result.filter(notClause);
        if (result) result.items = result.items.filter(notClause);
        return result;
      },
    },
  };
  const languageClient = new LanguageClient('thongbao', 'Thông báo', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(languageClient);
  const started = languageClient.start();
  context.subscriptions.push(
    vscode.commands.registerCommand('thongbao.newNotice', async () => {
      await started;
      await createNewNotice(languageClient);
    }),
  );
  registerImportCommand(context, languageClient, started);
  const previews = new PreviewPanels(languageClient, context.extensionUri);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('thongbao.preview', async () => {
      await started;
      await previews.show();
    }),
    vscode.commands.registerCommand('thongbao.exportDocx', async () => {
      await started;
      await exportDocx(languageClient);
    }),
  );
  registerTasksView(context, languageClient, started);
  await started;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
