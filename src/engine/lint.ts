// A run: discovery, the per-file work (here or on worker threads), then finish() over the whole
// catalog. The pure core: paths and config in, findings out. No console, no process, no colour.
import type { LintOptions, LintResult, Progress, StreamedResult } from '../lint-types.js';
import { discover, ignoreMatcher } from '../load/discover.js';
import type { FileRef } from '../load/document.js';
import { parseDay } from '../model/units.js';
import { UserError } from '../errors.js';
import { lintFileCached } from './cache.js';
import { COMPACT_MIN_FILES, StringPool, type KeptFile } from './compact.js';
import { unpack, type KeptFinding } from './finding.js';
import { readCatalogExport } from './catalog-export.js';
import { finish, type FinishOptions } from './finish.js';
import { dropSkeletons, followLocations } from './locations.js';
import { autoWorkers, lintInPool, poolAvailable, withPlainEnv } from './pool.js';
import { fileFinding, lintBytes, lintFile, lintText, type FileOptions, type FileResult } from './process-file.js';
import { Rereader } from './reread.js';

export type { LintOptions, LintResult } from '../lint-types.js';

/** A problem with how the linter was called (exit 2): a missing path, a glob that matches nothing. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

export function todayFrom(now: string | undefined): { day: number; iso: string } {
  if (now === undefined) {
    const iso = new Date().toISOString().slice(0, 10);
    return { day: parseDay(iso) as number, iso };
  }
  const day = parseDay(now);
  if (day === undefined) throw new UsageError(`--now must be a real date written YYYY-MM-DD (got "${now}")`);
  return { day, iso: now };
}

/** The pure core: paths and config in, findings out. No console, no process, no colour. */
export async function lint(options: LintOptions): Promise<LintResult> {
  return unpackResult(await lintKept(options));
}

/** A LintResult with its findings as the run kept them: packed on large runs (see PackedFinding). */
export interface KeptResult extends Omit<LintResult, 'findings'> {
  findings: KeptFinding[];
}

/**
 * lint(), with the findings as the run kept them. The CLI writes them one at a time, each unpacked
 * as it is written: unpacked all at once, the 450,000 packed findings of the 100k catalog are ~160 MB.
 */
export async function lintKept(options: LintOptions): Promise<KeptResult> {
  const { day: today, iso } = todayFrom(options.now);
  const fileOptions: FileOptions = { config: options.config, today, cwd: options.cwd };
  const exported = options.catalog !== undefined ? readCatalogExport(options.catalog, options.cwd, options.config) : undefined;
  const { results, missing } = options.stdin ? { results: lintStdin(options.stdin, fileOptions, options), missing: [] } : await lintPaths(options, fileOptions);
  const reread = new Rereader(options.cwd, options.config.limits, options.stdin ? new Map([[options.stdin.filename ?? '<stdin>', options.stdin.text]]) : undefined);
  return { ...finish(results, { ...options, exported }, today, reread), today: iso, missing };
}

export function unpackResult(result: KeptResult): LintResult {
  return { ...result, findings: result.findings.map(unpack) };
}

/** The result with its findings unpacked one at a time as they are iterated (anew by each iteration). */
export function streamed(result: KeptResult): StreamedResult {
  const kept = result.findings;
  return {
    ...result,
    findings: {
      *[Symbol.iterator]() {
        for (const f of kept) yield unpack(f);
      },
    },
  };
}

/** Standard input as one file; none when `--stdin-filename` names an ignored file (as ESLint does). */
function lintStdin(stdin: NonNullable<LintOptions['stdin']>, fileOptions: FileOptions, options: LintOptions): FileResult[] {
  const file = stdin.filename ?? '<stdin>';
  if (stdin.filename !== undefined && ignoreMatcher(ignoreGlobs(fileOptions, options))(stdin.filename)) return [];
  const ref = { path: file, file, explicit: true };
  const input = stdin.text;
  return [typeof input === 'string' ? lintText(input.replace(/^\uFEFF/, ''), ref, fileOptions) : lintBytes(input, ref, fileOptions)];
}

