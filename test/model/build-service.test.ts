// The service model built from a format's layout (src/model/build.ts), called directly: which
// placeholders are found where, which fields count as reported, each area's status and deferral,
// the defaults of tier and stage, dependencies and waivers.
import { describe, expect, it } from 'vitest';
import { buildService, findPlaceholders, lacks, missingEssentials, missingFields } from '../../src/model/build.js';
import type { ServiceLayout } from '../../src/model/formats/types.js';
import type { DeferralMatcher } from '../../src/model/deferral.js';
import { parseDay } from '../../src/model/units.js';

const POINTERS = {
  name: '/metadata/name',
  owner: '/metadata/owner',
  tier: '/spec/tier',
  stage: '/spec/stage',
  spec: '/spec',
  warranty: '/spec/warranty',
  dependsOn: '/spec/dependsOn',
  waivers: '/spec/waivers',
};

const DEFINED = {
  availability: { target: '99.9%', window: '30d', serviceHours: '24x7' },
  capacity: { peak: { value: 10, unit: 'rps' }, forecast: { growthPercentPerYear: 5, horizonMonths: 12, driver: 'users' } },
  continuity: { rto: '4h', rpo: '1h', recoveryOption: 'backup-restore' },
  security: { classification: 'internal', dataTypes: ['none'] },
};

function layout(extra: Partial<ServiceLayout> = {}): ServiceLayout {
  return {
    source: 'native',
    file: 'svc.yaml',
    doc: 2,
    name: 'checkout',
    tier: 'high',
    stage: 'transition',
    owner: 'team-payments',
    warranty: structuredClone(DEFINED),
    dependsOn: undefined,
    waivers: undefined,
    pointers: POINTERS,
    dependency: (raw) => (typeof raw === 'string' ? { service: raw, kind: 'hard', external: raw.startsWith('resource:') } : null),
    ...extra,
  };
}

/** A matcher that defers on the word "later", saying which phrase it found. */
const LATER: DeferralMatcher = (text) => (/\blater\b/i.test(text) ? 'later' : undefined);
const build = (l: ServiceLayout, reported: string[] = [], deferral: DeferralMatcher = LATER) => buildService(l, findPlaceholders(l, []), new Set(reported), deferral);

