// Every property test is reproducible in CI: fast-check runs with one fixed seed in every test file
// (vitest.config.ts's setupFiles), and nothing else draws random numbers. `FC_RANDOM=1` explores.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Read, not imported: importing the seed's file would set the seed here, and hide a setupFiles gone missing.
const FIXED_SEED = Number(/FIXED_SEED = (\d+)/.exec(readFileSync(new URL('support/fast-check-seed.ts', import.meta.url), 'utf8'))![1]);

/** The sources of tests, benchmarks and scripts, as [path, text]. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(dir).flatMap((name): Array<[string, string]> => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return /\.(ts|js|mjs)$/.test(name) ? [[path, readFileSync(path, 'utf8')]] : [];
  });
}

describe('property tests', () => {
  it(process.env.FC_RANDOM === '1' ? 'explore new seeds under FC_RANDOM=1' : 'run with the fixed seed in every test file', () => {
    expect(fc.readConfigureGlobal().seed).toBe(process.env.FC_RANDOM === '1' ? undefined : FIXED_SEED);
  });

  it('take their randomness from fast-check alone, with the one seed', () => {
    const offenders = [...sources('test'), ...sources('bench'), ...sources('scripts')]
      .filter(([path]) => !path.endsWith(join('support', 'fast-check-seed.ts')))
      .filter(([, text]) => /Math\.random\(|configureGlobal\(|\bseed: *-?\d/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
