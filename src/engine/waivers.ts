import type { KeptFinding } from './finding.js';
import type { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import { waiverCovers } from '../model/waiver.js';

/**
 * Marks the findings that a service's own waivers match (rule, and area when the waiver names
 * one) as waived, and returns which waivers were used. Findings of waiver rules are never
 * waived: a waiver cannot hide what is wrong with waivers.
 */
export function applyWaivers(findings: readonly KeptFinding[], documents: ServicesByDocument, today: number, maxDays: number, waiverRules: ReadonlySet<string>): Map<Service, Set<number>> {
  const used = new Map<Service, Set<number>>();
  for (const f of findings) {
    if (waiverRules.has(f.ruleId)) continue;
    const s = documents.of(f);
    if (!s) continue;
    for (const w of s.waivers) {
      if (!waiverCovers(w, f, today, maxDays)) continue;
      f.waived = true;
      let set = used.get(s);
      if (!set) used.set(s, (set = new Set()));
      set.add(w.index);
    }
  }
  return used;
}
