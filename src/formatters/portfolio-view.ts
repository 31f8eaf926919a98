// The portfolio as the report and the markdown summary show it: one row per service with the
// state of each warranty area, worst first, and the findings that belong to it. Both formats read
// this view, so they always tell the same story.
import { defaultConfig } from '../config/defaults.js';
import type { ResolvedConfig } from '../config/types.js';
import type { LintResult } from '../lint-types.js';
import { PLANNED_IN, plannedShares, reactiveShareByArea, type PlannedIn } from '../model/portfolio.js';
import { missingEssentials } from '../model/build.js';
import { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import { TIER_ORDER } from '../model/vocabulary.js';
import { RULES_BY_ID } from '../rules/index.js';
import { AREAS, type Area, type Finding } from '../types.js';

/**
 * What a coverage-matrix cell says about one area of one service. `flagged` is defined, with open
 * findings about the area: a service whose areas are all defined can still break its tier's policy.
 */
export type CellState = 'defined' | 'flagged' | 'incomplete' | 'deferred' | 'placeholder' | 'missing' | 'waived';

export const CELL_STATES: readonly CellState[] = ['defined', 'flagged', 'incomplete', 'deferred', 'placeholder', 'missing', 'waived'];

/** Cell states from worst to best, for colour scales and sorting. */
export const CELL_SEVERITY: Record<CellState, number> = { missing: 6, placeholder: 5, deferred: 4, incomplete: 3, flagged: 2, waived: 1, defined: 0 };

export interface ServiceRow {
  service: Service;
  cells: Record<Area, CellState>;
  /** Every finding about the service, waived ones included, in output order; those of documents that repeat its name too. */
  findings: Finding[];
  /** The document that repeats the service's name, for each finding about one (its owner answers for it). */
  repeats: ReadonlyMap<Finding, Service>;
  /** Findings that count (not waived). */
  open: number;
  errors: number;
  warnings: number;
  waived: number;
}

export interface PortfolioView {
  /** Worst first: tier, then open errors, then open findings, then name and file. */
  rows: ServiceRow[];
  /** Findings about no service: unreadable or unparsable files, files without a service, the portfolio. */
  other: Finding[];
  reactive: { overall: number | null; byArea: Record<Area, number | null>; threshold: number };
  planned: Record<Area | 'overall', Record<PlannedIn, number>>;
  weights: ResolvedConfig['portfolio']['weights'];
  /**
   * Files that hold a service or a finding (`catalog`), and every file read (`read`): a directory
   * walk also reads other YAML (CI workflows, a config file) and skips it.
   */
  /** Files read: holding services (or findings), and holding only SLOs (OpenSLO, Sloth), which are not skipped. */
  files: { catalog: number; read: number; slo: number };
  /** A rule's remediation sentence, on one line: a built-in rule's, or a policy's of the run (`LintResult.rules`). */
  remediation(ruleId: string): string | undefined;
}

/**
 * The state of an area: `waived` when every finding about it is covered by a waiver in force;
 * else what the model says, a placeholder anywhere in a present area counting as `placeholder`,
 * and a present area that lacks an every-tier essential (SPEC §2) as `incomplete`, so that no
 * cell reads "defined" over a missing target or RTO.
 */
export function cellState(service: Service, area: Area, findings: readonly Finding[]): CellState {
  const about = findings.filter((f) => f.area === area);
  if (about.length > 0 && about.every((f) => f.waived)) return 'waived';
  const model = service.areas[area];
  if (model.placeholder) return 'placeholder';
  if (model.status === 'missing') return 'missing';
  if (model.status === 'deferred') return 'deferred';
  if (service.placeholders.some((p) => p.area === area)) return 'placeholder';
  if (missingEssentials(model).length > 0) return 'incomplete';
  return about.some((f) => !f.waived) ? 'flagged' : 'defined';
}

/**
 * Which service each finding is about, and the findings about none (unreadable or unparsable files,
 * files without a service, the portfolio). The one place findings are joined to services: every
 * format reads the join from here.
 */
export function joinFindings(result: Pick<LintResult, 'findings' | 'services'>): { byService: Map<Service, Finding[]>; other: Finding[]; repeats: Map<Finding, Service>; repeating: ReadonlySet<Service> } {
  const documents = new ServicesByDocument(result.services);
  // A later document that repeats a name is not a service of its own (it counts nowhere): its
  // findings, duplicate-service first among them, are listed with the service it repeats.
  const first = new Map<string | null, Service>();
  for (const s of result.services) if (s.name !== null && !first.has(s.name)) first.set(s.name, s);
  // Nameless services are never filed under a name, so each one counts as itself.
  const counted = (s: Service): Service => first.get(s.name) ?? s;
  const byService = new Map<Service, Finding[]>();
  const repeats = new Map<Finding, Service>();
  const other: Finding[] = [];
  for (const f of result.findings) {
    const found = documents.of(f);
    if (!found) {
      other.push(f);
      continue;
    }
    const s = counted(found);
    if (s !== found) repeats.set(f, found);
    const list = byService.get(s);
    if (list) list.push(f);
    else byService.set(s, [f]);
  }
  const repeating = new Set(result.services.filter((s) => counted(s) !== s));
  return { byService, other, repeats, repeating };
}

export function buildView(result: LintResult, portfolio: ResolvedConfig['portfolio'] = defaultConfig().portfolio): PortfolioView {
  const { byService, other, repeats, repeating } = joinFindings(result);
  const rows = result.services.filter((s) => !repeating.has(s)).map((service): ServiceRow => {
    const findings = byService.get(service) ?? [];
    // A cell tells the state of this service's own area: findings of a document repeating its name are listed with it, not judged as its.
    const own = findings.filter((f) => !repeats.has(f));
    const cells = {} as Record<Area, CellState>;
    for (const a of AREAS) cells[a] = cellState(service, a, own);
    let open = 0;
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.waived) continue;
      open++;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return { service, cells, findings, repeats, open, errors, warnings, waived: findings.length - open };
  });
  rows.sort(compareRows);
  const config = { portfolio };
  const catalogFiles = new Set<string>();
  for (const s of result.services) catalogFiles.add(s.file);
  for (const f of result.findings) if (f.file !== null) catalogFiles.add(f.file);
  return {
    rows,
    other,
    reactive: { overall: result.summary.reactiveShare, byArea: reactiveShareByArea(result.services, config), threshold: portfolio.reactiveThreshold },
    planned: plannedShares(result.services, config),
    weights: portfolio.weights,
    files: { catalog: catalogFiles.size, read: Math.max(result.summary.files, catalogFiles.size), slo: (result.sloFiles ?? []).filter((f) => !catalogFiles.has(f)).length },
    remediation: remediations(result),
  };
}

