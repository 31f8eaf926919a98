import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';

const RULE = 'warranty-area-missing';

describe(RULE, () => {
  it('reports each absent area at the warranty key, with the area, as a warning on a low tier', () => {
    const r = lintYaml(CLEAN_LOW.replace(/    capacity:[\s\S]*/, ''));
    expect(positionsOf(r, RULE)).toEqual([
      [9, 3, '/spec/warranty/capacity'],
      [9, 3, '/spec/warranty/continuity'],
      [9, 3, '/spec/warranty/security'],
    ]);
    expect(r.findings.map((f) => [f.area, f.severity])).toEqual([
      ['capacity', 'warning'],
      ['continuity', 'warning'],
      ['security', 'warning'],
    ]);
    expect(r.findings[0]?.message).toBe('service "search" defines no capacity requirements (spec.warranty.capacity is missing or empty).');
  });

  it('is an error above the low tier, and reports an empty area at its own key', () => {
    const r = lintYaml(CLEAN_LOW.replace('tier: low', 'tier: medium').replace(/    security:[\s\S]*/, '    security:\n'));
    expect(positionsOf(r, RULE)).toEqual([[21, 5, '/spec/warranty/security']]);
    expect(r.findings.find((f) => f.ruleId === RULE)?.severity).toBe('error');
  });

  it('is quiet on a complete service', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });
});
