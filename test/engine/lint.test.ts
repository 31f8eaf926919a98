// A run from the caller's side (src/engine/lint.ts): today's date, standard input, the paths walked,
// files that cannot be read, the findings as kept (packed or not), progress and the cache.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { UserError } from '../../src/errors.js';
import { isPacked } from '../../src/engine/finding.js';
import { finishFiles, lint, lintKept, streamed, todayFrom, unpackResult, unreadableFile, UsageError } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/process-file.js';
import type { FileCache, FileResult } from '../../src/lint-types.js';
import { dependencyUnknown } from '../../src/rules/dependency-unknown.js';
import type { CatalogReport } from '../../src/rules/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

const config = resolveConfig({});
const NOW = '2026-11-26';
const DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const named = (name: string, text = CLEAN_LOW): string => text.replace('name: search', `name: ${name}`);
const placeholder = (name: string): string => named(name).replace('target: 99.0', 'target: TBD');

describe('todayFrom', () => {
  it('reads --now as days since the epoch, and keeps its text', () => {
    expect(todayFrom(NOW)).toEqual({ day: DAY, iso: NOW });
  });

  it('is today (UTC) without --now', () => {
    const before = Date.now();
    const today = todayFrom(undefined);
    expect(today.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.iso).toBe(new Date(before).toISOString().slice(0, 10));
    expect(today.day).toBe(Math.floor(before / 86_400_000));
  });

  it('refuses a date that is not real, as a usage error', () => {
    for (const bad of ['2026-02-30', '26-11-2026', 'tomorrow']) {
      let caught: unknown;
      try {
        todayFrom(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect(caught).toBeInstanceOf(UserError);
      expect((caught as Error).name).toBe('UsageError');
      expect((caught as Error).message).toBe(`--now must be a real date written YYYY-MM-DD (got "${bad}")`);
    }
  });
});

describe('lint over paths', () => {
  it('walks the working directory when no path is given, or an empty list', async () => {
    const root = tempTree({ 'a.yaml': named('a'), 'sub/b.yaml': named('b') });
    for (const paths of [undefined, []]) {
      const result = await lint({ cwd: root, paths, config, now: NOW });
      expect(result.files).toEqual(['a.yaml', 'sub/b.yaml']);
      expect(result.services.map((s) => s.name)).toEqual(['a', 'b']);
      expect(result.missing).toEqual([]);
      expect(result.today).toBe(NOW);
    }
  });

  it('leaves out files matched by --ignore-pattern as well as by the config', async () => {
    const root = tempTree({ 'a.yaml': named('a'), 'b.yaml': named('b'), 'c.yaml': named('c') });
    const result = await lint({ cwd: root, config: resolveConfig({ ignore: ['a.yaml'] }), ignorePatterns: ['c.yaml'], now: NOW });
    expect(result.files).toEqual(['b.yaml']);
  });

  it('says so when the working directory walked holds no YAML file', async () => {
    const root = tempTree({ 'notes.txt': 'x' });
    const result = await lint({ cwd: root, config, now: NOW });
    expect(result.missing).toEqual(['the directory . holds no *.yaml or *.yml file']);
    expect(result.files).toEqual([]);
  });

  it('says which paths it did not find, and lints the others', async () => {
    const root = tempTree({ 'a.yaml': named('a') });
    const result = await lint({ cwd: root, paths: ['a.yaml', 'gone.yaml'], config, now: NOW });
    expect(result.missing).toEqual(['no such file or directory: gone.yaml']);
    expect(result.services.map((s) => s.name)).toEqual(['a']);
  });

  it('reports a file that cannot be read (a broken link met in a walk), with why', async () => {
    const root = tempTree({ 'a.yaml': named('a') });
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'dead.yaml'));
    const result = await lint({ cwd: root, config, now: NOW });
    const unreadable = result.findings.filter((f) => f.ruleId === 'file-unreadable');
    expect(unreadable.map((f) => [f.file, f.message, f.line, f.column])).toEqual([['dead.yaml', 'cannot read dead.yaml: a broken symbolic link', 1, 1]]);
    expect(result.files).toEqual(['a.yaml', 'dead.yaml']);
    expect(result.services.map((s) => s.name)).toEqual(['a']);
  });

  it('reads a catalog export when one is named, and stops on one it cannot read', async () => {
    const root = tempTree({ 'a.yaml': named('a') });
    await expect(lint({ cwd: root, config, now: NOW, catalog: 'export.json' })).rejects.toThrow(/^--catalog export\.json: cannot read it: /);
  });
});

