import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../bench/generate.js';
import { CLEAN_LOW } from './support/lint-yaml.js';
// The pool starts dist/engine/worker.js, so this test runs the built code (npm test builds first).
import { lint, lintKept, streamed, type LintResult } from '../dist/engine/lint.js';
import { autoWorkers, BATCH_SIZE, MAIN_HELPS_MAX_FILES, POOL_MIN_FILES } from '../dist/engine/pool.js';
import { resolveConfig } from '../dist/config/resolve.js';
import { json } from '../dist/formatters/json.js';
import { report } from '../dist/formatters/report.js';
import { textOf } from '../dist/formatters/types.js';

describe('worker pool', () => {
  let dir: string;
  let files: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wl-pool-'));
    // Enough files for several batches per worker, with gaps, multi-document files and dependencies.
    files = generateCatalog(dir, 260, 3);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (workers: number, onProgress?: (p: { done: number; total: number; services: number }) => void): Promise<LintResult> =>
    lint({ paths: ['.'], cwd: dir, config: resolveConfig({}), now: '2026-11-26', workers, onProgress });
  const output = (r: LintResult): string => json(r, { color: false, cwd: dir, version: 'test', quiet: false });

  it('gives the same JSON with no worker, one worker and two', async () => {
    expect(files).toBeGreaterThan(2 * BATCH_SIZE);
    const here = await run(0);
    const one = await run(1);
    const two = await run(2);
    // The catalog has findings of several rules, so equality is not trivial.
    expect(new Set(here.findings.map((f) => f.ruleId)).size).toBeGreaterThan(2);
    expect(here.summary.services).toBe(260);
    expect(output(one)).toBe(output(here));
    expect(output(two)).toBe(output(here));
    expect(two.services).toEqual(here.services);
  });

  it('gives the same output with findings packed (as large runs keep them), written one at a time as the CLI writes them', async () => {
    const ctx = { color: false, cwd: dir, version: 'test', quiet: false, width: 100 };
    const here = await run(0);
    for (const workers of [0, 2]) {
      const kept = await lintKept({ paths: ['.'], cwd: dir, config: resolveConfig({}), now: '2026-11-26', workers, compact: true });
      expect(kept.findings.filter((f) => typeof f.message !== 'string').length).toBeGreaterThan(kept.findings.length / 2);
      const text = textOf(json, streamed(kept), ctx);
      expect(typeof text).not.toBe('string');
      expect([...text].join('')).toBe(output(here));
      expect(textOf(report, streamed(kept), ctx)).toBe(report(here, ctx));
    }
  });

  it('reports progress up to every file and service, in the pool and in this thread', async () => {
    for (const workers of [0, 2]) {
      const seen: Array<{ done: number; total: number; services: number }> = [];
      await run(workers, (p) => seen.push(p));
      const last = seen[seen.length - 1];
      expect(last).toEqual({ done: files, total: files, services: 260 });
      expect(seen.every((p, i) => i === 0 || p.done >= (seen[i - 1]?.done ?? 0))).toBe(true);
    }
  });

  it('uses workers only for large catalogs on more than one CPU', () => {
    expect(autoWorkers(POOL_MIN_FILES - 1, 2)).toBe(0);
    expect(autoWorkers(POOL_MIN_FILES * 10, 1)).toBe(0);
    // From MAIN_HELPS_MAX_FILES this thread only hands out work: one worker per CPU.
    expect(autoWorkers(Math.max(POOL_MIN_FILES, MAIN_HELPS_MAX_FILES), 2)).toBe(2);
    expect(autoWorkers(Math.max(POOL_MIN_FILES, MAIN_HELPS_MAX_FILES), 8)).toBe(8);
  });
});

describe('when the pool cannot run', () => {
  it('lints in this thread when the options cannot cross to a worker', async () => {
    const { poolAvailable } = await import('../dist/engine/pool.js');
    const config = resolveConfig({});
    expect(poolAvailable({ config, today: 1 })).toBe(true);
    expect(poolAvailable({ config: { ...config, genericOwners: [(() => 'x') as unknown as string] }, today: 1 })).toBe(false);
  });

  it('lints in this thread when running from the sources (no built worker beside pool.ts)', async () => {
    const src = await import('../src/engine/pool.js');
    expect(src.poolAvailable({ config: resolveConfig({}), today: 1 })).toBe(false);
  });
});

describe('the heap of a worker', () => {
  it('is limited by the largest file the limits let through, never below 1 GB', async () => {
    const { workerOldGenerationMb } = await import('../src/engine/pool.js');
    expect(workerOldGenerationMb(resolveConfig({}).limits.maxFileSize)).toBe(1024);
    expect(workerOldGenerationMb(100 * 1024 * 1024)).toBeGreaterThan(9000);
  });

  it('has room for the largest file the preflight accepts at the default limits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wl-big-'));
    try {
      // ~325,000 values: just under the preflight's budget for a 10 MiB limit (one per 32 bytes).
      const controls = Array.from({ length: 325_000 }, (_, i) => `        - c${i}\n`).join('');
      writeFileSync(join(dir, 'big.yaml'), CLEAN_LOW.replace('      controls: [authn, rbac, encryption-in-transit]\n', `      controls:\n${controls}`));
      const r = await lint({ paths: ['big.yaml'], cwd: dir, config: resolveConfig({}), now: '2026-11-26', workers: 1 });
      expect(r.summary.services).toBe(1);
      expect(r.findings.map((f) => f.ruleId)).not.toContain('yaml-syntax');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('withPlainEnv', () => {
  it('gives a plain copy of the environment for the call and restores the real one, even on a throw', async () => {
    const { withPlainEnv } = await import('../src/engine/pool.js');
    const real = process.env;
    const seen = withPlainEnv(() => process.env);
    expect(seen).not.toBe(real);
    expect(seen.PATH).toBe(real.PATH);
    expect(process.env).toBe(real);
    expect(() =>
      withPlainEnv(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(real);
  });
});