function remediations(result: LintResult): (ruleId: string) => string | undefined {
  const metas = new Map(result.rules?.map((m) => [m.id, m]));
  return (ruleId) => {
    const meta = metas.get(ruleId);
    return meta ? oneLine(meta.remediation) : remediationOf(ruleId);
  };
}

const oneLine = (text: string | undefined): string | undefined => (text === undefined ? undefined : text.replace(/\s+/g, ' ').trim());

function compareRows(a: ServiceRow, b: ServiceRow): number {
  return (
    TIER_ORDER[b.service.tier] - TIER_ORDER[a.service.tier] ||
    b.errors - a.errors ||
    b.open - a.open ||
    cmp(a.service.name ?? '', b.service.name ?? '') ||
    cmp(a.service.file, b.service.file) ||
    a.service.doc - b.service.doc
  );
}

// Stryker disable next-line ConditionalExpression: only sorts call it, and V8's sort reads a comparison's sign as < 0 or not, so 1 and 0 are alike
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Who answers for a finding: the area's own owner, else the service owner (of the document it is about). */
export function accountableOwner(row: Pick<ServiceRow, 'service' | 'repeats'>, finding: Finding): string | undefined {
  const service = row.repeats.get(finding) ?? row.service;
  return (finding.area !== null ? service.areas[finding.area].owner : undefined) ?? service.owner;
}

/** The rule's remediation sentence, on one line. */
export function remediationOf(ruleId: string): string | undefined {
  return oneLine(RULES_BY_ID.get(ruleId)?.meta.remediation);
}

