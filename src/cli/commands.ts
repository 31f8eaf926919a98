import { RULES, RULES_BY_ID, docsUrl } from '../rules/index.js';

/** `warranty-lint rules`: id, area, default severity, description — one line each. */
export function listRules(): string {
  const rows = RULES.map((r) => [r.meta.id, r.meta.area ?? '-', severityText(r.meta.severity, r.meta.tierSeverity), r.meta.description]);
  const w0 = Math.max(...rows.map((r) => (r[0] as string).length), 4);
  const w1 = Math.max(...rows.map((r) => (r[1] as string).length), 4);
  const w2 = Math.max(...rows.map((r) => (r[2] as string).length), 8);
  const head = `${'rule'.padEnd(w0)}  ${'area'.padEnd(w1)}  ${'severity'.padEnd(w2)}  description`;
  return [head, ...rows.map(([a, b, c, d]) => `${(a as string).padEnd(w0)}  ${(b as string).padEnd(w1)}  ${(c as string).padEnd(w2)}  ${d}`)].join('\n') + '\n';
}

function severityText(base: string, byTier?: Partial<Record<string, string>>): string {
  if (!byTier) return base;
  return [base, ...Object.entries(byTier).map(([t, s]) => `${t}:${s}`)].join(' ');
}

/** `warranty-lint explain <rule>`. */
export function explainRule(id: string): string | undefined {
  const rule = RULES_BY_ID.get(id);
  if (!rule) return undefined;
  const m = rule.meta;
  const indent = (s: string): string => s.replace(/\n$/, '').split('\n').map((l) => `    ${l}`).join('\n');
  return [
    `${m.id}  (${m.area ?? 'any area'}, ${severityText(m.severity, m.tierSeverity)})`,
    '',
    m.description,
    '',
    'Why it matters',
    `  ${m.rationale}`,
    '',
    'Fails',
    indent(m.examples.fail),
    '',
    'Passes',
    indent(m.examples.pass),
    '',
    'How to fix',
    `  ${m.remediation}`,
    '',
    `More: ${docsUrl(m.id)}`,
    '',
  ].join('\n');
}
