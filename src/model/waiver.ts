import type { Waiver } from './types.js';

/** Is the waiver in force today (not past `expires`, and not longer than `waivers.maxDays` from today)? */
export function waiverInForce(w: Waiver, today: number, maxDays: number): boolean {
  return w.rule !== undefined && w.expires !== undefined && w.expires >= today && w.expires - today <= maxDays;
}
