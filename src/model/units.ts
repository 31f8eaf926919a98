// Durations, percentages and dates as the rules compare them: seconds, numbers, day counts.

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const ISO = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in a duration (`15m`, `4h`, `PT4H`, `P30D`); undefined when it is not one. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const short = /^(\d+)([smhdw])$/.exec(value);
  if (short) return Number(short[1]) * (UNIT_SECONDS[short[2] as string] as number);
  const iso = ISO.exec(value);
  if (!iso) return undefined;
  const [, y, mo, w, d, h, mi, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
  return (y as number) * 365 * 86400 + (mo as number) * 30 * 86400 + (w as number) * 604800 + (d as number) * 86400 + (h as number) * 3600 + (mi as number) * 60 + (s as number);
}

/** A duration for people: 900 → "15m", 5400 → "1h30m". */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}

/** `99.9`, `"99.9%"` → 99.9; undefined otherwise. */
export function parsePercent(value: unknown): number | undefined {
  // Number.isFinite takes no text for a number (unlike the global isFinite).
  if (Number.isFinite(value)) return value as number;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Days since the epoch of a `YYYY-MM-DD` date that exists; undefined otherwise. */
export function parseDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  // A day the month does not have (00, 31 in April, up to 99) rolls into another month, as a month 00 or 13 does.
  if (back.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return Math.round(t / 86400000);
}

export function formatDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** `10MiB`, `512KB`, `1000` → bytes. */
export function parseSize(value: unknown): number | undefined {
  if (Number.isFinite(value) && (value as number) >= 0) return value as number;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'B').toLowerCase();
  const mult: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };
  return Math.floor(Number(m[1]) * (mult[unit] as number));
}
