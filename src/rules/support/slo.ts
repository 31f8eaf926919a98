// How messages name an SLO document's objective: its name, its file and line, its target and window.
// Shared by availability-slo-mismatch and the evidence the engine adds to warranty-area-missing.
import type { Slo } from '../../model/slo/index.js';
import { formatDuration } from '../../model/units.js';
import { quote } from '../types.js';

/** `99.9%`, or what the SLO states when it has no readable target. */
export function sloTarget(slo: Slo): string {
  return slo.target !== undefined ? `${slo.target}%` : 'no readable target';
}

/** `28d` as written, or the normalised duration, or why there is none. */
export function sloWindow(slo: Slo): string {
  if (slo.windowText !== undefined) return slo.windowText;
  return slo.window !== undefined ? formatDuration(slo.window) : 'no stated window';
}

/** `the SLO "checkout-availability" (slos/checkout.yaml:12)`. */
export function sloPlace(slo: Slo): string {
  return `the SLO ${quote(slo.name)} (${slo.file}:${slo.range.line})`;
}

/**
 * What an SLO found for a service without an availability area says: the first availability
 * objective in file order, and how many more there are.
 */
export function sloEvidence(slos: readonly Slo[]): string {
  const first = slos[0];
  // Stryker disable next-line ConditionalExpression,StringLiteral: the one caller (engine/slo-evidence.ts) skips a service with no SLO, so the list is never empty here.
  if (first === undefined) return '';
  const more = slos.length > 1 ? ` (and ${slos.length - 1} more SLO${slos.length > 2 ? 's' : ''} for it)` : '';
  const over = first.window !== undefined ? ` over ${sloWindow(first)}` : '';
  const of = first.target !== undefined ? ` of ${first.target}%` : '';
  return `An SLO${of}${over} exists in ${first.file}${more}: adopt it as the availability target and window.`;
}
