import { docsUrl } from '../docs/url.js';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import { severityLabel } from '../docs/rules-doc.js';
import { backstageForm } from '../docs/backstage-form.js';

/** `warranty-lint rules`: id, area, default severity, description — one line each. */
export function listRules(): string {
  const rows = RULES.map((r) => [r.meta.id, r.meta.area ?? '-', severityLabel(r.meta), r.meta.description] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length), 4);
  const w1 = Math.max(...rows.map((r) => r[1].length), 4);
  const w2 = Math.max(...rows.map((r) => r[2].length), 8);
  const line = (a: string, b: string, c: string, d: string): string => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c.padEnd(w2)}  ${d}`;
  return [line('rule', 'area', 'severity', 'description'), ...rows.map((r) => line(...r))].join('\n') + '\n';
}

/** The failing example as a Backstage Component, when it has that form. */
function backstageSection(example: string): string[] {
  const form = backstageForm(example);
  if (form === undefined) return [];
  const body = form.replace(/\n$/, '').split('\n').map((l) => `    ${l}`);
  return ['Fails, in a Backstage catalog-info.yaml  (the same service as a Component of type service)', ...body, ''];
}

/** `warranty-lint explain <rule>`: why it matters, a failing and a passing example, how to fix it. */
export function explainRule(id: string): string | undefined {
  const rule = RULES_BY_ID.get(id);
  if (!rule) return undefined;
  const m = rule.meta;
  const indent = (s: string): string =>
    s
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  return [
    `${m.id}  (${m.area ?? 'no area'}, ${severityLabel(m)})`,
    '',
    m.description,
    '',
    'Why it matters',
    `  ${m.rationale}`,
    '',
    'Fails  (examples keep only the parts of a service this rule reads)',
    indent(m.examples.fail),
    '',
    'Passes',
    indent(m.examples.pass),
    '',
    ...backstageSection(m.examples.fail),
    'How to fix',
    `  ${m.remediation}`,
    '',
    `More: ${docsUrl(m.id)}`,
    '',
  ].join('\n');
}
