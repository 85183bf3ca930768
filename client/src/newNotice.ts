import * as vscode from 'vscode';
import { newNoticeSnippet, readNoticeHeader, type NoticeHeader } from '../../server/src/core/features/newNotice.js';
import { todayDate } from '../../server/src/core/dates.js';

/** Notices beyond this many are not read for their numbers; a workspace of drafts holds far fewer. */
const MAX_NOTICES = 5000;
/** The front matter lies in the first bytes of a notice. */
const HEADER_BYTES = 8192;

/** "Thông báo: Tạo thông báo mới": an untitled notice from the skeleton, dated today, with the next free number. */
export async function createNewNotice(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.tb.md', '**/node_modules/**', MAX_NOTICES);
  const decoder = new TextDecoder();
  const headers = await Promise.all(
    files.map(async (uri): Promise<NoticeHeader> => {
      try {
        return readNoticeHeader(decoder.decode((await vscode.workspace.fs.readFile(uri)).subarray(0, HEADER_BYTES)));
      } catch {
        return {};
      }
    }),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'thongbao', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(newNoticeSnippet(todayDate(), headers)));
}
