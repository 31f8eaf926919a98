// `--cache`: the same results with and without it (on the generated catalog, through random
// edits), files linted again only when their content changed, and a cache file that is corrupt,
// foreign or forged never trusted.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { generateTexts, rng, serviceYaml } from '../../bench/generate.js';
import { CACHE_FILE, CacheFile, cacheKey, cacheLocation } from '../../src/cli/cache.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { writeFileAtomic } from '../../src/cli/io.js';
import { runCli, tempTree } from '../support/run-cli.js';

const NOW = '2026-11-26';
const ARGS = ['-f', 'json', '--now', NOW];
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function catalogTree(count: number, seed = 7): string {
  const root = tempTree(Object.fromEntries(generateTexts(count, seed).map((f) => [`services/${f.file}`, f.text])));
  roots.push(root);
  return root;
}

async function both(root: string, extra: string[] = []): Promise<{ cached: string; plain: string; stderr: string }> {
  const cached = await runCli([...ARGS, '--cache', ...extra, 'services'], root);
  const plain = await runCli([...ARGS, 'services'], root);
  expect(cached.code).toBe(plain.code);
  return { cached: cached.stdout, plain: plain.stdout, stderr: cached.stderr };
}

/** The cache file's text with one entry's result replaced, and its checksum made right again. */
function forge(text: string, replace: (data: string) => string): string {
  const end = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, end)) as { checksum: string };
  const lines = text.slice(end + 1).split('\n');
  const fields = (lines[0] as string).split('\t');
  fields[5] = replace(fields[5] as string);
  lines[0] = fields.join('\t');
  const body = lines.join('\n');
  header.checksum = `crc32:${zlib.crc32(body).toString(16)}`;
  return `${JSON.stringify(header)}\n${body}`;
}

