// compareRuns and pointsChange on small hand-made runs: what `--compare` reports (new, fixed,
// waived since, still open, services added and removed, areas changed, shares before and after).
import { describe, expect, it } from 'vitest';
import { compareRuns, pointsChange } from '../../src/formatters/compare.js';
import type { PreviousRun, RecordedFinding, ServiceRecord } from '../../src/formatters/run-record.js';
import type { AreaStatus, Service } from '../../src/model/types.js';
import type { Area, Finding, Severity, Tier } from '../../src/types.js';

const WEIGHTS = { critical: 4, high: 3, medium: 2, low: 1 };
type Areas = [AreaStatus, AreaStatus, AreaStatus, AreaStatus];
const AREA_NAMES = ['availability', 'capacity', 'continuity', 'security'] as const;
const areasOf = (st: Areas): Record<Area, AreaStatus> => Object.fromEntries(AREA_NAMES.map((a, i) => [a, st[i]])) as Record<Area, AreaStatus>;

/** A service as the model holds it: only what a comparison reads. */
function service(name: string | null, tier: Tier, st: Areas = ['defined', 'defined', 'defined', 'defined']): Service {
  const areas = Object.fromEntries(AREA_NAMES.map((a, i) => [a, { status: st[i] }]));
  return { name, file: `services/${name ?? 'unnamed'}.yaml`, doc: 0, tier, stage: 'live', owner: 'team', areas } as unknown as Service;
}

function record(name: string | null, tier: Tier, st: Areas = ['defined', 'defined', 'defined', 'defined']): ServiceRecord {
  return { name, file: `services/${name ?? 'unnamed'}.yaml`, doc: 0, tier, stage: 'live', owner: 'team', areas: areasOf(st) };
}

function finding(fp: string, over: { severity?: Severity; service?: string | null; waived?: boolean; ruleId?: string } = {}): Finding & RecordedFinding {
  return {
    ruleId: over.ruleId ?? `rule-${fp}`,
    severity: over.severity ?? 'error',
    message: `message ${fp}`,
    file: 'services/a.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    service: over.service === undefined ? 'a' : over.service,
    area: null,
    pointer: null,
    fingerprint: fp,
    docsUrl: '',
    waived: over.waived ?? false,
    document: 0,
  };
}

function previous(findings: RecordedFinding[], services: ServiceRecord[] | null = [], reactiveShare: number | null = null): PreviousRun {
  return { source: 'before.json', today: '2026-10-01', findings, reactiveShare, services };
}

