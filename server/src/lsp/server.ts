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
  type WorkspaceFoldersChangeEvent,
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
import { CONFIG_FILE_NAME, type ConfigFileRead } from '../workspace/configFile.js';
import { ConfigResolver } from '../workspace/configResolver.js';
import { registrySourceOf, type RegistrySource } from '../workspace/registrySources.js';
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

/** How long the workspace index waits after the last edit of an open notice before it scans it again. */
const INDEX_DELAY_MS = 400;

interface CachedSnapshot extends DocumentSnapshot {
  version: number;
  configKey: number;
  /** The thongbao.config.json configuration the analysis used (by identity). */
  fileConfig: ThongbaoConfig;
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
  let supportsWorkspaceFolders = false;
  let workspaceFolders: string[] = [];
  /** The thongbao.config.json in force at each workspace folder (path of the folder → config), for files not resolved one by one. */
  const fileConfigs = new Map<string, ThongbaoConfig>();
  /** The thongbao.config.json in force for each open document, found as the CLI finds it (nearest folder upwards). */
  const documentConfigs = new Map<string, ThongbaoConfig>();
  let configGeneration = 0;
  const snapshots = new Map<string, CachedSnapshot>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const indexTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const publishConfigProblems = (file: string, read: ConfigFileRead): void => {
    const lines = new LineIndex(read.text);
    void connection.sendDiagnostics({
      uri: URI.file(file).toString(),
      diagnostics: read.problems.map((problem) => ({
        range: lines.rangeOf(problem.start, problem.end),
        severity: 1,
        source: 'thongbao',
        code: 'config',
        message: localize(problem.message, settings.locale ?? read.config.locale),
      })),
    });
  };
  // The CLI's resolver: the same file, read through the same safe reader (a link out, a FIFO or a device is a problem, never a hang).
  const configs = new ConfigResolver(undefined, publishConfigProblems);

  const fileConfigOf = (uri: string): ThongbaoConfig => {
    const resolved = documentConfigs.get(uri);
    if (resolved) return resolved;
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
    return fromFile;
  };

  const withSettings = (config: ThongbaoConfig): ThongbaoConfig =>
    mergeConfigs(config, {
      ...(settings.locale ? { locale: settings.locale } : {}),
      rules: settings.rules,
      abbreviations: settings.abbreviations,
    });
  const effectiveConfig = (uri: string): ThongbaoConfig => withSettings(fileConfigOf(uri));

