// Kept in step with package.json by test/meta.test.ts (read at build time would cost start-up).
export const VERSION = '0.1.0';
