// The figures of the incremental paths, on a generated catalog (called by bench/run.js on the 10k
// catalog; `node bench/incremental.js <folder>` on one of your own, after `npm run build`):
// - `--cache`: the cold run, the run that writes the cache, and a re-run after one file changed,
//   each `warranty-lint -f json --now …` in its own process (wall, CPU, peak RSS);
// - the language server: `warranty-lint lsp` as a child process spoken to over LSP, the time from
//   a change of an open file to its new diagnostics (the debounce set to 0), and the server's
//   memory after the first read and at its peak.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NOW = '2026-11-26';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (t) => (t >= 10000 ? `${(t / 1000).toFixed(1)} s` : `${t.toFixed(0)} ms`);
const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

/** Every catalog file, relative to the folder, in sorted order. */
function catalogFiles(dir) {
  const out = [];
  for (const d of readdirSync(dir).sort()) for (const f of readdirSync(join(dir, d)).sort()) out.push(join(d, f));
  return out;
}

/**
 * `--cache` against the cold run. `once(args)` runs warranty-lint once in a fresh process and gives
 * { ms, cpu, rss }. Each round: a cold run, a run that writes the cache from nothing, one file
 * changed, the re-run with the cache.
 */
export function benchCache(dir, work, once, rounds = 3) {
  const files = catalogFiles(dir);
  const cache = join(work, 'bench.warranty-lintcache');
  const args = (...extra) => [...extra, '--format', 'json', '--now', NOW, dir];
  const samples = { cold: [], write: [], warm: [] };
  for (let i = 0; i < rounds; i++) {
    samples.cold.push(once(args()));
    spawnSync('rm', ['-f', cache]);
    samples.write.push(once(args('--cache', '--cache-location', cache)));
    appendFileSync(join(dir, files[(i * 997) % files.length]), `# edited in round ${i}\n`);
    samples.warm.push(once(args('--cache', '--cache-location', cache)));
  }
  const m = (list) => ({ ms: median(list.map((x) => x.ms)), cpu: median(list.map((x) => x.cpu)), rss: median(list.map((x) => x.rss)) });
  return { cold: m(samples.cold), write: m(samples.write), warm: m(samples.warm), rounds };
}

/** Peak and current RSS of a process, from /proc (Linux); undefined elsewhere. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { peak: kb('VmHWM'), now: kb('VmRSS') };
  } catch {
    return undefined;
  }
}

/**
 * The language server on the catalog: open three files, wait for the first read, then change one of
 * them `edits` times (a line moved each time, so that its diagnostics always change) and time each
 * change to its new diagnostics.
 */
export async function benchLsp(dir, bin, edits = 40) {
  const rpc = await import('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    const w = waiting.get(uri);
    if (w) {
      waiting.delete(uri);
      w(diagnostics);
    }
  });
  connection.onRequest(rpc.RegistrationRequest.method, () => null);
  connection.listen();
  const next = (uri) => new Promise((resolve) => waiting.set(uri, resolve));
  const files = catalogFiles(dir);
  const open = [files[0], files[Math.floor(files.length / 2)], files[files.length - 1]];
  const uri = (f) => pathToFileURL(join(dir, f)).href;
  const t0 = performance.now();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'catalog' }],
    capabilities: {},
    initializationOptions: { debounceMs: 0, now: NOW },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const texts = open.map((f) => readFileSync(join(dir, f), 'utf8'));
  const first = next(uri(open[0]));
  for (const [i, f] of open.entries()) await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(f), languageId: 'yaml', version: 1, text: texts[i] } });
  await first;
  const firstRead = performance.now() - t0;
  const afterRead = memoryOf(child.pid);
  const times = [];
  for (let i = 1; i <= edits; i++) {
    // The edited file moves down a line or back, and its target changes: new diagnostics every time.
    const text = (i % 2 ? texts[0].replace('spec:\n', `spec:\n  x-edit: ${i}\n`) : texts[0]).replace(/target: [^\n]+/, `target: ${i % 3 ? '99.9' : '99.999'}`);
    const published = next(uri(open[0]));
    const t = performance.now();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(open[0]), version: i + 1 }, contentChanges: [{ text }] });
    await published;
    times.push(performance.now() - t);
  }
  const atEnd = memoryOf(child.pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  await exited;
  connection.dispose();
  return { firstRead, median: median(times), p90: quantile(times, 0.9), max: Math.max(...times), edits, afterRead, atEnd };
}

/** The rows bench/run.js prints. */
export function report(cache, lsp) {
  const lines = [];
  const ratio = cache.warm.ms / cache.cold.ms;
  lines.push('| --cache, 10k services (median of ' + cache.rounds + ') | wall | CPU | peak RSS |', '| --- | ---: | ---: | ---: |');
  lines.push(`| cold, no cache | ${ms(cache.cold.ms)} | ${ms(cache.cold.cpu)} | ${mib(cache.cold.rss)} |`);
  lines.push(`| cold, writing the cache | ${ms(cache.write.ms)} | ${ms(cache.write.cpu)} | ${mib(cache.write.rss)} |`);
  lines.push(`| one file changed, with the cache | ${ms(cache.warm.ms)} (**${(ratio * 100).toFixed(0)}%** of cold; target ≤ 15%) | ${ms(cache.warm.cpu)} (${((cache.warm.cpu / cache.cold.cpu) * 100).toFixed(0)}%) | ${mib(cache.warm.rss)} |`);
  lines.push('');
  lines.push(`| language server, 10k services | figure | target |`, '| --- | ---: | ---: |');
  lines.push(`| first read (initialize to the first diagnostics) | ${ms(lsp.firstRead)} | |`);
  lines.push(`| re-lint one changed file, to its diagnostics (${lsp.edits} edits) | median ${ms(lsp.median)}, p90 ${ms(lsp.p90)}, max ${ms(lsp.max)} | ≤ 50 ms |`);
  if (lsp.afterRead && lsp.atEnd) {
    lines.push(`| server memory after the first read / after the edits | ${mib(lsp.afterRead.now)} / ${mib(lsp.atEnd.now)} | ≤ 300 MiB |`);
    lines.push(`| server peak RSS | ${mib(lsp.atEnd.peak)} | ≤ 300 MiB |`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node bench/incremental.js <catalog folder>');
  const bin = new URL('../bin/warranty-lint.js', import.meta.url).pathname;
  const once = (args) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}`);
    return { ms: performance.now() - t0, cpu: NaN, rss: NaN };
  };
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  console.log(report(benchCache(dir, mkdtempSync(join(tmpdir(), 'wl-bench-')), once), await benchLsp(dir, bin)));
}
