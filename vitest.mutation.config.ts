// The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs). Stryker's
// vitest runner runs them on worker threads, one file after another, in a sandbox holding
// instrumented copies of src/.
import { existsSync, mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * Test files left out here, and why. They all still run in `npm test`. Leaving tests out can only
 * lower the score (fewer tests to notice a mutant), never raise it.
 */
const NOT_UNDER_MUTATION = [
  // read the sources as text (imports, line counts) or build them into the bundle and compare it
  // with the committed one: the instrumented copies are not the sources.
  'test/architecture.test.ts',
  'test/bundle.test.ts',
  // run dist/ (the pool's worker threads, a child process): built before the sources were mutated.
  'test/pool.test.ts',
  'test/policies/findings.test.ts',
  'test/public-api.test.ts',
  // starts Chromium on the HTML report: seconds a run, for what the html formatter's tests check here.
  'test/browser/**',
  // call process.chdir, which worker threads do not have.
  'test/config.test.ts',
  'test/hostile/semantics.test.ts',
  // the scanner against yaml, and the compiled schemas against Ajv: about src/load and src/schema,
  // and slow (60 s of the 130 s of a whole run); the scanner's findings are compared with yaml's,
  // which a mutant of the linted folders changes alike.
  'test/load/scan.test.ts',
  'test/load/yaml-test-suite.test.ts',
  'test/validators.test.ts',
];

/**
 * Test files that mock modules (vi.mock), so need a module graph of their own. The others share
 * one: each mutant's run then loads the sources once, not once per test file (loading the rules'
 * 33 test files took 39 s isolated, 8 s shared, on a busy machine).
 */
const MOCKING = ['test/hostile/internal-errors.test.ts', 'test/hostile/parser.test.ts', 'test/hostile/permissions.test.ts'];

/**
 * Quick test files first, and the ones that failed last time before them: a mutant is killed by its
 * first failing test (Stryker bails), so a killed mutant rarely waits for the slow property tests.
 * (vitest's own order, slowest first, keeps its workers busy; here there is one.)
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): [number, number, number] => {
      const last = this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`);
      return [f.project.name === 'shared' ? 0 : 1, last?.failed ? 0 : 1, last?.duration ?? 0];
    };
    return [...files].sort((a, b) => {
      const [pa, fa, da] = rank(a);
      const [pb, fb, db] = rank(b);
      return pa - pb || fa - fb || da - db;
    });
  }
}

/**
 * Stryker's sandbox is a copy of the repository without its `.git`, inside the repository's own
 * `.stryker-tmp/`: the linter would take the real checkout above it for the repository root
 * (evidence paths, config search), and the golden reports name paths from that root. An empty
 * `.git` marks the sandbox as the root it stands for. Outside a sandbox, `.git` is already there.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
if (!existsSync(`${here}.git`)) mkdirSync(`${here}.git`);

// Projects do not merge with vitest.config.ts (its `include` would be added to theirs): the
// settings the tests need are taken from it.
const { include, testTimeout, setupFiles } = base.test ?? {};
const common = { testTimeout, setupFiles };
// Not in the isolated project: a module loaded by a setup file escapes the test file's vi.mock.
const sharedSetup = [...(setupFiles === undefined ? [] : [setupFiles].flat()), 'test/support/mutation-static.ts'];

/**
 * WL_MUTATION_TESTS=glob[,glob...] runs only those test files: a quick look at one source file's
 * survivors while writing its tests (`WL_MUTATION_TESTS=test/engine/** npm run mutation -- engine
 * --mutate src/engine/cache.ts`). The dry run then takes seconds, not minutes; the figures are only
 * as good as the tests chosen, so the README's are measured without it.
 */
const chosen = process.env.WL_MUTATION_TESTS?.split(',').filter((g) => g !== '');
const shared = { ...common, setupFiles: sharedSetup, name: 'shared', include: chosen ?? include, exclude: [...NOT_UNDER_MUTATION, ...MOCKING], isolate: false };
const isolated = { ...common, name: 'isolated', include: MOCKING, isolate: true };

export default defineConfig({
  test: {
    sequence: { sequencer: QuickFirst },
    projects: chosen === undefined ? [{ test: shared }, { test: isolated }] : [{ test: shared }],
  },
});
