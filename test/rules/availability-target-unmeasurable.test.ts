import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'availability-target-unmeasurable';
const AREA = '/spec/warranty/availability';

describe(RULE, () => {
  it('passes a complete availability area', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('names every missing field in one finding at the area key', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      window: 30d\n      serviceHours: 24x7\n', ''));
    expect(positionsOf(result, RULE)).toEqual([[10, 5, AREA]]);
    const [f] = findingsOf(result, RULE);
    expect(f?.message).toBe('service "search" has no availability.window or availability.serviceHours, so its availability cannot be measured or agreed.');
    expect(f?.area).toBe('availability');
    expect(f?.severity).toBe('error');
  });

  it('names all three when the area holds only other fields', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '      owner: jane.doe\n'));
    expect(positionsOf(result, RULE)).toEqual([[10, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/no availability\.target, availability\.window or availability\.serviceHours,/);
  });

  it('flags a target of 100 at the target value: no error budget', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'target: 100'));
    expect(positionsOf(result, RULE)).toEqual([[11, 15, `${AREA}/target`]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/availability\.target to 100%.*no error budget/);
  });

  it('flags "100%" written as a string, and keeps 99.999 alone', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'target: "100%"')), RULE)).toEqual([[11, 15, `${AREA}/target`]]);
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'target: 99.999')), RULE)).toEqual([]);
  });

  it('does not name a field already reported as a placeholder', () => {
    const result = lintYaml(edit(edit(CLEAN_LOW, 'target: 99.0', 'target: TBD'), '      window: 30d\n', ''));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[11, 15, `${AREA}/target`]]);
    expect(findingsOf(result, RULE).map((f) => f.message)).toEqual(['service "search" has no availability.window, so its availability cannot be measured or agreed.']);
  });

  it('gives no finding when every missing field is already reported', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'target: TBD'));
    expect(positionsOf(result, RULE)).toEqual([]);
    expect(rulesOfArea(result, 'availability')).toEqual(['warranty-placeholder-value']);
  });

  it('does not name a field reported by schema (a misspelt key with a hint, a bare number)', () => {
    const misspelt = lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'targte: 99.5'));
    expect(positionsOf(misspelt, 'schema')).toEqual([[11, 7, `${AREA}/targte`]]);
    expect(positionsOf(misspelt, RULE)).toEqual([]);
    const bare = lintYaml(edit(CLEAN_LOW, 'window: 30d', 'window: 30'));
    expect(positionsOf(bare, 'schema').map((p) => p[2])).toEqual([`${AREA}/window`]);
    expect(positionsOf(bare, RULE)).toEqual([]);
  });

  it('gives a deferred area no completeness finding, but still judges its target of 100', () => {
    const deferred = edit(CLEAN_LOW, '      target: 99.0\n      window: 30d\n', '      plannedIn: operation\n      target: 100\n');
    const result = lintYaml(deferred);
    expect(positionsOf(result, 'warranty-deferred-to-operation')).toEqual([[11, 18, `${AREA}/plannedIn`]]);
    expect(positionsOf(result, RULE)).toEqual([[12, 15, `${AREA}/target`]]);
  });

  it('gives a missing area only warranty-area-missing', () => {
    const result = lintYaml(edit(CLEAN_LOW, '    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', ''));
    expect(rulesOfArea(result, 'availability')).toEqual(['warranty-area-missing']);
  });

  it('gives an area that is itself a placeholder only warranty-placeholder-value', () => {
    const result = lintYaml(edit(CLEAN_LOW, '    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '    availability: TBD\n'));
    expect(rulesOfArea(result, 'availability')).toEqual(['warranty-placeholder-value']);
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[10, 19, AREA]]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
