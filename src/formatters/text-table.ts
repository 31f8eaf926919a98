// A plain-text table that fits a width: columns keep their natural width when they can; otherwise
// the shrinkable ones are cut (with an ellipsis) down to their minimum, then optional ones are
// dropped. Used by the report's summary and rollups; the coverage matrix has its own layout.
import { displayWidth, padEnd, padStart, truncate, truncateMiddle } from './text-layout.js';

export interface TextColumn<T> {
  title: string;
  align: 'left' | 'right' | 'center';
  value: (row: T) => string;
  /** Can be cut down to this width (names); absent: never cut. */
  min?: number;
  /** Cut in the middle (service names, which share prefixes), not at the end. */
  middle?: boolean;
  /** Dropped when even cut columns do not fit; dropped in the order given. */
  optional?: boolean;
  /** Colour for a cell (applied after padding, so alignment holds). */
  paint?: (row: T, text: string) => string;
}

export function textTable<T>(rows: readonly T[], columns: ReadonlyArray<TextColumn<T>>, width: number, ellipsis: string, indent = '  '): string[] {
  let cols = [...columns];
  const natural = new Map(cols.map((c) => [c, Math.max(displayWidth(c.title), ...rows.map((r) => displayWidth(c.value(r))))]));
  const widths = new Map(natural);
  const total = (): number => displayWidth(indent) + cols.reduce((sum, c) => sum + (widths.get(c) ?? 0), 0) + 2 * (cols.length - 1);
  for (const c of cols) {
    if (total() <= width) break;
    if (c.min === undefined) continue;
    const w = widths.get(c) ?? 0;
    widths.set(c, Math.max(c.min, w - (total() - width)));
  }
  for (const c of columns) {
    if (total() <= width) break;
    if (c.optional) cols = cols.filter((x) => x !== c);
  }
  const cell = (c: TextColumn<T>, text: string): string => {
    const w = widths.get(c) ?? 0;
    const t = (c.middle ? truncateMiddle : truncate)(text, w, ellipsis);
    if (c.align === 'right') return padStart(t, w);
    if (c.align === 'center') {
      const left = Math.floor((w - displayWidth(t)) / 2);
      return padEnd(' '.repeat(left) + t, w);
    }
    return padEnd(t, w);
  };
  const out = [(indent + cols.map((c) => cell(c, c.title)).join('  ')).trimEnd()];
  for (const r of rows) {
    out.push((indent + cols.map((c) => (c.paint ? c.paint(r, cell(c, c.value(r))) : cell(c, c.value(r)))).join('  ')).trimEnd());
  }
  return out;
}
