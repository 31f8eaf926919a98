import type { ResolvedConfig } from '../config/types.js';
import { AREAS } from '../types.js';
import type { Service } from '../model/types.js';

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
