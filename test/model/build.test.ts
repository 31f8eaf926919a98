// The model a rule reads (src/model/build.ts): each area's values as numbers, seconds, days and
// strings, and an optional group undefined when it is not written.
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/model/units.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const FULL = CLEAN_LOW.replace(
  /    capacity:[\s\S]*/,
  `    capacity:
      peak: { value: 50, unit: rps }
      forecast: { growthPercentPerYear: 10, horizonMonths: 12, driver: seasonal sales }
      headroom: 30
      thresholds: { warn: 70, critical: 90 }
      loadTest: { date: 2026-10-01, multipleOfPeak: 1.5 }
    continuity:
      stateful: false
      rto: 6h
      rpo: 12h
      mtpd: 2d
      recoveryOption: backup-restore
      plan: https://wiki.example/dr/search
      lastTest: { date: 2026-09-15, type: simulation, result: pass }
    security:
      classification: internal
      dataTypes: [none]
      controls: [authn, rbac]
      policy: ISP-7
      lastReview: 2026-08-01
`,
).replace('      serviceHours: 24x7', '      serviceHours: 24x7\n      mttr: 30m');

describe('the service model', () => {
  it('reads every field of every area', () => {
    const result = lintYaml(FULL);
    expect(result.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    const areas = result.services[0]!.areas;
    expect(areas.availability.values).toEqual({ target: 99, window: 2_592_000, serviceHours: '24x7', mttr: 1800 });
    expect(areas.capacity.values).toEqual({
      peak: { value: 50, unit: 'rps' },
      forecast: { growthPercentPerYear: 10, horizonMonths: 12, driver: 'seasonal sales' },
      headroom: 30,
      thresholds: { warn: 70, critical: 90 },
      loadTest: { date: parseDay('2026-10-01'), multipleOfPeak: 1.5 },
    });
    expect(areas.continuity.values).toEqual({
      stateful: false,
      rto: 21_600,
      rpo: 43_200,
      mtpd: 172_800,
      recoveryOption: 'backup-restore',
      plan: 'https://wiki.example/dr/search',
      lastTest: { date: parseDay('2026-09-15'), type: 'simulation', result: 'pass' },
    });
    expect(areas.security.values).toEqual({ classification: 'internal', dataTypes: ['none'], controls: ['authn', 'rbac'], policy: 'ISP-7', lastReview: parseDay('2026-08-01') });
  });

  it('leaves out the groups that are not written, and takes a service as stateful unless it says otherwise', () => {
    const areas = lintYaml(CLEAN_LOW).services[0]!.areas;
    expect(areas.capacity.values.thresholds).toBeUndefined();
    expect(areas.capacity.values.loadTest).toBeUndefined();
    expect(areas.capacity.values.headroom).toBeUndefined();
    expect(areas.continuity.values.lastTest).toBeUndefined();
    expect(areas.continuity.values.mtpd).toBeUndefined();
    expect(areas.continuity.values.stateful).toBe(true);
    expect(areas.security.values.policy).toBeUndefined();
    expect(areas.availability.values.mttr).toBeUndefined();
  });
});
