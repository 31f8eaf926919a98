import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';

const RULE = 'schema';
const messages = (r: ReturnType<typeof lintYaml>) => r.findings.filter((f) => f.ruleId === RULE).map((f) => f.message);

describe(RULE, () => {
  it('points at an unknown key with a did-you-mean hint, at a bad enum value and at a duration without a unit', () => {
    const r = lintYaml(CLEAN_LOW.replace('target: 99.0', 'targte: 99.0').replace('rto: 6h', 'rto: 6').replace('tier: low', 'tier: lowest'));
    expect(positionsOf(r, RULE)).toEqual([
      [6, 9, '/metadata/tier'],
      [11, 7, '/spec/warranty/availability/targte'],
      [18, 12, '/spec/warranty/continuity/rto'],
    ]);
    expect(messages(r)).toEqual([
      'service "search": metadata.tier must be one of critical, high, medium, low (got "lowest")',
      'service "search": unknown key "targte" in spec.warranty.availability; did you mean "target"?',
      'service "search": spec.warranty.continuity.rto must be a duration with a unit, such as "6m" or "6h"; add a unit (s, m, h, d, w)',
    ]);
    expect(r.findings.find((f) => f.ruleId === RULE)).toMatchObject({ severity: 'error', area: null, service: 'search' });
  });

  it('reports a misspelt required key once, at the key, with its hint (not also as "required")', () => {
    const r = lintYaml(CLEAN_LOW.replace('  tier: low', '  tire: low'));
    expect(positionsOf(r, RULE)).toEqual([[6, 3, '/metadata/tire']]);
    expect(messages(r)).toEqual(['service "search": unknown key "tire" in metadata; did you mean "tier"?']);
    const missing = lintYaml(CLEAN_LOW.replace('  tier: low\n', ''));
    expect(positionsOf(missing, RULE)).toEqual([[3, 1, '/metadata/tier']]);
    expect(messages(missing)).toEqual(['service "search": metadata.tier is required']);
  });

  it('shows what a structured field looks like, and the duration a spelled-out one meant', () => {
    const r = lintYaml(CLEAN_LOW.replace('peak: { value: 50, unit: rps }', 'peak: 50 rps').replace('rto: 6h', 'rto: 6 hours').replace('dataTypes: [none]', 'dataTypes: none'));
    expect(positionsOf(r, RULE)).toEqual([
      [15, 13, '/spec/warranty/capacity/peak'],
      [18, 12, '/spec/warranty/continuity/rto'],
      [23, 18, '/spec/warranty/security/dataTypes'],
    ]);
    expect(messages(r)).toEqual([
      'service "search": spec.warranty.capacity.peak must be a mapping, such as { value: 1200, unit: rps } (got "50 rps")',
      'service "search": spec.warranty.continuity.rto must be written "6h" (got "6 hours"): a whole number and one of s, m, h, d, w, or ISO 8601',
      'service "search": spec.warranty.security.dataTypes must be a list, such as [pii] (got "none")',
    ]);
  });

  it('allows x- keys anywhere', () => {
    const r = lintYaml(CLEAN_LOW.replace('  tier: low', '  tier: low\n  x-team-code: 42').replace('      target: 99.0', '      target: 99.0\n      x-sli: ratio'));
    expect(r.findings).toEqual([]);
  });

  it('reports a document that is not a service, in a file that holds one, at its first line', () => {
    const r = lintYaml(CLEAN_LOW + '---\n- a list\n---\n42\n');
    expect(positionsOf(r, RULE)).toEqual([
      [26, 1, ''],
      [28, 1, ''],
    ]);
    expect(messages(r)[0]).toBe('document 2 is a list, not a service definition; a file that holds services may hold only services and Backstage entities');
  });

  it('reports a missing metadata.name once, and the service is still judged by the rules', () => {
    const r = lintYaml(CLEAN_LOW.replace('  name: search\n', '').replace('  owner: team-search', '  owner: TBD'));
    expect(messages(r)).toHaveLength(1);
    expect(messages(r)[0]).toMatch(/name/);
    expect(positionsOf(r, 'warranty-placeholder-value')).toEqual([[4, 10, '/metadata/owner']]);
  });
});
