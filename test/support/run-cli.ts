import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { writeFileAtomic, type Io } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files the CLI wrote, by the path it was given. */
  written: Map<string, string>;
}

/** An in-memory Io: what the CLI prints lands in `out` and `err`; files are written for real (atomically) and recorded. */
export function fakeIo(cwd: string, options: { stdin?: string | Uint8Array; over?: Partial<Io> } = {}): Io & { out: string; err: string; written: Map<string, string> } {
  const io = {
    cwd,
    out: '',
    err: '',
    written: new Map<string, string>(),
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    readStdin: async () => options.stdin ?? '',
    writeFile(path: string, text: string | Iterable<string>) {
      const whole = typeof text === 'string' ? text : [...text].join('');
      writeFileAtomic(resolve(cwd, path), whole);
      io.written.set(path, whole);
    },
    colorFor: () => false,
    ...options.over,
  };
  return io;
}

/** Runs the CLI in-process in `cwd` (a real directory), capturing output; files are really written (atomically). */
export async function runCli(argv: string[], cwd: string, options: { stdin?: string | Uint8Array } = {}): Promise<CliRun> {
  const io = fakeIo(cwd, options);
  const code = await main(['node', 'warranty-lint', ...argv], io);
  return { code, stdout: io.out, stderr: io.err, written: io.written };
}

/** A fresh temporary directory holding `files` (path → text), with a `.git` so config search stops there. */
export function tempTree(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'wl-'));
  if (options.git !== false) mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
