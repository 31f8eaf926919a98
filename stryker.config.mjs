// Mutation testing (issue 18): how well the tests catch a changed line of src/rules, src/engine,
// src/formatters and src/model. Run it through `npm run mutation [-- <folder>...]`
// (scripts/mutation.mjs), which builds first and runs one folder at a time, naming it in
// WL_MUTATION_FOLDER; a plain `npx stryker run` takes all four folders at once. README, "Testing",
// gives the scores and the survivors judged equivalent.
const FOLDERS = ['rules', 'engine', 'formatters', 'model'];
/** What cannot be mutation-tested in-process, with why (README, "Testing"). */
const EXCLUDED = [
  // runs only on worker threads started from dist/, which never hold the mutants of src/.
  'src/engine/worker.ts',
];
const folder = process.env.WL_MUTATION_FOLDER;
if (folder !== undefined && !FOLDERS.includes(folder)) throw new Error(`WL_MUTATION_FOLDER is ${folder}: one of ${FOLDERS.join(', ')}`);
const name = folder ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Each mutant runs only the tests that reached it.
  coverageAnalysis: 'perTest',
  mutate: [...(folder ? [folder] : FOLDERS).map((f) => `src/${f}/**/*.ts`), ...EXCLUDED.map((f) => `!${f}`)],
  // Two cores shared with other work: two test runners, and room for a slow run before a timeout.
  concurrency: 2,
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  // Results of unchanged mutants and tests are reused from the last run of the same folder; the
  // files stay local (reports/ is ignored): see README, "Testing".
  incremental: true,
  ignoreStatic: process.env.WL_MUTATION_STATIC !== '1',
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 90, low: 80, break: 90 },
  ignorePatterns: ['coverage', '.bench-tmp', '.scratch'],
  cleanTempDir: 'always',
};
