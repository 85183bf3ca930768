import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';

const root = path.resolve(import.meta.dirname, '..', '..');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

describe('thongbao tasks', () => {
  it('prints every assignment of the seeds as CSV for spreadsheets (BOM, quoted fields, CRLF)', async () => {
    const { code, stdout } = await cli(['tasks', 'test/fixtures/seeds', '--format', 'csv']);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith('\ufeff"Thông báo","Số","Ngày","Cơ quan chủ trì","Cơ quan phối hợp","Nhiệm vụ","Thời hạn","Báo cáo","Vị trí"\r\n'));
    const rows = stdout.slice(1).split('\r\n').filter(Boolean);
    assert.ok(rows.length > 100, `${rows.length} rows`);
    assert.ok(rows.every((row) => /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*"){8}$/u.test(row)), 'nine quoted fields per row');
    assert.ok(rows.some((row) => row.includes('"Bộ Y tế","Bảo hiểm xã hội Việt Nam; Bộ Công an"') && row.includes('"2024-06-30","Thủ tướng Chính phủ","test/fixtures/seeds/2023-07-12-hoi-nghi-chuyen-doi-so.tb.md:113"')));
  });

  it('reads the thongbao.config.json of each notice, as check does: an invalid one is reported, exit 2', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-tasks-'));
    copyFileSync(path.join(root, 'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md'), path.join(folder, 'n.tb.md'));
    writeFileSync(path.join(folder, 'thongbao.config.json'), '{"rules":{}');
    const { code, stdout, stderr } = await cli(['tasks', folder, '--format', 'json']);
    assert.equal(code, 2);
    assert.match(stderr, /thongbao\.config\.json:1:12: /u);
    assert.ok(JSON.parse(stdout).length > 0, 'the tasks are still listed, with the defaults');
  });

  it('filters by agency (tone marks ignored), by deadline and overdue', async () => {
    const json = async (...args: string[]) => JSON.parse((await cli(['tasks', 'test/fixtures/seeds', '--format', 'json', ...args])).stdout) as { agency: string; partners: string[]; deadline: string; overdue: boolean }[];
    const police = await json('--agency', 'bo cong an');
    assert.ok(police.length > 10 && police.every((row) => [row.agency, ...row.partners].includes('Bộ Công an')));
    const before = await json('--before', '2024-01-31');
    assert.ok(before.length > 0 && before.every((row) => row.deadline <= '2024-01-31' && /^\d{4}-/u.test(row.deadline)));
    const overdue = await json('--overdue');
    assert.ok(overdue.length > 0 && overdue.every((row) => row.overdue));
  });

  it('writes a Markdown table and rejects a bad option', async () => {
    const { stdout } = await cli(['tasks', 'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md', '--format', 'md']);
    assert.match(stdout, /^\| Thông báo \| Số \|/u);
    assert.match(stdout, /\| Bộ Công an \| các bộ, cơ quan liên quan \|/u);
    assert.equal((await cli(['tasks', 'test/fixtures/seeds', '--before', '2024-02-30'])).code, 2);
    assert.equal((await cli(['tasks', 'test/fixtures/seeds', '--format', 'xml'])).code, 2);
  });
});
