import { expect } from 'vitest';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { lintYaml, rulesOf } from '../support/lint-yaml.js';
import type { LintResult } from '../../src/engine/lint.js';
import type { Finding } from '../../src/types.js';

/** The rule's own `explain` examples: the fail one raises it, the pass one does not. */
export function expectExamplesHold(ruleId: string): void {
  const rule = RULES_BY_ID.get(ruleId);
  expect(rule, `${ruleId} is registered`).toBeDefined();
  const { fail, pass } = rule!.meta.examples;
  expect(rulesOf(lintYaml(fail))).toContain(ruleId);
  expect(rulesOf(lintYaml(pass))).not.toContain(ruleId);
}

/** The findings of one rule. */
export function findingsOf(result: LintResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The rules that judged one area. */
export function rulesOfArea(result: LintResult, area: string): string[] {
  return result.findings.filter((f) => f.area === area).map((f) => f.ruleId);
}

/** CLEAN_LOW with one text replaced; fails loudly when the text is not there (no silent no-op edits). */
export function edit(yaml: string, from: string, to: string): string {
  if (!yaml.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not found`);
  return yaml.replace(from, to);
}
