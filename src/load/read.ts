// Reading a file's bytes: bounded by the size limit, never blocking on a FIFO, and every failure
// described in words a user can act on.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A file over `limits.maxFileSize`: it is not read at all. */
export class TooLarge extends Error {
  override name = 'TooLarge';
}

export function tooLargeMessage(size: number, limit: number): string {
  const shown = (n: number): string => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
  return `the file is ${shown(size)}, over the ${shown(limit)} limit (limits.maxFileSize); it was not read`;
}

/** The first bytes of a file (to tell whether an oversized walked file is ours); nothing when it cannot be read. */
export function readHead(path: string, length: number): Buffer {
  try {
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const buf = Buffer.alloc(length);
      return buf.subarray(0, readSync(fd, buf, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/** Reads a regular file without ever blocking on a FIFO or reading past the size limit; throws TooLarge or the I/O error. */
export function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (st.size > limit) throw new TooLarge(tooLargeMessage(st.size, limit));
    const buf = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist (a broken link?)';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTREG':
      return 'not a regular file (a FIFO, socket or device)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
