import type { Io } from './io.js';
import { UserError } from '../errors.js';

/** A file the user asked for (`-o`, `-f name=file`, a baseline) cannot be written: exit 2 with this message. */
export class OutputError extends UserError {
  override name = 'OutputError';
}

/** Writes through the Io (atomically); a failure is a usage problem with a plain reason, not an internal error. */
export function writeOrExplain(io: Io, file: string, text: string | Iterable<string>): void {
  try {
    io.writeFile(file, text);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' ? 'its directory does not exist' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new OutputError(`cannot write ${file}: ${why}`);
  }
}
