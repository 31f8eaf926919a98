import { describe, expect, it } from 'vitest';
import { continuityObjectivesInconsistent } from '../../src/rules/continuity-objectives-inconsistent.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'continuity-objectives-inconsistent';
const RTO: [number, number, string] = [31, 12, '/spec/warranty/continuity/rto'];
const MTTR: [number, number, string] = [17, 13, '/spec/warranty/availability/mttr'];

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(continuityObjectivesInconsistent.meta.id).toBe(ID);
    expect(continuityObjectivesInconsistent.meta.severity).toBe('error');
    expectExamples(continuityObjectivesInconsistent);
  });

  it('flags an rto equal to or longer than the mtpd, at the rto', () => {
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: 16m')), ID)).toEqual([]);
    const equal = findingsOf(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: 15m'), ID);
    expect(equal.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[...RTO, 'continuity']]);
    expect(equal[0]?.message).toBe('service "payments-api" sets continuity.rto to 15m, equal to its continuity.mtpd of 15m; recovery must end before the disruption becomes intolerable.');
    expect(findingsOf(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: 10m'), ID)[0]?.message).toContain('longer than its continuity.mtpd of 10m');
  });

  it('flags an availability mttr longer than the rto, at the mttr, in the continuity area', () => {
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'mttr: 10m', 'mttr: 15m')), ID)).toEqual([]);
    const longer = findingsOf(swap(CLEAN_CRITICAL, 'mttr: 10m', 'mttr: 901s'), ID);
    expect(longer.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[...MTTR, 'continuity']]);
    expect(longer[0]?.message).toBe('service "payments-api" sets availability.mttr to 15m1s, longer than its continuity.rto of 15m; an ordinary restore would already miss the recovery objective.');
  });

  it('reports both contradictions when both hold, and nothing without the values to compare', () => {
    const both = swap(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: 15m'), 'mttr: 10m', 'mttr: 20m');
    expect(positionsOf(lintYaml(both), ID)).toEqual([MTTR, RTO]);
    const noRto = swap(swap(CLEAN_CRITICAL, 'mtpd: 4h', 'mtpd: 1m'), 'rto: 15m', 'rto: TBD');
    expect(positionsOf(lintYaml(noRto), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, '      mtpd: 4h\n', '')), ID)).toEqual([]);
  });
});
