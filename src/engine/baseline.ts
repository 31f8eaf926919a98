// Baselines: adopt the linter on a catalog that already has hundreds of gaps, and fail only on new
// ones. Findings are matched by fingerprint (rule, service, area, pointer), never by line, so edits
// elsewhere in a file and reordered services do not break the match.
import type { Finding, Summary } from '../types.js';
import { UserError } from '../errors.js';
import { fingerprintOf, type KeptFinding } from './finding.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  service: string | null;
  area: string | null;
  pointer: string | null;
  /** Where the finding was when recorded: for people reading the diff, not for matching. */
  file: string | null;
  message: string;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

/** A baseline file that cannot be used: exit 2 with this message. */
export class BaselineError extends UserError {
  override name = 'BaselineError';
}

/** Reads a baseline from its text; `name` is for messages. */
export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`the baseline ${name} is not valid JSON (${(error as Error).message}); restore it from version control, or delete it and run with --update-baseline`);
  }
  const b = data as { version?: unknown; entries?: unknown };
  // A number, string or boolean has no `version`: only null needs telling apart before it is read.
  if (data === null || Array.isArray(data) || b.version !== BASELINE_VERSION || !Array.isArray(b.entries)) {
    throw new BaselineError(`${name} is not a warranty-lint baseline (expected {"version": ${BASELINE_VERSION}, "entries": [...]}); restore it, or delete it and run with --update-baseline`);
  }
  const entries: BaselineEntry[] = [];
  b.entries.forEach((e, i) => {
    const entry = e as Partial<BaselineEntry> | null;
    // As for the file: a number, string or boolean has no `fingerprint`.
    if (entry === null || typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(entry.fingerprint)) {
      throw new BaselineError(`the baseline ${name}: entry ${i + 1} has no valid "fingerprint"; restore the file, or delete it and run with --update-baseline`);
    }
    entries.push({
      fingerprint: entry.fingerprint,
      ruleId: typeof entry.ruleId === 'string' ? entry.ruleId : '',
      service: typeof entry.service === 'string' ? entry.service : null,
      area: typeof entry.area === 'string' ? entry.area : null,
      pointer: typeof entry.pointer === 'string' ? entry.pointer : null,
      file: typeof entry.file === 'string' ? entry.file : null,
      message: typeof entry.message === 'string' ? entry.message : '',
    });
  });
  return { version: BASELINE_VERSION, entries };
}

export function fingerprintsOf(baseline: Baseline): Set<string> {
  return new Set(baseline.entries.map((e) => e.fingerprint));
}

const cmp = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** The baseline of the current findings: one entry per fingerprint, sorted so that the file diffs well. */
export function baselineFrom(findings: readonly Finding[]): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.waived || byFingerprint.has(f.fingerprint)) continue;
    byFingerprint.set(f.fingerprint, {
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      service: f.service,
      area: f.area,
      pointer: f.pointer,
      file: f.file,
      message: f.message,
    });
  }
  const entries = [...byFingerprint.values()].sort(
    (a, b) => cmp(a.service, b.service) || cmp(a.ruleId, b.ruleId) || cmp(a.area, b.area) || cmp(a.pointer, b.pointer) || cmp(a.fingerprint, b.fingerprint),
  );
  return { version: BASELINE_VERSION, entries };
}

/** Two-space JSON with keys in a fixed order and a final newline. */
export function serializeBaseline(baseline: Baseline): string {
  return JSON.stringify({ version: baseline.version, entries: baseline.entries }, null, 2) + '\n';
}

/** Entries of `old` that the current findings no longer match: fixed since the baseline was written. */
export function fixedEntries(old: Baseline, current: Baseline): BaselineEntry[] {
  const now = fingerprintsOf(current);
  return old.entries.filter((e) => !now.has(e.fingerprint));
}

/**
 * The result without the findings the baseline records, counted as baselined instead: the one
 * place a baseline is applied, by lint({ baseline }) and by the CLI (which first compares the
 * baseline with every finding, to tell which entries were fixed).
 */
export function applyBaseline<F extends KeptFinding, R extends { findings: F[]; summary: Summary }>(result: R, baseline: ReadonlySet<string>): R {
  const summary = { ...result.summary };
  const findings = result.findings.filter((f) => {
    if (!baseline.has(fingerprintOf(f))) return true;
    summary.baselined++;
    if (f.waived) summary.waived--;
    else if (f.severity === 'error') summary.errors--;
    else if (f.severity === 'warning') summary.warnings--;
    else summary.infos--;
    return false;
  });
  return { ...result, findings, summary };
}