describe('findPlaceholders', () => {
  it('finds the owner, with its field and raw text', () => {
    expect(findPlaceholders(layout({ owner: 'TBD' }), [])).toEqual([{ pointer: '/metadata/owner', value: 'TBD', kind: 'placeholder', field: 'metadata.owner', area: null }]);
    expect(findPlaceholders(layout({ owner: null }), [])).toEqual([{ pointer: '/metadata/owner', value: null, kind: 'empty', field: 'metadata.owner', area: null }]);
    expect(findPlaceholders(layout({ owner: undefined }), [])).toEqual([]);
    expect(findPlaceholders(layout({ owner: 'ask bob' }), ['Ask Bob'])).toMatchObject([{ pointer: '/metadata/owner', kind: 'placeholder' }]);
  });

  it('finds a whole warranty that is a placeholder once, not one per area', () => {
    expect(findPlaceholders(layout({ warranty: 'TBD' }), [])).toEqual([{ pointer: '/spec/warranty', value: 'TBD', kind: 'placeholder', field: 'spec.warranty', area: null }]);
    expect(findPlaceholders(layout({ warranty: null }), [])).toEqual([]);
    expect(findPlaceholders(layout({ warranty: undefined }), [])).toEqual([]);
    expect(findPlaceholders(layout({ warranty: 7 }), [])).toEqual([]);
  });

  it('finds values deep in an area, names them from the area down, and an area that is one by its full path', () => {
    const warranty = {
      availability: { target: 'TBD', window: '30d', serviceHours: 'business hours' },
      capacity: { peak: { value: 10, unit: '???' }, thresholds: [70, 'tbd'] },
      continuity: '',
      security: null,
    };
    expect(findPlaceholders(layout({ warranty }), [])).toEqual([
      { pointer: '/spec/warranty/availability/target', value: 'TBD', kind: 'placeholder', field: 'availability.target', area: 'availability' },
      { pointer: '/spec/warranty/availability/serviceHours', value: 'business hours', kind: 'vague', field: 'availability.serviceHours', area: 'availability' },
      { pointer: '/spec/warranty/capacity/peak/unit', value: '???', kind: 'placeholder', field: 'capacity.peak.unit', area: 'capacity' },
      { pointer: '/spec/warranty/capacity/thresholds/1', value: 'tbd', kind: 'placeholder', field: 'capacity.thresholds[1]', area: 'capacity' },
      { pointer: '/spec/warranty/continuity', value: '', kind: 'empty', field: 'spec.warranty.continuity', area: 'continuity' },
    ]);
  });

  it('skips prose fields, extension fields, and a null or absent area; finds a null field', () => {
    const warranty = {
      availability: { notes: 'TBD', rationale: 'TBD', 'x-owner': 'TBD', target: null, 'y-x': 'TBD' },
      capacity: undefined,
      security: null,
    };
    expect(findPlaceholders(layout({ warranty }), [])).toEqual([
      { pointer: '/spec/warranty/availability/target', value: null, kind: 'empty', field: 'availability.target', area: 'availability' },
      { pointer: '/spec/warranty/availability/y-x', value: 'TBD', kind: 'placeholder', field: 'availability.y-x', area: 'availability' },
    ]);
  });

  it('gives a value that is not a string as text only when it is one', () => {
    const warranty = { availability: { target: 5, window: true } };
    expect(findPlaceholders(layout({ warranty }), [])).toEqual([]);
    expect(findPlaceholders(layout({ warranty: { availability: 'to be defined' } }), [])).toEqual([
      { pointer: '/spec/warranty/availability', value: 'to be defined', kind: 'placeholder', field: 'spec.warranty.availability', area: 'availability' },
    ]);
  });

  it('takes the config words for placeholders in the areas too', () => {
    expect(findPlaceholders(layout({ warranty: { security: { classification: 'ask legal' } } }), ['ask legal'])).toMatchObject([{ pointer: '/spec/warranty/security/classification', kind: 'placeholder' }]);
  });

  it('does not walk inherited keys of an area', () => {
    const inherited = Object.create({ target: 'TBD' }) as Record<string, unknown>;
    inherited.window = '30d';
    expect(findPlaceholders(layout({ warranty: { availability: inherited } }), [])).toEqual([]);
  });
});

