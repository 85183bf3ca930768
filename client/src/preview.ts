import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { text } from './previewText.js';

/** The server's custom request (server/src/export/requests.ts PREVIEW_REQUEST). */
const PREVIEW_REQUEST = 'thongbao/preview';
type PreviewResponse = { version: number; css: string; html: string } | { version: number; problem: string };

/** Refresh anyway this long after an edit when no diagnostics arrive (checking switched off, say). */
const FALLBACK_REFRESH_MS = 1500;

/**
 * "Thông báo: Xem trước theo thể thức": a webview beside the editor with the
 * notice as A4 pages in the official layout. The server lays it out (the same
 * layout model as the .docx); the webview only cuts the flow into pages.
 */
export class PreviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, NoticePreview>();

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {}

  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'thongbao') {
      void vscode.window.showInformationMessage(text.notANotice());
      return;
    }
    const key = editor.document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const preview = new NoticePreview(this.client, this.extensionUri, editor, () => this.panels.delete(key));
    this.panels.set(key, preview);
    await preview.refresh();
  }

  dispose(): void {
    for (const preview of this.panels.values()) preview.dispose();
    this.panels.clear();
  }
}

class NoticePreview implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly document: vscode.TextDocument;
  private lastMessage: unknown;
  private ready = false;
  private requested = 0;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  private editorColumn: vscode.ViewColumn | undefined;

  constructor(private readonly client: LanguageClient, extensionUri: vscode.Uri, editor: vscode.TextEditor, onDispose: () => void) {
    this.document = editor.document;
    this.editorColumn = editor.viewColumn;
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('thongbao.preview', text.previewTitle(baseName(this.document.uri)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel.webview.html = shell(this.panel.webview, media);
    const uri = this.document.uri.toString();
    this.subscriptions.push(
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      this.panel.webview.onDidReceiveMessage((message: { type: string; line?: number }) => this.receive(message)),
      // The server publishes diagnostics after each analysis: the preview follows right behind them.
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((changed) => changed.toString() === uri)) void this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== uri) return;
        if (this.fallback) clearTimeout(this.fallback);
        this.fallback = setTimeout(() => void this.refresh(), FALLBACK_REFRESH_MS);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document.uri.toString() !== uri || event.visibleRanges.length === 0) return;
        this.editorColumn = event.textEditor.viewColumn;
        void this.panel.webview.postMessage({ type: 'scroll', line: event.visibleRanges[0]!.start.line });
      }),
    );
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  async refresh(): Promise<void> {
    if (this.fallback) clearTimeout(this.fallback);
    this.fallback = undefined;
    const ticket = ++this.requested;
    const response = await this.client.sendRequest<PreviewResponse | null>(PREVIEW_REQUEST, { uri: this.document.uri.toString() });
    // A newer request was sent meanwhile: its answer is the one to show.
    if (!response || ticket !== this.requested) return;
    this.post('problem' in response ? { type: 'problem', title: text.cannotLayOut(), text: response.problem } : { type: 'update', css: response.css, html: response.html });
  }

  private post(message: unknown): void {
    this.lastMessage = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(message: { type: string; line?: number }): void {
    if (message.type === 'ready') {
      this.ready = true;
      if (this.lastMessage) void this.panel.webview.postMessage(this.lastMessage);
      return;
    }
    if (message.type === 'reveal' && typeof message.line === 'number') void this.revealLine(message.line);
  }

  /** A click on a paragraph of the preview shows its source line in the editor. */
  private async revealLine(line: number): Promise<void> {
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.editorColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const position = new vscode.Position(Math.min(line, this.document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.fallback) clearTimeout(this.fallback);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/**
 * The webview's page: a strict Content-Security-Policy (nothing remote, no
 * inline script; the layout's style sheet goes into the one style element
 * that carries the nonce), the page chrome and the paginating script.
 */
function shell(webview: vscode.Webview, media: vscode.Uri): string {
  const key = nonce();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource} 'nonce-${key}'`, `script-src 'nonce-${key}'`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`].join('; ');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<style id="layout-css" nonce="${key}"></style>
</head>
<body>
<div id="problem" hidden></div>
<div id="pages" class="sheet"></div>
<script nonce="${key}" src="${script}"></script>
</body>
</html>`;
}
