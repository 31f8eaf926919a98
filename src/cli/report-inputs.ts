// What the report formats need from outside the result, read by the CLI: the previous run
// (`--compare`) and where the catalog came from (git). Formatters stay pure: they get these in
// their context.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompareError, parsePreviousRun, type PreviousRun } from '../formatters/run-record.js';
import type { Io } from './io.js';

/** The formats that show a trend and the catalog's origin. */
export const REPORT_FORMATS: readonly string[] = ['report', 'markdown', 'html'];

/** Reads and checks `--compare <file>`: a missing, unreadable or incompatible file is exit 2. */
export function readPrevious(file: string, io: Io): PreviousRun {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw new CompareError(`--compare ${file}: the file does not exist. Write the result of a run with -f json=${file} first.`);
  if (!statSync(path).isFile()) throw new CompareError(`--compare ${file}: not a regular file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CompareError(`--compare ${file}: cannot read it (${(error as Error).message})`);
  }
  return parsePreviousRun(text, file);
}
