import type { ResolvedConfig } from '../config/types.js';
import { AREAS, STAGES, type Area, type Stage } from '../types.js';
import type { Service } from './types.js';

/** Services that count in the portfolio: the first of each name (SPEC §4: duplicates do not count). */
export function countedServices(services: readonly Service[]): Service[] {
  const seen = new Set<string>();
  return services.filter((s) => {
    if (s.name === null) return true;
    if (seen.has(s.name)) return false;
    seen.add(s.name);
    return true;
  });
}

/**
 * The tier-weighted share of (service, area) pairs that are missing or deferred to Operation
 * (SPEC §3): the founding text's test of a reactive provider. Null when there is no service.
 */
export function reactiveShare(services: readonly Service[], config: ResolvedConfig): number | null {
  let total = 0;
  let reactive = 0;
  for (const s of countedServices(services)) {
    const w = config.portfolio.weights[s.tier];
    for (const a of AREAS) {
      total += w;
      if (s.areas[a].status !== 'defined') reactive += w;
    }
  }
  return total === 0 ? null : reactive / total;
}

/** Where one (service, area) pair was planned, for the report's "where warranty is planned". */
export type PlannedIn = Stage | 'missing';

export const PLANNED_IN: readonly PlannedIn[] = [...STAGES, 'missing'];

/**
 * The stage an area was planned in: `missing` when the area is missing (or a placeholder as a
 * whole); `operation` when it is deferred to Operation, whatever its `plannedIn` says; else its
 * `plannedIn`; else the service's current lifecycle stage (the stage the definition is written in).
 */
export function plannedStage(service: Service, area: Area): PlannedIn {
  const a = service.areas[area];
  if (a.status === 'missing') return 'missing';
  if (a.status === 'deferred') return 'operation';
  return a.plannedIn ?? service.stage;
}

/** Tier-weighted reactive share per area (the same measure as `reactiveShare`, one area at a time). */
export function reactiveShareByArea(services: readonly Service[], config: Pick<ResolvedConfig, 'portfolio'>): Record<Area, number | null> {
  const out = {} as Record<Area, number | null>;
  const counted = countedServices(services);
  for (const a of AREAS) {
    let total = 0;
    let reactive = 0;
    for (const s of counted) {
      const w = config.portfolio.weights[s.tier];
      total += w;
      if (s.areas[a].status !== 'defined') reactive += w;
    }
    out[a] = total === 0 ? null : reactive / total;
  }
  return out;
}

/**
 * Tier-weighted shares of (service, area) pairs by the stage they were planned in, per area and
 * over all four; each row sums to 1 (all zero with no service).
 */
export function plannedShares(services: readonly Service[], config: Pick<ResolvedConfig, 'portfolio'>): Record<Area | 'overall', Record<PlannedIn, number>> {
  const zero = (): Record<PlannedIn, number> => ({ strategy: 0, design: 0, transition: 0, operation: 0, missing: 0 });
  const sums = { overall: zero() } as Record<Area | 'overall', Record<PlannedIn, number>>;
  for (const a of AREAS) sums[a] = zero();
  const totals: Record<string, number> = {};
  for (const s of countedServices(services)) {
    const w = config.portfolio.weights[s.tier];
    for (const a of AREAS) {
      const stage = plannedStage(s, a);
      sums[a][stage] += w;
      sums.overall[stage] += w;
      totals[a] = (totals[a] ?? 0) + w;
      totals.overall = (totals.overall ?? 0) + w;
    }
  }
  for (const key of Object.keys(sums) as Array<Area | 'overall'>) {
    const t = totals[key] ?? 0;
    if (t === 0) continue;
    for (const st of PLANNED_IN) sums[key][st] /= t;
  }
  return sums;
}