/** A share as a whole percent, never rounded across the threshold (79.6% below 80% shows as 79.6%, not 80%). */
export function sharePercent(share: number, threshold?: number): string {
  const whole = Math.round(share * 100);
  // Stryker disable next-line ConditionalExpression: without a threshold both comparisons below are false (undefined compares false), so the check only serves the types
  if (threshold !== undefined) {
    const t = threshold * 100;
    if (share < threshold && whole >= t) return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
    if (share >= threshold && whole < t) return `${(Math.ceil(share * 1000) / 10).toFixed(1)}%`;
  }
  return `${whole}%`;
}

/** The threshold as written in config, never rounded (0.755 is 75.5%). */
export const thresholdPercent = (threshold: number): string => `${+(threshold * 100).toFixed(1)}%`;

/** Percentages that add up to 100 (largest remainder), for a row of shares that sums to 1. */
export function wholePercents(shares: readonly number[], total = 100): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum === 0) return shares.map(() => 0);
  const raw = shares.map((s) => (s / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  // Largest remainder first; equal ones stay in index order (the sort is stable).
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** One sentence on what the reactive share means (the founding text's 80% test). */
export function reactiveVerdict(share: number | null, threshold: number): string {
  const t = thresholdPercent(threshold);
  const test = `by the founding text's test (${t} or more of warranty activity performed in Service Operation means a very reactive provider)`;
  if (share === null) return 'No service was read, so there is no reactive share to measure.';
  if (share >= threshold) {
    return `At or over the ${t} threshold: ${test}, this portfolio is a reactive provider, handling its warranty in Operation after incidents instead of designing it in.`;
  }
  if (share === 0) return `Nothing is missing or deferred to Operation: ${test}, this portfolio plans its warranty before Operation.`;
  return `Under the ${t} threshold: ${test}, this portfolio is not a reactive provider, but ${sharePercent(share, threshold)} of its warranty is still left to be handled in Operation, after incidents.`;
}

/**
 * A share as the whole percent the report prints: rounded, except that it never crosses the
 * threshold (a share just under it is cut down, one at or over it is raised), as `sharePercent`.
 */
export function wholeShare(share: number, threshold: number): number {
  const whole = Math.round(share * 100);
  const t = threshold * 100;
  // Under the threshold: at most the last whole percent under it; at or over: at least the first at or over it.
  return share < threshold ? Math.min(whole, Math.ceil(t) - 1) : Math.max(whole, Math.ceil(t));
}

/**
 * The stages of one row of "where warranty is planned" in whole percents, told apart so that they
 * add up with the reactive share: reactive = missing + deferred, and operation = deferred + the
 * areas defined without a plannedIn in a service already in operation (planned late, but defined,
 * so not reactive). Null with no service.
 */
export interface StageSplit {
  percents: Record<PlannedIn, number>;
  /** The part of `operation` that is deferred to Operation (reactive). */
  deferred: number;
  reactive: number;
}

export function stageSplit(view: PortfolioView, key: Area | 'overall'): StageSplit | null {
  const shares = view.planned[key];
  const reactive = key === 'overall' ? view.reactive.overall : view.reactive.byArea[key];
  if (reactive === null || PLANNED_IN.every((st) => shares[st] === 0)) return null;
  const deferred = Math.max(0, reactive - shares.missing);
  const operationDefined = Math.max(0, shares.operation - deferred);
  const reactiveWhole = wholeShare(reactive, view.reactive.threshold);
  // With a reactive share of 0%, both are 0 (wholePercents of a total of 0).
  const [missingP = 0, deferredP = 0] = wholePercents([shares.missing, deferred], reactiveWhole);
  const [strategy = 0, design = 0, transition = 0, opDefined = 0] = wholePercents([shares.strategy, shares.design, shares.transition, operationDefined], 100 - reactiveWhole);
  return { percents: { strategy, design, transition, operation: opDefined + deferredP, missing: missingP }, deferred: deferredP, reactive: reactiveWhole };
}

/** `, SLOs in 2 files` after the catalog files a report read, when it read any. */
export function sloFilesRead(count: number): string {
  return count > 0 ? `, SLOs in ${count} ${count === 1 ? 'file' : 'files'}` : '';
}