describe('unreadableFile', () => {
  it('keeps one file-unreadable finding at the start of the file, and nothing else', () => {
    const kept = unreadableFile({ file: 'x.yaml', reason: 'permission denied' }, { config, today: DAY });
    expect(kept.file).toBe('x.yaml');
    expect(kept.services).toEqual([]);
    expect(kept.brokenDocuments).toBe(0);
    expect(kept.findings).toHaveLength(1);
    expect(kept.findings[0]).toMatchObject({ ruleId: 'file-unreadable', file: 'x.yaml', message: 'cannot read x.yaml: permission denied', line: 1, column: 1, service: null, document: null });
  });
});

describe('lint over standard input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names the input <stdin> unless a file name is given, and lints it as named explicitly', async () => {
    const plain = await lint({ cwd: '/', stdin: { text: 'just: data\n' }, config, now: NOW });
    expect(plain.findings.map((f) => [f.ruleId, f.file])).toEqual([['no-service', '<stdin>']]);
    expect(plain.files).toEqual(['<stdin>']);
    expect(plain.missing).toEqual([]);
    const namedInput = await lint({ cwd: '/', stdin: { text: placeholder('a'), filename: 'svc.yaml' }, config, now: NOW });
    expect(namedInput.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['warranty-placeholder-value', 'svc.yaml', 11]]);
    expect(namedInput.today).toBe(NOW);
  });

  it('lints nothing when the file name given is ignored (by the config or a pattern), as ESLint does', async () => {
    for (const options of [{ config: resolveConfig({ ignore: ['gen/**'] }) }, { config, ignorePatterns: ['gen/**'] }]) {
      const result = await lint({ cwd: '/', stdin: { text: placeholder('a'), filename: 'gen/svc.yaml' }, now: NOW, ...options });
      expect(result.findings).toEqual([]);
      expect(result.files).toEqual([]);
      expect(result.services).toEqual([]);
    }
    // Without a file name there is nothing to ignore.
    const unnamed = await lint({ cwd: '/', stdin: { text: placeholder('a') }, config, ignorePatterns: ['**', '<stdin>'], now: NOW });
    expect(unnamed.services.map((s) => s.name)).toEqual(['a']);
  });

  it('places a catalog finding exactly in unnamed input too, by reading the text again', async () => {
    vi.spyOn(dependencyUnknown, 'check').mockImplementation(function* ({ services }): Generator<CatalogReport> {
      for (const s of services) yield { service: s, pointer: `${s.areas.continuity.pointer}/rto`, message: 'about the rto' };
    });
    const result = await lint({ cwd: '/', stdin: { text: named('a') }, config, now: NOW });
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([['dependency-unknown', '<stdin>', 18, 12]]);
  });

  it('drops a byte order mark at the start of text, and only there', async () => {
    const bom = await lint({ cwd: '/', stdin: { text: `\uFEFF${named('a')}`, filename: 'a.yaml' }, config, now: NOW });
    expect(bom.findings).toEqual([]);
    expect(bom.services.map((s) => s.name)).toEqual(['a']);
    const inside = await lint({ cwd: '/', stdin: { text: named('a\uFEFFb'), filename: 'a.yaml' }, config, now: NOW });
    expect(inside.services.map((s) => s.name)).toEqual(['a\uFEFFb']);
  });

  it('decodes bytes as strictly as a file: invalid UTF-8 is a yaml-syntax finding where it is', async () => {
    const good = await lint({ cwd: '/', stdin: { text: new TextEncoder().encode(named('a')), filename: 'a.yaml' }, config, now: NOW });
    expect(good.services.map((s) => s.name)).toEqual(['a']);
    const bytes = Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: '), Buffer.from([0xff]), Buffer.from('\n')]);
    const bad = await lint({ cwd: '/', stdin: { text: bytes, filename: 'a.yaml' }, config, now: NOW });
    expect(bad.findings.map((f) => [f.ruleId, f.line])).toEqual([['yaml-syntax', 2]]);
  });
});

