import type { Waiver } from './types.js';

/** Is the waiver in force today (not past `expires`, and not longer than `waivers.maxDays` from today)? */
export function waiverInForce(w: Waiver, today: number, maxDays: number): boolean {
  // No expiry: NaN, which no comparison holds.
  const expires = w.expires ?? Number.NaN;
  return w.rule !== undefined && expires >= today && expires - today <= maxDays;
}

/** Whether a waiver in force today covers a finding: its rule, and its area when the waiver names one. */
export function waiverCovers(w: Waiver, finding: { ruleId: string; area: string | null }, today: number, maxDays: number): boolean {
  return waiverInForce(w, today, maxDays) && w.rule === finding.ruleId && (w.area === undefined || w.area === finding.area);
}

/** The first waiver of a service that covers a finding (the one a report names). */
export function waiverFor(service: { waivers: readonly Waiver[] }, finding: { ruleId: string; area: string | null }, today: number, maxDays: number): Waiver | undefined {
  return service.waivers.find((w) => waiverCovers(w, finding, today, maxDays));
}
