import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Range, Summary } from '../types.js';
import type { StreamedResult } from '../formatters/types.js';
import { discover } from '../load/discover.js';
import { parseDay } from '../model/units.js';
import type { Service } from '../model/types.js';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import type { CatalogContext, CatalogReport, CatalogRule, WaiverRule } from '../rules/types.js';
import { compareFindings, fingerprintOf, makeFinding, unpack, type KeptFinding } from './finding.js';
import { fileFinding, lintBytes, lintFile, lintText, type FileOptions, type FileRef, type FileResult } from './process-file.js';
import { RuleCrash, UserError } from '../errors.js';
import { severityFor } from './severity.js';
import { applyWaivers } from './waivers.js';
import { reactiveShare } from './portfolio.js';
import { indexServices, serviceKey } from './service-index.js';
import { autoWorkers, lintInPool, poolAvailable, withPlainEnv, type Progress } from './pool.js';
import { COMPACT_MIN_FILES, StringPool, flatCopy, type KeptFile } from './compact.js';

export interface LintOptions {
  /** Files, directories and globs; default ["."]. */
  paths?: readonly string[];
  cwd: string;
  config: ResolvedConfig;
  /** `YYYY-MM-DD`; default today (UTC). */
  now?: string;
  /** Lint this instead of files (`--stdin`); bytes are decoded as strictly as a file's. */
  stdin?: { text: string | Uint8Array; filename?: string };
  /** Extra ignore globs (`--ignore-pattern`), added to `config.ignore`. */
  ignorePatterns?: readonly string[];
  /** Fingerprints recorded in a baseline: matching findings do not count. */
  baseline?: ReadonlySet<string>;
  /**
   * Worker threads for the per-file work, besides this thread: 0 lints in this thread alone. Default:
   * one per CPU but one from POOL_MIN_FILES files, else 0. Findings are the same either way.
   */
  workers?: number;
  /**
   * Keep what each file leaves compactly: strings pooled, model leaves shared, findings packed (see
   * compact.ts). Default: from COMPACT_MIN_FILES files. Findings are the same either way.
   */
  compact?: boolean;
  /** Called as files are done (often: throttle any display). */
  onProgress?: (progress: Progress) => void;
}

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  /** Every service read, in file order (for the report). */
  services: Service[];
  /** Every file read, in order. */
  files: string[];
  /** Today, as date rules saw it. */
  today: string;
  /**
   * Named paths that do not exist, globs that match nothing, named directories with no YAML: the
   * rest is still linted, and the CLI exits 2 after reporting it (SPEC §6, §8).
   */
  missing: string[];
}

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
  const fileOptions: FileOptions = { config: options.config, today };
  const { results, missing } = options.stdin ? { results: [lintStdin(options.stdin, fileOptions)], missing: [] } : await lintPaths(options, fileOptions);
  return { ...finishKept(results, options, today, iso), missing };
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

function lintStdin(stdin: NonNullable<LintOptions['stdin']>, fileOptions: FileOptions): FileResult {
  const file = stdin.filename ?? '<stdin>';
  const ref = { path: file, file, explicit: true };
  const input = stdin.text;
  return typeof input === 'string' ? lintText(input.replace(/^\uFEFF/, ''), ref, fileOptions) : lintBytes(input, ref, fileOptions);
}

/** Discovery and the per-file work. Its own function so that the file list is dropped before finish() (100k refs: ~10 MB). */
async function lintPaths(options: LintOptions, fileOptions: FileOptions): Promise<{ results: KeptFile[]; missing: string[] }> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const found = discover(paths, options.cwd, [...fileOptions.config.ignore, ...(options.ignorePatterns ?? [])]);
  const results: KeptFile[] = found.unreadable.map((u) => ({
    file: u.file,
    findings: [fileFinding('file-unreadable', u.file, `cannot read ${u.file}: ${u.reason}`, fileOptions)],
    services: [],
    brokenDocuments: 0,
  }));
  for (const r of await lintFiles(found.files, fileOptions, options)) results.push(r);
  return { results, missing: found.missing };
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
    if (report) {
      progress.done++;
      progress.services += r.services.length;
    }
    return strings ? strings.compactResult(r, fresh) : r;
  };
  if (workers > 0) {
    return lintInPool(refs, fileOptions, workers, (batch, fresh) => {
      const kept = batch.map((r) => keep(r, fresh));
      report?.({ ...progress });
      return kept;
    });
  }
  return withPlainEnv(() =>
    refs.map((ref) => {
      const kept = keep(lintFile(ref, fileOptions), false);
      report?.({ ...progress });
      return kept;
    }),
  );
}

/** Everything after the per-file work: the catalog, waivers, severities, limits, baseline, summary. */
export function finish(results: KeptFile[], options: LintOptions, today: number, iso: string): LintResult {
  return unpackResult(finishKept(results, options, today, iso));
}

