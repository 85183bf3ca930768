import { constants, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { msg, type Msg } from '../core/types.js';

/** What a reader saw of a file, so that a writer can tell whether it changed since. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

export interface ReadOptions {
  /** Largest size read; a larger file is refused from its size, before any byte is read. */
  maxBytes: number;
  /** When given, the file's real path (links resolved) must lie inside this folder. */
  root?: string;
}

export type ReadFailure = 'missing' | 'broken-link' | 'link-loop' | 'bad-name' | 'outside' | 'not-a-file' | 'too-large' | 'denied' | 'not-utf8' | 'io';

export interface ReadRefusal {
  ok: false;
  failure: ReadFailure;
  /** Why, in both languages, to be shown after the file's name. */
  message: Msg;
}

export type ReadResult<T> = ({ ok: true; realPath: string; fingerprint: FileFingerprint } & T) | ReadRefusal;

/**
 * The one reader of workspace files (notices, thongbao.config.json,
 * registries), for the CLI and the language server: a regular file (no
 * folder, FIFO, socket or device: it is opened non-blocking and checked with
 * fstat, so a FIFO cannot hang the reader), inside `root` when one is given
 * (links resolved first), and no larger than `maxBytes` (checked before
 * reading, and again while reading in case the file grows). Never throws: a
 * refusal comes back as a message in both languages.
 */
export async function readWorkspaceBytes(file: string, options: ReadOptions): Promise<ReadResult<{ bytes: Buffer }>> {
  let realPath: string;
  try {
    realPath = await fs.realpath(file);
  } catch (error) {
    return failed(await classifyMissing(file, error));
  }
  if (options.root !== undefined) {
    const root = await fs.realpath(options.root).catch(() => path.resolve(options.root!));
    if (!isInside(realPath, root)) return failed('outside');
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(realPath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A socket cannot be opened at all (ENXIO); a FIFO or device opens and is refused below.
    return failed(code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'ENXIO' ? 'not-a-file' : 'io', error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return failed('not-a-file');
    if (stat.size > options.maxBytes) return tooLarge(stat.size, options.maxBytes);
    // One byte more than fstat said: a file that grows after fstat is seen, and read on only up to the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (let chunk = Buffer.allocUnsafe(stat.size + 1); ; chunk = Buffer.allocUnsafe(64 * 1024)) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > options.maxBytes) return tooLarge(length, options.maxBytes, true);
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    return { ok: true, realPath, bytes, fingerprint: fingerprintOf(bytes, stat.mtimeMs) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failed(code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'EISDIR' ? 'not-a-file' : 'io', error);
  } finally {
    await handle.close();
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** `readWorkspaceBytes`, decoded as UTF-8 (strictly). The BOM is dropped, as editors do, and reported. */
export async function readWorkspaceText(file: string, options: ReadOptions): Promise<ReadResult<{ text: string; hasBom: boolean }>> {
  const read = await readWorkspaceBytes(file, options);
  if (!read.ok) return read;
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    return failed('not-utf8');
  }
  const hasBom = read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf;
  return { ok: true, realPath: read.realPath, fingerprint: read.fingerprint, text, hasBom };
}

export function fingerprintOf(bytes: Uint8Array, mtimeMs: number): FileFingerprint {
  return { size: bytes.byteLength, mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') };
}

export function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Why a path that could not be reached (stat or realpath failed with `error`) cannot be read. */
export async function describeUnreachable(file: string, error: unknown): Promise<Msg> {
  return failed(await classifyMissing(file, error), error).message;
}

async function classifyMissing(file: string, error: unknown): Promise<ReadFailure> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'link-loop';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return 'io';
  // Names that are not UTF-8 reach us with U+FFFD in place of their bytes, so they cannot be opened.
  if (file.includes('\ufffd')) return 'bad-name';
  const link = await fs.lstat(file).catch(() => undefined);
  return link?.isSymbolicLink() ? 'broken-link' : 'missing';
}

function tooLarge(size: number, maxBytes: number, grew = false): ReadRefusal {
  const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 });
  const limit = megabytes(maxBytes);
  return grew
    ? { ok: false, failure: 'too-large', message: msg(`tệp lớn lên trong khi đọc, vượt giới hạn ${limit} MB; không đọc`, `the file grew while being read, past the ${limit} MB limit; not read`) }
    : { ok: false, failure: 'too-large', message: msg(`tệp quá lớn (${megabytes(size)} MB, giới hạn ${limit} MB); không đọc`, `too large (${megabytes(size)} MB; the limit is ${limit} MB); not read`) };
}

const MESSAGES: Record<Exclude<ReadFailure, 'too-large' | 'io'>, Msg> = {
  missing: msg('không có tệp hoặc thư mục này', 'no such file or folder'),
  'broken-link': msg('liên kết tượng trưng trỏ tới tệp không tồn tại', 'broken symbolic link (its target does not exist)'),
  'link-loop': msg('vòng lặp liên kết tượng trưng', 'symbolic link loop'),
  'bad-name': msg('tên tệp không phải UTF-8 hợp lệ, không mở được; hãy đổi tên tệp', 'the file name is not valid UTF-8 and cannot be opened; rename the file'),
  outside: msg('liên kết tới một tệp ở ngoài thư mục làm việc; không đọc', 'links to a file outside the workspace folder; not read'),
  'not-a-file': msg('không phải tệp thông thường (thư mục, FIFO, socket hay thiết bị); không đọc', 'not a regular file (a folder, FIFO, socket or device); not read'),
  denied: msg('không có quyền đọc tệp', 'permission denied'),
  'not-utf8': msg('không phải văn bản UTF-8; hãy lưu tệp dưới dạng UTF-8', 'not UTF-8 text; save the file as UTF-8'),
};

function failed(failure: ReadFailure, error?: unknown): ReadRefusal {
  if (failure === 'io' || failure === 'too-large') {
    const reason = (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, failure, message: msg(`không đọc được tệp (${reason})`, `cannot read the file (${reason})`) };
  }
  return { ok: false, failure, message: MESSAGES[failure] };
}
