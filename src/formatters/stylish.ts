import { Chalk } from 'chalk';
import type { Finding, Severity } from '../types.js';
import { escapeText } from './escape.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Findings grouped by file, `line:col  severity  message  rule`, then one summary line. */
export const stylish: Formatter = (result, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const shown = result.findings.filter((f) => !f.waived && (!ctx.quiet || f.severity === 'error'));
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.file ?? '(portfolio)';
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const out: string[] = [];
  for (const [file, list] of groups) {
    out.push('', c.underline(escapeText(file)));
    const rows = list.map((f) => [f.line === null ? '' : `${f.line}:${f.column}`, f.severity, escapeText(f.message), f.ruleId] as const);
    // reduce, not Math.max(...): a file of many documents can hold more findings than a call takes arguments.
    const w0 = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
    const w1 = rows.reduce((w, r) => Math.max(w, r[1].length), 0);
    for (const [pos, sev, msg, rule] of rows) {
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${paint[sev as Severity](sev.padEnd(w1))}  ${msg}  ${c.dim(rule)}`);
    }
  }
  const { errors, warnings, infos, waived, baselined, services } = result.summary;
  const total = errors + warnings + infos;
  const extras = [waived > 0 ? `${waived} waived` : '', baselined > 0 ? `${baselined} baselined` : ''].filter(Boolean).join(', ');
  const tail = `in ${plural(services, 'service')}${extras ? ` (${extras})` : ''}`;
  out.push('');
  // A run with paths that were not found exits 2: it never reads as a success.
  const missing = result.missing.length;
  const notFound = `${plural(missing, 'path')} not found or empty (see above)`;
  if (missing > 0 && result.files.length === 0) {
    out.push(c.red.bold(`✖ nothing was linted: ${notFound}`));
  } else if (total === 0) {
    out.push(missing > 0 ? c.red.bold(`✖ no problems ${tail}, but ${notFound}`) : c.green(`✔ no problems ${tail}`));
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) parts.push(infos === 1 ? '1 info' : `${infos} infos`);
    const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) ${tail}${missing > 0 ? `; ${notFound}` : ''}`;
    out.push(errors > 0 || missing > 0 ? c.red.bold(line) : c.yellow.bold(line));
  }
  // Stryker disable next-line Regex: out always starts with '' (a group's or the summary's blank line), so the first newline is always at the start
  return out.join('\n').replace(/^\n/, '') + '\n';
};
