import * as vscode from 'vscode';

/** The client's few messages, in the editor's language (Vietnamese unless it is set to another). */
const english = () => !vscode.env.language.toLowerCase().startsWith('vi');

export const text = {
  previewTitle: (name: string) => (english() ? `Preview: ${name}` : `Xem trước: ${name}`),
  notANotice: () => (english() ? 'Open a notice (*.tb.md) first.' : 'Hãy mở một thông báo (*.tb.md) trước.'),
  cannotLayOut: () => (english() ? 'This notice cannot be laid out yet:' : 'Chưa dựng được thông báo theo thể thức:'),
  exported: (name: string) => (english() ? `Exported ${name}.` : `Đã xuất ${name}.`),
  openFolder: () => (english() ? 'Open folder' : 'Mở thư mục'),
  hasErrors: (count: number) => (english() ? `The notice has ${count} error(s). Export it as a draft anyway?` : `Thông báo còn ${count} lỗi. Vẫn xuất bản nháp?`),
  exportAnyway: () => (english() ? 'Export draft' : 'Xuất bản nháp'),
  exportFailed: (reason: string) => (english() ? `Could not export: ${reason}` : `Không xuất được: ${reason}`),
};