describe('the findings as kept', () => {
  const root = tempTree({ 'a.yaml': placeholder('a'), 'b.yaml': placeholder('b') });

  it('are packed when the run is compact, plain otherwise, and the same once unpacked', async () => {
    const packed = await lintKept({ cwd: root, config, now: NOW, compact: true });
    const plain = await lintKept({ cwd: root, config, now: NOW, compact: false });
    expect(packed.findings).toHaveLength(2);
    expect(packed.findings.every(isPacked)).toBe(true);
    expect(plain.findings.some(isPacked)).toBe(false);
    expect(unpackResult(packed)).toEqual(unpackResult(plain));
    expect(unpackResult(plain).findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['a.yaml', 'warranty-placeholder-value'],
      ['b.yaml', 'warranty-placeholder-value'],
    ]);
    // A small run is not compacted by default.
    expect((await lintKept({ cwd: root, config, now: NOW })).findings.some(isPacked)).toBe(false);
  });

  it('stream unpacked, anew on each iteration', async () => {
    const kept = await lintKept({ cwd: root, config, now: NOW, compact: true });
    const result = streamed(kept);
    const first = [...result.findings];
    expect(first.some(isPacked)).toBe(false);
    expect(first).toEqual((await lint({ cwd: root, config, now: NOW })).findings);
    expect([...result.findings]).toEqual(first);
    expect(result.summary).toEqual(kept.summary);
    expect(result.today).toBe(NOW);
  });
});

describe('progress and the cache', () => {
  const root = tempTree({ 'a.yaml': named('a'), 'b.yaml': `${named('b')}---\n${named('c')}` });

  it('takes kept results from the cache, stores new ones, and reports progress after each file', async () => {
    const stored = new Map<string, FileResult>();
    const calls: string[] = [];
    const cache: FileCache = {
      unchanged: (file) => {
        calls.push(`unchanged ${file}`);
        return stored.get(file);
      },
      get: (file) => {
        calls.push(`get ${file}`);
        return undefined;
      },
      set: (file, _hash, _explicit, _stamp, result) => {
        calls.push(`set ${file}`);
        stored.set(file, result);
      },
    };
    const seen: unknown[] = [];
    const first = await lint({ cwd: root, config, now: NOW, cache, onProgress: (p) => seen.push(p) });
    expect(first.services.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual(['unchanged a.yaml', 'get a.yaml', 'set a.yaml', 'unchanged b.yaml', 'get b.yaml', 'set b.yaml']);
    expect(seen).toEqual([
      { done: 1, total: 2, services: 1 },
      { done: 2, total: 2, services: 3 },
    ]);
    calls.length = 0;
    // What the cache holds is taken as it is, without linting the file again.
    stored.set('a.yaml', { ...(stored.get('a.yaml') as FileResult), services: [] });
    const second = await lint({ cwd: root, config, now: NOW, cache });
    expect(calls).toEqual(['unchanged a.yaml', 'unchanged b.yaml']);
    expect(second.services.map((s) => s.name)).toEqual(['b', 'c']);
  });

  it('reports progress without the cache too, and nothing is asked of a run with no listener', async () => {
    const seen: unknown[] = [];
    await lint({ cwd: root, config, now: NOW, workers: 0, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { done: 1, total: 2, services: 1 },
      { done: 2, total: 2, services: 3 },
    ]);
    expect((await lint({ cwd: root, config, now: NOW, workers: 0 })).services).toHaveLength(3);
  });
});

describe('finishFiles', () => {
  it('finishes files linted by the caller, with the day given and nothing missing', () => {
    const files = [lintText(placeholder('a'), { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config, today: DAY }), lintText(named('a'), { path: 'b.yaml', file: 'b.yaml', explicit: true }, { config, today: DAY })];
    const result = finishFiles(files, { cwd: process.cwd(), config }, DAY, NOW);
    expect(result.today).toBe(NOW);
    expect(result.missing).toEqual([]);
    expect(result.files).toEqual(['a.yaml', 'b.yaml']);
    expect(result.findings.map((f) => [f.ruleId, f.file])).toEqual([
      ['warranty-placeholder-value', 'a.yaml'],
      ['duplicate-service', 'b.yaml'],
    ]);
    expect(result.findings.some(isPacked)).toBe(false);
  });
});
