import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's custom request (server/src/lsp/server.ts NEW_NOTICE_REQUEST): the new notice as a snippet. */
const NEW_NOTICE_REQUEST = 'thongbao/newNotice';

/**
 * "Thông báo: Tạo thông báo mới": an untitled notice from the skeleton, dated
 * today, with the next free number; the server composes it from its index of
 * the workspace's notices.
 */
export async function createNewNotice(client: LanguageClient): Promise<void> {
  const snippet = await client.sendRequest<string>(NEW_NOTICE_REQUEST);
  const document = await vscode.workspace.openTextDocument({ language: 'thongbao', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippet));
}
