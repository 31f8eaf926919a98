import { describe, expect, it } from 'vitest';
import { warrantyNotAgreed } from '../../src/rules/warranty-not-agreed.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'warranty-not-agreed';
const DRAFT_CONTINUITY = swap(CLEAN_CRITICAL, '      status: agreed\n      rto: 15m', '      status: draft\n      rto: 15m');
const inStage = (yaml: string, stage: string): string => swap(yaml, 'lifecycleStage: design', `lifecycleStage: ${stage}`);

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(warrantyNotAgreed.meta.id).toBe(ID);
    expect(warrantyNotAgreed.meta.severity).toBe('warning');
    expectExamples(warrantyNotAgreed);
  });

  it('flags a draft area of a service in transition or operation, at the status value', () => {
    for (const stage of ['transition', 'operation']) {
      const findings = findingsOf(inStage(DRAFT_CONTINUITY, stage), ID);
      expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[30, 15, '/spec/warranty/continuity/status', 'continuity']]);
      expect(findings[0]?.message).toBe(`service "payments-api" is in ${stage} but its continuity requirements are still a draft (continuity.status: draft); agree them before the service goes further.`);
    }
  });

  it('lets a draft be a draft in strategy and design, and says nothing of agreed areas', () => {
    expect(positionsOf(lintYaml(DRAFT_CONTINUITY), ID)).toEqual([]);
    expect(positionsOf(lintYaml(inStage(DRAFT_CONTINUITY, 'strategy')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(inStage(CLEAN_CRITICAL, 'operation')), ID)).toEqual([]);
  });

  it('gives each draft area its own finding', () => {
    const twoDrafts = swap(DRAFT_CONTINUITY, '      status: agreed\n      target', '      status: draft\n      target');
    expect(positionsOf(lintYaml(inStage(twoDrafts, 'operation')), ID)).toEqual([
      [13, 15, '/spec/warranty/availability/status'],
      [30, 15, '/spec/warranty/continuity/status'],
    ]);
  });

  it('leaves a status that is not draft or agreed to the schema', () => {
    const result = lintYaml(inStage(swap(CLEAN_CRITICAL, '      status: agreed\n      rto: 15m', '      status: drafted\n      rto: 15m'), 'operation'));
    expect(positionsOf(result, 'schema')).toEqual([[30, 15, '/spec/warranty/continuity/status']]);
    expect(positionsOf(result, ID)).toEqual([]);
  });
});
