// The repository a file belongs to: what Location targets and `$yaml`/`$json`/`$text`
// substitutions may reach. A tree being linted must not make the linter read outside it.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const roots = new Map<string, string | null>();
/** Roots by the real path each stands for; as `roots`, kept for the process (a repository does not move under a run). */
const realRoots = new Map<string, string>();

/** The nearest folder at or above `dir` that holds `.git`; null when there is none. */
function gitRoot(dir: string): string | null {
  const known = roots.get(dir);
  if (known !== undefined) return known;
  const parent = dirname(dir);
  const found = existsSync(join(dir, '.git')) ? dir : parent === dir ? null : gitRoot(parent);
  roots.set(dir, found);
  return found;
}

/**
 * The root a file's references may reach: its git repository; without one, the working directory
 * when the file is inside it, else the file's own folder. Real paths, so that links cannot lead out.
 */
export function repositoryRoot(path: string, cwd: string | undefined): string {
  const abs = resolve(cwd ?? '.', path);
  const dir = dirname(abs);
  const root = gitRoot(dir) ?? (cwd !== undefined && inside(resolve(cwd), abs) ? resolve(cwd) : dir);
  // Asked for every service that names evidence: a realpath each time was 2% of a 10k run.
  let found = realRoots.get(root);
  if (found === undefined) realRoots.set(root, (found = real(root)));
  return found;
}


/** Whether `path` is `root` or below it (both absolute). */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/** The real path of what exists, else the path itself. */
export function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether a reference is a URL (`https://…`, `github:…`, `//host/…`): never read. */
export function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(target) || target.startsWith('//');
}
