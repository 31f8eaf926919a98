import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { catalog } from '../support/catalog.js';

const RULE = 'continuity-dependency-inversion';
const of = (r: ReturnType<typeof lintYaml>) => r.findings.filter((f) => f.ruleId === RULE);

describe(RULE, () => {
  it('flags a hard dependency whose rto is looser, at the dependsOn item', () => {
    const r = lintYaml(catalog({ name: 'checkout', deps: ['auth', 'payments'], rto: '1h', rpo: '15m' }, { name: 'auth', rto: '1h', rpo: '15m' }, { name: 'payments', rto: '4h', rpo: '15m' }));
    expect(positionsOf(r, RULE)).toEqual([[11, 7, '/spec/dependsOn/1']]);
    expect(of(r)[0]).toMatchObject({ service: 'checkout', area: 'continuity', severity: 'error', file: 'services/checkout.yaml' });
    expect(of(r)[0]?.message).toBe('service "checkout" hard-depends on "payments", whose continuity.rto 4h is looser than its own 1h; it cannot recover faster than what it cannot run without.');
  });

  it('names rpo alone, and both objectives in one finding when both are looser', () => {
    const rpo = lintYaml(catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', rto: '1h', rpo: '1h' }));
    expect(positionsOf(rpo, RULE)).toEqual([[10, 7, '/spec/dependsOn/0']]);
    expect(of(rpo)[0]?.message).toContain('whose continuity.rpo 1h is looser than its own 15m');
    const both = lintYaml(catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', rto: '2h', rpo: '1h' }));
    expect(of(both).map((f) => f.message)).toEqual(['service "a" hard-depends on "b", whose continuity.rto 2h and continuity.rpo 1h are looser than its own 1h and 15m; it cannot recover faster than what it cannot run without.']);
  });

  it('skips a service without a name (the schema reports it)', () => {
    const [a, b] = catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', rto: '4h', rpo: '15m' });
    const r = lintYaml([{ ...a!, text: a!.text.replace('  name: a\n', '') }, b!]);
    expect(positionsOf(r, 'schema')).toEqual([[3, 1, '/metadata/name']]);
    expect(positionsOf(r, RULE)).toEqual([]);
  });

  it('accepts equal objectives and flags one second looser', () => {
    expect(positionsOf(lintYaml(catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', rto: 'PT1H', rpo: '900s' })), RULE)).toEqual([]);
    expect(positionsOf(lintYaml(catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', rto: '3601s', rpo: '15m' })), RULE)).toEqual([[10, 7, '/spec/dependsOn/0']]);
  });

  it('ignores soft and unknown dependencies, and objectives that either side lacks', () => {
    const r = lintYaml(
      catalog(
        { name: 'a', deps: ['{ service: b, kind: soft }', 'ghost', 'c'], rto: '1h', rpo: '15m' },
        { name: 'b', rto: '24h', rpo: '24h' },
        { name: 'c' },
      ),
    );
    expect(positionsOf(r, RULE)).toEqual([]);
    const noOwn = lintYaml(catalog({ name: 'a', deps: ['b'] }, { name: 'b', rto: '24h', rpo: '24h' }));
    expect(positionsOf(noOwn, RULE)).toEqual([]);
  });

  it('judges each side of a cycle one level deep and terminates', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['b'], rto: '1h', rpo: '15m' }, { name: 'b', deps: ['a', 'b'], rto: '4h', rpo: '15m' }));
    expect(of(r).map((f) => [f.service, f.line, f.column, f.pointer])).toEqual([['a', 10, 7, '/spec/dependsOn/0']]);
  });

  it('points at the item of an object-form hard dependency', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['{ service: b, kind: hard }'], rto: '1h' }, { name: 'b', rto: '4h' }));
    expect(positionsOf(r, RULE)).toEqual([[10, 7, '/spec/dependsOn/0']]);
  });
});
