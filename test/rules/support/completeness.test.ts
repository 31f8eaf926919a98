import { describe, expect, it } from 'vitest';
import { completenessReports, fieldList, unreportedGaps } from '../../../src/rules/support/completeness.js';
import { ESSENTIALS } from '../../../src/model/vocabulary.js';
import { CLEAN_LOW, lintYaml } from '../../support/lint-yaml.js';
import { edit } from '../helpers.js';

const serviceOf = (yaml: string) => {
  const [service] = lintYaml(yaml).services;
  if (!service) throw new Error('no service');
  return service;
};

describe('completeness helper', () => {
  it('lists fields the way messages name them', () => {
    expect(fieldList('capacity', ['peak'])).toBe('capacity.peak');
    expect(fieldList('capacity', ['peak', 'forecast'])).toBe('capacity.peak or capacity.forecast');
    expect(fieldList('continuity', ['mtpd', 'plan', 'lastTest'], 'and')).toBe('continuity.mtpd, continuity.plan and continuity.lastTest');
  });

  it('takes any field list: the tier detail of a complete low-tier area is all missing', () => {
    const service = serviceOf(CLEAN_LOW);
    expect(unreportedGaps(service.areas.continuity, ESSENTIALS.continuity.tier)).toEqual(['mtpd', 'plan', 'lastTest']);
    expect(unreportedGaps(service.areas.continuity, ESSENTIALS.continuity.every)).toEqual([]);
  });

  it('leaves out reported fields, and every field of a missing or deferred area', () => {
    const reported = serviceOf(edit(CLEAN_LOW, 'rto: 6h', 'rto: TBD'));
    expect(reported.areas.continuity.reported).toEqual(['rto']);
    expect(unreportedGaps(reported.areas.continuity, ['rto', 'mtpd'])).toEqual(['mtpd']);
    const deferred = serviceOf(edit(CLEAN_LOW, '      rto: 6h\n', '      plannedIn: operation\n'));
    expect(unreportedGaps(deferred.areas.continuity, ['rto', 'mtpd'])).toEqual([]);
    const missing = serviceOf(edit(CLEAN_LOW, '    continuity:\n      rto: 6h\n      rpo: 12h\n      recoveryOption: backup-restore\n', ''));
    expect(unreportedGaps(missing.areas.continuity, ['rto'])).toEqual([]);
  });

  it('makes one report at the area key, or none', () => {
    const service = serviceOf(CLEAN_LOW);
    expect(completenessReports(service, 'security', ['policy', 'lastReview'], (gaps) => gaps.join('+'))).toEqual([
      { pointer: '/spec/warranty/security', at: 'key', area: 'security', message: 'policy+lastReview' },
    ]);
    expect(completenessReports(service, 'security', ['classification'], () => 'never')).toEqual([]);
  });
});
