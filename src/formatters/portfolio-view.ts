// The portfolio as the report and the markdown summary show it: one row per service with the
// state of each warranty area, worst first, and the findings that belong to it. Both formats read
// this view, so they always tell the same story.
import { defaultConfig } from '../config/defaults.js';
import type { ResolvedConfig } from '../config/types.js';
import type { LintResult } from '../lint-types.js';
import { plannedShares, reactiveShareByArea, type PlannedIn } from '../model/portfolio.js';
import { missingEssentials } from '../model/build.js';
import { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import { TIER_ORDER } from '../model/vocabulary.js';
import { RULES_BY_ID } from '../rules/index.js';
import { AREAS, type Area, type Finding } from '../types.js';

/** What a coverage-matrix cell says about one area of one service. */
export type CellState = 'defined' | 'incomplete' | 'deferred' | 'placeholder' | 'missing' | 'waived';

export const CELL_STATES: readonly CellState[] = ['defined', 'incomplete', 'deferred', 'placeholder', 'missing', 'waived'];

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
  return missingEssentials(model).length > 0 ? 'incomplete' : 'defined';
}

export function buildView(result: LintResult, portfolio: ResolvedConfig['portfolio'] = defaultConfig().portfolio): PortfolioView {
  const documents = new ServicesByDocument(result.services);
  // A later document that repeats a name is not a service of its own (it counts nowhere): its
  // findings, duplicate-service first among them, are listed with the service it repeats.
  const first = new Map<string, Service>();
  for (const s of result.services) if (s.name !== null && !first.has(s.name)) first.set(s.name, s);
  const counted = (s: Service): Service => (s.name !== null ? (first.get(s.name) ?? s) : s);
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
    const list = byService.get(s) ?? [];
    list.push(f);
    byService.set(s, list);
  }
  const rows = result.services.filter((s) => counted(s) === s).map((service): ServiceRow => {
    const findings = byService.get(service) ?? [];
    const cells = {} as Record<Area, CellState>;
    for (const a of AREAS) cells[a] = cellState(service, a, findings);
    const open = findings.filter((f) => !f.waived);
    return { service, cells, findings, repeats, open: open.length, errors: open.filter((f) => f.severity === 'error').length, waived: findings.length - open.length };
  });
  rows.sort(compareRows);
  const config = { portfolio };
  return {
    rows,
    other,
    reactive: { overall: result.summary.reactiveShare, byArea: reactiveShareByArea(result.services, config), threshold: portfolio.reactiveThreshold },
    planned: plannedShares(result.services, config),
    weights: portfolio.weights,
  };
}

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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Who answers for a finding: the area's own owner, else the service owner (of the document it is about). */
export function accountableOwner(row: Pick<ServiceRow, 'service' | 'repeats'>, finding: Finding): string | undefined {
  const service = row.repeats.get(finding) ?? row.service;
  return (finding.area !== null ? service.areas[finding.area].owner : undefined) ?? service.owner;
}

/** The rule's remediation sentence, on one line. */
export function remediationOf(ruleId: string): string | undefined {
  const text = RULES_BY_ID.get(ruleId)?.meta.remediation;
  return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
}

/** A share as a whole percent, never rounded across the threshold (79.6% below 80% shows as 79.6%, not 80%). */
export function sharePercent(share: number, threshold?: number): string {
  const whole = Math.round(share * 100);
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
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
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
