import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseNotice } from '../core/parse.js';
import { createFacts } from '../core/extract/index.js';
import { taskRows, type TaskRow } from '../core/tasks/index.js';
import type { ThongbaoConfig } from '../core/config.js';
import type { Knowledge } from '../knowledge/types.js';
import type { AnalysisResult } from '../core/analyze.js';

export const TASKS_REQUEST = 'thongbao/tasks';

export interface TasksParams {
  /** One document; absent for every notice of the workspace. */
  uri?: string;
}

/** A task as the request returns it: the row and the document it is in. */
export interface TaskItem extends TaskRow {
  uri: string;
}

interface TasksDeps {
  documents: TextDocuments<TextDocument>;
  knowledge: Knowledge;
  /** The configuration of a closed notice (its nearest thongbao.config.json). */
  config: (uri: string) => Promise<ThongbaoConfig>;
  /** Every notice the workspace index holds. */
  noticeUris: () => string[];
  /** A closed notice's text from disk, read as the index reads it (inside the workspace, not too large); undefined when it cannot be. */
  readNotice: (uri: string) => Promise<string | undefined>;
  /** The analysis of an open document (cached by the server). */
  analysis: (uri: string) => AnalysisResult | undefined;
}

/**
 * `thongbao/tasks`: the assignments of one document or of the workspace, from
 * the same extraction as the CLI, so every editor shows the server's reading.
 * Open documents are read from their live text, the others from disk.
 */
export function registerTasksRequest(connection: Connection, deps: TasksDeps): void {
  connection.onRequest(TASKS_REQUEST, async (params: TasksParams | undefined): Promise<TaskItem[]> => {
    if (params?.uri) return tasksOf(params.uri, deps);
    const uris = new Set<string>();
    for (const uri of deps.noticeUris()) uris.add(uri);
    for (const document of deps.documents.all()) if (document.uri.endsWith('.tb.md')) uris.add(document.uri);
    const all = await Promise.all([...uris].sort().map((uri) => tasksOf(uri, deps)));
    return all.flat();
  });
}

async function tasksOf(uri: string, deps: TasksDeps): Promise<TaskItem[]> {
  const open = deps.analysis(uri);
  if (open) return taskRows(open.model, open.facts.tasks.tasks).map((row) => ({ ...row, uri }));
  const text = await deps.readNotice(uri);
  if (text === undefined) return [];
  const model = parseNotice(text);
  const facts = createFacts(model, { knowledge: deps.knowledge, config: await deps.config(uri) });
  return taskRows(model, facts.tasks.tasks).map((row) => ({ ...row, uri }));
}