describe('buildService', () => {
  it('keeps what the layout says of the service', () => {
    const s = build(layout());
    expect(s).toMatchObject({ name: 'checkout', file: 'svc.yaml', doc: 2, source: 'native', owner: 'team-payments', tier: 'high', stage: 'transition', pointers: POINTERS, placeholders: [], anchors: {}, dependsOn: [], waivers: [] });
    expect(s).not.toHaveProperty('warrantyAbsent');
    expect(build(layout({ warrantyAbsent: true })).warrantyAbsent).toBe(true);
    expect(build(layout({ warrantyAbsent: false }))).not.toHaveProperty('warrantyAbsent');
  });

  it('takes a tier and a stage it does not know for the defaults, the layout’s or medium and design', () => {
    expect(build(layout({ tier: 'gold', stage: 'live' }))).toMatchObject({ tier: 'medium', stage: 'design' });
    expect(build(layout({ tier: undefined, stage: 3, defaultTier: 'critical', defaultStage: 'operation' }))).toMatchObject({ tier: 'critical', stage: 'operation' });
    expect(build(layout({ tier: 'low', stage: 'strategy', defaultTier: 'critical', defaultStage: 'operation' }))).toMatchObject({ tier: 'low', stage: 'strategy' });
  });

  it('has no name unless it is a non-empty string, and no owner that is blank or reported', () => {
    expect(build(layout({ name: '' })).name).toBeNull();
    expect(build(layout({ name: 5 })).name).toBeNull();
    expect(build(layout({ name: ' ' })).name).toBe(' ');
    expect(build(layout({ owner: '  ' })).owner).toBeUndefined();
    expect(build(layout({ owner: 7 })).owner).toBeUndefined();
    expect(build(layout({ owner: 'TBD' })).owner).toBeUndefined();
    expect(build(layout(), ['/metadata/owner']).owner).toBeUndefined();
    expect(build(layout(), ['/metadata']).owner).toBeUndefined();
    expect(build(layout(), ['/metadata/own']).owner).toBe('team-payments');
    expect(build(layout(), ['/metadata/owner-x']).owner).toBe('team-payments');
  });

  it('reads a defined area as defined, with its pointer, keys, owner, plannedIn and agreement', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.availability = { ...warranty.availability, owner: 'sre', plannedIn: 'design', status: 'agreed', 'x-note': 1 };
    const a = build(layout({ warranty })).areas.availability;
    expect(a).toEqual({
      name: 'availability',
      pointer: '/spec/warranty/availability',
      present: true,
      placeholder: false,
      status: 'defined',
      keys: ['target', 'window', 'serviceHours', 'owner', 'plannedIn', 'status'],
      reported: [],
      owner: 'sre',
      plannedIn: 'design',
      agreement: 'agreed',
      values: { target: 99.9, window: 2_592_000, serviceHours: '24x7', mttr: undefined },
    });
    warranty.availability = { ...warranty.availability, plannedIn: 'later', status: 'signed' };
    expect(build(layout({ warranty })).areas.availability).toMatchObject({ plannedIn: undefined, agreement: undefined });
    warranty.availability = { ...warranty.availability, status: 'draft' };
    expect(build(layout({ warranty })).areas.availability.agreement).toBe('draft');
  });

  it('takes an area that is absent, empty, extensions only or not a mapping for missing', () => {
    const warranty = { availability: {}, capacity: { 'x-todo': 'all' }, continuity: [{ rto: '4h' }] };
    const s = build(layout({ warranty }));
    for (const a of ['availability', 'capacity', 'continuity', 'security'] as const) {
      expect([a, s.areas[a].status, s.areas[a].present]).toEqual([a, 'missing', false]);
      expect(s.areas[a].deferral).toBeUndefined();
    }
    expect(s.areas.capacity.keys).toEqual([]);
    expect(build(layout({ warranty: 'TBD' })).areas.security).toMatchObject({ status: 'missing', placeholder: true, present: false });
  });

  it('takes an area that is itself reported, or under a reported warranty, for a missing placeholder', () => {
    const s = build(layout(), ['/spec/warranty/capacity']);
    expect(s.areas.capacity).toMatchObject({ present: true, placeholder: true, status: 'missing' });
    expect(s.areas.availability).toMatchObject({ placeholder: false, status: 'defined' });
    const all = build(layout(), ['/spec/warranty']);
    expect(all.areas.availability).toMatchObject({ present: true, placeholder: true, status: 'missing' });
    // A sibling whose name starts with the area's is not the area.
    expect(build(layout(), ['/spec/warranty/capacityX']).areas.capacity).toMatchObject({ placeholder: false, status: 'defined' });
  });

  it('drops a reported field from the values, and lists it once among the reported', () => {
    const s = build(layout(), ['/spec/warranty/availability/target', '/spec/warranty/availability/window/x', '/spec/warranty/capacity/peak/unit', '/spec/warranty/availability/targte']);
    const a = s.areas.availability;
    expect(a.values).toEqual({ target: undefined, window: 2_592_000, serviceHours: '24x7', mttr: undefined });
    expect(a.reported).toEqual(['target', 'window', 'targte']);
    // A field below a field: the rest of the group stays.
    expect(s.areas.capacity.values.peak).toEqual({ value: 10, unit: undefined });
    expect(s.areas.capacity.reported).toEqual(['peak']);
    expect(build(layout(), ['/spec/warranty/availability/targetX']).areas.availability.reported).toEqual(['targetX']);
    expect(build(layout(), ['/spec/warranty/availability/targetX']).areas.availability.values.target).toBe(99.9);
  });

  it('lists a misspelt key reported with a hint once, and not a field of another area', () => {
    const s = build(layout(), ['/spec/warranty/security/clasification', '/spec/warranty/security/clasification', '/spec/warranty/availabilityX/y']);
    expect(s.areas.security.reported).toEqual(['clasification']);
    expect(s.areas.availability.reported).toEqual([]);
  });

  it('reads capacity groups, a value of the wrong type as missing, and a group written as something else as empty', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.capacity = {
      peak: { value: '10', unit: 5 },
      forecast: 'soon',
      headroom: Number.POSITIVE_INFINITY,
      thresholds: { warn: 70, critical: 90 },
      loadTest: { date: '2026-02-30', multipleOfPeak: 2, report: 'r.md' },
    };
    expect(build(layout({ warranty })).areas.capacity.values).toEqual({
      peak: { value: undefined, unit: undefined },
      forecast: { growthPercentPerYear: undefined, horizonMonths: undefined, driver: undefined },
      headroom: undefined,
      thresholds: { warn: 70, critical: 90 },
      loadTest: { date: undefined, multipleOfPeak: 2, report: 'r.md' },
    });
  });

  it('reads continuity, stateful unless it says false', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.continuity = { stateful: 'no', rto: '4h', rpo: 'PT15M', mtpd: '2d', recoveryOption: 'pilot-light', plan: 'dr.md', lastTest: { date: '2026-01-31', type: 'full', result: 'pass', report: 'x.md' } };
    expect(build(layout({ warranty })).areas.continuity.values).toEqual({
      stateful: true,
      rto: 14_400,
      rpo: 900,
      mtpd: 172_800,
      recoveryOption: 'pilot-light',
      plan: 'dr.md',
      lastTest: { date: parseDay('2026-01-31'), type: 'full', result: 'pass', report: 'x.md' },
    });
    warranty.continuity = { stateful: false, rto: '4h' };
    expect(build(layout({ warranty })).areas.continuity.values).toMatchObject({ stateful: false, lastTest: undefined });
  });

  it('reads security lists, keeping their strings only, and not a list written as something else', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.security = { classification: 'internal', dataTypes: ['pii', 3, null, 'pci'], controls: 'authn', policy: 'ISP-1', lastReview: '2026-03-01' };
    expect(build(layout({ warranty })).areas.security.values).toEqual({ classification: 'internal', dataTypes: ['pii', 'pci'], controls: undefined, policy: 'ISP-1', lastReview: parseDay('2026-03-01') });
  });

  it('defers an area planned in Operation, pointing at its plannedIn', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.security = { ...warranty.security, plannedIn: 'operation' };
    expect(build(layout({ warranty })).areas.security).toMatchObject({ status: 'deferred', plannedIn: 'operation', deferral: { reason: 'plannedIn', pointer: '/spec/warranty/security/plannedIn', phrase: 'operation' } });
  });

  it('defers an area that lacks an essential and says so in its text, at the first such text', () => {
    const warranty = structuredClone(DEFINED) as Record<string, unknown>;
    warranty.continuity = { rto: '4h', notes: ['fine', { 'x-later': 'later', why: 'agreed later' }], rationale: 'later too' };
    const c = build(layout({ warranty })).areas.continuity;
    expect(c.status).toBe('deferred');
    expect(c.deferral).toEqual({ reason: 'text', pointer: '/spec/warranty/continuity/notes/1/why', phrase: 'later' });
  });

  it('does not defer an area with all its essentials, whatever its text says, nor one whose text says nothing', () => {
    const warranty = structuredClone(DEFINED) as Record<string, Record<string, unknown>>;
    warranty.continuity = { ...warranty.continuity, notes: 'later' };
    expect(build(layout({ warranty })).areas.continuity.status).toBe('defined');
    warranty.continuity = { rto: '4h', notes: 'soon', count: 3, plan: null, steps: [null, 2] };
    const c = build(layout({ warranty })).areas.continuity;
    expect(c.status).toBe('defined');
    expect(c).not.toHaveProperty('deferral');
  });

  it('uses the default deferral matcher when none is given', () => {
    const l = layout({ warranty: { ...structuredClone(DEFINED), capacity: { notes: 'to be defined in operation' } } });
    const s = buildService(l, findPlaceholders(l, []), new Set());
    expect(s.areas.capacity.status).toBe('deferred');
  });

  it('reads the dependencies the format accepts and that are not reported, with their pointers', () => {
    const s = build(layout({ dependsOn: ['payments', 7, 'resource:db', 'orders'] }), ['/spec/dependsOn/3']);
    expect(s.dependsOn).toEqual([
      { service: 'payments', kind: 'hard', external: false, pointer: '/spec/dependsOn/0' },
      { service: 'resource:db', kind: 'hard', external: true, pointer: '/spec/dependsOn/2' },
    ]);
    expect(build(layout({ dependsOn: 'payments' })).dependsOn).toEqual([]);
  });

  it('reads waivers, leaving out their reported fields, and an area or date it does not know', () => {
    const waivers = [
      { rule: 'warranty-area-missing', area: 'capacity', reason: 'r', approvedBy: 'cto', expires: '2026-12-31' },
      { rule: ' ', area: 'network', reason: 5, expires: '31/12/2026' },
      'TBD',
    ];
    const s = build(layout({ waivers }), ['/spec/waivers/0/reason']);
    expect(s.waivers).toEqual([
      { index: 0, pointer: '/spec/waivers/0', rule: 'warranty-area-missing', area: 'capacity', reason: undefined, approvedBy: 'cto', expires: parseDay('2026-12-31') },
      { index: 1, pointer: '/spec/waivers/1', rule: undefined, area: undefined, reason: undefined, approvedBy: undefined, expires: undefined },
      { index: 2, pointer: '/spec/waivers/2', rule: undefined, area: undefined, reason: undefined, approvedBy: undefined, expires: undefined },
    ]);
    expect(build(layout({ waivers: { rule: 'x' } })).waivers).toEqual([]);
    expect(build(layout({ waivers: [{ rule: 'x', reason: 'migration', approvedBy: 'cto' }] })).waivers[0]).toMatchObject({ reason: 'migration', approvedBy: 'cto' });
    expect(build(layout({ waivers: [{ rule: 'x', area: 'security' }] }), ['/spec/waivers/0/area']).waivers[0]?.area).toBeUndefined();
  });
});

