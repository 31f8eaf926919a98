// Shape rules a JSON Schema cannot state because they compare two fields. They are `schema`
// findings like the others: the service is malformed, not merely short of its warranty.
import { joinPointer } from '../load/pointer.js';
import type { SchemaProblem } from './validate.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Problems of `warranty` (the raw `spec.warranty` value, at `pointer`) that compare fields. */
export function crossFieldProblems(warranty: unknown, pointer: string, subject: string): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const capacity = isObj(warranty) ? warranty.capacity : undefined;
  const t = isObj(capacity) ? capacity.thresholds : undefined;
  // SPEC §2: utilisation thresholds, warn < critical ≤ 100 (each is a percent; the schema checks the range).
  if (isObj(t) && typeof t.warn === 'number' && typeof t.critical === 'number' && t.warn >= t.critical) {
    const at = joinPointer(pointer, 'capacity', 'thresholds', 'warn');
    out.push({
      pointer: at,
      at: 'value',
      spoils: joinPointer(pointer, 'capacity', 'thresholds'),
      message: `${subject}: capacity.thresholds.warn (${t.warn}%) must be below capacity.thresholds.critical (${t.critical}%): the warning comes before the critical level`,
    });
  }
  return out;
}
