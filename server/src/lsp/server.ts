import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeNotice } from '../core/analyze.js';
import { fixEdits } from '../core/fixAll.js';
import { mergeConfigs, resolveSettings, DEFAULT_CONFIG, type ThongbaoConfig, type ThongbaoSettings } from '../core/config.js';
import { LineIndex } from '../core/positions.js';
import { localize } from '../core/i18n.js';
import { applyEdits } from '../core/fixes.js';
import { hoverAt } from '../core/features/hover.js';
import { completionsAt } from '../core/features/completion.js';
import { documentSymbols } from '../core/features/outline.js';
import { newNoticeSnippet } from '../core/features/newNotice.js';
import { isoOf, todayDate } from '../core/dates.js';
import { foldingRanges } from '../core/features/folding.js';
import type { DocumentSnapshot, FeatureEnv } from '../core/features/types.js';
import { citationDefinition, citationReferences, documentSymbolsMatching } from '../core/features/citations.js';
import type { LocationResult } from '../core/features/types.js';
import { loadKnowledge } from '../knowledge/index.js';
import { CONFIG_FILE_NAME, readConfigFile } from '../workspace/configFile.js';
import { WorkspaceSession, type RegistryFileReport } from '../workspace/session.js';
import { registerImportRequest } from './importRequest.js';
import { EXPORT_DOCX_REQUEST, PREVIEW_REQUEST, exportDocxResponse, previewResponse, type DocumentParams, type ExportDocxResponse, type PreviewResponse } from '../export/requests.js';
import { registerTasksRequest } from './tasks.js';
import { quickFix, toDiagnostic, toDocumentSymbol, toFoldingRange, toLspEdit } from './convert.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.thongbao`;
/** Custom request of the VS Code client's new-notice command; answers a snippet string. */
export const NEW_NOTICE_REQUEST = 'thongbao/newNotice';

export interface ServerOptions {
  /** Folder holding docs/rules/*.md, linked from every diagnostic. */
  docsRoot?: string;
}

interface CachedSnapshot extends DocumentSnapshot {
  version: number;
  configKey: number;
  registryKey: number;
  lines: LineIndex;
}