describe('lacks, missingFields and missingEssentials', () => {
  const area = (warranty: Record<string, unknown>) => build(layout({ warranty }));

  it('takes an empty list, a group with no value, and an absent field for lacking; a value for not', () => {
    const s = area({
      capacity: { peak: { unit: 5 }, forecast: { driver: 'users' }, headroom: 0 },
      security: { classification: 'internal', dataTypes: [], controls: ['authn'] },
    });
    expect(lacks(s.areas.capacity, 'peak')).toBe(true);
    expect(lacks(s.areas.capacity, 'forecast')).toBe(false);
    expect(lacks(s.areas.capacity, 'headroom')).toBe(false);
    expect(lacks(s.areas.capacity, 'thresholds')).toBe(true);
    expect(lacks(s.areas.security, 'dataTypes')).toBe(true);
    expect(lacks(s.areas.security, 'controls')).toBe(false);
    expect(lacks(s.areas.security, 'classification')).toBe(false);
    expect(missingFields(s.areas.capacity, ['headroom', 'thresholds', 'peak'])).toEqual(['thresholds', 'peak']);
    expect(missingEssentials(s.areas.security)).toEqual(['dataTypes']);
    expect(missingEssentials(s.areas.availability)).toEqual(['target', 'window', 'serviceHours']);
  });

  it('takes a stateless service for having its RPO, and a stateful one without it for lacking it', () => {
    expect(lacks(area({ continuity: { stateful: false } }).areas.continuity, 'rpo')).toBe(false);
    expect(lacks(area({ continuity: { stateful: false } }).areas.continuity, 'rto')).toBe(true);
    expect(lacks(area({ continuity: { rto: '4h' } }).areas.continuity, 'rpo')).toBe(true);
    // Only continuity's RPO is excused: another area has no such field.
    expect(lacks(area({ continuity: { stateful: false } }).areas.availability, 'rpo')).toBe(true);
    expect(missingEssentials(area({ continuity: { stateful: false, rto: '1h', recoveryOption: 'x' } }).areas.continuity)).toEqual([]);
  });
});
