import { describe, expect, it } from 'vitest';
import { tierMinimumsUnmet } from '../../src/rules/tier-minimums-unmet.js';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'tier-minimums-unmet';

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(tierMinimumsUnmet.meta.id).toBe(ID);
    expect(tierMinimumsUnmet.meta.severity).toBe('warning');
    expectExamples(tierMinimumsUnmet);
  });

  it('accepts values exactly at the critical limits (99.95, 15m, 5m, 30)', () => {
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
  });

  it('flags each value one step looser than the limit, at that value', () => {
    const cases: Array<[string, string, [number, number, string], string]> = [
      ['target: 99.95', 'target: 99.94', [14, 15, '/spec/warranty/availability/target'], 'availability.target 99.94% is below the 99.95% minimum'],
      ['headroom: 30', 'headroom: 29', [24, 17, '/spec/warranty/capacity/headroom'], 'capacity.headroom 29% is below the 30% minimum'],
      ['rto: 15m', 'rto: 901s', [31, 12, '/spec/warranty/continuity/rto'], 'continuity.rto 15m1s exceeds the 15m maximum'],
      ['rpo: 5m', 'rpo: 301s', [32, 12, '/spec/warranty/continuity/rpo'], 'continuity.rpo 5m1s exceeds the 5m maximum'],
    ];
    for (const [from, to, position, text] of cases) {
      const findings = findingsOf(swap(CLEAN_CRITICAL, from, to), ID);
      expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([position]);
      expect(findings[0]?.message).toContain(text);
    }
  });

  it('accepts the target as a percent string', () => {
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'target: 99.95', "target: '99.95%'")), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'target: 99.95', "target: '99.9%'")), ID)).toEqual([[14, 15, '/spec/warranty/availability/target']]);
  });

  it('gives one finding per area naming each loose value, at the first one in the document', () => {
    const both = swap(CLEAN_CRITICAL, 'rto: 15m\n      rpo: 5m', 'rto: 1h\n      rpo: 10m');
    const findings = findingsOf(both, ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[31, 12, '/spec/warranty/continuity/rto', 'continuity']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" sets continuity looser than a critical tier service allows: continuity.rto 1h exceeds the 15m maximum and continuity.rpo 10m exceeds the 5m maximum.',
    );
    const rpoFirst = swap(CLEAN_CRITICAL, 'rto: 15m\n      rpo: 5m', 'rpo: 10m\n      rto: 1h');
    expect(positionsOf(lintYaml(rpoFirst), ID)).toEqual([[31, 12, '/spec/warranty/continuity/rpo']]);
    // The area's first key: position 0 counts as first too.
    const atFirstKey = lintYaml(swap(CLEAN_LOW, 'rto: 6h\n      rpo: 12h', 'rto: 73h\n      rpo: 25h'));
    expect(positionsOf(atFirstKey, ID)).toEqual([[18, 12, '/spec/warranty/continuity/rto']]);
    const twoAreas = swap(swap(CLEAN_CRITICAL, 'target: 99.95', 'target: 99.9'), 'rpo: 5m', 'rpo: 6m');
    expect(findingsOf(twoAreas, ID).map((f) => [f.line, f.pointer, f.area])).toEqual([
      [14, '/spec/warranty/availability/target', 'availability'],
      [32, '/spec/warranty/continuity/rpo', 'continuity'],
    ]);
  });

  it('uses the policy of the service tier, and the tiers of the config', () => {
    const low = swap(CLEAN_LOW, 'rto: 6h', 'rto: 72h');
    expect(positionsOf(lintYaml(low), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_LOW, 'rto: 6h', 'rto: 73h')), ID)).toEqual([[18, 12, '/spec/warranty/continuity/rto']]);
    // The low tier sets no minimum headroom.
    expect(positionsOf(lintYaml(swap(CLEAN_LOW, 'horizonMonths: 12 }', 'horizonMonths: 12 }\n      headroom: 0')), ID)).toEqual([]);
    const stricter = { tiers: { critical: { minAvailability: 99.99, maxRto: '10m' } } };
    expect(findingsOf(CLEAN_CRITICAL, ID, { config: stricter }).map((f) => f.message)).toEqual([
      'service "payments-api" sets availability looser than a critical tier service allows: availability.target 99.95% is below the 99.99% minimum.',
      'service "payments-api" sets continuity looser than a critical tier service allows: continuity.rto 15m exceeds the 10m maximum.',
    ]);
  });

  it('does not judge a value reported as a placeholder or by the schema', () => {
    const result = lintYaml(swap(swap(CLEAN_CRITICAL, 'target: 99.95', 'target: TBD'), 'rto: 15m', 'rto: 60'));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[14, 15, '/spec/warranty/availability/target']]);
    expect(positionsOf(result, 'schema')).toEqual([[31, 12, '/spec/warranty/continuity/rto']]);
    expect(positionsOf(result, ID)).toEqual([]);
  });
});
