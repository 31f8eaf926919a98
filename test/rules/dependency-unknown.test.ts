import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { backstageService, catalog, sketch } from '../support/catalog.js';
import { dependencyUnknown, HINT_COMPARISONS } from '../../src/rules/dependency-unknown.js';
import { EntityCatalog } from '../../src/model/catalog.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Service } from '../../src/model/types.js';

const RULE = 'dependency-unknown';
const of = (r: ReturnType<typeof lintYaml>) => r.findings.filter((f) => f.ruleId === RULE);

describe(RULE, () => {
  it('flags a name that is in no linted file, with a did-you-mean hint, at the item', () => {
    const r = lintYaml(catalog({ name: 'checkout', deps: ['billing', 'paymnets-api'] }, { name: 'payments-api' }));
    expect(positionsOf(r, RULE)).toEqual([
      [10, 7, '/spec/dependsOn/0'],
      [11, 7, '/spec/dependsOn/1'],
    ]);
    expect(of(r).map((f) => f.message)).toEqual([
      'service "checkout" depends on "billing", which is not a service in the linted files.',
      'service "checkout" depends on "paymnets-api", which is not a service in the linted files; did you mean "payments-api"?',
    ]);
    expect(of(r)[0]).toMatchObject({ area: null, severity: 'warning', service: 'checkout', file: 'services/checkout.yaml' });
  });

  it('flags soft dependencies too, and knows services from other files and documents', () => {
    const r = lintYaml([
      { file: 'a.yaml', text: sketch({ name: 'a', deps: ['{ service: ghost, kind: soft }', 'b', 'c'] }) + '---\n' + sketch({ name: 'c' }) },
      { file: 'b.yaml', text: sketch({ name: 'b' }) },
    ]);
    expect(positionsOf(r, RULE)).toEqual([[10, 7, '/spec/dependsOn/0']]);
  });

  it('never flags an external reference (a Backstage resource)', () => {
    const text = backstageService('a', ['resource:default/orders-db', 'component:default/ghost']);
    const r = lintYaml([{ file: 'a.yaml', text }]);
    expect(of(r).map((f) => [f.line, f.column, f.pointer, f.message])).toEqual([[9, 43, '/spec/dependsOn/1', 'service "a" depends on "ghost", which is not a service in the linted files.']]);
  });

  it('terminates on a cycle through an unknown service', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['b', 'ghost'] }, { name: 'b', deps: ['a'] }));
    expect(positionsOf(r, RULE)).toEqual([[11, 7, '/spec/dependsOn/1']]);
  });

  it('skips a service without a name (the schema reports it)', () => {
    const r = lintYaml(sketch({ name: 'a', deps: ['ghost'] }).replace('  name: a\n', ''));
    expect(positionsOf(r, RULE)).toEqual([]);
  });

  it('bounds the work of its hints on a large catalog: cached per name, then a comparison budget', () => {
    const known = 2001;
    const unknown = 1200;
    const service = (name: string, deps: string[]) => ({ name, file: 'c.yaml', dependsOn: deps.map((d, i) => ({ service: d, kind: 'hard', pointer: `/spec/dependsOn/${i}`, external: false })) }) as unknown as Service;
    const services = Array.from({ length: known }, (_, i) => service(`svc-${i}`, []));
    // Every unknown dependency is a typo of a known name, twice over (the second is a cache hit).
    const typos = Array.from({ length: unknown }, (_, i) => `svc-${i}x`);
    services.push(service('caller', [...typos, ...typos]));
    const byName = new Map(services.map((s) => [s.name as string, s]));
    const reports = [...dependencyUnknown.check({ services, byName, catalog: new EntityCatalog(services), config: resolveConfig({}), today: 0 })];
    expect(reports).toHaveLength(2 * unknown);
    const hinted = reports.filter((r) => r.message.includes('did you mean'));
    const computed = Math.floor(HINT_COMPARISONS / (known + 1));
    expect(hinted).toHaveLength(2 * Math.min(unknown, computed));
    expect(reports[0]?.message).toContain('did you mean "svc-0"?');
    expect(reports[unknown - 1]?.message).not.toContain('did you mean');
  });
});

describe(`${RULE}: the hint budget (one comparison per known name)`, () => {
  const dep = (name: string, i: number, external = false) => ({ service: name, kind: 'hard', pointer: `/spec/dependsOn/${i}`, external });
  const service = (name: string | null, deps: Array<ReturnType<typeof dep>>) => ({ name, file: 'c.yaml', dependsOn: deps }) as unknown as Service;
  /** The reports for `services` in a catalog of `size` known names (the services' own, then fillers `svc-0`, `svc-1`…). */
  const run = (size: number, services: Service[]) => {
    const byName = new Map<string, Service>();
    for (const s of services) if (s.name !== null) byName.set(s.name, s);
    const filler = service('filler', []);
    for (let i = 0; byName.size < size; i++) byName.set(`svc-${i}`, filler);
    return [...dependencyUnknown.check({ services, byName, catalog: new EntityCatalog(services), config: resolveConfig({}), today: 0 })].map((r) => r.message);
  };

  it('hints the first unknown name when the budget pays for exactly one pass over the known names, and none past that', () => {
    const caller = () => service('caller', [dep('svc-0x', 0), dep('svc-1x', 1)]);
    expect(run(HINT_COMPARISONS, [caller()])).toEqual([
      'service "caller" depends on "svc-0x", which is not a service in the linted files; did you mean "svc-0"?',
      'service "caller" depends on "svc-1x", which is not a service in the linted files.',
    ]);
    expect(run(HINT_COMPARISONS + 1, [caller()])).toEqual([
      'service "caller" depends on "svc-0x", which is not a service in the linted files.',
      'service "caller" depends on "svc-1x", which is not a service in the linted files.',
    ]);
  });

  it('spends the budget on unknown names of named services only: not on a service without a name, a known service or an external reference', () => {
    const services = [service(null, [dep('svc-1x', 0)]), service('caller', [dep('known', 0), dep('db', 1, true), dep('svc-0x', 2)]), service('known', [])];
    expect(run(HINT_COMPARISONS, services)).toEqual(['service "caller" depends on "svc-0x", which is not a service in the linted files; did you mean "svc-0"?']);
  });
});
