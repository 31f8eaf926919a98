// What `--cache` must not keep: a result that depends on more than its file's content. A file of
// SLOs (its objectives are not in the codec) and a definition naming evidence in the repository
// (whether the DR plan exists is not in the definition's content) are linted again each run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintFileCached } from '../../src/engine/cache.js';
import { decodeResult, encodeResult } from '../../src/engine/cache-codec.js';
import type { FileCache } from '../../src/lint-types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const root = mkdtempSync(join(tmpdir(), 'wl-cache-other-'));
mkdirSync(join(root, '.git'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cache that keeps nothing and records what it was offered. */
function recording(): FileCache & { kept: string[] } {
  const kept: string[] = [];
  return { kept, unchanged: () => undefined, get: () => undefined, set: (file) => void kept.push(file) };
}

function lintIn(file: string, text: string, cache: FileCache) {
  writeFileSync(join(root, file), text);
  return lintFileCached({ path: join(root, file), file, explicit: false }, { config: resolveConfig({}), today: 20_000, cwd: root }, cache);
}

describe('--cache and what a file depends on besides its content', () => {
  it('keeps a plain definition, round trip included', () => {
    const cache = recording();
    const result = lintIn('plain.yaml', CLEAN_LOW, cache);
    expect(cache.kept).toEqual(['plain.yaml']);
    expect(decodeResult(encodeResult(result), 'plain.yaml')).toEqual(result);
  });

  it('does not keep a definition that names a DR plan in the repository, nor a file of SLOs', () => {
    const cache = recording();
    const withPlan = CLEAN_LOW.replace('recoveryOption: backup-restore', 'recoveryOption: backup-restore\n      plan: docs/dr/search.md');
    expect(lintIn('planned.yaml', withPlan, cache).services[0]?.evidence?.map((e) => e.status)).toEqual(['missing']);
    const slo = 'version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 99 }]\n';
    expect(lintIn('slo.yaml', slo, cache).slos?.map((s) => s.target)).toEqual([99]);
    expect(cache.kept).toEqual([]);
  });

  it('keeps a definition whose evidence is a link, and reads its evidence back from the cache', () => {
    const cache = recording();
    const linked = CLEAN_LOW.replace('recoveryOption: backup-restore', 'recoveryOption: backup-restore\n      plan: https://wiki.example.com/dr/search');
    const result = lintIn('linked.yaml', linked, cache);
    expect(cache.kept).toEqual(['linked.yaml']);
    expect(decodeResult(encodeResult(result), 'linked.yaml')?.services[0]?.evidence).toEqual([expect.objectContaining({ status: 'url' })]);
  });
});
