// The rollups every report format prints (src/formatters/rollups.ts): per owner and per tier, the
// top risks and the waiver register, on views built by hand so that each count and each tie-break
// is pinned by itself.
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/engine/finding.js';
import type { PortfolioView, ServiceRow } from '../../src/formatters/portfolio-view.js';
import { NO_OWNER, ownerKey, ownerRollup, riskScore, tierRollup, topRisks, WAIVER_STATUS, waiverRegister } from '../../src/formatters/rollups.js';
import type { AreaStatus, Service, Waiver } from '../../src/model/types.js';
import { parseDay } from '../../src/model/units.js';
import { AREAS, type Area, type Finding, type Tier } from '../../src/types.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const BASE = lintYaml(CLEAN_LOW).services[0] as Service;
const WEIGHTS = { critical: 4, high: 3, medium: 2, low: 1 };

interface ServiceSpec {
  name?: string | null;
  owner?: string;
  tier?: Tier;
  file?: string;
  status?: Partial<Record<Area, AreaStatus>>;
  waivers?: Waiver[];
}

function service(spec: ServiceSpec): Service {
  const areas = { ...BASE.areas };
  for (const a of AREAS) areas[a] = { ...BASE.areas[a], status: spec.status?.[a] ?? 'defined' } as never;
  const { owner: _owner, ...rest } = BASE;
  return {
    ...rest,
    ...(spec.owner === undefined ? {} : { owner: spec.owner }),
    name: spec.name === undefined ? 'svc' : spec.name,
    tier: spec.tier ?? 'low',
    file: spec.file ?? `${String(spec.name)}.yaml`,
    areas,
    waivers: spec.waivers ?? [],
  };
}

function row(s: Service, counts: { errors?: number; warnings?: number; open?: number; findings?: Finding[] } = {}): ServiceRow {
  const errors = counts.errors ?? 0;
  const warnings = counts.warnings ?? 0;
  const cells = { availability: 'defined', capacity: 'defined', continuity: 'defined', security: 'defined' } as const;
  return { service: s, cells: { ...cells }, findings: counts.findings ?? [], repeats: new Map(), open: counts.open ?? errors + warnings, errors, warnings, waived: 0 };
}

function view(rows: ServiceRow[], weights = WEIGHTS): PortfolioView {
  return {
    rows,
    other: [],
    reactive: { overall: null, byArea: { availability: null, capacity: null, continuity: null, security: null }, threshold: 0.8 },
    planned: {} as PortfolioView['planned'],
    weights,
    files: { catalog: rows.length, read: rows.length, slo: 0 },
    remediation: () => undefined,
  };
}

describe('ownerKey', () => {
  it('files a service under its owner, or under "(no owner)"', () => {
    expect(ownerKey(service({ owner: 'team-a' }))).toBe('team-a');
    expect(ownerKey(service({}))).toBe('(no owner)');
    expect(NO_OWNER).toBe('(no owner)');
  });
});