describe('compareRuns: findings', () => {
  it('sorts new and fixed findings errors first, then warnings, then infos, keeping the order within a severity', () => {
    const now = [finding('i1', { severity: 'info' }), finding('w1', { severity: 'warning' }), finding('e1'), finding('i2', { severity: 'info' }), finding('e2')];
    const before = [finding('x1', { severity: 'info' }), finding('x2', { severity: 'warning' }), finding('x3'), finding('x4', { severity: 'warning' })];
    const c = compareRuns({ findings: now, services: [] }, WEIGHTS, previous(before));
    expect(c.added.map((f) => f.fingerprint)).toEqual(['e1', 'e2', 'w1', 'i1', 'i2']);
    expect(c.fixed.map((f) => f.fingerprint)).toEqual(['x3', 'x2', 'x4', 'x1']);
    expect(c.stillOpen).toBe(0);
    expect(c.since).toBe('2026-10-01');
    expect(c.source).toBe('before.json');
  });

  it('lists a finding as a comparison shows it: its fields, not its column or docs', () => {
    const c = compareRuns({ findings: [finding('n')], services: [] }, WEIGHTS, previous([]));
    expect(c.added).toEqual([{ ruleId: 'rule-n', severity: 'error', message: 'message n', file: 'services/a.yaml', line: 1, service: 'a', area: null, fingerprint: 'n' }]);
  });

  it('matches as a multiset: three now against two before is one new, two still open', () => {
    const c = compareRuns({ findings: [finding('f'), finding('f'), finding('f')], services: [] }, WEIGHTS, previous([finding('f'), finding('f')]));
    expect(c.added).toHaveLength(1);
    expect(c.stillOpen).toBe(2);
    expect(c.fixed).toEqual([]);
    const back = compareRuns({ findings: [finding('f')], services: [] }, WEIGHTS, previous([finding('f'), finding('f'), finding('f')]));
    expect(back.fixed).toHaveLength(2);
    expect(back.stillOpen).toBe(1);
  });

  it('counts a finding waived now as waived since, once per waived finding, the rest as fixed', () => {
    const now = [finding('f', { waived: true })];
    const c = compareRuns({ findings: now, services: [] }, WEIGHTS, previous([finding('f'), finding('f')]));
    expect(c.waivedSince.map((f) => f.fingerprint)).toEqual(['f']);
    expect(c.fixed.map((f) => f.fingerprint)).toEqual(['f']);
    expect(c.added).toEqual([]);
  });

  it('ignores findings that were waived before: neither fixed nor still open', () => {
    const c = compareRuns({ findings: [], services: [] }, WEIGHTS, previous([finding('f', { waived: true })]));
    expect(c).toMatchObject({ added: [], fixed: [], waivedSince: [], stillOpen: 0 });
    const again = compareRuns({ findings: [finding('f')], services: [] }, WEIGHTS, previous([finding('f', { waived: true })]));
    expect(again.added.map((f) => f.fingerprint)).toEqual(['f']);
  });

  it('with errorsOnly, leaves out warnings and infos on both sides, waived ones too', () => {
    const now = [finding('w', { severity: 'warning' }), finding('e'), finding('ww', { severity: 'warning', waived: true })];
    const before = [finding('old', { severity: 'info' }), finding('e'), finding('ww', { severity: 'warning' })];
    const c = compareRuns({ findings: now, services: [] }, WEIGHTS, previous(before), true);
    expect(c).toMatchObject({ added: [], fixed: [], waivedSince: [], stillOpen: 1 });
    const all = compareRuns({ findings: now, services: [] }, WEIGHTS, previous(before));
    expect(all.added.map((f) => f.fingerprint)).toEqual(['w']);
    expect(all.fixed.map((f) => f.fingerprint)).toEqual(['old']);
    expect(all.waivedSince.map((f) => f.fingerprint)).toEqual(['ww']);
  });
});

describe('compareRuns: services whose findings changed', () => {
  it('most changed first (new and fixed together), then by name; findings of no service are not counted', () => {
    const now = [finding('b1', { service: 'b' }), finding('a1', { service: 'a' }), finding('c1', { service: 'c' }), finding('c2', { service: 'c' }), finding('p', { service: null })];
    const before = [finding('a0', { service: 'a' }), finding('d0', { service: 'd' }), finding('q', { service: null })];
    const c = compareRuns({ findings: now, services: [] }, WEIGHTS, previous(before));
    expect(c.changedServices).toEqual([
      { service: 'a', added: 1, fixed: 1 },
      { service: 'c', added: 2, fixed: 0 },
      { service: 'b', added: 1, fixed: 0 },
      { service: 'd', added: 0, fixed: 1 },
    ]);
  });

  it('orders ties by name whichever way they arrive', () => {
    const names = ['m', 'z', 'b', 'k'];
    const c = compareRuns({ findings: names.map((s) => finding(s, { service: s })), services: [] }, WEIGHTS, previous([]));
    expect(c.changedServices.map((e) => e.service)).toEqual(['b', 'k', 'm', 'z']);
    const r = compareRuns({ findings: [...names].reverse().map((s) => finding(s, { service: s })), services: [] }, WEIGHTS, previous([]));
    expect(r.changedServices.map((e) => e.service)).toEqual(['b', 'k', 'm', 'z']);
  });
});

