import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fingerprintOf, type FileFingerprint } from '../workspace/safeRead.js';
import { msg, type Msg } from '../core/types.js';

export interface WriteOptions {
  /** What the caller read: the write is refused when the file on disk is no longer that. */
  expected?: FileFingerprint;
}

/** A write refused before anything was changed; `reason` says why, in both languages. */
export class WriteRefusedError extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}

/** The file changed on disk (or was deleted) since it was read: writing would lose that change. */
export class FileChangedError extends WriteRefusedError {
  constructor() {
    super(msg('tệp đã bị thay đổi trên đĩa sau khi được đọc; không ghi đè', 'the file changed on disk after it was read; not overwritten'));
  }
}

/**
 * The one writer of files the product writes (`--fix`; importers and
 * exporters). It writes the real target of a symbolic link (the link stays),
 * keeps the owner, group and mode, refuses a file the user may not write
 * (checked with access(2), not only the folder's permission that a rename
 * needs), and refuses when `expected` is given and the file no longer has
 * that size, time and content (checked just before the rename).
 *
 * A new file or a file with one link is written to a temporary file beside
 * it and renamed over it, so a crash never leaves a half-written file. A file
 * with several hard links cannot be renamed over without cutting it off from
 * its other names, and a file owned by another user cannot be given back its
 * owner by a non-root process: both are written in place, after a copy of the
 * original is made beside it; the copy restores the file if writing fails and
 * is deleted afterwards.
 */
export async function writeFileSafely(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const target = await realTarget(file);
  const current = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current && !current.isFile()) throw new WriteRefusedError(msg('không phải tệp thông thường; không ghi', 'not a regular file; not written'));
  if (!current && options.expected) throw new FileChangedError();
  await checkWritable(current ? target : path.dirname(target), current !== undefined);
  if (current && current.nlink > 1) return writeInPlace(target, bytes, options.expected);
  const temporary = temporaryBeside(target, 'tmp');
  try {
    const handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, current ? 0o600 : 0o666);
    let ownerKept = true;
    try {
      await handle.writeFile(bytes);
      if (current) {
        ownerKept = await handle.chown(current.uid, current.gid).then(
          () => true,
          () => false,
        );
        // After chown, which clears set-id bits; the umask does not apply to fchmod.
        await handle.chmod(current.mode & 0o7777);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!ownerKept) {
      await fs.rm(temporary, { force: true });
      return writeInPlace(target, bytes, options.expected);
    }
    await checkUnchanged(target, options.expected);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The file a write lands on: the end of a chain of symbolic links, or the path itself when new. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if ((await fs.lstat(file).catch(() => undefined))?.isSymbolicLink()) throw new WriteRefusedError(msg('liên kết tượng trưng hỏng; không ghi', 'broken symbolic link; not written'));
    return path.join(await fs.realpath(path.dirname(path.resolve(file))), path.basename(file));
  }
}

async function checkWritable(target: string, isFile: boolean): Promise<void> {
  try {
    await fs.access(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new WriteRefusedError(
        isFile ? msg('tệp chỉ đọc, không có quyền ghi; không ghi', 'the file is read-only for you (permission denied); not written') : msg('không có quyền ghi vào thư mục; không ghi', 'permission denied on the folder; not written'),
      );
    }
    throw error;
  }
}

/** Refuses when the file is no longer what was read (size and time first, then the content hash). */
async function checkUnchanged(target: string, expected: FileFingerprint | undefined): Promise<void> {
  if (!expected) return;
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat || stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs) throw new FileChangedError();
  const bytes = await fs.readFile(target);
  if (fingerprintOf(bytes, stat.mtimeMs).hash !== expected.hash) throw new FileChangedError();
}

async function writeInPlace(target: string, bytes: Buffer, expected: FileFingerprint | undefined): Promise<void> {
  const backup = temporaryBeside(target, 'orig');
  await fs.copyFile(target, backup, constants.COPYFILE_EXCL);
  try {
    await checkUnchanged(target, expected);
    await overwrite(target, bytes);
  } catch (error) {
    try {
      // The copy was taken before the check, so it holds exactly what was there.
      await overwrite(target, await fs.readFile(backup));
    } catch {
      throw new WriteRefusedError(msg(`ghi dở dang; bản gốc được giữ ở ${backup}`, `the write failed half-way; the original is kept in ${backup}`));
    }
    await fs.rm(backup, { force: true });
    throw error;
  }
  await fs.rm(backup, { force: true });
}

async function overwrite(target: string, bytes: Buffer): Promise<void> {
  const handle = await fs.open(target, constants.O_WRONLY);
  try {
    await handle.writeFile(bytes);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function temporaryBeside(target: string, kind: string): string {
  const name = `.${path.basename(target)}.${randomBytes(6).toString('hex')}.${kind}`;
  return path.join(path.dirname(target), name);
}
