// Lints files on worker threads (and this one, when asked for few workers). Worth it only for
// large catalogs: each worker pays ~0.15 s to load the parser, ajv and the rules, then runs cold
// code for its first thousand files or so, and results cross threads by structured clone. So
// `lint()` uses the pool from POOL_MIN_FILES files on a machine with more than one CPU. Files go out in batches (one message per batch, not per file); results come
// back as plain data and are put back in file order, so the findings are the same as in one thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileOptions, type FileRef, type FileResult } from './process-file.js';
import { RuleCrash } from '../errors.js';
import { BYTES_PER_VALUE } from '../load/preflight.js';

export type { Progress } from '../lint-types.js';

/**
 * Below this many files one thread is faster (measured: bench/README.md). Since the scanner made a
 * file ~3× cheaper, the pool's fixed costs (~2 s of CPU at 10k files) outweigh what a second core
 * saves below a few tens of thousands of files, and on a shared machine the second core is often
 * not there at all (10k: 6.6-8.6 s with the pool, 4.5-5.6 s without).
 */
export const POOL_MIN_FILES = 30_000;
/** From this many files this thread only hands out work and keeps results (memory, see mainThreadHelps). */
export const MAIN_HELPS_MAX_FILES = 30_000;
/** Files per message: large enough to amortise a message, small enough to balance the load. */
export const BATCH_SIZE = 50;
/** Young generation of a worker: parse garbage dies young, so a small nursery costs little time and keeps RSS down. */
const YOUNG_MB = 8;

/**
 * Old generation of a worker, in MB. Where a heap may pass 2 GB (V8's default on a machine with 16 GB
 * or more), V8 lets it grow to 4x what each full collection left: a worker's ~10 MB live held ~40.
 * Under 2 GB it grows less (~1.6x at 1 GB; 10k catalog: 14 MB less RSS). The limit leaves 3x what
 * the largest file the preflight lets through takes to lint (~1 KB a value, maxFileSize /
 * BYTES_PER_VALUE values: ~340 MB at the default 10 MiB, measured); a larger maxFileSize raises it.
 */
export function workerOldGenerationMb(maxFileSize: number): number {
  return Math.max(1024, Math.ceil((3 * (maxFileSize / BYTES_PER_VALUE) * 1024) / (1024 * 1024)));
}

export interface BatchRequest {
  id: number;
  refs: FileRef[];
}

export type BatchReply =
  | { id: number; results: FileResult[]; error?: undefined }
  | { id: number; results?: undefined; error: { ruleId: string | undefined; message: string; stack: string | undefined } };

/**
 * How many worker threads to use for `files` files when the caller did not say: 0 means this thread
 * alone. The main thread lints batches too, so one CPU is left to it.
 */
export function autoWorkers(files: number, cpus: number = availableParallelism()): number {
  if (files < POOL_MIN_FILES || cpus < 2) return 0;
  return mainThreadHelps(files) ? cpus - 1 : cpus;
}

/**
 * Whether this thread lints batches too. Not for very large runs: this thread's heap holds the whole
 * catalog's findings and services, and parse garbage there raised the peak RSS of 100k services from
 * 433 to 526 MiB (bench/README.md).
 */
export function mainThreadHelps(files: number): boolean {
  return files < MAIN_HELPS_MAX_FILES;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Whether the pool can run here: the worker script exists (not when running from the TypeScript
 * sources) and the options can cross to a thread (a config holding functions cannot).
 */
export function poolAvailable(options: FileOptions): boolean {
  if (!existsSync(fileURLToPath(WORKER_URL))) return false;
  try {
    structuredClone(options);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lints `refs` on `size` worker threads and, below MAIN_HELPS_MAX_FILES files, on this thread too,
 * which takes batches between handling the workers' replies. `keep` turns each batch's results, as
 * they come, into what is kept of them (`fresh` is true when they crossed from a worker: their
 * strings are new copies); what is kept is returned in the order of `refs`.
 */
export async function lintInPool<T>(refs: readonly FileRef[], options: FileOptions, size: number, keep: (results: FileResult[], fresh: boolean) => T[]): Promise<T[]> {
  const batches: FileRef[][] = [];
  for (let i = 0; i < refs.length; i += BATCH_SIZE) batches.push(refs.slice(i, i + BATCH_SIZE));
  const done: Array<T[] | undefined> = new Array(batches.length);
  if (batches.length === 0) return [];
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        failed = true;
        reject(error);
      };
      const complete = (id: number, results: FileResult[], fresh: boolean): void => {
        done[id] = keep(results, fresh);
        if (++finished === batches.length) resolve();
      };
      const send = (w: Worker): void => {
        if (next < batches.length && !failed) {
          const id = next++;
          w.postMessage({ id, refs: batches[id] as FileRef[] } satisfies BatchRequest);
        }
      };
      const count = Math.max(1, Math.min(size, batches.length));
      for (let i = 0; i < count; i++) {
        const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: workerOldGenerationMb(options.config.limits.maxFileSize) };
        const w = new Worker(WORKER_URL, { workerData: options, resourceLimits });
        workers.push(w);
        w.on('message', (reply: BatchReply) => {
          if (reply.error) {
            const cause = Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
            fail(reply.error.ruleId !== undefined ? new RuleCrash(reply.error.ruleId, cause) : cause);
            return;
          }
          complete(reply.id, reply.results, true);
          send(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (finished < batches.length) fail(new Error(`a lint worker stopped (exit code ${code})`));
        });
        // Two batches in flight per worker, so a worker never waits for its next message.
        send(w);
        send(w);
      }
      // This thread takes batches too (the workers start in ~0.15 s), yielding between batches so
      // that the workers' replies are handled and they are sent more work.
      const here = (): void => {
        if (failed || next >= batches.length) return;
        const id = next++;
        let results: FileResult[];
        try {
          results = withPlainEnv(() => (batches[id] as FileRef[]).map((ref) => lintFile(ref, options)));
        } catch (error) {
          fail(error);
          return;
        }
        complete(id, results, false);
        setImmediate(here);
      };
      if (mainThreadHelps(refs.length)) setImmediate(here);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return done.flatMap((r) => r ?? []);
}

/**
 * Runs `fn` with `process.env` swapped for a plain copy, restored before returning. `yaml`'s parser
 * reads process.env.LOG_TOKENS once per token and the real process.env is a slow C++ interceptor:
 * a third of the parse time (bench/README.md). `fn` is synchronous, so only code it calls (an
 * onProgress callback) sees the copy; writes to it are dropped.
 */
export function withPlainEnv<T>(fn: () => T): T {
  const real = process.env;
  process.env = { ...real };
  try {
    return fn();
  } finally {
    process.env = real;
  }
}
