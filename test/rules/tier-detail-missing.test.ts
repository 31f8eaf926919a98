import { describe, expect, it } from 'vitest';
import { tierDetailMissing } from '../../src/rules/tier-detail-missing.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'tier-detail-missing';
const NO_CAPACITY_DETAIL = swap(CLEAN_CRITICAL, '      headroom: 30\n      thresholds: { warn: 70, critical: 85 }\n      loadTest: { date: 2026-10-01, multipleOfPeak: 2 }\n', '');

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(tierDetailMissing.meta.id).toBe(ID);
    expect(tierDetailMissing.meta.severity).toBe('warning');
    expectExamples(tierDetailMissing);
  });

  it('says nothing about a complete critical service', () => {
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
  });

  it('gives one finding per area at the area key, naming every missing field', () => {
    const findings = findingsOf(NO_CAPACITY_DETAIL, ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[18, 5, '/spec/warranty/capacity', 'capacity']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" is critical tier but its capacity lacks capacity.headroom, capacity.thresholds and capacity.loadTest, which its tier needs.',
    );
    const two = swap(swap(CLEAN_CRITICAL, '      mttr: 10m\n', ''), '      policy: ISP-2024\n', '');
    expect(positionsOf(lintYaml(two), ID)).toEqual([
      [10, 5, '/spec/warranty/availability'],
      [36, 5, '/spec/warranty/security'],
    ]);
  });

  it('asks the detail of critical and high tiers only', () => {
    expect(positionsOf(lintYaml(swap(NO_CAPACITY_DETAIL, 'tier: critical', 'tier: high')), ID)).toHaveLength(1);
    expect(positionsOf(lintYaml(swap(NO_CAPACITY_DETAIL, 'tier: critical', 'tier: medium')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(NO_CAPACITY_DETAIL, 'tier: critical', 'tier: low')), ID)).toEqual([]);
  });

  it('does not name a field already reported as a placeholder, a schema error or a misspelt key', () => {
    const yaml = swap(swap(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: TBD'), 'plan: docs/dr/payments.md', 'plan: 42'), 'lastTest:', 'lastTset:');
    const result = lintYaml(yaml);
    expect(positionsOf(result, 'warranty-placeholder-value')).toHaveLength(1);
    expect(positionsOf(result, 'schema').length).toBeGreaterThanOrEqual(2);
    expect(positionsOf(result, ID)).toEqual([]);
    const withPlanMissing = swap(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: TBD'), '      plan: docs/dr/payments.md\n', '');
    const findings = findingsOf(withPlanMissing, ID);
    expect(findings.map((f) => f.pointer)).toEqual(['/spec/warranty/continuity']);
    expect(findings[0]?.message).toContain('lacks continuity.plan, which');
    expect(findings[0]?.message).not.toContain('mtpd');
  });

  it('leaves a missing or deferred area to its one finding', () => {
    const deferred = swap(swap(CLEAN_CRITICAL, '      plannedIn: design\n      status: agreed\n      rto: 15m', '      plannedIn: operation\n      status: agreed\n      rto: 15m'), '      mtpd: 4h\n', '');
    expect(positionsOf(lintYaml(deferred), ID)).toEqual([]);
    const noSecurity = CLEAN_CRITICAL.slice(0, CLEAN_CRITICAL.indexOf('    security:'));
    const result = lintYaml(noSecurity);
    expect(positionsOf(result, 'warranty-area-missing')).toHaveLength(1);
    expect(positionsOf(result, ID)).toEqual([]);
  });
});
