#!/usr/bin/env node
// `npm run bench`: generates catalogs of 1k, 10k and 100k services and measures, in the same run,
// the floor (yaml + ajv), the fast floor (js-yaml + ajv), warranty-lint over the same files, and
// start-up (with and without bin/'s code cache). Wall time and peak RSS, the median of several runs.
// See bench/README.md.
//
//   node bench/run.js [--sizes 1000,10000,100000] [--runs 3] [--startup-runs 11] [--keep]
// With 10k among the sizes, also --cache and the language server on it (bench/incremental.js).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './generate.js';
import { benchCache, benchLsp, report } from './incremental.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'warranty-lint.js');
const hook = join(here, 'rss-hook.js');
const floor = join(here, 'floor.js');
const distBin = join(here, 'dist-bin.js');

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = flag('--sizes', '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const runs = Number(flag('--runs', '3'));
const startupRuns = Number(flag('--startup-runs', '11'));
const keep = args.includes('--keep');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'warranty-bench-'));
const rssFile = join(work, 'rss');

// bin/ keeps V8's code cache here (off on CI, so the bench names it): the warm start-up figures use
// it, the cold ones run without (a first run, or a machine where the cache cannot be written).
const compileCache = join(work, 'compile-cache');
const WARM = { WARRANTY_LINT_COMPILE_CACHE: compileCache };
const COLD = { WARRANTY_LINT_COMPILE_CACHE: '0' };

/** Runs `node <args>` once (`env` added to the environment): wall ms, peak RSS bytes, CPU ms. */
function once(command, cwd = work) {
  const { args: nodeArgs, env = {} } = Array.isArray(command) ? { args: command } : command;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', hook, ...nodeArgs], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${nodeArgs.join(' ')} exited ${r.status}: ${r.stderr}`);
  const used = JSON.parse(readFileSync(rssFile, 'utf8'));
  return { ms, rss: used.rss, cpu: used.cpu };
}

/**
 * Runs each command `n` times, round-robin (so a change in the machine's load hits every command
 * alike), and returns the medians of each.
 */
function measureAll(commands, n) {
  const samples = commands.map(() => []);
  for (let i = 0; i < n; i++) commands.forEach((c, k) => samples[k].push(once(c)));
  return samples.map((list) => ({ ms: median(list.map((x) => x.ms)), rss: median(list.map((x) => x.rss)), cpu: median(list.map((x) => x.cpu)) }));
}

const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const ms = (t) => (t >= 10000 ? `${(t / 1000).toFixed(1)} s` : `${t.toFixed(0)} ms`);
const row = (cells) => `| ${cells.join(' | ')} |`;
const over = (t) => `${t < 0 ? '-' : '+'}${ms(Math.abs(t))}`;

console.log(`# warranty-lint bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(`node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${mib(totalmem())} RAM, load average ${loadavg()[0].toFixed(1)}; median of ${runs} runs, round-robin (start-up: ${startupRuns})\n`);

let incremental;
try {
  // Start-up first, on a small catalog's single file.
  const one = join(work, 'one');
  generateCatalog(one, 1, 7);
  const oneFile = join(one, 'd0000', 'payments-api-0.yaml');
  const versionArgs = [bin, '--version'];
  const singleArgs = [bin, '--now', '2026-11-26', oneFile];
  once({ args: singleArgs, env: WARM }); // writes the code cache that the warm runs read
  const [bare, version, single, versionCold, singleCold, singleDist] = measureAll(
    [['-e', '0'], { args: versionArgs, env: WARM }, { args: singleArgs, env: WARM }, { args: versionArgs, env: COLD }, { args: singleArgs, env: COLD }, [distBin, ...singleArgs.slice(1)]],
    startupRuns,
  );
  console.log(row(['start-up', 'wall', 'over bare node', 'CPU', 'CPU over bare node', 'peak RSS']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
  console.log(row(['`node -e 0`', ms(bare.ms), '', ms(bare.cpu), '', mib(bare.rss)]));
  const line = (name, m, target) => console.log(row([name, ms(m.ms), `${over(m.ms - bare.ms)}${target ? ` (target ${target})` : ''}`, ms(m.cpu), over(m.cpu - bare.cpu), mib(m.rss)]));
  line('`warranty-lint --version`', version, '+30 ms');
  line('`warranty-lint` one file', single, '+60 ms');
  line('`--version`, no code cache', versionCold);
  line('one file, no code cache', singleCold);
  line('one file from `dist/` (no bundle)', singleDist);
  console.log('');

  if (sizes.length > 0) console.log(row(['services', 'files', 'floor (yaml+ajv)', 'fast-floor (js-yaml+ajv)', 'warranty-lint -f json', 'lint/floor', 'lint/fast-floor', 'CPU floor / fast / lint', 'RSS floor', 'RSS lint']));
  if (sizes.length > 0) console.log(row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const size of sizes) {
    const dir = join(work, `c${size}`);
    const files = generateCatalog(dir, size);
    // 100k takes minutes a run: once is enough to see time and memory.
    const n = size >= 100000 ? 1 : runs;
    const [f, ff, l] = measureAll([[floor, '--parser', 'yaml', dir], [floor, '--parser', 'js-yaml', dir], [bin, '--format', 'json', '--now', '2026-11-26', dir]], n);
    console.log(
      row([size, files, ms(f.ms), ms(ff.ms), ms(l.ms), `${(l.ms / f.ms).toFixed(2)}×`, `${(l.ms / ff.ms).toFixed(2)}×`, `${ms(f.cpu)} / ${ms(ff.cpu)} / ${ms(l.cpu)}`, mib(f.rss), mib(l.rss)]),
    );
    // The incremental paths (--cache, the language server) on the 10k catalog; printed after the table.
    if (size === 10000) incremental = report(benchCache(dir, work, (a) => once([bin, ...a]), runs), await benchLsp(dir, bin));
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  if (incremental) console.log(`\n${incremental}`);
  console.log(`\nload average at the end: ${loadavg()[0].toFixed(1)} (wall-time ratios mean little when it is above the CPU count; CPU is user + system time of all threads)`);
  console.log('targets (2 cores): start-up over `node -e 0` --version ≤ +30 ms, one file ≤ +60 ms (with the code cache); 10k lint/floor ≤ 0.85×; stretch lint/fast-floor ≤ 1.5×; 100k peak RSS ≤ 512 MiB; 10k --cache re-run after one change ≤ 15% of cold; language server: re-lint ≤ 50 ms, memory ≤ 300 MiB');
} finally {
  if (keep) console.log(`catalogs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
