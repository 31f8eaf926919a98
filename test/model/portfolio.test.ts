// The portfolio's measures (src/model/portfolio.ts, SPEC §3): the tier-weighted share of (service,
// area) pairs that are missing or deferred to Operation, over all areas and per area, and where the
// warranty of each pair was planned; duplicates of a name do not count.
import { describe, expect, it } from 'vitest';
import { PLANNED_IN, countedServices, plannedShares, plannedStage, reactiveShare, reactiveShareByArea } from '../../src/model/portfolio.js';
import type { Service } from '../../src/model/types.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { Area, Stage, Tier } from '../../src/types.js';

type Status = 'defined' | 'deferred' | 'missing';
type AreaSpec = Status | { status: Status; plannedIn?: Stage };

const config = { portfolio: { reactiveThreshold: 0.5, weights: { critical: 8, high: 4, medium: 2, low: 1 } } } as ResolvedConfig;

function service(name: string | null, tier: Tier, areas: Partial<Record<Area, AreaSpec>>, stage: Stage = 'design'): Service {
  const area = (a: Area) => {
    const spec = areas[a] ?? 'defined';
    return typeof spec === 'string' ? { status: spec } : spec;
  };
  return {
    name,
    tier,
    stage,
    areas: { availability: area('availability'), capacity: area('capacity'), continuity: area('continuity'), security: area('security') },
  } as unknown as Service;
}

describe('countedServices', () => {
  it('keeps the order of the services it counts', () => {
    const a = service('a', 'low', {});
    const b = service('b', 'low', {});
    const a2 = service('a', 'high', {});
    expect(countedServices([b, a, a2])).toEqual([b, a]);
  });
});

describe('reactiveShare', () => {
  it('is null with no service', () => {
    expect(reactiveShare([], config)).toBeNull();
  });

  it('weights each missing or deferred pair by its tier', () => {
    const critical = service('c', 'critical', { availability: 'missing', capacity: 'deferred' });
    const low = service('l', 'low', { security: 'missing' });
    // (2·8 + 1·1) / (4·8 + 4·1)
    expect(reactiveShare([critical, low], config)).toBeCloseTo(17 / 36, 12);
  });

  it('is 0 when every pair is defined, and 1 when none is', () => {
    expect(reactiveShare([service('a', 'medium', {})], config)).toBe(0);
    expect(reactiveShare([service('a', 'medium', { availability: 'missing', capacity: 'missing', continuity: 'deferred', security: 'missing' })], config)).toBe(1);
  });

  it('counts a name once: a later duplicate adds nothing', () => {
    const first = service('a', 'low', { availability: 'missing' });
    const duplicate = service('a', 'critical', { availability: 'missing', capacity: 'missing', continuity: 'missing', security: 'missing' });
    expect(reactiveShare([first, duplicate], config)).toBe(0.25);
  });
});

describe('reactiveShareByArea', () => {
  it('gives each area its own weighted share, null with no service', () => {
    const high = service('h', 'high', { availability: 'missing', continuity: 'deferred' });
    const medium = service('m', 'medium', { availability: 'deferred' });
    const low = service('l', 'low', { security: 'missing' });
    const dup = service('h', 'critical', { capacity: 'missing' });
    expect(reactiveShareByArea([high, medium, low, dup], config)).toEqual({
      availability: 6 / 7,
      capacity: 0,
      continuity: 4 / 7,
      security: 1 / 7,
    });
    expect(reactiveShareByArea([], config)).toEqual({ availability: null, capacity: null, continuity: null, security: null });
  });
});

describe('plannedStage', () => {
  it('is missing for a missing area, operation for a deferred one whatever its plannedIn', () => {
    const s = service('a', 'low', { availability: 'missing', capacity: { status: 'deferred', plannedIn: 'design' } }, 'transition');
    expect(plannedStage(s, 'availability')).toBe('missing');
    expect(plannedStage(s, 'capacity')).toBe('operation');
  });

  it("is a defined area's plannedIn, else the service's stage", () => {
    const s = service('a', 'low', { continuity: { status: 'defined', plannedIn: 'strategy' } }, 'transition');
    expect(plannedStage(s, 'continuity')).toBe('strategy');
    expect(plannedStage(s, 'security')).toBe('transition');
  });
});

describe('plannedShares', () => {
  it('lists the stages, then missing', () => {
    expect(PLANNED_IN).toEqual(['strategy', 'design', 'transition', 'operation', 'missing']);
  });

  it('gives zeros everywhere with no service', () => {
    const zero = { strategy: 0, design: 0, transition: 0, operation: 0, missing: 0 };
    expect(plannedShares([], config)).toEqual({ overall: zero, availability: zero, capacity: zero, continuity: zero, security: zero });
  });

  it('weights each pair by its tier, per area and overall, each row summing to 1', () => {
    const high = service('h', 'high', { availability: 'missing', capacity: 'deferred', continuity: { status: 'defined', plannedIn: 'strategy' } }, 'design');
    const low = service('l', 'low', { availability: { status: 'defined', plannedIn: 'transition' } }, 'operation');
    const dup = service('h', 'critical', {}, 'strategy');
    const shares = plannedShares([high, low, dup], config);
    expect(shares.availability).toEqual({ strategy: 0, design: 0, transition: 1 / 5, operation: 0, missing: 4 / 5 });
    expect(shares.capacity).toEqual({ strategy: 0, design: 0, transition: 0, operation: 1, missing: 0 });
    expect(shares.continuity).toEqual({ strategy: 4 / 5, design: 0, transition: 0, operation: 1 / 5, missing: 0 });
    expect(shares.security).toEqual({ strategy: 0, design: 4 / 5, transition: 0, operation: 1 / 5, missing: 0 });
    // overall: high has 4 pairs of weight 4, low 4 of weight 1 (16 + 4 = 20).
    expect(shares.overall).toEqual({ strategy: 4 / 20, design: 4 / 20, transition: 1 / 20, operation: 7 / 20, missing: 4 / 20 });
    for (const row of Object.values(shares)) expect(Object.values(row).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });
});
