// lint() run from the sources: no built worker sits beside src/engine/pool.ts, so even when workers
// are asked for, every file is linted in this thread, with the same result and progress.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

describe('lint from the sources', () => {
  const root = tempTree({
    'services/a.yaml': CLEAN_LOW.replace('name: search', 'name: a'),
    'services/b.yaml': CLEAN_LOW.replace('name: search', 'name: b').replace('target: 99.0', 'target: TBD'),
    'services/c.yaml': `${CLEAN_LOW.replace('name: search', 'name: c')}---\n${CLEAN_LOW.replace('name: search', 'name: d')}`,
  });
  const run = (workers: number, onProgress?: (p: { done: number; total: number; services: number }) => void) =>
    lint({ paths: ['services'], cwd: root, config: resolveConfig({}), now: '2026-11-26', workers, onProgress });

  it('lints in this thread when workers are asked for, with the same result', async () => {
    const none = await run(0);
    expect(none.services.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(await run(2)).toEqual(none);
  });

  it('reports progress after each file: files done of all, and services read so far', async () => {
    const seen: Array<{ done: number; total: number; services: number }> = [];
    await run(2, (p) => seen.push(p));
    expect(seen).toEqual([
      { done: 1, total: 3, services: 1 },
      { done: 2, total: 3, services: 2 },
      { done: 3, total: 3, services: 4 },
    ]);
  });
});
