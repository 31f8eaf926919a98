import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileRef } from './document.js';

export interface Discovery {
  /** Files to lint, sorted by their displayed path, each once. */
  files: FileRef[];
  /**
   * Paths that cannot be read as files, each once: named ones (broken links, link loops, special
   * files), and broken links and link loops with a YAML name met in a walk. `file-unreadable`.
   */
  unreadable: Array<{ file: string; reason: string }>;
  /** Named paths that do not exist, globs that match nothing, directories with no YAML: exit 2. */
  missing: string[];
}

const YAML_FILE = /\.ya?ml$/i;
const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**'];

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/**
 * Whether a walk of the working directory would lint this file (`file` shown relative to it): a
 * `*.yaml` or `*.yml` file below it, neither it nor a directory above it ignored. For a file that
 * changes after the walk (an editor's documents).
 */
export function walkFinds(ignore: readonly string[]): (file: string) => boolean {
  const ignored = ignoreMatcher(ignore);
  return (file) => {
    if (!YAML_FILE.test(file) || file.startsWith('../') || file === '..' || isAbsolute(file)) return false;
    for (let p = file; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (ignored(p)) return false;
      if (!p.includes('/')) return true;
    }
  };
}

/** Display form of a path: relative to cwd, `/`-separated. */
export function displayPath(abs: string, cwd: string): string {
  // Below the working directory (nearly every path a walk meets), without path.relative's work.
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && abs[cwd.length] === sep && !abs.includes(`${sep}..`) && !abs.includes(`${sep}.${sep}`)) {
    const rel = abs.slice(cwd.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return shown.split(sep).join('/');
}

/** Whether a displayed path (relative, `/`-separated) is ignored: by `ignore`, or in node_modules or .git. */
export function ignoreMatcher(ignore: readonly string[]): (display: string) => boolean {
  const isIgnored = picomatch([...DEFAULT_IGNORES, ...ignore], { dot: true });
  return (display) => isIgnored(display) || isIgnored(display + '/');
}

/**
 * Expands paths, directories (recursive `*.yaml`, `*.yml`) and globs. A walk follows a link to a
 * file once and never enters a directory twice, so a directory cycle is skipped silently; a link
 * with a YAML name that leads nowhere (broken, or a loop between files) is unreadable, as when named.
 */
export function discover(paths: readonly string[], cwd: string, ignore: readonly string[]): Discovery {
  const ignored = ignoreMatcher(ignore);
  const byFile = new Map<string, FileRef>();
  const unreadable: Discovery['unreadable'] = [];
  const missing: string[] = [];
  const add = (abs: string, explicit: boolean): void => {
    const file = displayPath(abs, cwd);
    if (!explicit && ignored(file)) return;
    const prior = byFile.get(file);
    if (!prior || (explicit && !prior.explicit)) byFile.set(file, { path: abs, file, explicit });
  };

  for (const input of paths) {
    if (isGlob(input)) {
      const before = byFile.size;
      for (const path of expandGlob(input, cwd, ignored, unreadable)) add(path, false);
      if (byFile.size === before) missing.push(`no file matches the pattern "${input}"`);
      continue;
    }
    const abs = resolve(cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      let isLink = false;
      try {
        isLink = lstatSync(abs).isSymbolicLink();
      } catch {
        /* absent: reported below */
      }
      if (isLink) unreadable.push({ file: displayPath(abs, cwd), reason: deadLink(code) });
      else if (code === 'EACCES') unreadable.push({ file: displayPath(abs, cwd), reason: 'permission denied' });
      else missing.push(`no such file or directory: ${input}`);
      continue;
    }
    if (st.isDirectory()) {
      const before = byFile.size;
      for (const path of collect(abs, (_, name) => YAML_FILE.test(name), ignored, cwd, unreadable)) add(path, false);
      if (byFile.size === before) missing.push(`the directory ${input} holds no *.yaml or *.yml file`);
    } else if (st.isFile()) {
      add(abs, true);
    } else {
      unreadable.push({ file: displayPath(abs, cwd), reason: 'not a regular file (a FIFO, socket or device)' });
    }
  }
  const files = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // A dead link both named and met in a walk is one finding.
  const once = [...new Map(unreadable.map((u) => [u.file, u])).values()];
  return { files, unreadable: once, missing };
}

/** Why a link whose target cannot be reached is unreadable, from `stat`'s error code. */
function deadLink(code: string | undefined): string {
  return code === 'ELOOP' ? 'a symbolic link loop' : code === 'EACCES' ? 'permission denied' : 'a broken symbolic link';
}

/**
 * The files under `root` that `accepts`, each once: a file reached both by its own name and through
 * a link is kept under its own name. Directories are entered once by real path (link loops end).
 */
function collect(root: string, accepts: (abs: string, name: string) => boolean, ignored: (display: string) => boolean, cwd: string, unreadable: Discovery['unreadable']): string[] {
  const reached = new Map<string, { path: string; link: boolean }>();
  walk(root, new Set(), (path, real, link) => {
    const prior = reached.get(real);
    if (!prior || (prior.link && !link)) reached.set(real, { path, link });
  }, accepts, ignored, cwd, unreadable);
  return [...reached.values()].map((r) => r.path);
}

function walk(
  dir: string,
  seen: Set<string>,
  onFile: (abs: string, real: string, link: boolean) => void,
  accepts: (abs: string, name: string) => boolean,
  ignored: (display: string) => boolean,
  cwd: string,
  unreadable: Discovery['unreadable'],
): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ file: displayPath(dir, cwd), reason: (error as { code?: string }).code === 'EACCES' ? 'permission denied' : 'cannot list the directory' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (ignored(displayPath(abs, cwd))) continue;
    if (e.name.includes('\ufffd') && YAML_FILE.test(e.name) && !lexists(abs)) {
      // Node decodes names as UTF-8: a name that is not cannot be opened by the name it shows.
      unreadable.push({ file: displayPath(abs, cwd), reason: 'its name is not valid UTF-8 (rename the file)' });
      continue;
    }
    if (e.isDirectory()) walk(abs, seen, onFile, accepts, ignored, cwd, unreadable);
    else if (e.isFile()) {
      if (accepts(abs, e.name)) onFile(abs, join(real, e.name), false);
    } else if (e.isSymbolicLink()) {
      let st;
      try {
        st = statSync(abs);
      } catch (error) {
        // A dangling `payments.yaml` link is a service gone from the gate, not someone else's file.
        if (accepts(abs, e.name)) unreadable.push({ file: displayPath(abs, cwd), reason: deadLink((error as { code?: string }).code) });
        continue;
      }
      if (st.isDirectory()) walk(abs, seen, onFile, accepts, ignored, cwd, unreadable);
      else if (st.isFile() && accepts(abs, e.name)) {
        // Follow a link to a file once: the target's real path is what counts.
        try {
          onFile(abs, realpathSync(abs), true);
        } catch {
          continue;
        }
      }
    }
  }
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function expandGlob(pattern: string, cwd: string, ignored: (display: string) => boolean, unreadable: Discovery['unreadable']): string[] {
  const scan = picomatch.scan(pattern);
  const base = resolve(cwd, scan.base || '.');
  const isMatch = picomatch(pattern.replace(/\\/g, '/'), { dot: false });
  const baseIsAbs = isAbsolute(pattern);
  const candidate = (abs: string): string => (baseIsAbs ? abs : relative(cwd, abs)).split(sep).join('/');
  return collect(base, (abs) => isMatch(candidate(abs)), ignored, cwd, unreadable);
}
