import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('thongbao/tasks on a closed notice', function () {
  this.timeout(20000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'thongbao-tasks-'));
  const nested = path.join(workspace, 'trung-tam');
  let server: ServerHandle;
  before(async () => {
    mkdirSync(nested);
    // An agency only the nested configuration knows: its task is found only if that configuration applies.
    writeFileSync(path.join(nested, 'thongbao.config.json'), JSON.stringify({ agencies: [{ name: 'Trung tâm Điều phối Đề án Quốc gia' }] }));
    const text = readFileSync(path.join(folder, '2024-03-08-de-an-06.tb.md'), 'utf8').replace(/\n\nVăn phòng Chính phủ thông báo/u, '\n\n3. Trung tâm Điều phối Đề án Quốc gia hoàn thành báo cáo trong tháng 5 năm 2024.\n\nVăn phòng Chính phủ thông báo');
    writeFileSync(path.join(nested, 'closed.tb.md'), text);
    server = await startServer({ workspaceFolder: workspace });
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('reads it from disk with its nearest configuration, as the CLI does', async () => {
    let agencies: string[] = [];
    for (let attempt = 0; attempt < 100 && agencies.length === 0; attempt++) {
      agencies = (await server.request<TaskItem[]>('thongbao/tasks', {})).map((task) => task.agency);
      if (agencies.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(agencies.includes('Bộ Công an'), JSON.stringify(agencies));
    assert.ok(agencies.includes('Trung tâm Điều phối Đề án Quốc gia'), JSON.stringify(agencies));
  });
});
