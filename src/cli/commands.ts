import { docsUrl } from '../docs/url.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleMeta } from '../rules/types.js';
import { severityLabel } from '../docs/rules-doc.js';
import { TIERS } from '../types.js';
import { backstageForm } from '../docs/backstage-form.js';

const label = (m: RuleMeta): string => (m.defaultOff ? 'off' : severityLabel(m));

/**
 * `warranty-lint rules`: id, area, default severity, description — a row each, the config's policies
 * after the built-in rules; the description wrapped to `columns` (the terminal's width) under its
 * column, unwrapped when the width is not known.
 */
export function listRules(rules: readonly Rule[] = RULES, columns?: number): string {
  const rows = rules.map((r) => [r.meta.id, r.meta.area ?? '-', shortSeverity(r.meta), r.meta.description] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length), 4);
  const w1 = Math.max(...rows.map((r) => r[1].length), 4);
  const w2 = Math.max(...rows.map((r) => r[2].length), 8);
  const lead = w0 + w1 + w2 + 6;
  const out: string[] = [];
  const head = (a: string, b: string, c: string): string => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c.padEnd(w2)}  `;
  if (columns === undefined || columns - lead >= 40) {
    // The description in its own column, wrapped under it.
    const room = columns === undefined ? Infinity : columns - lead;
    for (const [a, b, c, d] of [['rule', 'area', 'severity', 'description'] as const, ...rows]) {
      const [first = '', ...rest] = wrapWords(d, room);
      out.push(`${head(a, b, c)}${first}`.trimEnd(), ...rest.map((l) => `${' '.repeat(lead)}${l}`));
    }
  } else {
    // A narrow terminal: the rule id (never cut) on a line of its own, its area, severity and description below.
    for (const [a, b, c, d] of rows) out.push(a, ...wrapWords(`area ${b}, ${c}`, Math.max(20, columns - 4)).map((l) => `    ${l}`), ...wrapWords(d, Math.max(20, columns - 4)).map((l) => `    ${l}`));
  }
  return out.join('\n') + '\n';
}

/** `error (medium, low: warning)`: the default severity and its tier variants, short enough for a column; `off` for a policy off by default. */
function shortSeverity(meta: RuleMeta): string {
  if (meta.defaultOff) return 'off';
  const byLevel = new Map<string, string[]>();
  for (const t of TIERS) {
    const s = meta.tierSeverity?.[t];
    if (s !== undefined) byLevel.set(s, [...(byLevel.get(s) ?? []), t]);
  }
  const variants = [...byLevel].map(([s, tiers]) => `${tiers.join(', ')}: ${s}`);
  return variants.length === 0 ? meta.severity : `${meta.severity} (${variants.join('; ')})`;
}

/** Words into lines of at most `width` characters (a longer word stands alone). */
function wrapWords(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** `warranty-lint rules --format json`: every rule's metadata, for tools (as kube-linter's `checks list --format json`). */
export function rulesJson(all: readonly Rule[] = RULES): string {
  const rules = all.map((r) => ({
    id: r.meta.id,
    scope: r.scope,
    area: r.meta.area,
    severity: r.meta.defaultOff ? 'off' : r.meta.severity,
    tierSeverity: r.meta.tierSeverity ?? {},
    description: r.meta.description,
    rationale: r.meta.rationale,
    remediation: r.meta.remediation,
    docsUrl: docsUrl(r.meta.id),
  }));
  return JSON.stringify({ version: 1, rules }, null, 2) + '\n';
}

/** The failing example as a Backstage Component, when it has that form. */
function backstageSection(example: string): string[] {
  const form = backstageForm(example);
  if (form === undefined) return [];
  const body = form.replace(/\n$/, '').split('\n').map((l) => `    ${l}`);
  return ['Fails, in a Backstage catalog-info.yaml  (the same service as a Component of type service)', ...body, ''];
}

/** A rule's notes (docs/rules.md's "Details": how it matches, compares, counts) as plain text. */
function detailsSection(notes: string | undefined): string[] {
  if (notes === undefined) return [];
  const text = notes.trim().replace(/\*\*/g, '');
  return ['Details', ...text.split('\n').map((l) => (l.trim() === '' ? '' : `  ${l}`)), ''];
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
    ...backstageSection(m.examples.fail),
    'How to fix',
    `  ${m.remediation}`,
    '',
    ...detailsSection(m.notes),
    `More: ${docsUrl(m.id)}`,
    '',
  ].join('\n');
}
