import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'continuity-objectives-missing';
const AREA = '/spec/warranty/continuity';

describe(RULE, () => {
  it('passes a continuity area with rto, rpo and a recovery option', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('names every missing objective in one finding at the area key', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      rpo: 12h\n      recoveryOption: backup-restore\n', ''));
    expect(positionsOf(result, RULE)).toEqual([[17, 5, AREA]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      'service "search" has no continuity.rpo or continuity.recoveryOption, so its recovery cannot be designed or tested (a service that keeps no state says stateful: false and needs no rpo).',
    );
  });

  it('needs no rpo from a stateless service', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      rpo: 12h\n', '      stateful: false\n'));
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('needs an rpo when stateful is true or a placeholder', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, '      rpo: 12h\n', '      stateful: true\n')), RULE)).toEqual([[17, 5, AREA]]);
    const result = lintYaml(edit(CLEAN_LOW, '      rpo: 12h\n', '      stateful: TBD\n'));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[19, 17, `${AREA}/stateful`]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/no continuity\.rpo,/);
  });

  it('does not name an rto reported as a vague value', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'rto: 6h', 'rto: ASAP'));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[18, 12, `${AREA}/rto`]]);
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('gives an area deferred to Operation no completeness finding', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: operation\n'));
    expect(rulesOfArea(result, 'continuity')).toEqual(['warranty-deferred-to-operation']);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
