import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { text } from './previewText.js';

/** The server's custom request (server/src/export/requests.ts EXPORT_DOCX_REQUEST). */
const EXPORT_DOCX_REQUEST = 'thongbao/exportDocx';
type ExportDocxResponse = { docx: string } | { problem: string };

/**
 * "Thông báo: Xuất ra Word (.docx)": the server lays the notice out as a
 * .docx; it is written next to the notice (an untitled notice asks where),
 * and the folder can be opened from the message.
 */
export async function exportDocx(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'thongbao') {
    void vscode.window.showInformationMessage(text.notANotice());
    return;
  }
  const document = editor.document;
  const errors = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'thongbao' && diagnostic.severity === vscode.DiagnosticSeverity.Error).length;
  if (errors > 0) {
    const choice = await vscode.window.showWarningMessage(text.hasErrors(errors), { modal: true }, text.exportAnyway());
    if (choice !== text.exportAnyway()) return;
  }
  const response = await client.sendRequest<ExportDocxResponse | null>(EXPORT_DOCX_REQUEST, { uri: document.uri.toString() });
  if (!response) return;
  if ('problem' in response) {
    void vscode.window.showErrorMessage(`${text.cannotLayOut()} ${response.problem}`);
    return;
  }
  const target = document.isUntitled
    ? await vscode.window.showSaveDialog({ filters: { Word: ['docx'] } })
    : document.uri.with({ path: document.uri.path.replace(/(\.tb)?\.md$/iu, '') + '.docx' });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, Buffer.from(response.docx, 'base64'));
  } catch (error) {
    void vscode.window.showErrorMessage(text.exportFailed(error instanceof Error ? error.message : String(error)));
    return;
  }
  const choice = await vscode.window.showInformationMessage(text.exported(target.path.split('/').pop() ?? target.path), text.openFolder());
  if (choice === text.openFolder()) await vscode.commands.executeCommand('revealFileInOS', target);
}
