import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, startServer, type ServerHandle } from '../lsp/harness.js';

const folder = path.join(root, 'test', 'fixtures', 'workspace');
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;

interface TaskItem {
  uri: string;
  agency: string;
  deadline: string;
  line: number;
  range: { start: { line: number } };
}

describe('thongbao/tasks over the protocol', function () {
  this.timeout(20000);
  let server: ServerHandle;
  before(async () => {
    server = await startServer({ workspaceFolder: folder });
  });
  after(async () => server.close());

  it('returns the tasks of one open document', async () => {
    const name = '2024-03-08-de-an-06.tb.md';
    await server.open(uriOf(name), readFileSync(path.join(folder, name), 'utf8'));
    const tasks = await server.request<TaskItem[]>('thongbao/tasks', { uri: uriOf(name) });
    assert.ok(tasks.length > 0);
    assert.ok(tasks.every((task) => task.uri === uriOf(name) && task.range.start.line === task.line - 1 && task.agency));
  });

  it('returns the tasks of every notice of the workspace', async () => {
    let tasks: TaskItem[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      tasks = await server.request<TaskItem[]>('thongbao/tasks', {});
      if (new Set(tasks.map((task) => task.uri)).size >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(new Set(tasks.map((task) => task.uri)).size >= 2, JSON.stringify([...new Set(tasks.map((task) => task.uri))]));
  });
});
