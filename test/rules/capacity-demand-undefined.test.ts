import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'capacity-demand-undefined';
const AREA = '/spec/warranty/capacity';
const FORECAST = '      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n';

describe(RULE, () => {
  it('passes a capacity area with a peak and a forecast', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('flags a missing forecast at the area key, naming it', () => {
    const result = lintYaml(edit(CLEAN_LOW, FORECAST, ''));
    expect(positionsOf(result, RULE)).toEqual([[14, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" has no capacity.forecast, so the demand it must be sized for is undefined.');
  });

  it('names both fields in one finding', () => {
    const result = lintYaml(edit(edit(CLEAN_LOW, FORECAST, ''), '      peak: { value: 50, unit: rps }\n', '      headroom: 30\n'));
    expect(positionsOf(result, RULE)).toEqual([[14, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/no capacity\.peak or capacity\.forecast,/);
  });

  it('counts an empty forecast as no forecast', () => {
    const result = lintYaml(edit(CLEAN_LOW, FORECAST, '      forecast: {}\n'));
    expect(positionsOf(result, RULE)).toEqual([[14, 5, AREA]]);
  });

  it('does not name a peak whose value is a placeholder', () => {
    const result = lintYaml(edit(CLEAN_LOW, '{ value: 50, unit: rps }', '{ value: TBD, unit: rps }'));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[15, 22, `${AREA}/peak/value`]]);
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('gives a deferred area only its deferral finding', () => {
    const result = lintYaml(edit(CLEAN_LOW, FORECAST, '      notes: We will scale as needed.\n'));
    // At the phrase that matched ("will scale as needed"), inside the value (SPEC §4).
    expect(positionsOf(result, 'warranty-deferred-to-operation')).toEqual([[16, 17, `${AREA}/notes`]]);
    expect(rulesOfArea(result, 'capacity')).toEqual(['warranty-deferred-to-operation']);
  });

  it('gives an empty area only warranty-area-missing, at its own key', () => {
    const result = lintYaml(edit(CLEAN_LOW, `    capacity:\n      peak: { value: 50, unit: rps }\n${FORECAST}`, '    capacity: {}\n'));
    expect(rulesOfArea(result, 'capacity')).toEqual(['warranty-area-missing']);
    expect(positionsOf(result, 'warranty-area-missing')).toEqual([[14, 5, AREA]]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
