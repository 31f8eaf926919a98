// What a service manager asks of the portfolio view before the detail: who owns the gaps (per
// owner, per tier), which services are the worst risks, and which waivers are in force. Every
// format reads these, so the text report, the Markdown and the HTML agree.
import { countedServices } from '../model/portfolio.js';
import type { Service } from '../model/types.js';
import { formatDay, parseDay } from '../model/units.js';
import { TIER_ORDER } from '../model/vocabulary.js';
import { AREAS, TIERS, type Area, type Tier } from '../types.js';
import type { PortfolioView, ServiceRow } from './portfolio-view.js';

/** One line of a rollup: a group of services (an owner's, a tier's) and what is open against them. */
export interface Rollup {
  key: string;
  services: number;
  errors: number;
  warnings: number;
  /** Open findings of every severity. */
  open: number;
  /** Open errors weighted by each service's tier: how the groups are ranked. */
  weightedErrors: number;
  /** Tier-weighted share of the group's (service, area) pairs missing or deferred; null with no counted service. */
  reactive: number | null;
}

/** The owner a service is filed under in the rollups (services without one are grouped together). */
export const NO_OWNER = '(no owner)';
export const ownerKey = (s: Service): string => s.owner ?? NO_OWNER;

function rollup(view: PortfolioView, keyOf: (s: Service) => string): Map<string, Rollup> {
  const counted = new Set(countedServices(view.rows.map((r) => r.service)));
  const out = new Map<string, Rollup & { total: number; reactiveWeight: number }>();
  for (const r of view.rows) {
    const key = keyOf(r.service);
    let g = out.get(key);
    if (!g) {
      g = { key, services: 0, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: null, total: 0, reactiveWeight: 0 };
      out.set(key, g);
    }
    const w = view.weights[r.service.tier];
    g.services++;
    g.errors += r.errors;
    g.warnings += r.warnings;
    g.open += r.open;
    g.weightedErrors += w * r.errors;
    if (!counted.has(r.service)) continue;
    for (const a of AREAS) {
      g.total += w;
      if (r.service.areas[a].status !== 'defined') g.reactiveWeight += w;
    }
  }
  const plain = new Map<string, Rollup>();
  for (const [key, { total, reactiveWeight, ...g }] of out) plain.set(key, { ...g, reactive: total === 0 ? null : reactiveWeight / total });
  return plain;
}

/** Per owner (the service owner), worst first: tier-weighted open errors, then reactive share, then open findings, then name. */
export function ownerRollup(view: PortfolioView): Rollup[] {
  return [...rollup(view, ownerKey).values()].sort(
    (a, b) => b.weightedErrors - a.weightedErrors || (b.reactive ?? 0) - (a.reactive ?? 0) || b.open - a.open || cmp(a.key, b.key),
  );
}

/** Per tier, critical first; every tier, with or without services. */
export function tierRollup(view: PortfolioView): Array<Rollup & { key: Tier }> {
  const groups = rollup(view, (s) => s.tier);
  return TIERS.map((t) => ({ ...(groups.get(t) ?? { key: t, services: 0, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: null }), key: t }));
}

/** How bad a service is, for the top risks: its open errors weighted by its tier. */
export const riskScore = (view: PortfolioView, row: ServiceRow): number => view.weights[row.service.tier] * row.errors;

/**
 * The worst services: those with open errors, by tier-weighted open errors, then open findings,
 * then the view's own order (tier first: the sort is stable); at most `max`.
 */
export function topRisks(view: PortfolioView, max = 10): ServiceRow[] {
  return view.rows
    .filter((r) => r.errors > 0)
    .sort((a, b) => riskScore(view, b) - riskScore(view, a) || b.open - a.open)
    .slice(0, max);
}

/** One waiver as an auditor reads it. */
export interface WaiverEntry {
  service: string | null;
  file: string;
  tier: Tier;
  rule: string | null;
  area: Area | null;
  approvedBy: string | null;
  reason: string | null;
  /** `YYYY-MM-DD`, or null when the waiver has no valid expiry (a `schema` finding). */
  expires: string | null;
  /** Days from the run's date to the expiry: negative once expired; null without an expiry. */
  daysLeft: number | null;
  expired: boolean;
  /**
   * `expired`; `too-long` (runs past waivers.maxDays, so not in force); `unused` (in force but
   * waives nothing); `invalid` (no rule or no valid expiry); else `in-force`.
   */
  status: 'expired' | 'too-long' | 'unused' | 'invalid' | 'in-force';
}

/** What a waiver's status means, in words every format uses. */
export const WAIVER_STATUS: Record<WaiverEntry['status'], string> = {
  expired: 'expired',
  'too-long': 'not in force (longer than waivers.maxDays)',
  unused: 'in force, unused',
  invalid: 'invalid (no rule or no valid expiry)',
  'in-force': 'in force',
};

/**
 * Every waiver of every service: expired ones first (longest expired first), then those without a
 * valid expiry, then by days left; ties by service, then rule.
 */
export function waiverRegister(view: PortfolioView, today: string): WaiverEntry[] {
  const day = parseDay(today);
  const out: WaiverEntry[] = [];
  for (const r of view.rows) {
    for (const w of r.service.waivers) {
      const daysLeft = w.expires === undefined || day === undefined ? null : w.expires - day;
      const said = (rule: string): boolean => r.findings.some((f) => f.ruleId === rule && f.pointer === w.pointer);
      const expired = (daysLeft ?? 0) < 0;
      const status: WaiverEntry['status'] =
        w.rule === undefined || daysLeft === null ? 'invalid' : expired ? 'expired' : said('waiver-expired') ? 'too-long' : said('waiver-unused') ? 'unused' : 'in-force';
      out.push({
        service: r.service.name,
        file: r.service.file,
        tier: r.service.tier,
        rule: w.rule ?? null,
        area: w.area ?? null,
        approvedBy: w.approvedBy ?? null,
        reason: w.reason ?? null,
        expires: w.expires === undefined ? null : formatDay(w.expires),
        daysLeft,
        expired,
        status,
      });
    }
  }
  const rank = (e: WaiverEntry): number => (e.expired ? 0 : e.daysLeft === null ? 1 : 2);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.daysLeft ?? 0) - (b.daysLeft ?? 0) ||
      TIER_ORDER[b.tier] - TIER_ORDER[a.tier] ||
      cmp(a.service ?? '', b.service ?? '') ||
      cmp(a.rule ?? '', b.rule ?? ''),
  );
}

// Stryker disable next-line ConditionalExpression: only sorts call it, and V8's sort reads a comparison's sign as < 0 or not, so 1 and 0 are alike
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
