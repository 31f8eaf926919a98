// The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs). Stryker's
// vitest runner runs them on worker threads, in a sandbox holding instrumented copies of src/.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Test files left out here (they still run in `npm test`), and why. */
const NOT_UNDER_MUTATION = [
  // reads the sources as text (imports, line counts): the instrumented copies are not the sources.
  'test/architecture.test.ts',
  // run dist/ (the pool's worker threads, a child process): built before the sources were mutated.
  'test/pool.test.ts',
  'test/public-api.test.ts',
  // call process.chdir, which worker threads do not have.
  'test/config.test.ts',
  'test/hostile/semantics.test.ts',
];

/**
 * Test files that mock modules (vi.mock, vi.doMock), so need a module graph of their own. The
 * others share one: each mutant's run then loads the sources once, not once per test file (loading
 * the rules' 33 test files took 39 s isolated, 8 s shared, on a busy machine).
 */
const MOCKING = ['test/hostile/internal-errors.test.ts', 'test/hostile/parser.test.ts', 'test/hostile/permissions.test.ts', 'test/load/scan.test.ts'];

// Projects do not merge with vitest.config.ts (its `include` would be added to theirs): the
// settings the tests need are taken from it.
const { include, testTimeout, setupFiles } = base.test ?? {};
const common = { testTimeout, setupFiles };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'shared', include, exclude: [...NOT_UNDER_MUTATION, ...MOCKING], isolate: false } },
      { test: { ...common, name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
