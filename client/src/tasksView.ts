import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's custom request (server/src/lsp/tasks.ts TASKS_REQUEST). */
const TASKS_REQUEST = 'thongbao/tasks';
const VIEW_ID = 'thongbao.tasks';

/** A task as the server sends it (server/src/core/tasks/rows.ts TaskRow, with its uri). */
interface TaskItem {
  uri: string;
  notice: string;
  number: string;
  agency: string;
  partners: string[];
  task: string;
  /** ISO date, 'recurring' or ''. */
  deadline: string;
  reportTo: string;
  shared: boolean;
  line: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

type Grouping = 'agency' | 'deadline';
type Scope = 'document' | 'workspace';

interface GroupNode {
  kind: 'group';
  label: string;
  tasks: TaskItem[];
}
type Node = GroupNode | { kind: 'task'; task: TaskItem };

const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
const isOverdue = (task: TaskItem, today: string) => /^\d{4}-/u.test(task.deadline) && task.deadline < today;
const shortDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * "Nhiệm vụ" in the Explorer: the tasks of the open notice or of the workspace,
 * grouped by agency or by deadline, overdue ones marked against today; a click
 * reveals the sentence. The tasks come from the server (thongbao/tasks).
 */
class TasksProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  grouping: Grouping = 'agency';
  scope: Scope = 'document';
  private groups: GroupNode[] = [];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>) {}

  async refresh(): Promise<void> {
    await this.started;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    let tasks: TaskItem[] = [];
    if (this.scope === 'workspace') tasks = await this.client.sendRequest<TaskItem[]>(TASKS_REQUEST, {});
    else if (uri && uri.endsWith('.tb.md')) tasks = await this.client.sendRequest<TaskItem[]>(TASKS_REQUEST, { uri });
    this.groups = this.group(tasks);
    this.changed.fire();
  }

  private group(tasks: TaskItem[]): GroupNode[] {
    const today = todayIso();
    const byKey = new Map<string, GroupNode>();
    const keyOf = (task: TaskItem): [string, string] => {
      if (this.grouping === 'agency') return [task.agency, task.agency];
      if (task.deadline === 'recurring') return ['~1', 'Định kỳ, thường xuyên'];
      if (!task.deadline) return ['~2', 'Không nêu thời hạn'];
      if (isOverdue(task, today)) return ['0', 'Quá hạn'];
      const [year, month] = task.deadline.split('-');
      return [`1${year}-${month}`, `Tháng ${month}/${year}`];
    };
    for (const task of tasks) {
      const [key, label] = keyOf(task);
      let node = byKey.get(key);
      if (!node) byKey.set(key, (node = { kind: 'group', label, tasks: [] }));
      node.tasks.push(task);
    }
    const collator = new Intl.Collator('vi');
    return [...byKey.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([, node]) => node);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups;
    if (node.kind === 'group') return [...node.tasks].sort((a, b) => (a.deadline || '~').localeCompare(b.deadline || '~')).map((task) => ({ kind: 'task', task }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.tasks.length);
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'agency' ? 'organization' : 'calendar');
      item.contextValue = 'group';
      return item;
    }
    const { task } = node;
    const overdue = isOverdue(task, todayIso());
    const item = new vscode.TreeItem(task.task, vscode.TreeItemCollapsibleState.None);
    const when = task.deadline === 'recurring' ? 'định kỳ' : task.deadline ? shortDate(task.deadline) : 'không nêu thời hạn';
    item.description = `${overdue ? 'quá hạn · ' : ''}${when}${this.grouping === 'deadline' ? ` · ${task.agency}` : ''}`;
    item.iconPath = overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(task.deadline ? 'clock' : 'circle-outline');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${task.agency}**${task.shared ? ' (cùng thực hiện)' : ''}\n\n`);
    if (task.partners.length) tooltip.appendMarkdown(`Phối hợp: ${task.partners.join(', ')}\n\n`);
    tooltip.appendMarkdown(`Thời hạn: ${when}${overdue ? ' — quá hạn' : ''}\n\n`);
    if (task.reportTo) tooltip.appendMarkdown(`Báo cáo: ${task.reportTo}\n\n`);
    tooltip.appendText(task.task);
    tooltip.appendMarkdown(`\n\n_${task.number || task.notice} — dòng ${task.line}_`);
    item.tooltip = tooltip;
    item.contextValue = overdue ? 'task.overdue' : 'task';
    const range = new vscode.Range(task.range.start.line, task.range.start.character, task.range.end.line, task.range.end.character);
    item.command = { command: 'vscode.open', title: 'Reveal', arguments: [vscode.Uri.parse(task.uri), { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}

/** Registers the view, its title-bar commands (grouping, scope) and the refreshes on edits and editor changes. */
export function registerTasksView(context: vscode.ExtensionContext, client: LanguageClient, started: Promise<void>): void {
  const provider = new TasksProvider(client, started);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void provider.refresh(), 300);
  };
  const setState = async () => {
    await vscode.commands.executeCommand('setContext', 'thongbao.tasks.grouping', provider.grouping);
    await vscode.commands.executeCommand('setContext', 'thongbao.tasks.scope', provider.scope);
    view.description = provider.scope === 'workspace' ? 'thư mục làm việc' : undefined;
    await provider.refresh();
  };
  const command = (id: string, run: () => void) =>
    vscode.commands.registerCommand(id, async () => {
      run();
      await setState();
    });
  context.subscriptions.push(
    view,
    command('thongbao.tasks.groupByAgency', () => (provider.grouping = 'agency')),
    command('thongbao.tasks.groupByDeadline', () => (provider.grouping = 'deadline')),
    command('thongbao.tasks.showWorkspace', () => (provider.scope = 'workspace')),
    command('thongbao.tasks.showDocument', () => (provider.scope = 'document')),
    vscode.commands.registerCommand('thongbao.tasks.refresh', () => provider.refresh()),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.path.endsWith('.tb.md')) refresh();
    }),
    vscode.workspace.onDidSaveTextDocument(refresh),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void setState();
}
