// The rules reference (docs/rules.md) is generated from the rule metadata, never written by hand:
// one source for `warranty-lint rules`, `explain`, the docs and every finding's docsUrl.
import type { Rule, RuleMeta } from '../rules/types.js';
import { TIERS } from '../types.js';
import { renderOpenQuestions } from './open-questions.js';

const SCOPE: Record<Rule['scope'], string> = {
  engine: 'raised by the loader and engine (files, parsing, schema, limits)',
  service: 'one service at a time',
  catalog: 'the whole linted set of services',
  waivers: 'the waivers of each service, after the other rules',
};

/** `error (low tier: warning)`: the recommended severity with its tier variants. */
export function severityLabel(meta: Pick<RuleMeta, 'severity' | 'tierSeverity'>): string {
  const variants = TIERS.filter((t) => meta.tierSeverity?.[t] !== undefined).map((t) => `${t} tier: ${meta.tierSeverity?.[t]}`);
  return variants.length === 0 ? meta.severity : `${meta.severity} (${variants.join(', ')})`;
}

/** The whole docs/rules.md, from the registry. Sections are in registry order; each heading is the rule id (its anchor). */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const out: string[] = [
    '# warranty-lint rules',
    '',
    '<!-- Generated from the rule metadata (src/rules/*.ts) by `npm run docs`. Do not edit by hand: test/meta.test.ts fails when this file is out of date. -->',
    '',
    'Each rule checks one kind of gap in the warranty of a service: availability, capacity, IT service',
    'continuity and information security agreed in Service Strategy and Service Design rather than',
    'left to Service Operation. Severities below are those of the `recommended` preset; `strict`',
    'raises every warning to error and every info to warning, and `rules` or `overrides` in the',
    'config set any rule to `off`, `info`, `warning` or `error`.',
    '',
    '| rule | area | default severity | flags |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.area ?? '—'} | ${severityLabel(r.meta)} | ${cell(r.meta.description)} |`),
    '',
  ];
  for (const rule of rules) {
    const m = rule.meta;
    out.push(
      `## ${m.id}`,
      '',
      m.description,
      '',
      `- **Area:** ${m.area ?? 'none (the finding is about a file, a document, the catalog or a waiver)'}`,
      `- **Default severity:** ${severityLabel(m)}`,
      `- **Checks:** ${SCOPE[rule.scope]}`,
      '',
      '### Why it matters',
      '',
      m.rationale,
      '',
      '### Fails',
      '',
      ...fence(m.examples.fail),
      '',
      '### Passes',
      '',
      ...fence(m.examples.pass),
      '',
      '### How to fix',
      '',
      m.remediation,
      '',
      ...(m.notes !== undefined ? ['### Details', '', m.notes, ''] : []),
    );
  }
  out.push(...renderOpenQuestions());
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function fence(yaml: string): string[] {
  return ['```yaml', ...yaml.replace(/\n$/, '').split('\n'), '```'];
}
