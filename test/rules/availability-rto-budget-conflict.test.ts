import { describe, expect, it } from 'vitest';
import { availabilityRtoBudgetConflict, downtimeBudget } from '../../src/rules/availability-rto-budget-conflict.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'availability-rto-budget-conflict';
// 99.9% of 30d allows 0.1% × 2,592,000s = 2,592s (43m12s) of downtime.
const NINE_NINE = swap(CLEAN_CRITICAL, 'target: 99.95', 'target: 99.9');
const withRto = (yaml: string, rto: string): string => swap(yaml, 'rto: 15m', `rto: ${rto}`);
const TARGET: [number, number, string] = [14, 15, '/spec/warranty/availability/target'];

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(availabilityRtoBudgetConflict.meta.id).toBe(ID);
    expect(availabilityRtoBudgetConflict.meta.area).toBe('availability');
    expectExamples(availabilityRtoBudgetConflict);
  });

  it('computes the budget without floating-point noise', () => {
    expect(downtimeBudget(99.95, 30 * 86400)).toBe(1296);
    expect(downtimeBudget(99.9, 30 * 86400)).toBe(2592);
    expect(downtimeBudget(99.99, 30 * 86400)).toBe(259.2);
  });

  it('accepts an rto exactly equal to the budget and flags one second more, at the target', () => {
    expect(positionsOf(lintYaml(withRto(NINE_NINE, '2592s')), ID)).toEqual([]);
    const findings = findingsOf(withRto(NINE_NINE, '2593s'), ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[...TARGET, 'availability']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" allows 43m12s of downtime in 30d at 99.9% (availability.target), but its continuity.rto is 43m13s: one recovery within the rto would break the target.',
    );
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
  });

  it('uses the window whatever the service hours, and reads a percent string', () => {
    const officeHours = swap(withRto(NINE_NINE, '1h'), 'serviceHours: 24x7', 'serviceHours: Mon-Fri 08:00-18:00 Europe/Paris');
    expect(positionsOf(lintYaml(officeHours), ID)).toEqual([TARGET]);
    expect(positionsOf(lintYaml(swap(withRto(NINE_NINE, '1h'), 'window: 30d', 'window: 90d')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(withRto(CLEAN_CRITICAL, '22m'), 'target: 99.95', "target: '99.95%'")), ID)).toEqual([TARGET]);
  });

  it('needs target, window and rto, and leaves a target of 100 to availability-target-unmeasurable', () => {
    expect(positionsOf(lintYaml(swap(withRto(NINE_NINE, '1h'), '      window: 30d\n', '')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(withRto(NINE_NINE, '1h'), 'window: 30d', 'window: TBD')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'target: 99.95', 'target: 100')), ID)).toEqual([]);
  });
});
