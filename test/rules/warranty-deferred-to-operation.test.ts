import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'warranty-deferred-to-operation';
const CONTINUITY = '/spec/warranty/continuity';
const NO_RECOVERY = (notes: string): string => edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', `      notes: ${notes}\n`);

describe(RULE, () => {
  it('passes an area planned in design', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('flags plannedIn: operation at its value, even on a complete area', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: operation\n      rto: 6h\n'));
    expect(positionsOf(result, RULE)).toEqual([[18, 18, `${CONTINUITY}/plannedIn`]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" defers its continuity requirements to Operation (plannedIn: operation).');
    expect(findingsOf(result, RULE)[0]?.area).toBe('continuity');
  });

  it('does not count plannedIn: transition as deferred (late, not deferred)', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: transition\n      rto: 6h\n')), RULE)).toEqual([]);
  });

  it('flags deferring text while an essential is missing, at the text, quoting the phrase', () => {
    const result = lintYaml(NO_RECOVERY('Ops will decide.'));
    expect(positionsOf(result, RULE)).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" defers its continuity requirements to Operation ("Ops will decide").');
  });

  it('matches phrases case-insensitively', () => {
    expect(findingsOf(lintYaml(NO_RECOVERY('RESTORE PLAN TO BE DEFINED AFTER GO-LIVE')), RULE)[0]?.message).toMatch(/\("TO BE DEFINED AFTER GO-LIVE"\)/);
    expect(positionsOf(lintYaml(NO_RECOVERY('handled by Incident Management')), RULE)).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
  });

  it('finds the text in any string of the area, not only notes', () => {
    const yaml = edit(CLEAN_LOW, '      peak: { value: 50, unit: rps }\n      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n', '      forecast: { driver: sized once we have real traffic }\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([[15, 27, '/spec/warranty/capacity/forecast/driver']]);
  });

  it('ignores runbook prose beside a complete area', () => {
    const yaml = edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', '      recoveryOption: backup-restore\n      notes: On-call will monitor the restore job; handled by incident management if it fails.\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([]);
  });

  it('ignores prose that does not defer, even with an essential missing', () => {
    const result = lintYaml(NO_RECOVERY('Proactive, not reactive. Restores rehearsed quarterly.'));
    expect(positionsOf(result, RULE)).toEqual([]);
    expect(positionsOf(result, 'continuity-objectives-missing')).toEqual([[17, 5, CONTINUITY]]);
  });

  it('gives the deferred area no completeness finding (one problem, one finding)', () => {
    expect(rulesOfArea(lintYaml(NO_RECOVERY('We will figure it out later.')), 'continuity')).toEqual([RULE]);
  });

  it('is an error for critical and high tiers, a warning for medium and low', () => {
    const deferred = NO_RECOVERY('ops will decide');
    const severity = (tier: string): string | undefined => findingsOf(lintYaml(edit(deferred, 'tier: low', `tier: ${tier}`)), RULE)[0]?.severity;
    expect([severity('critical'), severity('high'), severity('medium'), severity('low')]).toEqual(['error', 'error', 'warning', 'warning']);
  });

  it('reports one finding per deferred area', () => {
    const yaml = edit(NO_RECOVERY('wait and see'), '      target: 99.0\n', '      plannedIn: operation\n      target: 99.0\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([
      [11, 18, '/spec/warranty/availability/plannedIn'],
      [21, 14, `${CONTINUITY}/notes`],
    ]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