  /** A closed notice's configuration: its nearest thongbao.config.json, as for an open one and in the CLI. */
  const closedNoticeConfig = async (uri: string): Promise<ThongbaoConfig> => {
    const file = fsPathOf(uri);
    if (!file || documentConfigs.has(uri)) return effectiveConfig(uri);
    try {
      return withSettings((await configs.forFile(file)).config);
    } catch {
      return effectiveConfig(uri);
    }
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
    const fileConfig = fileConfigOf(uri);
    if (cached && cached.text === text && cached.configKey === configGeneration && cached.fileConfig === fileConfig && cached.registryKey === workspace.generation) {
      cached.version = document.version;
      return cached;
    }
    const config = effectiveConfig(uri);
    const registryKey = workspace.generation;
    // The previous version's analysis lets the parser reuse the blocks the edit did not touch.
    const analysis = analyzeNotice(text, { knowledge, config, registry: workspace.registry(), uri, previous: cached?.analysis });
    const fresh: CachedSnapshot = { uri, text, analysis, version: document.version, configKey: configGeneration, fileConfig, registryKey, lines: new LineIndex(text) };
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

  /** The configuration of each workspace folder, as the CLI resolves a folder operand; returns the folders' registry sources. */
  const loadFolderConfigs = (folders: readonly string[]): Promise<RegistrySource[]> =>
    Promise.all(
      folders.map(async (folder) => {
        const resolved = await configs.forFile(path.join(folder, CONFIG_FILE_NAME));
        fileConfigs.set(folder, resolved.config);
        return registrySourceOf(folder, resolved);
      }),
    );

  /** Finds the configuration of an open document (a nested thongbao.config.json counts, as in the CLI). */
  const resolveDocumentConfig = async (uri: string): Promise<void> => {
    const file = fsPathOf(uri);
    if (!file) return;
    try {
      documentConfigs.set(uri, (await configs.forFile(file)).config);
    } catch (error) {
      // A folder on the way up that cannot be listed: the workspace folder's configuration applies.
      connection.console.error(`thongbao: no configuration found for ${uri}: ${String(error)}`);
    }
  };

  /** Every configuration and registry read again (a thongbao.config.json changed), then every open notice checked again. */
  const reloadWorkspace = async (): Promise<void> => {
    configs.forget();
    fileConfigs.clear();
    const sources = await loadFolderConfigs(workspaceFolders);
    for (const report of await workspace.scan(workspaceFolders, sources)) publishRegistryFile(report);
    await Promise.all(documents.all().map((document) => resolveDocumentConfig(document.uri)));
    revalidateAll();
  };

  /** The workspace index scans an edited notice once the edits pause, off the keystroke path (a scan reads the whole text). */
  const indexLater = (uri: string): void => {
    const pending = indexTimers.get(uri);
    if (pending) clearTimeout(pending);
    indexTimers.set(
      uri,
      setTimeout(() => {
        indexTimers.delete(uri);
        const document = documents.get(uri);
        if (document && workspace.documentChanged(uri, document.getText())) revalidateOthers(uri);
      }, INDEX_DELAY_MS),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
    watchedFilesDynamic = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    supportsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
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

  /**
   * Work on the set of folders, configurations and registries runs one task at
   * a time: a folder added while the first scan runs is indexed after it, not
   * overwritten by it.
   */
  let workspaceTasks: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = workspaceTasks.then(task).catch((error: unknown) => connection.console.error(`thongbao: workspace update failed: ${String(error)}`));
    workspaceTasks = run;
    return run;
  };

  connection.onInitialized(async () => {
    // Listening before the first await: the client may change the folders at once.
    if (supportsWorkspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => void serially(() => changeFolders(event)));
    await serially(loadWorkspace);
  });

  const loadWorkspace = async (): Promise<void> => {
    await loadSettings();
    const sources = await loadFolderConfigs(workspaceFolders);
    if (watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.tb.md' }, { globPattern: '**/*.vanban.yaml' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    // Open notices' live text counts rather than what the scan would read from disk.
    for (const document of documents.all()) workspace.documentChanged(document.uri, document.getText());
    for (const report of await workspace.scan(workspaceFolders, sources)) publishRegistryFile(report);
    await Promise.all(documents.all().map((document) => resolveDocumentConfig(document.uri)));
    revalidateAll();
  };

  /** Folders added to the workspace are indexed with their configurations; what came from removed folders is dropped. */
  const changeFolders = async (event: WorkspaceFoldersChangeEvent): Promise<void> => {
    const paths = (folders: readonly { uri: string }[]) => folders.map((folder) => fsPathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
    const removed = paths(event.removed);
    const added = paths(event.added).filter((folder) => !workspaceFolders.includes(folder));
    workspaceFolders = [...workspaceFolders.filter((folder) => !removed.includes(folder)), ...added];
    for (const folder of removed) fileConfigs.delete(folder);
    for (const uri of await workspace.removeFolders(removed)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const report of await workspace.addFolders(added, await loadFolderConfigs(added))) publishRegistryFile(report);
    revalidateAll();
  };

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
        // Its problems are published again when it is read again.
        void connection.sendDiagnostics({ uri: event.uri, diagnostics: [] });
        configChanged = true;
        continue;
      }
      const { changed, registryFile } = await workspace.fileChanged(event.uri, event.type === FileChangeType.Deleted);
      if (registryFile) publishRegistryFile(registryFile);
      if (changed) registryChanged = true;
    }
    if (configChanged) await serially(reloadWorkspace);
    else if (registryChanged) revalidateOthers();
  });

  documents.onDidOpen((event) => {
    const uri = event.document.uri;
    if (workspace.documentChanged(uri, event.document.getText())) revalidateOthers(uri);
    void resolveDocumentConfig(uri).then(() => schedule(uri, 0));
  });
  documents.onDidChangeContent((event) => {
    indexLater(event.document.uri);
    if (settings.run === 'onType') schedule(event.document.uri);
  });
  documents.onDidSave((event) => {
    if (settings.run === 'onSave') schedule(event.document.uri, 0);
  });
  documents.onDidClose((event) => {
    for (const pending of [timers, indexTimers]) {
      clearTimeout(pending.get(event.document.uri));
      pending.delete(event.document.uri);
    }
    snapshots.delete(event.document.uri);
    documentConfigs.delete(event.document.uri);
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
  registerTasksRequest(connection, { documents, knowledge, config: closedNoticeConfig, noticeUris: () => workspace.index.noticeUris(), readNotice: (uri) => workspace.readNotice(uri), analysis: (uri) => snapshot(uri)?.analysis });

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
