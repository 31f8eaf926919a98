// Shared tools for the hostile-input suite: temporary trees, an in-process CLI run, a tree digest.
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { writeFileAtomic, type Io } from '../../src/cli/io.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line in-process, in `cwd`, with no colour and no stdin. */
export async function runCli(argv: readonly string[], cwd: string, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    writeFile: (p, t) => writeFileAtomic(resolve(cwd, p), t),
    colorFor: () => false,
    columns: 100,
  };
  const code = await main(['node', 'warranty-lint', ...argv], io);
  return { code, stdout, stderr };
}

/** A stack trace line as node prints it. */
export const STACK_LINE = /^\s+at /m;

/** A fresh directory under the OS temp dir; `cleanup` removes it (and everything in it). */
export function tempTree(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wl-hostile-'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Every entry below `root` with its type, mode, size, mtime and content hash, never following a
 * link and never opening anything but regular files (a FIFO would block).
 */
export function treeDigest(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(abs);
      const meta = `${JSON.stringify(r)} mode=${st.mode} mtime=${st.mtimeMs}`;
      if (st.isSymbolicLink()) out.push(`${meta} link->${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.push(`${meta} dir`);
        visit(abs, r);
      } else if (st.isFile()) {
        let hash = 'unreadable';
        try {
          hash = createHash('sha256').update(readFileSync(abs)).digest('hex');
        } catch {
          /* a file we cannot read (not root): its metadata still counts */
        }
        out.push(`${meta} size=${st.size} sha256=${hash}`);
      } else out.push(`${meta} special`);
    }
  };
  visit(root, '');
  return out;
}

/** A complete, clean low-tier service named `name`. */
export function cleanService(name: string): string {
  return CLEAN_LOW.replace('name: search', `name: ${name}`);
}

/** Every line and column of every finding lies inside `text` (columns count UTF-16 units, 1-based; one past the end is allowed). */
export function positionsInside(findings: ReadonlyArray<{ line: number | null; column: number | null; endLine: number | null; endColumn: number | null }>, text: string): string[] {
  const lines = text.split('\n');
  const bad: string[] = [];
  const check = (line: number | null, column: number | null, what: string): void => {
    if (line === null && column === null) return;
    if (line === null || column === null || line < 1 || line > lines.length || column < 1 || column > (lines[line - 1] as string).length + 1) {
      bad.push(`${what} ${line}:${column} is outside the file (${lines.length} lines)`);
    }
  };
  for (const f of findings) {
    check(f.line, f.column, 'start');
    check(f.endLine, f.endColumn, 'end');
  }
  return bad;
}
