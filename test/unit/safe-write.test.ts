import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WriteRefusedError, writeFileSafely } from '../../server/src/cli/safeWrite.js';
import { readWorkspaceBytes, readWorkspaceText } from '../../server/src/workspace/safeRead.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'thongbao-safe-io-'));

describe('the safe writer and reader', () => {
  it('creates a new file from bytes, with the mode a new file gets (umask applied)', async () => {
    const folder = scratch();
    const file = path.join(folder, 'new.docx');
    await writeFileSafely(file, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    assert.deepEqual([...readFileSync(file)], [0x50, 0x4b, 0x03, 0x04]);
    writeFileSync(path.join(folder, 'plain'), '');
    assert.equal(statSync(file).mode & 0o777, statSync(path.join(folder, 'plain')).mode & 0o777);
    assert.deepEqual(readdirSync(folder).sort(), ['new.docx', 'plain']);
  });

  it('refuses a broken symbolic link and a folder, writing nothing', async () => {
    const folder = scratch();
    symlinkSync(path.join(folder, 'nowhere.tb.md'), path.join(folder, 'broken.tb.md'));
    mkdirSync(path.join(folder, 'dir.tb.md'));
    await assert.rejects(writeFileSafely(path.join(folder, 'broken.tb.md'), 'x'), WriteRefusedError);
    await assert.rejects(writeFileSafely(path.join(folder, 'dir.tb.md'), 'x'), WriteRefusedError);
    assert.deepEqual(readdirSync(folder).sort(), ['broken.tb.md', 'dir.tb.md']);
  });

  it('the reader refuses a file over its limit before reading, and a link out of its root', async () => {
    const folder = scratch();
    mkdirSync(path.join(folder, 'root'));
    writeFileSync(path.join(folder, 'outside.json'), '{}');
    symlinkSync('../outside.json', path.join(folder, 'root', 'link.json'));
    writeFileSync(path.join(folder, 'root', 'big.json'), 'x'.repeat(2000));
    const outside = await readWorkspaceBytes(path.join(folder, 'root', 'link.json'), { maxBytes: 1000, root: path.join(folder, 'root') });
    assert.equal(outside.ok ? 'read' : outside.failure, 'outside');
    const big = await readWorkspaceBytes(path.join(folder, 'root', 'big.json'), { maxBytes: 1000 });
    assert.equal(big.ok ? 'read' : big.failure, 'too-large');
    const text = await readWorkspaceText(path.join(folder, 'outside.json'), { maxBytes: 1000 });
    assert.ok(text.ok && text.text === '{}' && text.fingerprint.size === 2);
  });
});
