// `--compare <previous.json>`: what changed since an earlier run (last month's, or the base
// branch's), matched by fingerprint (rule, service, area, pointer: stable across unrelated edits),
// so that a line that moved is not a new finding. Every format that shows a trend reads this.
import type { LintResult } from '../lint-types.js';
import { countedServices } from '../model/portfolio.js';
import type { AreaStatus } from '../model/types.js';
import { AREAS, type Area, type Finding, type Severity } from '../types.js';
import type { PortfolioView } from './portfolio-view.js';
import { serviceRecord, type PreviousRun, type RecordedFinding, type ServiceRecord } from './run-record.js';

/** A finding as the comparison lists it: from this run (new) or from the previous one (fixed). */
export type ChangedFinding = Pick<RecordedFinding, 'ruleId' | 'severity' | 'message' | 'file' | 'line' | 'service' | 'area' | 'fingerprint'>;

export interface Shares {
  overall: number | null;
  /** Null when the previous result did not record its services. */
  byArea: Record<Area, number | null> | null;
}

export interface Comparison {
  /** The previous run's date, when it recorded one. */
  since: string | null;
  source: string;
  /** Open now, not open before. */
  added: ChangedFinding[];
  /** Open before, gone now. */
  fixed: ChangedFinding[];
  /** Open before, waived now. */
  waivedSince: ChangedFinding[];
  /** Open before and now. */
  stillOpen: number;
  /** Null when the previous result did not record its services (written by an older warranty-lint). */
  services: { added: string[]; removed: string[] } | null;
  /** Services whose open findings changed, most changed first. */
  changedServices: Array<{ service: string; added: number; fixed: number }>;
  /** Areas whose state changed, in services found in both runs. */
  areaChanges: Array<{ service: string; area: Area; before: AreaStatus; after: AreaStatus }>;
  reactive: { before: Shares; after: Shares };
}

