import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The machines are shared and noisy: no timing assertions, generous timeouts.
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/support/fast-check-seed.ts'],
  },
});
