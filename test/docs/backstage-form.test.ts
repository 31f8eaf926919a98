// `explain` shows each rule's failing example as a Backstage Component: that form must fail the
// same rule, at the lines it marks, and the passing example's form must pass.
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../src/cli/commands.js';
import { backstageForm } from '../../src/docs/backstage-form.js';
import { RULES } from '../../src/rules/index.js';
import { FLAGGED } from '../../src/rules/support/example.js';
import { lintYaml } from '../support/lint-yaml.js';

const NOW = '2026-11-26';
const withForm = RULES.filter((r) => backstageForm(r.meta.examples.fail) !== undefined).map((r) => r.meta.id);

describe('the Backstage form of the rules’ examples', () => {
  it('exists for every rule whose examples are whole services, and only those', () => {
    const serviceExamples = RULES.filter((r) => /^apiVersion: warranty-lint\/v1\nkind: Service\nmetadata: /.test(r.meta.examples.fail)).map((r) => r.meta.id);
    expect(withForm).toEqual(serviceExamples);
    expect(withForm.length).toBeGreaterThan(20);
  });

  it.each(withForm)('%s: the Backstage form fails it at the lines it marks, and the passing one passes', (id) => {
    const rule = RULES.find((r) => r.meta.id === id)!;
    const fail = backstageForm(rule.meta.examples.fail) as string;
    expect(fail).toMatch(/^apiVersion: backstage\.io\/v1alpha1\nkind: Component\n/);
    const raised = lintYaml(fail, { now: NOW }).findings.filter((f) => f.ruleId === id);
    expect(raised, fail).not.toEqual([]);
    const marked = fail.split('\n').flatMap((line, i) => (line.includes(FLAGGED.trim()) ? [i + 1] : []));
    const lines = new Set(raised.map((f) => f.line));
    for (const line of marked) expect(lines.has(line), `${id}: line ${line} is marked`).toBe(true);
    const pass = backstageForm(rule.meta.examples.pass);
    if (pass !== undefined) expect(lintYaml(pass, { now: NOW }).findings.filter((f) => f.ruleId === id && !f.waived).map((f) => f.message)).toEqual([]);
  });

  it('is what explain shows', () => {
    const text = explainRule('warranty-area-missing') as string;
    expect(text).toContain('Fails, in a Backstage catalog-info.yaml');
    expect(text).toContain('    spec:\n      type: service\n      owner: team-search\n      warranty:  # <-- flagged\n        tier: low\n');
    expect(explainRule('warranty-missing')).toContain('spec:  # <-- flagged\n      type: service');
  });
});
