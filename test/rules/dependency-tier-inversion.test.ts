import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { catalog } from '../support/catalog.js';

const RULE = 'dependency-tier-inversion';
const of = (r: ReturnType<typeof lintYaml>) => r.findings.filter((f) => f.ruleId === RULE);

describe(RULE, () => {
  it('flags a critical service hard-depending on any lower tier, at the item', () => {
    const r = lintYaml(
      catalog({ name: 'pay', tier: 'critical', deps: ['auth', 'fx', 'ledger', 'ghost'] }, { name: 'auth', tier: 'critical' }, { name: 'fx', tier: 'high' }, { name: 'ledger', tier: 'low' }),
    );
    expect(positionsOf(r, RULE)).toEqual([
      [11, 7, '/spec/dependsOn/1'],
      [12, 7, '/spec/dependsOn/2'],
    ]);
    expect(of(r)[0]).toMatchObject({ area: null, severity: 'warning', service: 'pay' });
    expect(of(r)[0]?.message).toBe('service "pay" (tier critical) hard-depends on "fx", which is only tier high; it cannot be more dependable than what it cannot run without.');
  });

  it('flags a high service on a medium one, not on a high one', () => {
    const r = lintYaml(catalog({ name: 'a', tier: 'high', deps: ['b', 'c'] }, { name: 'b', tier: 'high' }, { name: 'c', tier: 'medium' }));
    expect(positionsOf(r, RULE)).toEqual([[11, 7, '/spec/dependsOn/1']]);
  });

  it('leaves medium and low services, and soft dependencies, alone', () => {
    const r = lintYaml(catalog({ name: 'a', tier: 'medium', deps: ['b'] }, { name: 'b', tier: 'low' }, { name: 'c', tier: 'critical', deps: ['{ service: b, kind: soft }'] }));
    expect(positionsOf(r, RULE)).toEqual([]);
  });

  it('terminates on a cycle and reports only the side that is inverted', () => {
    const r = lintYaml(catalog({ name: 'a', tier: 'critical', deps: ['b'] }, { name: 'b', tier: 'medium', deps: ['a'] }));
    expect(of(r).map((f) => [f.service, f.line, f.column])).toEqual([['a', 10, 7]]);
  });
});