describe('ownerRollup', () => {
  it("adds up each owner's services, errors, warnings, open findings and tier-weighted errors", () => {
    const v = view([
      row(service({ name: 'a1', owner: 'team-a', tier: 'high', status: { availability: 'missing' } }), { errors: 2, warnings: 1, open: 4 }),
      row(service({ name: 'b1', owner: 'team-b', tier: 'medium' }), { errors: 0, warnings: 2, open: 2 }),
      row(service({ name: 'a2', owner: 'team-a', tier: 'low', status: { capacity: 'deferred', security: 'deferred' } }), { errors: 1, warnings: 3, open: 5 }),
      row(service({ name: 'n1', tier: 'critical' }), { errors: 0, warnings: 0, open: 0 }),
    ]);
    expect(ownerRollup(v)).toEqual([
      // high (3) × 2 + low (1) × 1 = 7; reactive: (3 + 1 + 1) / (3 × 4 + 1 × 4) = 5/16.
      { key: 'team-a', services: 2, errors: 3, warnings: 4, open: 9, weightedErrors: 7, reactive: 5 / 16 },
      { key: 'team-b', services: 1, errors: 0, warnings: 2, open: 2, weightedErrors: 0, reactive: 0 },
      { key: '(no owner)', services: 1, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: 0 },
    ]);
  });

  it('weights errors by the configured tier weights', () => {
    const v = view([row(service({ name: 'x', owner: 'o', tier: 'critical' }), { errors: 3 })], { critical: 5, high: 3, medium: 2, low: 1 });
    expect(ownerRollup(v)[0]?.weightedErrors).toBe(15);
  });

  it('counts a service of a repeated name in the counts but not in the reactive share; a group of only such services has none', () => {
    const first = service({ name: 'dup', owner: 'team-a', tier: 'low' });
    const again = service({ name: 'dup', owner: 'team-b', tier: 'low', status: { availability: 'missing', capacity: 'missing', continuity: 'missing', security: 'missing' } });
    const alsoA = service({ name: 'dup', owner: 'team-a', tier: 'low', status: { availability: 'missing' } });
    const nameless = service({ name: null, owner: 'team-c', tier: 'low', status: { availability: 'missing' } });
    const rollups = ownerRollup(view([row(first), row(again, { errors: 1 }), row(alsoA), row(nameless)]));
    expect(rollups.find((r) => r.key === 'team-b')).toEqual({ key: 'team-b', services: 1, errors: 1, warnings: 0, open: 1, weightedErrors: 1, reactive: null });
    expect(rollups.find((r) => r.key === 'team-a')).toMatchObject({ services: 2, reactive: 0 });
    // A service without a name is always counted.
    expect(rollups.find((r) => r.key === 'team-c')).toMatchObject({ services: 1, reactive: 0.25 });
  });

  it('ranks by weighted errors, then reactive share, then open findings, then owner name', () => {
    const v = view([
      row(service({ name: 's1', owner: 'open-2' }), { errors: 1, open: 2 }),
      row(service({ name: 's2', owner: 'zeta' }), { errors: 1, open: 1 }),
      row(service({ name: 's3', owner: 'reactive', status: { availability: 'missing' } }), { errors: 1, open: 1 }),
      row(service({ name: 's4', owner: 'alpha' }), { errors: 1, open: 1 }),
      row(service({ name: 's5', owner: 'worst', tier: 'medium' }), { errors: 1, open: 1 }),
      row(service({ name: 's6', owner: 'mid' }), { errors: 1, open: 1 }),
      row(service({ name: 's7', owner: 'clean' }), { errors: 0, open: 9 }),
      row(service({ name: 's8', owner: 'beta' }), { errors: 1, open: 1 }),
    ]);
    expect(ownerRollup(v).map((r) => r.key)).toEqual(['worst', 'reactive', 'open-2', 'alpha', 'beta', 'mid', 'zeta', 'clean']);
  });

  it('treats a group without a reactive share as 0 when ranking', () => {
    const first = service({ name: 'dup', owner: 'b-counted', status: { availability: 'missing' } });
    const again = service({ name: 'dup', owner: 'a-uncounted' });
    const none = service({ name: 'n', owner: 'c-none' });
    expect(ownerRollup(view([row(first), row(again), row(none)])).map((r) => [r.key, r.reactive])).toEqual([
      ['b-counted', 0.25],
      ['a-uncounted', null],
      ['c-none', 0],
    ]);
  });
});

describe('tierRollup', () => {
  it('gives every tier, critical first, with zeros and no reactive share for a tier without services', () => {
    const v = view([
      row(service({ name: 'l', tier: 'low', status: { security: 'deferred' } }), { errors: 2, warnings: 1, open: 3 }),
      row(service({ name: 'h', tier: 'high' }), { errors: 1, warnings: 0, open: 1 }),
      row(service({ name: 'l2', tier: 'low' }), { errors: 0, warnings: 4, open: 4 }),
    ]);
    expect(tierRollup(v)).toEqual([
      { key: 'critical', services: 0, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: null },
      { key: 'high', services: 1, errors: 1, warnings: 0, open: 1, weightedErrors: 3, reactive: 0 },
      { key: 'medium', services: 0, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: null },
      { key: 'low', services: 2, errors: 2, warnings: 5, open: 7, weightedErrors: 2, reactive: 1 / 8 },
    ]);
  });
});

