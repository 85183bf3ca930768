import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './harness.js';
import { notice } from '../helpers.js';

/** thongbao.config.json and *.vanban.yaml are data from the workspace: validated, located, never fatal. */
describe('workspace configuration files over the protocol', function () {
  this.timeout(20000);

  it('an invalid thongbao.config.json is reported on that file with its line; a fixed one is applied live', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-config-'));
    const configPath = path.join(folder, 'thongbao.config.json');
    const configUri = pathToFileURL(configPath).href;
    writeFileSync(configPath, '{\n  "locale": "vi",\n  "rules": { "date/padding": "loud" }\n}\n');
    const server = await startServer({ workspaceFolder: folder });
    try {
      const configDiagnostics = server.nextDiagnostics(configUri);
      const uri = pathToFileURL(path.join(folder, 'a.tb.md')).href;
      const text = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
      const [problems, first] = await Promise.all([configDiagnostics, server.open(uri, text)]);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.range.start.line, 2);
      assert.match(String(problems[0]!.message), /rules\.date\/padding/u);
      assert.ok(first.some((diagnostic) => diagnostic.code === 'date/padding'), 'defaults apply');

      writeFileSync(configPath, JSON.stringify({ locale: 'en', rules: { 'date/padding': 'off' } }));
      const cleared = server.nextDiagnostics(configUri);
      const reanalysed = server.diagnosticsWhere(uri, (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.code === 'date/padding'));
      server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
      assert.deepEqual(await cleared, []);
      // Times out (and fails) if no publication after the change applies the fixed configuration.
      await reanalysed;
    } finally {
      await server.close();
    }
  });

  it('an invalid *.vanban.yaml is reported on that file, the rest of the workspace still works', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-vanban-'));
    const registryPath = path.join(folder, 'van-ban.vanban.yaml');
    writeFileSync(registryPath, '- so: 12/NQ-CP\n  loai: Nghị quyết\n  ngay: 2024-13-45\n  co-quan: Chính phủ\n  trich-yeu: thử\n');
    const server = await startServer({ workspaceFolder: folder });
    try {
      const problems = await server.nextDiagnostics(pathToFileURL(registryPath).href);
      assert.ok(problems.length > 0);
      assert.ok(problems.some((problem) => problem.range.start.line === 2), JSON.stringify(problems));
      const diagnostics = await server.open(pathToFileURL(path.join(folder, 'b.tb.md')).href, notice('Nội dung.'));
      assert.ok(Array.isArray(diagnostics));
    } finally {
      await server.close();
    }
  });
});
