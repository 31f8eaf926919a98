import { expect } from 'vitest';
import type { Rule } from '../../src/rules/types.js';
import { lintYaml, rulesOf } from './lint-yaml.js';

/**
 * A complete, clean critical service (the SPEC §2 example, tested recently enough for
 * 2026-11-26). Tests change one line at a time with `swap`, so the line numbers below hold:
 * availability 10 (target 14, mttr 17), capacity 18 (headroom 24), continuity 27 (status 30,
 * rto 31, rpo 32, mtpd 33, recoveryOption 34, lastTest 36), security 37 (classification 41,
 * controls 43).
 */
export const CLEAN_CRITICAL = `apiVersion: warranty-lint/v1
kind: Service
metadata:
  name: payments-api
  owner: team-payments
  tier: critical
  lifecycleStage: design
spec:
  warranty:
    availability:
      owner: jane.doe
      plannedIn: design
      status: agreed
      target: 99.95
      window: 30d
      serviceHours: 24x7
      mttr: 10m
    capacity:
      owner: raj.patel
      plannedIn: design
      status: agreed
      peak: { value: 1200, unit: rps }
      forecast: { growthPercentPerYear: 20, horizonMonths: 12 }
      headroom: 30
      thresholds: { warn: 70, critical: 85 }
      loadTest: { date: 2026-10-01, multipleOfPeak: 2 }
    continuity:
      owner: mei.lin
      plannedIn: design
      status: agreed
      rto: 15m
      rpo: 5m
      mtpd: 4h
      recoveryOption: warm-standby
      plan: docs/dr/payments.md
      lastTest: { date: 2026-10-01, type: partial-failover, result: pass }
    security:
      owner: ciso-office
      plannedIn: design
      status: agreed
      classification: confidential
      dataTypes: [pii]
      controls: [authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups]
      policy: ISP-2024
      lastReview: 2026-05-10
`;

/**
 * The DR plan CLEAN_CRITICAL names (`continuity.plan`), for a tree it is linted in: without it, the
 * service has an evidence-missing finding.
 */
export const CLEAN_CRITICAL_EVIDENCE: Record<string, string> = { 'docs/dr/payments.md': '# payments-api: IT service continuity plan\n' };

/** Replaces the one occurrence of `from`; throws when it is absent or repeated, so a test cannot pass by editing nothing. */
export function swap(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`swap: ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** The rule's own examples: the failing one raises it, the passing one does not. */
export function expectExamples(rule: Rule, now = '2026-11-26'): void {
  expect(rulesOf(lintYaml(rule.meta.examples.fail, { now }))).toContain(rule.meta.id);
  expect(rulesOf(lintYaml(rule.meta.examples.pass, { now }))).not.toContain(rule.meta.id);
}

/** Every finding of the rule with its area and message, for assertions on what a finding says. */
export function findingsOf(yaml: string, ruleId: string, options: Parameters<typeof lintYaml>[1] = {}) {
  return lintYaml(yaml, options).findings.filter((f) => f.ruleId === ruleId);
}