function finishKept(results: KeptFile[], options: LintOptions, today: number, iso: string): KeptResult {
  const { config } = options;
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const services = results.flatMap((r) => r.services);
  const findings = results.flatMap((r) => r.findings);

  const byName = new Map<string, Service>();
  for (const s of services) if (s.name !== null && !byName.has(s.name)) byName.set(s.name, s);
  const ctx: CatalogContext = { services, byName, config, today };

  // Each report becomes a finding as the rule yields it (see CatalogRule).
  for (const rule of RULES) {
    if (rule.scope !== 'catalog') continue;
    runChecked(rule, () => {
      for (const r of rule.check(ctx)) findings.push(catalogFinding(rule, r, options));
    });
  }

  const used = applyWaivers(findings, services, today, config.waivers.maxDays);
  for (const rule of RULES) {
    if (rule.scope !== 'waivers') continue;
    runChecked(rule, () => {
      for (const r of rule.check({ ...ctx, used, ruleIds: [...RULES_BY_ID.keys()] })) findings.push(catalogFinding(rule, r, options));
    });
  }

  const index = indexServices(services);
  const serviceOf = (f: KeptFinding): Service | undefined => (f.file !== null && f.service !== null ? index.get(serviceKey(f.file, f.service)) : undefined);
  let kept = findings.filter((f) => severityFor(f.ruleId, f.file, serviceOf(f)?.tier ?? null, config) !== 'off');
  kept.sort(compareFindings);
  kept = capPerDocument(kept, serviceOf, config);

  let baselined = 0;
  if (options.baseline) {
    const base = options.baseline;
    kept = kept.filter((f) => {
      if (!base.has(fingerprintOf(f))) return true;
      baselined++;
      return false;
    });
  }

  // Counted in one pass: on a large catalog every filtered copy is an array of half a million.
  const count = { error: 0, warning: 0, info: 0 };
  let waived = 0;
  for (const f of kept) {
    if (f.waived) waived++;
    else count[f.severity]++;
  }
  const summary: Summary = {
    files: results.length,
    services: services.length,
    errors: count.error,
    warnings: count.warning,
    infos: count.info,
    waived,
    baselined,
    reactiveShare: reactiveShare(services, config),
  };
  return { findings: kept, summary, services, files: results.map((r) => r.file), today: iso, missing: [] };
}

function runChecked<T>(rule: CatalogRule | WaiverRule, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new RuleCrash(rule.meta.id, error);
  }
}

function catalogFinding(rule: CatalogRule | WaiverRule, r: CatalogReport, options: LintOptions): Finding {
  const s = r.service;
  const area = r.area !== undefined ? r.area : rule.meta.area;
  const severity = severityFor(rule.meta.id, s?.file ?? null, s?.tier ?? null, options.config);
  return makeFinding({
    ruleId: rule.meta.id,
    severity: severity === 'off' ? 'info' : severity,
    // Catalog rules build messages from many pieces (names, durations, lists): kept as ropes, the
    // 130,000 of a 100k catalog took ~2.5x the memory of their text.
    message: flatCopy(r.message),
    file: s ? s.file : null,
    range: s ? anchorRange(s, r.pointer, r.at) : null,
    service: s ? s.name : null,
    area,
    pointer: s ? r.pointer : null,
  });
}

/** Positions for catalog findings come from the anchors resolved while the document was parsed. */
function anchorRange(service: Service, pointer: string, at: 'key' | 'value' = 'value'): Range {
  const a = service.anchors;
  const exact = at === 'key' ? a[`key:${pointer}`] : a[pointer];
  if (exact) return exact;
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const r = a[`key:${p}`] ?? a[p];
    if (r) return r;
  }
  return a[''] ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * After `limits.maxFindingsPerDocument` findings in one document, one `too-many-findings` says how
 * many more. `findings` are sorted, so each file's come together: they are counted a file at a time
 * (a map over every document of a large catalog, with a key string per finding, was ~30 MB more).
 */
function capPerDocument(findings: KeptFinding[], serviceOf: (f: KeptFinding) => Service | undefined, config: ResolvedConfig): KeptFinding[] {
  const max = config.limits.maxFindingsPerDocument;
  if (findings.length <= max) return findings;
  /** The document of a finding in its file: its service's, or the file's own findings (with a place, and without). */
  const docOf = (f: KeptFinding): number | string => {
    const owner = serviceOf(f);
    return owner ? owner.doc : f.line === null ? '' : 'file';
  };
  const dropped: Array<{ count: number; first: KeptFinding }> = [];
  let file: string | null = null;
  let counts = new Map<number | string, number>();
  let droppedHere = new Map<number | string, { count: number; first: KeptFinding }>();
  // A copy only from the first finding left out.
  let out: KeptFinding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as KeptFinding;
    // Portfolio findings (no file) are never capped.
    if (f.file !== null) {
      if (f.file !== file) {
        file = f.file;
        counts = new Map();
        droppedHere = new Map();
      }
      const doc = docOf(f);
      const n = (counts.get(doc) ?? 0) + 1;
      counts.set(doc, n);
      if (n > max) {
        out ??= findings.slice(0, i);
        const d = droppedHere.get(doc);
        if (d) d.count++;
        else {
          const entry = { count: 1, first: f };
          droppedHere.set(doc, entry);
          dropped.push(entry);
        }
        continue;
      }
    }
    out?.push(f);
  }
  if (!out) return findings;
  for (const { count, first } of dropped) {
    const severity = severityFor('too-many-findings', first.file, null, config);
    if (severity === 'off') continue;
    out.push(
      makeFinding({
        ruleId: 'too-many-findings',
        severity,
        message: `${count} more finding${count === 1 ? '' : 's'} in this document ${count === 1 ? 'was' : 'were'} left out after the first ${max} (limits.maxFindingsPerDocument).`,
        file: first.file,
        range: { line: first.line ?? 1, column: first.column ?? 1, endLine: first.endLine ?? 1, endColumn: first.endColumn ?? 1 },
        service: first.service,
        area: null,
        pointer: null,
      }),
    );
  }
  return out.sort(compareFindings);
}
