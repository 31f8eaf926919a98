// What a reference to evidence points at, without reading it: a `stat` of the paths it may name,
// bounded to the repository (the folder holding `.git`). A stat never opens a file, so a FIFO or a
// device named as evidence cannot block the run; a link is followed only to see whether it leads
// out of the repository. URLs are not fetched.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { inside, isUrl, real } from './repository.js';

export type EvidenceStatus = 'exists' | 'url' | 'missing' | 'outside' | 'file-url' | 'special';

export interface EvidenceLookup {
  status: EvidenceStatus;
  /** The absolute paths looked at, for a reference that names none that exists. */
  looked?: string[];
}

/**
 * Where a reference points: relative paths are looked for beside the definition, then from the
 * repository root; an absolute path counts only inside the repository; a `file:` URL, a home path
 * (`~/…`) or a path that leads out (`../../etc`, a link) is a place on one machine, not evidence
 * the repository holds. `#section` after a path names a part of the document: the file is checked.
 */
export function lookUpEvidence(reference: string, definition: string, rootOf: () => string): EvidenceLookup {
  const ref = reference.trim();
  if (/^file:/i.test(ref)) return { status: 'file-url' };
  if (isUrl(ref)) return { status: 'url' };
  if (ref.startsWith('~')) return { status: 'outside' };
  const path = ref.replace(/#[^/\\]*$/, '') || ref;
  // A drive letter (`C:\dr.md`) names another machine's disk where it is not an absolute path (on POSIX).
  if (/^[a-z]:[\\/]/i.test(path) && !isAbsolute(path)) return { status: 'outside' };
  // Found only now: most references are URLs, and a 10k catalog asks for every service.
  const root = rootOf();
  // `root` is a real path (repository.ts): so is the folder the definition is looked from.
  const candidates = isAbsolute(path) ? [realAbove(resolve(path))] : unique([resolve(realAbove(dirname(definition)), path), resolve(root, path)]);
  const within = candidates.filter((c) => inside(root, c));
  if (within.length === 0) return { status: 'outside' };
  for (const candidate of within) {
    const st = stat(candidate);
    if (st === 'absent') continue;
    // A link inside the repository may lead out of it.
    if (!inside(root, real(candidate))) return { status: 'outside' };
    return { status: st === 'special' ? 'special' : 'exists' };
  }
  return { status: 'missing', looked: within };
}

/** What is at a path; a path that cannot be examined (permissions) counts as there: only what is known missing is reported. */
function stat(path: string): 'present' | 'special' | 'absent' {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 'absent';
    return st.isFile() || st.isDirectory() ? 'present' : 'special';
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP' ? 'absent' : 'present';
  }
}

/** The real path of the nearest folder that exists, with the rest of the path below it as written. */
function realAbove(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realAbove(parent), basename(path));
  }
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

/** A path as findings show it: relative to the working directory, `/`-separated. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}