describe('topRisks', () => {
  const a = row(service({ name: 'a', tier: 'low' }), { errors: 4, open: 4 });
  const b = row(service({ name: 'b', tier: 'critical' }), { errors: 1, open: 6 });
  const c = row(service({ name: 'c', tier: 'critical' }), { errors: 1, open: 4 });
  const d = row(service({ name: 'd', tier: 'high' }), { errors: 2, open: 2 });
  const e = row(service({ name: 'e', tier: 'critical' }), { errors: 0, open: 9 });
  const f = row(service({ name: 'f', tier: 'medium' }), { errors: 2, open: 2 });
  const g = row(service({ name: 'g', tier: 'low' }), { errors: 1, open: 1 });

  it('scores a service by its open errors times its tier weight', () => {
    const v = view([a, b, d]);
    expect([riskScore(v, a), riskScore(v, b), riskScore(v, d)]).toEqual([4, 4, 6]);
  });

  it('keeps services with open errors, worst score first, then most open findings, then the view order', () => {
    const v = view([e, c, f, g, a, b, d]);
    expect(topRisks(v).map((r) => r.service.name)).toEqual(['d', 'b', 'c', 'a', 'f', 'g']);
    // The view's order decides between equal scores and open counts, whichever way it runs.
    expect(topRisks(view([a, c, f])).map((r) => r.service.name)).toEqual(['a', 'c', 'f']);
    expect(topRisks(view([f, c, a])).map((r) => r.service.name)).toEqual(['c', 'a', 'f']);
  });

  it('keeps at most `max`, ten by default', () => {
    const v = view([e, c, f, g, a, b, d]);
    expect(topRisks(v, 2).map((r) => r.service.name)).toEqual(['d', 'b']);
    const many = Array.from({ length: 12 }, (_, i) => row(service({ name: `m${i}` }), { errors: 1 }));
    expect(topRisks(view(many))).toHaveLength(10);
    expect(topRisks(view(many), 11)).toHaveLength(11);
  });
});