/** Tier-weighted reactive shares of recorded services (SPEC §3), with today's weights, so that both runs are measured alike. */
function sharesOf(records: readonly ServiceRecord[], weights: PortfolioView['weights']): Shares {
  const seen = new Set<string>();
  const total = { overall: 0 } as Record<Area | 'overall', number>;
  const reactive = { overall: 0 } as Record<Area | 'overall', number>;
  for (const a of AREAS) total[a] = reactive[a] = 0;
  for (const s of records) {
    if (s.name !== null) {
      if (seen.has(s.name)) continue;
      seen.add(s.name);
    }
    const w = weights[s.tier];
    for (const a of AREAS) {
      total[a] += w;
      total.overall += w;
      if (s.areas[a] !== 'defined') {
        reactive[a] += w;
        reactive.overall += w;
      }
    }
  }
  const share = (k: Area | 'overall'): number | null => (total[k] === 0 ? null : reactive[k] / total[k]);
  const byArea = {} as Record<Area, number | null>;
  for (const a of AREAS) byArea[a] = share(a);
  return { overall: share('overall'), byArea };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const bySeverity = (a: ChangedFinding, b: ChangedFinding): number => RANK[a.severity] - RANK[b.severity];

const changed = (f: Finding | RecordedFinding): ChangedFinding => ({
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
  file: f.file,
  line: f.line,
  service: f.service,
  area: f.area,
  fingerprint: f.fingerprint,
});

/**
 * This run against the previous one. Findings are matched by fingerprint as a multiset (two
 * findings may share one). With `errorsOnly` (`--quiet`), only errors are compared on both sides.
 */
export function compareRuns(result: Pick<LintResult, 'findings' | 'services'>, weights: PortfolioView['weights'], previous: PreviousRun, errorsOnly = false): Comparison {
  const findings = result.findings;
  const counts = (list: ReadonlyArray<Finding | RecordedFinding>): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of list) m.set(f.fingerprint, (m.get(f.fingerprint) ?? 0) + 1);
    return m;
  };
  const keep = (f: Finding | RecordedFinding): boolean => !errorsOnly || f.severity === 'error';
  const nowOpen = findings.filter((f) => !f.waived && keep(f));
  const nowWaived = counts(findings.filter((f) => f.waived && keep(f)));
  const beforeOpen = previous.findings.filter((f) => !f.waived && keep(f));
  const before = counts(beforeOpen);
  const now = counts(nowOpen);

  // Walk each side, taking from the other side's count: what is left over is new (or fixed).
  const added: ChangedFinding[] = [];
  let stillOpen = 0;
  const left = new Map(before);
  for (const f of nowOpen) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) {
      left.set(f.fingerprint, n - 1);
      stillOpen++;
    } else added.push(changed(f));
  }
  const fixed: ChangedFinding[] = [];
  const waivedSince: ChangedFinding[] = [];
  const unmatched = new Map(now);
  const waivedLeft = new Map(nowWaived);
  for (const f of beforeOpen) {
    const n = unmatched.get(f.fingerprint) ?? 0;
    if (n > 0) {
      unmatched.set(f.fingerprint, n - 1);
      continue;
    }
    const w = waivedLeft.get(f.fingerprint) ?? 0;
    if (w > 0) {
      waivedLeft.set(f.fingerprint, w - 1);
      waivedSince.push(changed(f));
    } else fixed.push(changed(f));
  }
  added.sort(bySeverity);
  fixed.sort(bySeverity);

  const perService = new Map<string, { service: string; added: number; fixed: number }>();
  const tally = (f: ChangedFinding, key: 'added' | 'fixed'): void => {
    if (f.service === null) return;
    const e = perService.get(f.service) ?? { service: f.service, added: 0, fixed: 0 };
    e[key]++;
    perService.set(f.service, e);
  };
  for (const f of added) tally(f, 'added');
  for (const f of fixed) tally(f, 'fixed');
  // Ties by name; names are distinct keys of perService, so no two compare equal.
  // Stryker disable next-line EqualityOperator: with distinct names, `<=` is `<`.
  const byName = (a: { service: string }, b: { service: string }): number => (a.service < b.service ? -1 : 1);
  const changedServices = [...perService.values()].sort((a, b) => b.added + b.fixed - (a.added + a.fixed) || byName(a, b));

  const current = countedServices(result.services).map(serviceRecord);
  const after = sharesOf(current, weights);
  let services: Comparison['services'] = null;
  const areaChanges: Comparison['areaChanges'] = [];
  let beforeShares: Shares = { overall: previous.reactiveShare, byArea: null };
  if (previous.services !== null) {
    beforeShares = sharesOf(previous.services, weights);
    const prevByName = new Map<string, ServiceRecord>();
    for (const s of previous.services) if (s.name !== null && !prevByName.has(s.name)) prevByName.set(s.name, s);
    const nowNames = new Set(current.flatMap((s) => (s.name === null ? [] : [s.name])));
    services = {
      added: [...nowNames].filter((n) => !prevByName.has(n)).sort(),
      removed: [...prevByName.keys()].filter((n) => !nowNames.has(n)).sort(),
    };
    for (const s of current) {
      // No null key is ever set: an unnamed service finds no previous record.
      const p = prevByName.get(s.name as string);
      if (!p) continue;
      for (const a of AREAS) if (p.areas[a] !== s.areas[a]) areaChanges.push({ service: s.name as string, area: a, before: p.areas[a], after: s.areas[a] });
    }
  }
  return { since: previous.today, source: previous.source, added, fixed, waivedSince, stillOpen, services, changedServices, areaChanges, reactive: { before: beforeShares, after } };
}

/** A change of share in points, signed: `+2 points`, `-1 point`, `no change`. */
export function pointsChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  const d = Math.round(after * 100) - Math.round(before * 100);
  if (d === 0) return 'no change';
  // Stryker disable next-line EqualityOperator: d is not 0 here, so `d >= 0` is `d > 0`.
  const sign = d > 0 ? '+' : '-';
  const n = Math.abs(d);
  return `${sign}${n} point${n === 1 ? '' : 's'}`;
}
