// `npm run mutation [-- <folder>... [stryker options]]`: mutation testing (stryker.config.mjs) of
// src/rules, src/engine, src/formatters and src/model, one folder per Stryker run, so that one
// folder can be run alone and each keeps its own incremental file (a run of one folder would
// otherwise drop the others' results from a shared one). Builds first: some tests read dist/.
// Prints each folder's figures and exits 1 when a folder scores under the threshold.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { EXCLUDED } from '../stryker.config.mjs';

const FOLDERS = ['rules', 'engine', 'formatters', 'model'];
const THRESHOLD = 90;

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const named = firstOption === -1 ? args : args.slice(0, firstOption);
const passed = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = named.filter((f) => !FOLDERS.includes(f));
if (unknown.length > 0) {
  console.error(`unknown folder ${unknown.join(', ')}: name one or more of ${FOLDERS.join(', ')} (src/<folder>)`);
  process.exit(2);
}
const folders = named.length > 0 ? named : FOLDERS;

const run = (command, argv, env = process.env) => {
  const r = spawnSync(command, argv, { stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
};

if (run('npm', ['run', 'build']) !== 0) process.exit(1);

/** Counts by status of a mutation-testing-report-schema report, and the score as Stryker computes it. */
function figures(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const counts = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0 };
  // An incremental file keeps the results of a file no longer mutated: they are not counted.
  const files = Object.entries(report.files).filter(([name]) => !EXCLUDED.includes(name)).map(([, file]) => file);
  for (const file of files) for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, mutants: valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

const rows = [];
const started = Date.now();
for (const folder of folders) {
  const report = `reports/mutation/${folder}.json`;
  rmSync(report, { force: true });
  const since = Date.now();
  // Exit 1 is also a score under `thresholds.break`: the report tells the two apart.
  run('npx', ['stryker', 'run', ...passed], { ...process.env, WL_MUTATION_FOLDER: folder });
  if (!existsSync(report)) {
    console.error(`stryker stopped on src/${folder} before reporting`);
    process.exit(1);
  }
  rows.push({ folder: `src/${folder}`, minutes: (Date.now() - since) / 60_000, ...figures(report) });
}

const sample = process.env.WL_MUTATION_SAMPLE ?? '1';
const offset = process.env.WL_MUTATION_OFFSET ?? '0';
const spread = process.env.WL_MUTATION_SPREAD === '1' ? ', each file shifted by a hash of its path (WL_MUTATION_SPREAD)' : '';
console.log(`\nmutation score by folder (threshold ${THRESHOLD}%)${sample === '1' ? '' : `, lines of block ${offset} of every ${sample} blocks of 20 (WL_MUTATION_SAMPLE, WL_MUTATION_OFFSET)${spread}`}, ${((Date.now() - started) / 60_000).toFixed(0)} min in all:`);
console.log(['folder', 'score', 'mutants', 'killed', 'survived', 'timeout', 'no coverage', 'static (not run)', 'minutes'].join('\t'));
for (const r of rows) console.log([r.folder, `${r.score.toFixed(2)}%`, r.mutants, r.Killed, r.Survived, r.Timeout, r.NoCoverage, r.Ignored, r.minutes.toFixed(0)].join('\t'));
process.exit(rows.some((r) => r.score < THRESHOLD) ? 1 : 0);
