import type { KeptFinding } from './finding.js';
import type { Service, Waiver } from '../model/types.js';
import { serviceKey } from './service-index.js';

/** Rules whose findings are about waivers themselves: a waiver cannot hide them. */
const UNWAIVABLE = new Set(['waiver-expired', 'waiver-unused']);

/** Is the waiver in force today (not past `expires`, and not longer than `waivers.maxDays` from today)? */
export function waiverInForce(w: Waiver, today: number, maxDays: number): boolean {
  return w.rule !== undefined && w.expires !== undefined && w.expires >= today && w.expires - today <= maxDays;
}

/**
 * Marks the findings that a service's own waivers match (rule, and area when the waiver names
 * one) as waived, and returns which waivers were used.
 */
export function applyWaivers(findings: readonly KeptFinding[], services: readonly Service[], today: number, maxDays: number): Map<Service, Set<number>> {
  const used = new Map<Service, Set<number>>();
  // A finding names its file and service, not its document: two documents of one name in one file
  // (a duplicate-service) share their waivers rather than the later one's being ignored.
  const withWaivers = new Map<string, Service[]>();
  for (const s of services) {
    if (s.name === null || s.waivers.length === 0) continue;
    const k = serviceKey(s.file, s.name);
    withWaivers.set(k, [...(withWaivers.get(k) ?? []), s]);
  }
  if (withWaivers.size === 0) return used;
  for (const f of findings) {
    if (f.service === null || f.file === null || UNWAIVABLE.has(f.ruleId)) continue;
    for (const s of withWaivers.get(serviceKey(f.file, f.service)) ?? []) {
      for (const w of s.waivers) {
        if (!waiverInForce(w, today, maxDays) || w.rule !== f.ruleId) continue;
        if (w.area !== undefined && w.area !== f.area) continue;
        f.waived = true;
        let set = used.get(s);
        if (!set) used.set(s, (set = new Set()));
        set.add(w.index);
      }
    }
  }
  return used;
}