describe('waiverRegister', () => {
  const TODAY = '2026-11-26';
  const day = parseDay(TODAY) as number;
  const waiver = (pointer: string, w: Partial<Waiver>): Waiver => ({ index: 0, pointer, ...w });
  const finding = (ruleId: string, pointer: string, file: string): Finding =>
    makeFinding({ ruleId, severity: 'warning', message: 'm', file, range: null, service: null, area: null, pointer, document: 0 });

  it('reads each waiver as an auditor does, with its status', () => {
    const s = service({
      name: 'pay',
      tier: 'high',
      file: 'pay.yaml',
      waivers: [
        waiver('/w/0', { rule: 'r-expired', area: 'continuity', approvedBy: 'cio', reason: 'late', expires: day - 3 }),
        waiver('/w/1', { rule: 'r-today', expires: day }),
        waiver('/w/2', { rule: 'r-long', expires: day + 400 }),
        waiver('/w/3', { rule: 'r-unused', expires: day + 5 }),
        waiver('/w/4', { expires: day + 1 }),
        waiver('/w/5', { rule: 'z-nodate' }),
      ],
    });
    const findings = [
      finding('waiver-expired', '/w/2', 'pay.yaml'),
      finding('waiver-unused', '/w/3', 'pay.yaml'),
      // Findings about another waiver, or of another rule about this one, say nothing of it.
      finding('waiver-expired', '/w/9', 'pay.yaml'),
      finding('waiver-unused', '/w/8', 'pay.yaml'),
      finding('warranty-area-missing', '/w/1', 'pay.yaml'),
    ];
    const register = waiverRegister(view([row(s, { findings })]), TODAY);
    expect(register.map((e) => [e.rule, e.status, e.daysLeft, e.expired, e.expires])).toEqual([
      ['r-expired', 'expired', -3, true, '2026-11-23'],
      ['z-nodate', 'invalid', null, false, null],
      ['r-today', 'in-force', 0, false, '2026-11-26'],
      [null, 'invalid', 1, false, '2026-11-27'],
      ['r-unused', 'unused', 5, false, '2026-12-01'],
      ['r-long', 'too-long', 400, false, '2027-12-31'],
    ]);
    expect(register[0]).toEqual({
      service: 'pay',
      file: 'pay.yaml',
      tier: 'high',
      rule: 'r-expired',
      area: 'continuity',
      approvedBy: 'cio',
      reason: 'late',
      expires: '2026-11-23',
      daysLeft: -3,
      expired: true,
      status: 'expired',
    });
    expect(register.find((e) => e.rule === 'r-today')).toMatchObject({ area: null, approvedBy: null, reason: null });
  });

  it('has no days left for any waiver when the run has no valid date', () => {
    const s = service({ name: 'p', waivers: [waiver('/w/0', { rule: 'r', expires: day - 3 })] });
    expect(waiverRegister(view([row(s)]), 'not-a-day')).toMatchObject([{ daysLeft: null, expired: false, status: 'invalid', expires: '2026-11-23' }]);
  });

  it('orders expired first (longest expired first), then those without an expiry, then by days left; ties by tier, service, rule', () => {
    const w = (rule: string, offset?: number): Waiver => waiver(`/${rule}`, { rule, ...(offset === undefined ? {} : { expires: day + offset }) });
    const low = service({ name: 'a-low', tier: 'low', waivers: [w('r1', 10), w('r2', -1), w('r3')] });
    const crit = service({ name: 'z-crit', tier: 'critical', waivers: [w('r4', 10), w('r5', -30), w('r6')] });
    const crit2 = service({ name: 'b-crit', tier: 'critical', waivers: [w('r9', 10), w('r7', 10), w('r8')] });
    const crit3 = service({ name: 'c-crit', tier: 'critical', waivers: [w('ra', 10), w('rb', 10)] });
    const register = waiverRegister(view([row(low), row(crit), row(crit2), row(crit3)]), TODAY);
    expect(register.map((e) => `${e.service}:${e.rule}`)).toEqual([
      'z-crit:r5',
      'a-low:r2',
      'b-crit:r8',
      'z-crit:r6',
      'a-low:r3',
      'b-crit:r7',
      'b-crit:r9',
      'c-crit:ra',
      'c-crit:rb',
      'z-crit:r4',
      'a-low:r1',
    ]);
  });

  it('lists a waiver of a service without a name before the named ones it ties with, and one without a rule before those with one', () => {
    const w = waiver('/w', { rule: 'r', expires: day + 1 });
    const register = waiverRegister(view([row(service({ name: 'A-svc', waivers: [w] })), row(service({ name: null, file: 'n.yaml', waivers: [w] }))]), TODAY);
    expect(register.map((e) => e.service)).toEqual([null, 'A-svc']);
    const ruleless = waiverRegister(view([row(service({ name: 's', waivers: [waiver('/a', { rule: 'A-rule' }), waiver('/b', {})] }))]), TODAY);
    expect(ruleless.map((e) => e.rule)).toEqual([null, 'A-rule']);
    // Whichever comes first in the view.
    const reversed = waiverRegister(view([row(service({ name: null, file: 'n.yaml', waivers: [w] })), row(service({ name: 'A-svc', waivers: [w] }))]), TODAY);
    expect(reversed.map((e) => e.service)).toEqual([null, 'A-svc']);
    const rulelessReversed = waiverRegister(view([row(service({ name: 's', waivers: [waiver('/b', {}), waiver('/a', { rule: 'A-rule' })] }))]), TODAY);
    expect(rulelessReversed.map((e) => e.rule)).toEqual([null, 'A-rule']);
  });

  it('lists a waiver without an expiry before one that expires today', () => {
    const today = service({ name: 'crit', tier: 'critical', waivers: [waiver('/t', { rule: 'a', expires: day })] });
    const never = service({ name: 'low', tier: 'low', waivers: [waiver('/n', { rule: 'b' })] });
    expect(waiverRegister(view([row(today), row(never)]), TODAY).map((e) => [e.service, e.status, e.daysLeft])).toEqual([
      ['low', 'invalid', null],
      ['crit', 'in-force', 0],
    ]);
  });

  it('words each status for every format', () => {
    expect(WAIVER_STATUS).toEqual({
      expired: 'expired',
      'too-long': 'not in force (longer than waivers.maxDays)',
      unused: 'in force, unused',
      invalid: 'invalid (no rule or no valid expiry)',
      'in-force': 'in force',
    });
  });
});
