// Mutation testing (issue 18): how well the tests catch a changed line of src/rules, src/engine,
// src/formatters and src/model. Run it through `npm run mutation [-- <folder>...]`
// (scripts/mutation.mjs), which builds first and runs one folder at a time, naming it in
// WL_MUTATION_FOLDER; a plain `npx stryker run` takes all four folders at once. README, "Testing",
// gives the scores and the survivors judged equivalent.
import { readdirSync, readFileSync } from 'node:fs';

const FOLDERS = ['rules', 'engine', 'formatters', 'model'];
/** What cannot be mutation-tested in-process, with why (README, "Testing"). */
export const EXCLUDED = [
  // runs only on worker threads started from dist/, which never hold the mutants of src/.
  'src/engine/worker.ts',
  // the pool that starts them: from the sources it never starts (no built worker beside it), so
  // its tests (test/pool.test.ts) run dist/.
  'src/engine/pool.ts',
];
const folder = process.env.WL_MUTATION_FOLDER;
if (folder !== undefined && !FOLDERS.includes(folder)) throw new Error(`WL_MUTATION_FOLDER is ${folder}: one of ${FOLDERS.join(', ')}`);
const name = folder ?? 'all';

/**
 * WL_MUTATION_SAMPLE=N mutates only the lines of one block of 20 in N (lines 1-20, then 20N+1 to
 * 20N+20, ...) of every file, a systematic sample for when the whole folder takes too long (on
 * two busy cores, about 40 mutants a minute). Mutants that cross a block's edge are left out.
 * WL_MUTATION_OFFSET=K (0 to N-1) takes the K-th block of each N instead (lines 20K+1 to 20K+20,
 * ...): a fresh sample, to measure tests written against the survivors of another one.
 * WL_MUTATION_SPREAD=1 shifts each file's block by a hash of its path (then K only picks the
 * hash's phase): with one offset for all, a file shorter than 20K lines is never sampled and the
 * sample leans to long files; spread, each file has the same chance of each of its blocks.
 */
const wholeNumber = (name, fallback, min) => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} is ${raw}: a whole number of ${min} or more`);
  return n;
};
const SAMPLE = wholeNumber('WL_MUTATION_SAMPLE', 1, 1);
const OFFSET = wholeNumber('WL_MUTATION_OFFSET', 0, 0);
if (OFFSET >= SAMPLE) throw new Error(`WL_MUTATION_OFFSET is ${OFFSET}: under WL_MUTATION_SAMPLE (${SAMPLE})`);
const SPREAD = process.env.WL_MUTATION_SPREAD === '1';
const BLOCK = 20;
/** FNV-1a of a file's path: a fixed, well-mixed phase for WL_MUTATION_SPREAD. */
const phase = (path) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
function sampled(f) {
  const files = readdirSync(`src/${f}`, { recursive: true })
    .map((p) => `src/${f}/${p}`)
    .filter((p) => p.endsWith('.ts') && !EXCLUDED.includes(p));
  return files.flatMap((p) => {
    const lines = readFileSync(p, 'utf8').split('\n').length;
    const ranges = [];
    const first = SPREAD ? (phase(p) + OFFSET) % SAMPLE : OFFSET;
    for (let start = 1 + BLOCK * first; start <= lines; start += BLOCK * SAMPLE) ranges.push(`${p}:${start}-${start + BLOCK - 1}`);
    return ranges;
  });
}
const folders = folder ? [folder] : FOLDERS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Each mutant runs only the tests that reached it.
  coverageAnalysis: 'perTest',
  mutate: SAMPLE === 1 ? [...folders.map((f) => `src/${f}/**/*.ts`), ...EXCLUDED.map((f) => `!${f}`)] : folders.flatMap(sampled),
  // Two cores shared with other work: two test runners, and room for a slow run before a timeout.
  concurrency: 2,
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  // Results of unchanged mutants and tests are reused from the last run of the same folder; the
  // files stay local (reports/ is ignored): see README, "Testing".
  incremental: true,
  ignoreStatic: process.env.WL_MUTATION_STATIC !== '1',
  // A run on chosen tests (WL_MUTATION_TESTS, vitest.mutation.config.ts) keeps its own: its
  // survivors are not the whole suite's.
  incrementalFile: `reports/mutation/${name}${SAMPLE === 1 ? '' : `.sample${SAMPLE}-${OFFSET}${SPREAD ? '-spread' : ''}`}${process.env.WL_MUTATION_TESTS ? '.chosen' : ''}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 90, low: 80, break: 90 },
  ignorePatterns: ['coverage', '.bench-tmp', '.scratch'],
  cleanTempDir: 'always',
};
