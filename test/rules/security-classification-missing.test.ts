import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'security-classification-missing';
const AREA = '/spec/warranty/security';

describe(RULE, () => {
  it('passes a security area with a classification and data types', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('flags a missing classification at the area key', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      classification: internal\n', ''));
    expect(positionsOf(result, RULE)).toEqual([[21, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" has no security.classification, so the controls its information needs cannot be decided.');
  });

  it('counts an empty dataTypes list as none given', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'dataTypes: [none]', 'dataTypes: []'));
    expect(positionsOf(result, RULE)).toEqual([[21, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/no security\.dataTypes,/);
  });

  it('does not name a classification reported by schema', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'classification: internal', 'classification: secret'));
    expect(positionsOf(result, 'schema')).toEqual([[22, 23, `${AREA}/classification`]]);
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('reports a missing area once, as warranty-area-missing at the warranty key', () => {
    const result = lintYaml(edit(CLEAN_LOW, '    security:\n      classification: internal\n      dataTypes: [none]\n      controls: [authn, rbac, encryption-in-transit]\n', ''));
    expect(rulesOfArea(result, 'security')).toEqual(['warranty-area-missing']);
    expect(positionsOf(result, 'warranty-area-missing')).toEqual([[9, 3, AREA]]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
