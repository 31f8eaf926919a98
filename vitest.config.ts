import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The machines are shared and noisy: no timing assertions, generous timeouts.
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/support/fast-check-seed.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The worker thread and the CLI's entry run in other processes, where coverage is not collected.
      exclude: ['src/engine/worker.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // The floor `npm test` holds: a few points under what the suite reaches (README, Testing),
      // so that a change that leaves new code untested fails CI.
      thresholds: { statements: 92, branches: 86, functions: 92, lines: 93 },
    },
  },
});
