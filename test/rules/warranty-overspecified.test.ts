import { describe, expect, it } from 'vitest';
import { warrantyOverspecified } from '../../src/rules/warranty-overspecified.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'warranty-overspecified';
const TARGET: [number, number, string] = [14, 15, '/spec/warranty/availability/target'];
const onTier = (tier: string, target: string): string => swap(swap(CLEAN_CRITICAL, 'tier: critical', `tier: ${tier}`), 'target: 99.95', `target: ${target}`);

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(warrantyOverspecified.meta.id).toBe(ID);
    expect(warrantyOverspecified.meta.severity).toBe('info');
    expectExamples(warrantyOverspecified);
  });

  it('flags a target of 99.999 or more on a medium or low tier, at the target', () => {
    for (const tier of ['medium', 'low']) {
      expect(positionsOf(lintYaml(onTier(tier, '99.998')), ID)).toEqual([]);
      const findings = findingsOf(onTier(tier, '99.999'), ID);
      expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[...TARGET, 'availability']]);
      expect(findings[0]?.message).toBe(`service "payments-api" is ${tier} tier but asks for 99.999% availability (availability.target); 99.999% or more is more than a ${tier} tier service needs.`);
    }
  });

  it('lets critical and high tiers ask for five nines, and leaves 100 to availability-target-unmeasurable', () => {
    expect(positionsOf(lintYaml(onTier('critical', '99.999')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(onTier('high', '99.9999')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(onTier('low', '100')), ID)).toEqual([]);
  });

  it('flags an rto or rpo of 0, one finding for the area at the first zero', () => {
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'rpo: 5m', 'rpo: 1s')), ID)).toEqual([]);
    const rpo = findingsOf(swap(CLEAN_CRITICAL, 'rpo: 5m', 'rpo: 0s'), ID);
    expect(rpo.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[32, 12, '/spec/warranty/continuity/rpo', 'continuity']]);
    expect(rpo[0]?.message).toBe('service "payments-api" sets continuity.rpo to 0, which no recovery can meet or verify; agree the smallest non-zero objective the business needs.');
    const both = findingsOf(swap(swap(CLEAN_CRITICAL, 'rpo: 5m', 'rpo: PT0S'), 'rto: 15m', 'rto: 0m'), ID);
    expect(both.map((f) => [f.line, f.column, f.pointer])).toEqual([[31, 12, '/spec/warranty/continuity/rto']]);
    expect(both[0]?.message).toContain('sets continuity.rto and continuity.rpo to 0');
  });

  it('reports the target and a zero objective separately, one per area', () => {
    const yaml = swap(onTier('medium', '99.9999'), 'rto: 15m', 'rto: 0s');
    expect(positionsOf(lintYaml(yaml), ID)).toEqual([TARGET, [31, 12, '/spec/warranty/continuity/rto']]);
  });
});
