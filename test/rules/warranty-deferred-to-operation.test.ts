import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf, rulesOfArea } from './helpers.js';

const RULE = 'warranty-deferred-to-operation';
const CONTINUITY = '/spec/warranty/continuity';
const NO_RECOVERY = (notes: string): string => edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', `      notes: ${notes}\n`);

describe(RULE, () => {
  it('passes an area planned in design', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('flags plannedIn: operation at its value, even on a complete area', () => {
    const result = lintYaml(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: operation\n      rto: 6h\n'));
    expect(positionsOf(result, RULE)).toEqual([[18, 18, `${CONTINUITY}/plannedIn`]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" defers its continuity requirements to Operation (plannedIn: operation).');
    expect(findingsOf(result, RULE)[0]?.area).toBe('continuity');
  });

  it('does not count plannedIn: transition as deferred (late, not deferred)', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: transition\n      rto: 6h\n')), RULE)).toEqual([]);
  });

  it('flags deferring text while an essential is missing, at the text, quoting the phrase', () => {
    const result = lintYaml(NO_RECOVERY('Ops will decide.'));
    expect(positionsOf(result, RULE)).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" defers its continuity requirements to Operation ("Ops will decide").');
  });

  it('matches phrases case-insensitively', () => {
    expect(findingsOf(lintYaml(NO_RECOVERY('RESTORE PLAN TO BE DEFINED AFTER GO-LIVE')), RULE)[0]?.message).toMatch(/\("RESTORE PLAN TO BE DEFINED AFTER GO-LIVE"\)/);
    expect(positionsOf(lintYaml(NO_RECOVERY('handled by Incident Management')), RULE)).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
  });

  it('finds the text in any string of the area, not only notes', () => {
    const yaml = edit(CLEAN_LOW, '      peak: { value: 50, unit: rps }\n      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n', '      forecast: { driver: sized once we have real traffic }\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([[15, 27, '/spec/warranty/capacity/forecast/driver']]);
  });

  it('ignores runbook prose beside a complete area', () => {
    const yaml = edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', '      recoveryOption: backup-restore\n      notes: On-call will monitor the restore job; handled by incident management if it fails.\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([]);
  });

  it('ignores prose that does not defer, even with an essential missing', () => {
    const result = lintYaml(NO_RECOVERY('Proactive, not reactive. Restores rehearsed quarterly.'));
    expect(positionsOf(result, RULE)).toEqual([]);
    expect(positionsOf(result, 'continuity-objectives-missing')).toEqual([[17, 5, CONTINUITY]]);
  });

  it('gives the deferred area no completeness finding (one problem, one finding)', () => {
    expect(rulesOfArea(lintYaml(NO_RECOVERY('We will figure it out later.')), 'continuity')).toEqual([RULE]);
  });

  it('is an error for critical and high tiers, a warning for medium and low', () => {
    const deferred = NO_RECOVERY('ops will decide');
    const severity = (tier: string): string | undefined => findingsOf(lintYaml(edit(deferred, 'tier: low', `tier: ${tier}`)), RULE)[0]?.severity;
    expect([severity('critical'), severity('high'), severity('medium'), severity('low')]).toEqual(['error', 'error', 'warning', 'warning']);
  });

  it('reports one finding per deferred area', () => {
    const yaml = edit(NO_RECOVERY('wait and see'), '      target: 99.0\n', '      plannedIn: operation\n      target: 99.0\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([
      [11, 18, '/spec/warranty/availability/plannedIn'],
      [21, 14, `${CONTINUITY}/notes`],
    ]);
  });

  it('recognises deferral in the teams\' own words, quoting the phrase that triggered it at the string that holds it', () => {
    const cases: Array<[string, string]> = [
      ['To be sized by the run team once live.', 'To be sized by the run team once live'],
      ['L2 will pick it up via tickets.', 'L2 will pick it up via tickets'],
      ['Left to BAU.', 'Left to BAU'],
      ['Restore process to be revisited during hypercare.', 'Restore process to be revisited during hypercare'],
    ];
    for (const [notes, phrase] of cases) {
      const result = lintYaml(NO_RECOVERY(notes));
      expect(positionsOf(result, RULE), notes).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
      expect(findingsOf(result, RULE)[0]?.message).toBe(`service "search" defers its continuity requirements to Operation ("${phrase}").`);
    }
  });

  it('points at the string holding the phrase, in a list or a nested mapping, in a multi-line note', () => {
    const listed = edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', '      x-team-notes: [SRE will tune alerts post go-live]\n      rationale:\n        - Backups run nightly.\n        - The NOC will decide when to fail over.\n');
    const result = lintYaml(listed);
    expect(positionsOf(result, RULE)).toEqual([[23, 11, `${CONTINUITY}/rationale/1`]]);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/\("The NOC will decide when to fail over"\)/);
    const folded = edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', '      notes: >\n        Backups run nightly and are kept for 35 days.\n        The restore time is up to the on-call engineer.\n');
    expect(findingsOf(lintYaml(folded), RULE)[0]?.message).toMatch(/\("up to the on-call engineer"\)/);
    expect(findingsOf(lintYaml(folded), RULE)[0]?.pointer).toBe(`${CONTINUITY}/notes`);
  });

  it('does not flag near-misses while an essential is missing: done in design, negated, operational facts, runbooks', () => {
    for (const notes of [
      'The operations team reviewed and agreed this in design.',
      'Not left to ops.',
      'Service hours follow the operating calendar.',
      'Runbook RB-42 has the restore steps; on-call will restore within 4h per the OLA.',
      'The operational data store keeps 90 days of orders.',
    ]) {
      const result = lintYaml(NO_RECOVERY(notes));
      expect(positionsOf(result, RULE), notes).toEqual([]);
      expect(positionsOf(result, 'continuity-objectives-missing'), notes).toEqual([[17, 5, CONTINUITY]]);
    }
  });

  it('counts text only while an every-tier essential is missing (SPEC §2)', () => {
    const complete = edit(CLEAN_LOW, '      recoveryOption: backup-restore\n', '      recoveryOption: backup-restore\n      notes: To be sized by the run team once live.\n');
    expect(positionsOf(lintYaml(complete), RULE)).toEqual([]);
  });

  it('uses the deferral phrases and exceptions of the config', () => {
    const own = NO_RECOVERY('Parked with the CCoE.');
    expect(positionsOf(lintYaml(own), RULE)).toEqual([]);
    const result = lintYaml(own, { config: { deferral: { phrases: ['parked with the ccoe'] } } });
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/\("Parked with the CCoE"\)/);
    expect(positionsOf(lintYaml(NO_RECOVERY('Ops will decide the patch day.')), RULE)).toEqual([[20, 14, `${CONTINUITY}/notes`]]);
    expect(positionsOf(lintYaml(NO_RECOVERY('Ops will decide the patch day.'), { config: { deferral: { ignore: ['ops will decide the patch day'] } } }), RULE)).toEqual([]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