describe('--cache', () => {
  it('gives the results of a run without it, through random edits of the generated catalog', async () => {
    const root = catalogTree(120);
    const r = rng(19);
    const first = await both(root);
    expect(first.cached).toBe(first.plain);
    expect(readFileSync(join(root, CACHE_FILE), 'utf8').startsWith('{"warranty-lint-cache":2,')).toBe(true);
    const files = generateTexts(120, 7).map((f) => `services/${f.file}`);
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 4; k++) {
        const file = join(root, r.pick(files));
        if (!existsSync(file)) continue;
        const text = readFileSync(file, 'utf8');
        const choice = r.int(0, 4);
        if (choice === 0) rmSync(file);
        else if (choice === 1) writeFileSync(file, serviceYaml(r.int(0, 500), r));
        else if (choice === 2) writeFileSync(file, text.replace(/target: [\d.]+/, 'target: 95.01'));
        else if (choice === 3) writeFileSync(join(root, `services/new-${round}-${k}.yaml`), text);
        // The same length, its modification time put back: its content still tells it changed.
        else {
          const { atime, mtime } = statSync(file);
          writeFileSync(file, text.replace(/rpo: \d/, 'rpo: 9'));
          utimesSync(file, atime, mtime);
        }
      }
      const run = await both(root);
      expect(run.cached, `round ${round}`).toBe(run.plain);
      expect(run.stderr).toBe('');
    }
  });

  it('lints again only what changed: unchanged files by their stamp, or by their content when the stamp may lie', async () => {
    const root = catalogTree(30);
    const n = generateTexts(30, 7).length;
    const config = resolveConfig({});
    const path = cacheLocation(root);
    const key = cacheKey(config, NOW, root);
    const run = async (cache: CacheFile) => {
      const result = await lint({ cwd: root, paths: ['services'], config, now: NOW, cache });
      cache.save((p, chunks) => writeFileAtomic(p, chunks));
      return result;
    };
    // Files written just before a run are "racy": their stamp is not trusted next time, their content is.
    const cold = CacheFile.open(path, key, () => undefined);
    const whole = await run(cold);
    expect(cold.counts).toEqual({ stamp: 0, content: 0, linted: n });
    const racy = CacheFile.open(path, key, () => undefined, Date.now() + 10_000);
    expect(await run(racy)).toEqual(whole);
    expect(racy.counts).toEqual({ stamp: 0, content: n, linted: 0 });
    // Hashed well after they last changed: their stamps are trusted, and they are not read at all.
    const warm = CacheFile.open(path, key, () => undefined);
    expect(await run(warm)).toEqual(whole);
    expect(warm.counts).toEqual({ stamp: n, content: 0, linted: 0 });
    const file = join(root, 'services', generateTexts(30, 7)[3]!.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: ', 'target: 9'));
    const edited = CacheFile.open(path, key, () => undefined);
    await run(edited);
    expect(edited.counts).toEqual({ stamp: n - 1, content: 0, linted: 1 });
    // Another config (or version, or day): a new cache.
    const other = CacheFile.open(path, cacheKey(resolveConfig({ extends: 'strict' }), NOW, root), () => undefined);
    await lint({ cwd: root, paths: ['services'], config: resolveConfig({ extends: 'strict' }), now: NOW, cache: other });
    expect(other.counts.linted).toBe(n);
  });

  it('ignores a corrupt cache with a notice, and writes it anew', async () => {
    const root = catalogTree(10);
    await both(root);
    const cache = join(root, CACHE_FILE);
    const text = readFileSync(cache, 'utf8');
    writeFileSync(cache, text.replace('"tier":"', '"tier":"x'));
    const run = await both(root);
    expect(run.cached).toBe(run.plain);
    expect(run.stderr).toMatch(/the cache .*\.warranty-lintcache is corrupt \(its checksum or its format does not check out\): it is ignored and written anew/);
    expect(readFileSync(cache, 'utf8').split('\n').length).toBe(text.split('\n').length);
    expect((await both(root)).stderr).toBe('');
    writeFileSync(cache, text.slice(0, 200));
    expect((await both(root)).stderr).toMatch(/is corrupt/);
  });

  it('never trusts a forged entry: a result that does not check out field by field is linted again', async () => {
    const root = catalogTree(10);
    await both(root);
    const cache = join(root, CACHE_FILE);
    const text = readFileSync(cache, 'utf8');
    for (const forged of [
      forge(text, (d) => d.replace(/"tier":"\w+"/, '"tier":"ultra"')),
      forge(text, (d) => d.replace('"areas":{', '"areas":{"__proto__":{"polluted":1},')),
      forge(text, (d) => d.replace(/"continuity":\{"name":"continuity"/, '"continuity":{"name":"availability"')),
      forge(text, (d) => d.replace(/^\[\[/, '[[["x"],')),
      forge(text, () => '{"not":"an entry"}'),
      forge(text, () => '[[],[],-1]'),
    ]) {
      writeFileSync(cache, forged);
      const run = await both(root);
      expect(run.cached).toBe(run.plain);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('leaves a file that is not a cache as it is, says so, and runs without one', async () => {
    const root = catalogTree(5);
    writeFileSync(join(root, 'notes.txt'), 'my notes\n');
    const run = await both(root, ['--cache-location', 'notes.txt']);
    expect(run.cached).toBe(run.plain);
    expect(run.stderr).toMatch(/notes\.txt is not a warranty-lint cache: it is ignored and left as it is, and no cache is written/);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });

  it('is written where --cache-location says (a file, or a directory), and only with --cache', async () => {
    const root = catalogTree(5);
    await runCli([...ARGS, 'services'], root);
    expect(existsSync(join(root, CACHE_FILE))).toBe(false);
    mkdirSync(join(root, 'tmp'));
    await runCli([...ARGS, '--cache', '--cache-location', 'tmp', 'services'], root);
    expect(existsSync(join(root, 'tmp', CACHE_FILE))).toBe(true);
    await runCli([...ARGS, '--cache', '--cache-location', 'tmp/mine.cache', 'services'], root);
    expect(existsSync(join(root, 'tmp', 'mine.cache'))).toBe(true);
    expect(existsSync(join(root, CACHE_FILE))).toBe(false);
    const usage = await runCli([...ARGS, '--cache-location', 'tmp', 'services'], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--cache-location says where the cache is: use it with --cache/);
    // A cache that cannot be written is said, and the run's result stands.
    const blocked = await runCli([...ARGS, '--cache', '--cache-location', 'no/such/dir/x.cache', 'services'], root);
    expect(blocked.stderr).toMatch(/cannot write the cache .*x\.cache: ENOENT/);
    expect(blocked.code).toBe((await runCli([...ARGS, 'services'], root)).code);
  });

  it('keeps what a Backstage file tells the run (its entities), and never keeps a result that took values from another file', async () => {
    const component = (name: string, extra: string): string =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec:\n  type: ${extra}\n  lifecycle: production\n  owner: group:default/team-a\n`;
    const root = tempTree({
      'services/lib.yaml': component('auth-lib', 'library'),
      'services/api.yaml': `${component('api', 'service')}  dependsOn: [component:auth-lib]\n  warranty:\n    $yaml: ./warranty.yaml\n`,
      'services/warranty.yaml': 'availability: { target: 99.9, window: 30d, serviceHours: 24x7 }\n',
    });
    roots.push(root);
    const first = await both(root);
    expect(first.cached).toBe(first.plain);
    // Warm: lib.yaml's entity comes from the cache, so the dependency on the library is still known.
    const warm = await both(root);
    expect(warm.cached).toBe(warm.plain);
    expect(warm.cached).not.toContain('dependency-unknown');
    // The substituted file changes; api.yaml does not: its result must not come from the cache.
    writeFileSync(join(root, 'services/warranty.yaml'), 'availability: { target: TBD, window: 30d, serviceHours: 24x7 }\n');
    const changed = await both(root);
    expect(changed.cached).toBe(changed.plain);
    expect(changed.cached).toContain('warranty-placeholder-value');
  });
});
