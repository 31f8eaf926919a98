import { describe, expect, it } from 'vitest';
import { continuityTestStale } from '../../src/rules/continuity-test-stale.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'continuity-test-stale';
const LAST_TEST: [number, number, string] = [36, 17, '/spec/warranty/continuity/lastTest'];
// CLEAN_CRITICAL's last test is 2026-10-01; 90 days later is 2026-12-30.

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(continuityTestStale.meta.id).toBe(ID);
    expect(continuityTestStale.meta.tierSeverity).toEqual({ critical: 'error' });
    expectExamples(continuityTestStale);
  });

  it('accepts a test exactly as old as the tier allows and flags it a day later, at lastTest', () => {
    expect(positionsOf(lintYaml(CLEAN_CRITICAL, { now: '2026-12-30' }), ID)).toEqual([]);
    const findings = findingsOf(CLEAN_CRITICAL, ID, { now: '2026-12-31' });
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area, f.severity])).toEqual([[...LAST_TEST, 'continuity', 'error']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" last tested its continuity plan on 2026-10-01 (continuity.lastTest), but it is 91 days old, more than the 90 days a critical tier service allows; run a test and record it.',
    );
  });

  it('uses the tier limit (high: 180 days, a warning) and the config', () => {
    const high = swap(CLEAN_CRITICAL, 'tier: critical', 'tier: high');
    expect(positionsOf(lintYaml(high, { now: '2026-12-31' }), ID)).toEqual([]);
    expect(positionsOf(lintYaml(high, { now: '2027-03-30' }), ID)).toEqual([]);
    expect(findingsOf(high, ID, { now: '2027-03-31' }).map((f) => [f.line, f.column, f.severity])).toEqual([[36, 17, 'warning']]);
    expect(positionsOf(lintYaml(CLEAN_CRITICAL, { config: { tiers: { critical: { maxDaysSinceTest: 30 } } } }), ID)).toEqual([LAST_TEST]);
  });

  it('flags a failed test however recent, and says both when it is failed and stale', () => {
    const failed = swap(CLEAN_CRITICAL, 'result: pass', 'result: fail');
    const findings = findingsOf(failed, ID, { now: '2026-10-02' });
    expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([LAST_TEST]);
    expect(findings[0]?.message).toBe('service "payments-api" last tested its continuity plan on 2026-10-01 (continuity.lastTest), but it failed; run a test after fixing the plan and record it.');
    expect(findingsOf(failed, ID, { now: '2027-01-01' })[0]?.message).toContain('but it failed, and it is 92 days old');
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'result: pass', 'result: partial')), ID)).toEqual([]);
  });

  it('says when a failed test was run only if lastTest has a date', () => {
    const undated = swap(CLEAN_CRITICAL, 'date: 2026-10-01, type: partial-failover, result: pass', 'type: partial-failover, result: fail');
    const findings = findingsOf(undated, ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([LAST_TEST]);
    expect(findings[0]?.message).toBe('service "payments-api" last tested its continuity plan (continuity.lastTest), but it failed; run a test after fixing the plan and record it.');
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'date: 2026-10-01, type: partial-failover', 'type: partial-failover'), { now: '2028-01-01' }), ID)).toEqual([]);
  });

  it('leaves a missing lastTest to tier-detail-missing', () => {
    const result = lintYaml(swap(CLEAN_CRITICAL, '      lastTest: { date: 2026-10-01, type: partial-failover, result: pass }\n', ''), { now: '2028-01-01' });
    expect(positionsOf(result, ID)).toEqual([]);
    expect(positionsOf(result, 'tier-detail-missing')).toEqual([[27, 5, '/spec/warranty/continuity']]);
  });

  it('does not judge a date reported by the schema or as a placeholder', () => {
    const badDate = lintYaml(swap(CLEAN_CRITICAL, 'date: 2026-10-01, type', 'date: 2026-13-01, type'), { now: '2028-01-01' });
    expect(positionsOf(badDate, 'schema').length).toBeGreaterThan(0);
    expect(positionsOf(badDate, ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'date: 2026-10-01, type', 'date: TBD, type'), { now: '2028-01-01' }), ID)).toEqual([]);
  });
});
