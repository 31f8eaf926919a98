// git, as a subprocess: arguments go as a list, never through a shell, and a ref that could be
// read as an option is refused.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { displayPath } from '../load/discover.js';
import { UserError } from '../errors.js';

/** git's output; throws with git's own message (its first line) when it fails or is not installed. */
export function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('git is not installed (or not on PATH)');
    throw new Error((e.stderr ?? e.message).trim().split('\n')[0] ?? e.message);
  }
}

/**
 * The files changed since the merge base of `ref` and HEAD — committed, staged, unstaged and
 * untracked alike — as findings show paths (relative to `cwd`, `/`-separated).
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  if (ref === '' || ref.startsWith('-')) throw new UserError(`--changed-since takes a git ref such as origin/main (got "${ref}")`);
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    throw new UserError(`--changed-since needs a git repository, and ${cwd} is not in one (${(error as Error).message})`);
  }
  let base: string;
  try {
    base = git(['merge-base', ref, 'HEAD'], root).trim();
  } catch (error) {
    throw new UserError(`--changed-since ${ref}: not a ref git knows here, or it shares no history with HEAD (${(error as Error).message}); in CI, fetch it first (actions/checkout with fetch-depth: 0)`);
  }
  const names = [...git(['diff', '--name-only', '--no-renames', '-z', base, '--'], root).split('\0'), ...git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], root).split('\0')];
  return new Set(names.filter((n) => n !== '').map((n) => displayPath(resolve(root, n), cwd)));
}
