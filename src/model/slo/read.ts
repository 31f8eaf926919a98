// What SLO formats share: reading a percent out of a ratio, a window out of the formats' units,
// and telling an availability objective from one about latency or freshness.
import { parseDuration } from '../units.js';

export const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
// Number.isFinite takes no text for a number (unlike the global isFinite).
const finite = (v: unknown): number | undefined => (Number.isFinite(v) ? (v as number) : undefined);

/** A percent (99.9) from a ratio (0.999), rounded so that 0.9995 is 99.95, not 99.94999999999999. */
export function percentOfRatio(ratio: unknown): number | undefined {
  const r = finite(ratio) ?? 0;
  return r > 0 && r <= 1 ? Math.round(r * 1e10) / 1e8 : undefined;
}

/** A percent as written (99.9), when it is one. */
export function percent(value: unknown): number | undefined {
  const p = finite(value) ?? 0;
  return p > 0 && p <= 100 ? p : undefined;
}

const DAY = 86400;
/**
 * Calendar units as the built-in durations count them (ISO 8601 `P1M` is 30 days, `P1Y` 365), so
 * that an SLO over `1M` meets a warranty window of `30d`; a quarter is three such months.
 */
const CALENDAR: Record<string, number> = { M: 30 * DAY, Q: 90 * DAY, Y: 365 * DAY };

/** OpenSLO's duration shorthand (`28d`, `4w`, `1M`, `1Q`): seconds, or undefined. */
export function shorthandSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)([MQY])$/.exec(value.trim());
  return usable(m ? Number(m[1]) * (CALENDAR[m[2] as string] as number) : parseDuration(value.trim()));
}

/** A window of whole seconds that a number holds exactly: `1e60d` is no window (nothing to compare). */
const usable = (seconds: number | undefined): number | undefined => (Number.isSafeInteger(seconds) && (seconds as number) > 0 ? seconds : undefined);

const UNIT: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: DAY, week: 7 * DAY, month: CALENDAR.M as number, quarter: CALENDAR.Q as number, year: CALENDAR.Y as number };

/** OpenSLO v1alpha's `{ unit: Day, count: 28 }`: seconds, or undefined. */
export function unitCountSeconds(unit: unknown, count: unknown): number | undefined {
  const size = typeof unit === 'string' ? UNIT[unit.toLowerCase()] : undefined;
  // An unknown unit or a count that is no number makes NaN, a count of 0 or less no positive window: usable() turns both away.
  return usable(Number(size) * Number(finite(count)));
}

/** Words that name what an objective measures when it is not availability. */
const OTHER = /latenc|duration|response.?time|slow|fast|speed|\bp\d{2,3}\b|percentile|fresh|stale|throughput|saturation|lag\b|queue|backlog|durab/i;
const AVAILABILITY = /availab|uptime|\bup\b|success|error|fail|5xx/i;

/**
 * Whether an objective is about availability, from the words that name it and whether it compares
 * a value with a threshold (OpenSLO's `op`/`value`, a latency bound). The objective's own words
 * decide first, one by one, most specific first (a "p99 latency" objective in an SLO named
 * "checkout-availability" is about latency; a name before a description), then its threshold,
 * then the words of its document; an objective nothing names is taken as availability.
 */
// Stryker disable next-line ArrayDeclaration: the default context names nothing, and the mutant's word ("Stryker was here") names no kind either.
export function kindOf(own: ReadonlyArray<string | undefined>, threshold: boolean, context: ReadonlyArray<string | undefined> = []): 'availability' | 'other' {
  // One by one, most specific first (a name before its description).
  for (const w of own) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: for the types: tested as text, undefined is "undefined", which names no kind.
    if (w === undefined) continue;
    if (AVAILABILITY.test(w)) return 'availability';
    if (OTHER.test(w)) return 'other';
  }
  if (threshold) return 'other';
  // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator: for the types: join() writes an undefined word as nothing.
  const theirs = context.filter((w): w is string => w !== undefined).join(' ');
  return !AVAILABILITY.test(theirs) && OTHER.test(theirs) ? 'other' : 'availability';
}