/** The config's ignore globs, and `--ignore-pattern`'s. */
function ignoreGlobs(fileOptions: FileOptions, options: LintOptions): readonly string[] {
  return options.ignorePatterns === undefined ? fileOptions.config.ignore : [...fileOptions.config.ignore, ...options.ignorePatterns];
}

/** Discovery and the per-file work. Its own function so that the file list is dropped before finish() (100k refs: ~10 MB). */
async function lintPaths(options: LintOptions, fileOptions: FileOptions): Promise<{ results: KeptFile[]; missing: string[] }> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const ignore = ignoreGlobs(fileOptions, options);
  const found = discover(paths, options.cwd, ignore);
  const results: KeptFile[] = found.unreadable.map((u) => unreadableFile(u, fileOptions));
  for (const r of await lintFiles(found.files, fileOptions, options)) results.push(r);
  await followLocations(results, found.files, options.cwd, ignore, fileOptions, (refs) => lintFiles(refs, fileOptions, options));
  dropSkeletons(results, new Set(found.files.filter((f) => f.explicit).map((f) => f.file)), options.cwd, fileOptions);
  return { results, missing: found.missing };
}

/** What is kept of a path that cannot be read as a file: its `file-unreadable` finding. */
export function unreadableFile(u: { file: string; reason: string }, fileOptions: FileOptions): KeptFile {
  return { file: u.file, findings: [fileFinding('file-unreadable', u.file, `cannot read ${u.file}: ${u.reason}`, fileOptions)], services: [], brokenDocuments: 0 };
}

/** The per-file work, on worker threads when it pays, else here; what is kept of each file, in the order of `refs`. */
async function lintFiles(refs: readonly FileRef[], fileOptions: FileOptions, options: LintOptions): Promise<KeptFile[]> {
  const wanted = options.workers ?? autoWorkers(refs.length);
  const workers = wanted > 0 && poolAvailable(fileOptions) ? wanted : 0;
  const progress: Progress = { done: 0, total: refs.length, services: 0 };
  const report = options.onProgress;
  // Memory stays flat on large runs: nothing of a file is kept but its findings and services,
  // compacted. Below COMPACT_MIN_FILES what a file keeps is small and compaction (~90 µs a file, about
  // two thirds of what linting it costs since the scanner: bench/stages.js) is
  // not worth it.
  const strings = (options.compact ?? refs.length >= COMPACT_MIN_FILES) ? new StringPool() : undefined;
  const keep = (r: FileResult, fresh: boolean): KeptFile => {
    progress.done++;
    progress.services += r.services.length;
    return strings ? strings.compactResult(r, fresh) : r;
  };
  if (options.cache) {
    // The cache is read and written here, file by file: one thread.
    const cache = options.cache;
    return withPlainEnv(() =>
      refs.map((ref) => {
        // Stryker disable next-line BooleanLiteral: `fresh` only spares copying strings, and which copy of equal text is kept cannot be seen.
        const kept = keep(lintFileCached(ref, fileOptions, cache), false);
        report?.({ ...progress });
        return kept;
      }),
    );
  }
  if (workers > 0) {
    return lintInPool(refs, fileOptions, workers, (batch, fresh) => {
      const kept = batch.map((r) => keep(r, fresh));
      report?.({ ...progress });
      return kept;
    });
  }
  return withPlainEnv(() =>
    refs.map((ref) => {
      // Stryker disable next-line BooleanLiteral: `fresh` only spares copying strings, and which copy of equal text is kept cannot be seen.
      const kept = keep(lintFile(ref, fileOptions), false);
      report?.({ ...progress });
      return kept;
    }),
  );
}

/** finish() over files already linted, unpacked: for code (and tests) that lints texts itself with process-file.ts. */
export function finishFiles(results: KeptFile[], options: Pick<LintOptions, 'config' | 'cwd' | 'baseline'> & Pick<FinishOptions, 'exported'>, today: number, iso: string): LintResult {
  return unpackResult({ ...finish(results, options, today, new Rereader(options.cwd, options.config.limits)), today: iso, missing: [] });
}
