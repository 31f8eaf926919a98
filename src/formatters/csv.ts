// The coverage matrix as CSV (RFC 4180), one row per service, worst first, for a spreadsheet.
// Values from files cannot become formulas: control characters are escaped visibly as in the other
// formats (SPEC §8), so no tab or carriage return can start a cell, and a cell that starts with
// = + - @ is prefixed with a single quote, as OWASP advises against CSV injection.
import { AREAS } from '../types.js';
import { escapeText } from './escape.js';
import { buildView, type CellState } from './portfolio-view.js';
import type { Formatter } from './types.js';

const STATE: Record<CellState, string> = {
  defined: 'defined',
  flagged: 'defined with findings',
  incomplete: 'incomplete',
  deferred: 'deferred',
  placeholder: 'placeholder',
  missing: 'missing',
  waived: 'waived',
};

/** A value from a file, made safe for a spreadsheet cell. */
export function csvCell(value: string): string {
  // escapeText has written tab, CR and LF visibly (`\t`, `\r`, `\n`): none of them is left to start a
  // formula or to need quoting.
  let text = escapeText(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",]|^\s|\s$|^'/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csv: Formatter = (result, ctx) => {
  const view = buildView(result, ctx.portfolio);
  const head = ['service', 'file', 'tier', 'stage', 'owner', 'open', 'errors', 'warnings', 'waived', ...AREAS];
  const lines = [head.join(',')];
  for (const r of view.rows) {
    const s = r.service;
    lines.push(
      [
        csvCell(s.name ?? ''),
        csvCell(s.file),
        s.tier,
        s.stage,
        csvCell(s.owner ?? ''),
        String(r.open),
        String(r.errors),
        String(r.warnings),
        String(r.waived),
        ...AREAS.map((a) => STATE[r.cells[a]]),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
};
