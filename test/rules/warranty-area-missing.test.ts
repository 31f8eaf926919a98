import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'warranty-area-missing';
const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata:\n  name: search\n  owner: team-search\n  tier: low\n  lifecycleStage: design\n';
const SECURITY = '    security:\n      classification: internal\n      dataTypes: [none]\n      controls: [authn, rbac, encryption-in-transit]\n';
const AREAS = ['/spec/warranty/availability', '/spec/warranty/capacity', '/spec/warranty/continuity', '/spec/warranty/security'];

describe(RULE, () => {
  it('passes a service with all four areas', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('reports an absent area at the warranty key, with the area named', () => {
    const result = lintYaml(edit(CLEAN_LOW, SECURITY, ''));
    expect(positionsOf(result, RULE)).toEqual([[9, 3, '/spec/warranty/security']]);
    const [f] = findingsOf(result, RULE);
    expect(f?.area).toBe('security');
    expect(f?.message).toBe('service "search" defines no security requirements (spec.warranty.security is absent or empty).');
  });

  it('reports an empty area at its own key', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, SECURITY, '    security:\n')), RULE)).toEqual([[21, 5, '/spec/warranty/security']]);
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, SECURITY, '    security: {}\n')), RULE)).toEqual([[21, 5, '/spec/warranty/security']]);
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, SECURITY, '    security: { x-review: pending }\n')), RULE)).toEqual([[21, 5, '/spec/warranty/security']]);
  });

  it('falls back to spec, then to the first key, when warranty or spec is absent', () => {
    expect(positionsOf(lintYaml(`${HEAD}spec:\n  dependsOn: []\n`), RULE)).toEqual(AREAS.map((p) => [8, 1, p]));
    expect(positionsOf(lintYaml(HEAD), RULE)).toEqual(AREAS.map((p) => [1, 1, p]));
  });

  it('reports an empty `warranty:` as four missing areas and no schema finding', () => {
    const result = lintYaml(`${HEAD}spec:\n  warranty:\n`);
    expect(positionsOf(result, RULE)).toEqual(AREAS.map((p) => [9, 3, p]));
    expect(positionsOf(result, 'schema')).toEqual([]);
  });

  it('leaves an area that is a placeholder, or not a mapping, to the finding already made', () => {
    const placeholder = lintYaml(edit(CLEAN_LOW, SECURITY, '    security: TBD\n'));
    expect(rulesOfArea(placeholder, 'security')).toEqual(['warranty-placeholder-value']);
    const list = lintYaml(edit(CLEAN_LOW, SECURITY, '    security: [authn]\n'));
    expect(positionsOf(list, 'schema')).toEqual([[21, 15, '/spec/warranty/security']]);
    expect(positionsOf(list, RULE)).toEqual([]);
  });

  it('reports `warranty: TBD` once, as a placeholder, and the areas count as missing', () => {
    const result = lintYaml(`${HEAD}spec:\n  warranty: TBD\n`);
    expect(result.findings.filter((f) => f.file !== null).map((f) => [f.ruleId, f.line, f.column, f.pointer])).toEqual([['warranty-placeholder-value', 9, 13, '/spec/warranty']]);
    expect(result.summary.reactiveShare).toBe(1);
  });

  it('is an error, and a warning for a low-tier service', () => {
    const yaml = edit(CLEAN_LOW, SECURITY, '');
    expect(findingsOf(lintYaml(yaml), RULE)[0]?.severity).toBe('warning');
    expect(findingsOf(lintYaml(edit(yaml, 'tier: low', 'tier: medium')), RULE)[0]?.severity).toBe('error');
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
