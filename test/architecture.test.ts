// The design, kept by a test: layers that depend only downward, no import cycle, one module that
// maps pointers to ranges, a core without console or process I/O, and files small enough to read.
// README's "How it is built" describes the same rules; this file fails when the code stops
// following them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(root, 'src');

/** Every .ts file under src/, as a path relative to src/ with `/` separators. */
function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (entry.endsWith('.ts')) out.push(relative(SRC, path).split('\\').join('/'));
  }
  return out.sort();
}

const FILES = sourceFiles();
const text = new Map(FILES.map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));
/** The code without its comments (roughly: enough that prose about `console.log` is not code). */
const code = (f: string): string => (text.get(f) as string).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The files a file imports (static, dynamic and type-only imports alike), relative to src/. */
export function importsOf(file: string, source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/g)) {
    const spec = (m[1] ?? m[2]) as string;
    out.push(relative(SRC, resolve(SRC, dirname(file), spec)).split('\\').join('/').replace(/\.js$/, '.ts'));
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f, text.get(f) as string).filter((d) => text.has(d))]));

/**
 * Layers, lowest first: a file may import its own layer and those below. The shared vocabulary
 * (types, errors, the version, the config's types, the docs URL) is below everything.
 */
const VOCABULARY = new Set(['types.ts', 'errors.ts', 'version.ts', 'config/types.ts', 'docs/url.ts']);
// policies sit between rules and config: the config loader checks each policy at its line with
// the same functions the engine compiles them with. The language server is a front end beside the CLI.
const LAYERS = ['load', 'schema', 'model', 'rules', 'policies', 'config', 'lint-types.ts', 'docs', 'engine', 'formatters', 'api.ts', 'lsp', 'cli', 'index.ts'];

function layerOf(file: string): number {
  if (VOCABULARY.has(file)) return -1;
  const top = file.includes('/') ? (file.split('/')[0] as string) : file;
  const i = LAYERS.indexOf(top);
  if (i === -1) throw new Error(`${file}: no layer; add its folder to LAYERS in test/architecture.test.ts`);
  return i;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the architecture', () => {
  it('has no import cycle in src/ (type-only imports count too)', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('finds a cycle when there is one (the check above can fail)', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('depends only downward: load → schema → model → rules → policies → config → engine → formatters → cli', () => {
    const upward: string[] = [];
    for (const [file, deps] of GRAPH) {
      for (const d of deps) if (layerOf(d) > layerOf(file)) upward.push(`${file} imports ${d}`);
    }
    expect(upward).toEqual([]);
  });

  it('keeps rules free of the engine, the formatters and the CLI, and of I/O', () => {
    for (const file of FILES.filter((f) => f.startsWith('rules/'))) {
      for (const d of GRAPH.get(file) ?? []) expect(d, `${file} imports ${d}`).not.toMatch(/^(engine|formatters|cli)\//);
      expect(text.get(file), file).not.toMatch(/from 'node:(fs|child_process|net|http)/);
    }
  });

  it('computes ranges in src/load only: pointers to ranges in locate.ts, offsets to lines in lines.ts', () => {
    const offenders = FILES.filter((f) => !f.startsWith('load/') && /\bLineIndex\b|\blocateIn\b|from '\.\.?\/(load\/)?lines\.js'/.test(text.get(f) as string));
    expect(offenders).toEqual([]);
    const locators = FILES.filter((f) => /function locateIn\b/.test(text.get(f) as string));
    expect(locators).toEqual(['load/locate.ts']);
  });

  it('leaves the console, the process and the command line to the CLI (and the language server its stdio), and colour to the human formats', () => {
    const core = FILES.filter((f) => !f.startsWith('cli/') && !f.startsWith('lsp/'));
    // The public API's lint() defaults its working directory to the process's (src/api.ts).
    const offenders = core.filter((f) => /\bconsole\.|process\.(stdout|stderr|stdin|exit|argv|exitCode)\b/.test(code(f)) || (f !== 'api.ts' && /process\.cwd\b/.test(code(f))));
    expect(offenders).toEqual([]);
    expect(core.filter((f) => /from 'commander'/.test(text.get(f) as string))).toEqual([]);
    // Colour belongs to the human formats alone (STYLE.md); they get it allowed or not from the CLI.
    expect(core.filter((f) => /from 'chalk'/.test(text.get(f) as string) && !f.startsWith('formatters/'))).toEqual([]);
  });

  it('keeps files under ~300 lines, or says why a file is longer', () => {
    const long = FILES.filter((f) => (text.get(f) as string).split('\n').length > 320 && !/Why this file is long:/.test(text.get(f) as string));
    expect(long).toEqual([]);
  });

  it('has one Finding type, declared in src/types.ts', () => {
    const declared = FILES.filter((f) => /export (interface|type) Finding\b/.test(text.get(f) as string));
    expect(declared).toEqual(['types.ts']);
  });
});
