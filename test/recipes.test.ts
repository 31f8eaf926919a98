// README's "How it is built" is where a newcomer starts: every file it names exists, and the
// recipes for adding an input format and an output format match the registries.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, loadFormatter } from '../src/formatters/index.js';
import { FORMATS } from '../src/model/formats/index.js';
import { validatorFor } from '../src/schema/validate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = (heading: string): string => {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has no "${heading}"`).toBeGreaterThan(-1);
  const level = heading.split(' ')[0] as string;
  const rest = readme.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return next === -1 ? rest : rest.slice(0, next);
};

describe("README's How it is built", () => {
  it('names only files and folders that exist', () => {
    const text = section('## How it is built');
    const paths = [...text.matchAll(/`((?:src|test|schemas|docs|bin)\/[^`<>*]+?)`/g)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThan(20);
    // A table cell may name several files of one folder: `src/load/read.ts`, `decode.ts`.
    for (const p of paths) expect(existsSync(join(root, p)), p).toBe(true);
    for (const row of text.split('\n').filter((l) => l.startsWith('| `src/'))) {
      const names = [...(row.split('|')[1] as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      const dir = dirname(names[0] as string);
      for (const n of names.slice(1)) expect(existsSync(join(root, n.includes('/') ? n : join(dir, n))), `${n} (in ${dir})`).toBe(true);
    }
  });

  it('holds for every input format: a module of its own, a schema the build compiled, its apiVersion', async () => {
    expect(section('### Adding an input format')).toContain('src/model/formats/index.ts');
    for (const format of FORMATS) {
      const file = join(root, 'src', 'model', 'formats', `${format.id}.ts`);
      expect(existsSync(file), `src/model/formats/${format.id}.ts`).toBe(true);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      expect(Object.values(mod), `${format.id}.ts exports the registered format`).toContain(format);
      expect(existsSync(join(root, 'schemas', format.schema)), format.schema).toBe(true);
      expect(typeof validatorFor(format.schema)).toBe('function');
      expect(format.apiVersion).toBeInstanceOf(RegExp);
      expect(format.title).toMatch(/^an? /);
    }
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
  });

  it('holds for every output format: a module of its own, loaded by name, listed in the usage', async () => {
    const usage = section('## Usage');
    for (const name of FORMAT_NAMES) {
      expect(existsSync(join(root, 'src', 'formatters', `${name}.ts`)), `src/formatters/${name}.ts`).toBe(true);
      expect(typeof (await loadFormatter(name))).toBe('function');
      expect(usage, `README's usage lists -f ${name}`).toContain(`\`${name}\``);
    }
  });
});
