import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's custom request (server/src/lsp/importRequest.ts IMPORT_REQUEST). */
const IMPORT_REQUEST = 'thongbao/importDocument';

type ImportResult = { ok: false; message: string } | { ok: true; text: string; report: string[]; guesses: { line: number; message: string }[] };

const vi = () => vscode.env.language.startsWith('vi');

/** A free name beside the source: "x.tb.md", else "x (2).tb.md", … */
async function freeTarget(source: vscode.Uri): Promise<vscode.Uri> {
  const base = source.path.slice(source.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/u, '');
  const folder = vscode.Uri.joinPath(source, '..');
  for (let index = 1; ; index++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${index === 1 ? '' : ` (${index})`}.tb.md`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/**
 * "Thông báo: Nhập từ Word/PDF…": the server imports the chosen .docx/.pdf/.html
 * (or .txt/.md) file; the notice opens as a new .tb.md beside it, the import
 * report goes to an output channel and each guess is an information diagnostic
 * on the line it concerns. The source file is never changed.
 */
export function registerImportCommand(context: vscode.ExtensionContext, client: LanguageClient, started: Promise<void>): void {
  const output = vscode.window.createOutputChannel(vi() ? 'Thông báo: nhập văn bản' : 'Thông báo: import');
  const guesses = vscode.languages.createDiagnosticCollection('thongbao-import');
  context.subscriptions.push(
    output,
    guesses,
    vscode.commands.registerCommand('thongbao.importDocument', async (resource?: vscode.Uri) => {
      let source = resource instanceof vscode.Uri ? resource : undefined;
      if (!source) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: vi() ? 'Nhập' : 'Import',
          filters: { [vi() ? 'Văn bản' : 'Documents']: ['docx', 'pdf', 'html', 'htm', 'txt', 'md'] },
        });
        source = picked?.[0];
      }
      if (!source) return;
      await started;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vi() ? 'Đang nhập văn bản…' : 'Importing…' }, () =>
        client.sendRequest<ImportResult>(IMPORT_REQUEST, { uri: source!.toString() }),
      );
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.message);
        return;
      }
      const target = await freeTarget(source);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      output.appendLine(`${source.fsPath} → ${target.fsPath}`);
      for (const line of result.report) output.appendLine(`  ${line}`);
      output.show(true);
      guesses.set(
        target,
        result.guesses.map((guess) => {
          const diagnostic = new vscode.Diagnostic(new vscode.Range(guess.line, 0, guess.line, Number.MAX_SAFE_INTEGER), guess.message, vscode.DiagnosticSeverity.Information);
          diagnostic.source = vi() ? 'Thông báo (nhập)' : 'Thông báo (import)';
          return diagnostic;
        }),
      );
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    }),
  );
}