/**
 * The language server: a thin adapter that feeds open documents to the pure
 * core and turns its results into LSP messages. Transport-agnostic: the
 * caller passes a connection (stdio, IPC, or an in-process pipe in tests).
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const knowledge = loadKnowledge();
  const docsBase = `${pathToFileURL(options.docsRoot ?? path.resolve(__dirname, '..', 'docs', 'rules')).href}/`;
  /** The merged registry: shipped, *.vanban.yaml files, notices (open ones from their live text). */
  const workspace = new WorkspaceSession(knowledge);
  let settings: ThongbaoSettings = resolveSettings({});
  let supportsConfigurationPull = false;
  let watchedFilesDynamic = false;
  let workspaceFolders: string[] = [];
  /** thongbao.config.json per folder (path of the folder → config). */
  const fileConfigs = new Map<string, ThongbaoConfig>();
  let configGeneration = 0;
  const snapshots = new Map<string, CachedSnapshot>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const effectiveConfig = (uri: string): ThongbaoConfig => {
    const file = fsPathOf(uri);
    let fromFile = DEFAULT_CONFIG;
    if (file) {
      let best = '';
      for (const [folder, config] of fileConfigs) {
        if ((file.startsWith(folder + path.sep) || file === folder) && folder.length > best.length) {
          best = folder;
          fromFile = config;
        }
      }
    }
    return mergeConfigs(fromFile, {
      ...(settings.locale ? { locale: settings.locale } : {}),
      rules: settings.rules,
      abbreviations: settings.abbreviations,
    });
  };

  const env = (uri: string): FeatureEnv => {
    const config = effectiveConfig(uri);
    return { knowledge, registry: workspace.registry(), config, locale: config.locale };
  };

  /**
   * The analysis of a document's current text, computed once per text,
   * configuration and registry. Keyed by the text itself, never by the version
   * number alone: a client may send a version twice (or again after a close),
   * and a stale analysis would give fixes that edit text no longer there.
   */
  const snapshot = (uri: string): CachedSnapshot | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = snapshots.get(uri);
    const text = document.getText();
    if (cached && cached.text === text && cached.configKey === configGeneration && cached.registryKey === workspace.generation) {
      cached.version = document.version;
      return cached;
    }
    const config = effectiveConfig(uri);
    const registryKey = workspace.generation;
    // The previous version's analysis lets the parser reuse the blocks the edit did not touch.
    const analysis = analyzeNotice(text, { knowledge, config, registry: workspace.registry(), uri, previous: cached?.analysis });
    const fresh: CachedSnapshot = { uri, text, analysis, version: document.version, configKey: configGeneration, registryKey, lines: new LineIndex(text) };
    snapshots.set(uri, fresh);
    return fresh;
  };

  const validate = (uri: string): void => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let current: CachedSnapshot | undefined;
    try {
      current = snapshot(uri);
    } catch (error) {
      // This runs in a timer: an exception here would end the process. The document is left unchecked.
      connection.console.error(`thongbao: ${uri} could not be analysed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    if (!current) return;
    const locale = effectiveConfig(uri).locale;
    void connection.sendDiagnostics({
      uri,
      version: current.version,
      diagnostics: current.analysis.findings.map((finding) => toDiagnostic(finding, current.lines, locale, docsBase, uri)),
    });
  };

  const schedule = (uri: string, delay = settings.debounce): void => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(uri, setTimeout(() => validate(uri), delay));
  };

  const revalidateAll = (): void => {
    configGeneration++;
    for (const document of documents.all()) schedule(document.uri, 0);
  };

  /** The registry changed: the other open notices may gain or lose cross-file findings. */
  const revalidateOthers = (except?: string): void => {
    for (const document of documents.all()) if (document.uri !== except) schedule(document.uri);
  };

  const publishRegistryFile = (report: RegistryFileReport): void => {
    const lines = new LineIndex(report.text);
    void connection.sendDiagnostics({
      uri: report.uri,
      diagnostics: report.problems.map((problem) => ({
        range: lines.rangeOf(problem.start, problem.end),
        severity: 1,
        source: 'thongbao',
        code: 'registry',
        message: localize(problem.message, settings.locale ?? 'vi'),
      })),
    });
  };

  const toLocation = (location: LocationResult, current: CachedSnapshot) => ({
    uri: location.uri,
    range: location.range ?? (location.span ? current.lines.rangeOf(location.span.start, location.span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
  });

  const loadSettings = async (): Promise<void> => {
    if (!supportsConfigurationPull) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration('thongbao');
      settings = resolveSettings(raw);
    } catch {
      settings = resolveSettings({});
    }
  };

  const loadConfigFile = async (folder: string): Promise<void> => {
    const file = path.join(folder, CONFIG_FILE_NAME);
    const uri = URI.file(file).toString();
    // The safe reader: a link out of the folder, a FIFO or a device is a problem on the file, never a hang.
    const read = await readConfigFile(file, folder);
    if (!read) {
      fileConfigs.delete(folder);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { text, config, problems } = read;
    fileConfigs.set(folder, config);
    const lines = new LineIndex(text);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((problem) => ({
        range: lines.rangeOf(problem.start, problem.end),
        severity: 1,
        source: 'thongbao',
        code: 'config',
        message: localize(problem.message, settings.locale ?? config.locale),
      })),
    });
  };

  connection.onInitialize((params): InitializeResult => {
    supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
    watchedFilesDynamic = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => fsPathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = fsPathOf(params.rootUri);
      if (root) workspaceFolders = [root];
    }
    const initial = params.initializationOptions as { settings?: unknown } | undefined;
    if (initial?.settings) settings = resolveSettings(initial.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        documentSymbolProvider: { label: 'Thông báo' },
        foldingRangeProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', ','], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'thongbao-language-server' },
    };
  });

  connection.onInitialized(async () => {
    await loadSettings();
    await Promise.all(workspaceFolders.map(loadConfigFile));
    if (watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.tb.md' }, { globPattern: '**/*.vanban.yaml' }] });
    }
    for (const report of await workspace.scan(workspaceFolders)) publishRegistryFile(report);
    // Open notices' live text overrides what the scan read from disk.
    for (const document of documents.all()) workspace.documentChanged(document.uri, document.getText());
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (supportsConfigurationPull) await loadSettings();
    else settings = resolveSettings((change.settings as { thongbao?: unknown } | undefined)?.thongbao);
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(async (change) => {
    let configChanged = false;
    let registryChanged = false;
    for (const event of change.changes) {
      const file = fsPathOf(event.uri);
      if (!file) continue;
      if (path.basename(file) === CONFIG_FILE_NAME) {
        if (event.type === FileChangeType.Deleted) fileConfigs.delete(path.dirname(file));
        await loadConfigFile(path.dirname(file));
        configChanged = true;
        continue;
      }
      const { changed, registryFile } = await workspace.fileChanged(event.uri, event.type === FileChangeType.Deleted);
      if (registryFile) publishRegistryFile(registryFile);
      if (changed) registryChanged = true;
    }
    if (configChanged) revalidateAll();
    else if (registryChanged) revalidateOthers();
  });

  documents.onDidOpen((event) => {
    if (workspace.documentChanged(event.document.uri, event.document.getText())) revalidateOthers(event.document.uri);
    schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    if (workspace.documentChanged(event.document.uri, event.document.getText())) revalidateOthers(event.document.uri);
    if (settings.run === 'onType') schedule(event.document.uri);
  });
  documents.onDidSave((event) => {
    if (settings.run === 'onSave') schedule(event.document.uri, 0);
  });
  documents.onDidClose((event) => {
    const pending = timers.get(event.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(event.document.uri);
    snapshots.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    void workspace.documentClosed(event.document.uri).then((changed) => changed && revalidateOthers());
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    // Every action is computed from the analysis of the current text, which it edits.
    const current = snapshot(uri);
    if (!current) return actions;
    if (wants(CodeActionKind.QuickFix)) {
      const locale = effectiveConfig(uri).locale;
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'thongbao') continue;
        const action = quickFix(uri, diagnostic, current.analysis.findings, current.lines, locale);
        if (action) actions.push(action);
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const edits = fixEdits(current.analysis.findings);
      if (edits.length > 0) {
        // One round of non-overlapping edits, as a single workspace edit the user chose.
        const fixed = applyEdits(current.text, edits).text;
        const locale = effectiveConfig(uri).locale;
        actions.push({
          title: locale === 'vi' ? 'Sửa tất cả lỗi có cách sửa chắc chắn (Thông báo)' : 'Fix all certain problems (Thông báo)',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: [toLspEdit({ start: 0, end: current.text.length, newText: fixed }, current.lines)] } },
        });
      }
    }
    return actions;
  });

  /** The text of "Thông báo: Tạo thông báo mới": the skeleton dated today, with the next free number among the workspace's notices. */
  connection.onRequest(NEW_NOTICE_REQUEST, () => {
    const headers = [...workspace.registry().entries()]
      .filter((entry) => entry.origin === 'workspace-notice')
      .map((entry) => ({ so: entry.symbol, ...(entry.date ? { ngay: isoOf(entry.date) } : {}) }));
    return newNoticeSnippet(todayDate(), headers);
  });

  registerImportRequest(connection, knowledge, (uri) => effectiveConfig(uri).locale);
  /** The official-layout preview and the .docx export of an open notice, from the analysis of its current version. */
  connection.onRequest<PreviewResponse | null, void>(PREVIEW_REQUEST, (params: DocumentParams) => {
    const current = snapshot(params.uri);
    return current ? previewResponse(current, effectiveConfig(params.uri).locale) : null;
  });
  connection.onRequest<ExportDocxResponse | null, void>(EXPORT_DOCX_REQUEST, (params: DocumentParams) => {
    const current = snapshot(params.uri);
    return current ? exportDocxResponse(current, effectiveConfig(params.uri).locale) : null;
  });
  registerTasksRequest(connection, { documents, knowledge, config: effectiveConfig, noticeUris: () => workspace.index.noticeUris(), analysis: (uri) => snapshot(uri)?.analysis });

  connection.onDocumentSymbol((params) => {
    const current = snapshot(params.textDocument.uri);
    return current ? documentSymbols(current).map((symbol) => toDocumentSymbol(symbol, current.lines)) : [];
  });

  connection.onFoldingRanges((params) => {
    const current = snapshot(params.textDocument.uri);
    return current ? foldingRanges(current).flatMap((range) => toFoldingRange(range, current.lines) ?? []) : [];
  });

  connection.onHover((params) => {
    const current = snapshot(params.textDocument.uri);
    if (!current) return null;
    const result = hoverAt(current, current.lines.offsetAt(params.position), env(params.textDocument.uri));
    return result ? { contents: { kind: 'markdown', value: result.markdown }, range: current.lines.rangeOf(result.start, result.end) } : null;
  });

  connection.onCompletion((params) => {
    const current = snapshot(params.textDocument.uri);
    if (!current) return [];
    const offset = current.lines.offsetAt(params.position);
    return completionsAt(current, offset, env(params.textDocument.uri)).map((item): CompletionItem => {
      const completion: CompletionItem = {
        label: item.label,
        kind: item.kind === 'snippet' ? CompletionItemKind.Snippet : item.kind === 'document' ? CompletionItemKind.Reference : item.kind === 'agency' ? CompletionItemKind.Module : CompletionItemKind.Text,
        insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      if (item.detail) completion.detail = item.detail;
      if (item.documentation) completion.documentation = { kind: 'markdown', value: item.documentation };
      if (item.filterText) completion.filterText = item.filterText;
      if (item.sortText) completion.sortText = item.sortText;
      const replace = item.replace ?? { start: offset, end: offset };
      completion.textEdit = { range: current.lines.rangeOf(replace.start, replace.end), newText: item.insertText };
      return completion;
    });
  });

  connection.onDefinition((params) => {
    const current = snapshot(params.textDocument.uri);
    if (!current) return [];
    return citationDefinition(current, current.lines.offsetAt(params.position), env(params.textDocument.uri)).map((location) => toLocation(location, current));
  });

  connection.onReferences((params) => {
    const current = snapshot(params.textDocument.uri);
    if (!current) return [];
    return citationReferences(current, current.lines.offsetAt(params.position), env(params.textDocument.uri), params.context.includeDeclaration).map((location) => toLocation(location, current));
  });

  connection.onWorkspaceSymbol((params) =>
    documentSymbolsMatching(params.query, workspace.registry()).map((symbol) => ({ name: symbol.name, kind: SymbolKind.File, containerName: symbol.detail, location: { uri: symbol.uri, range: symbol.range } })),
  );

  documents.listen(connection);
  connection.listen();
}

function fsPathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