describe('compareRuns: services and shares', () => {
  it('names services added and removed, sorted, and the areas whose state changed', () => {
    const now = [service('zeta', 'low'), service('eta', 'low'), service('alpha', 'high', ['missing', 'defined', 'deferred', 'defined']), service('beta', 'low'), service(null, 'low')];
    const before = [record('gamma', 'low'), record('alpha', 'high', ['defined', 'defined', 'deferred', 'missing']), record('delta', 'low'), record('beta', 'low'), record(null, 'low')];
    const c = compareRuns({ findings: [], services: now }, WEIGHTS, previous([], before));
    expect(c.services).toEqual({ added: ['eta', 'zeta'], removed: ['delta', 'gamma'] });
    expect(c.areaChanges).toEqual([
      { service: 'alpha', area: 'availability', before: 'defined', after: 'missing' },
      { service: 'alpha', area: 'security', before: 'missing', after: 'defined' },
    ]);
  });

  it('compares a service with the first of two previous records of its name', () => {
    const before = [record('a', 'low', ['missing', 'defined', 'defined', 'defined']), record('a', 'low')];
    const c = compareRuns({ findings: [], services: [service('a', 'low')] }, WEIGHTS, previous([], before));
    expect(c.areaChanges).toEqual([{ service: 'a', area: 'availability', before: 'missing', after: 'defined' }]);
  });

  it('weighs shares by tier, per area and overall, counting a name once and every unnamed service', () => {
    // critical (4): availability missing; low (1): all four deferred.
    const now = [service('c', 'critical', ['missing', 'defined', 'defined', 'defined']), service('l', 'low', ['deferred', 'deferred', 'deferred', 'deferred'])];
    const before = [record('c', 'critical'), record('c', 'critical', ['missing', 'missing', 'missing', 'missing']), record(null, 'high', ['missing', 'defined', 'defined', 'defined']), record(null, 'high')];
    const c = compareRuns({ findings: [], services: now }, WEIGHTS, previous([], before, 0.9));
    expect(c.reactive.after.overall).toBeCloseTo(8 / 20);
    expect(c.reactive.after.byArea).toEqual({ availability: 5 / 5, capacity: 1 / 5, continuity: 1 / 5, security: 1 / 5 });
    // before: c (4, all defined), two unnamed high (3 each), one with availability missing.
    expect(c.reactive.before.overall).toBeCloseTo(3 / 40);
    expect(c.reactive.before.byArea).toEqual({ availability: 3 / 10, capacity: 0, continuity: 0, security: 0 });
  });

  it('has no share of an empty portfolio, and takes the recorded overall share when services were not recorded', () => {
    const c = compareRuns({ findings: [], services: [] }, WEIGHTS, previous([], null, 0.25));
    expect(c.reactive.after).toEqual({ overall: null, byArea: { availability: null, capacity: null, continuity: null, security: null } });
    expect(c.reactive.before).toEqual({ overall: 0.25, byArea: null });
    expect(c.services).toBeNull();
    expect(c.areaChanges).toEqual([]);
  });
});

describe('pointsChange', () => {
  it('rounds each share to a whole percent before it subtracts', () => {
    expect(pointsChange(0.124, 0.126)).toBe('+1 point');
    expect(pointsChange(0.125, 0.134)).toBe('no change');
    expect(pointsChange(0.5, 0.2)).toBe('-30 points');
    expect(pointsChange(0.2, 0.5)).toBe('+30 points');
    expect(pointsChange(0.3, 0.31)).toBe('+1 point');
    expect(pointsChange(0.31, 0.3)).toBe('-1 point');
  });

  it('says nothing when either share is unknown', () => {
    expect(pointsChange(0.1, null)).toBe('');
    expect(pointsChange(null, 0.1)).toBe('');
    expect(pointsChange(null, null)).toBe('');
  });
});
