// Where the catalog came from, for the report's header: the git commit and branch when the paths
// are inside a work tree, else the folder. git runs as a subprocess with its arguments as a list
// (never through a shell), and only `rev-parse`, which reads refs and runs nothing configured in
// the tree (unlike `status`, which can run a repository's fsmonitor hook or clean filters).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CatalogSource } from '../formatters/types.js';

/** The directory to ask git about: the first path's own, or that of its part before any glob character. */
function directoryOf(path: string, cwd: string): string {
  const literal = path.split(/[*?[{]/)[0] ?? '';
  let abs = resolve(cwd, literal === '' ? '.' : literal);
  while (!existsSync(abs) && dirname(abs) !== abs) abs = dirname(abs);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

/** The git work tree holding `dir`, its commit and branch; undefined outside one, or without git. */
export function gitIdentity(dir: string): CatalogSource['git'] {
  try {
    const out = execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
      // No lock files, no prompt: reading identity must change nothing and wait for nobody.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
    const [root, commit, branch] = out.split('\n');
    if (!root || !commit || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    return { root, commit, branch: !branch || branch === 'HEAD' ? null : branch };
  } catch {
    return undefined;
  }
}

export function catalogSource(paths: readonly string[], cwd: string, stdin: boolean): CatalogSource {
  const given = stdin ? ['<stdin>'] : paths.length > 0 ? [...paths] : ['.'];
  const git = gitIdentity(stdin ? cwd : directoryOf(given[0] as string, cwd));
  return git ? { paths: given, folder: cwd, git } : { paths: given, folder: cwd };
}
