import { docsUrl } from '../docs/url.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleMeta } from '../rules/types.js';
import { severityLabel } from '../docs/rules-doc.js';

const label = (m: RuleMeta): string => (m.defaultOff ? 'off' : severityLabel(m));

/** `warranty-lint rules`: id, area, default severity, description — one line each; the config's policies after the built-in rules. */
export function listRules(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((r) => [r.meta.id, r.meta.area ?? '-', label(r.meta), r.meta.description] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length), 4);
  const w1 = Math.max(...rows.map((r) => r[1].length), 4);
  const w2 = Math.max(...rows.map((r) => r[2].length), 8);
  const line = (a: string, b: string, c: string, d: string): string => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c.padEnd(w2)}  ${d}`;
  return [line('rule', 'area', 'severity', 'description'), ...rows.map((r) => line(...r))].join('\n') + '\n';
}

/**
 * `warranty-lint explain <rule>`: why it matters, a failing and a passing example, how to fix it.
 * A policy has no examples: it says where it is defined, whom it judges and what it checks.
 */
export function explainRule(id: string, rules: readonly Rule[] = RULES): string | undefined {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) return undefined;
  const m = rule.meta;
  const indent = (s: string): string =>
    s
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  const p = m.policy;
  const middle = p
    ? ['Applies to', `  ${p.applies}`, '', 'Checks  (each failing check is one finding)', ...p.checks.map((c) => `  - ${c}`)]
    : ['Fails  (examples keep only the parts of a service this rule reads)', indent(m.examples.fail), '', 'Passes', indent(m.examples.pass)];
  return [
    `${m.id}  (${m.area ?? 'no area'}, ${label(m)}${p ? `; policy${p.source ? ` from ${p.source}` : ''}` : ''})`,
    '',
    m.description,
    '',
    'Why it matters',
    `  ${m.rationale}`,
    '',
    ...middle,
    '',
    'How to fix',
    `  ${m.remediation}`,
    '',
    `More: ${docsUrl(m.id)}`,
    '',
  ].join('\n');
}
