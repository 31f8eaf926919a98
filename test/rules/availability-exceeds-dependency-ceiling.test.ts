import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { backstageService, catalog, targetLine } from '../support/catalog.js';

const RULE = 'availability-exceeds-dependency-ceiling';
const of = (r: ReturnType<typeof lintYaml>) => r.findings.filter((f) => f.ruleId === RULE);

describe(RULE, () => {
  it('flags a target above the product of two hard dependencies, at the target, naming the ceiling and the dependencies', () => {
    const r = lintYaml(catalog({ name: 'checkout', tier: 'high', deps: ['payments', 'stock'], target: 99.95 }, { name: 'payments', target: 99.95 }, { name: 'stock', target: 99.95 }));
    expect(positionsOf(r, RULE)).toEqual([[targetLine(2), 15, '/spec/warranty/availability/target']]);
    const [f] = of(r);
    expect(f).toMatchObject({ file: 'services/checkout.yaml', service: 'checkout', area: 'availability', severity: 'warning', line: 14, column: 15 });
    expect(f?.message).toBe('service "checkout" has availability.target 99.95%, above the 99.90% that its hard dependencies allow together ("payments" 99.95%, "stock" 99.95%).');
  });

  it('accepts a target exactly at the ceiling of one dependency and flags one step above it', () => {
    const at = lintYaml(catalog({ name: 'a', deps: ['b'], target: 99.9 }, { name: 'b', target: 99.9 }));
    expect(positionsOf(at, RULE)).toEqual([]);
    const over = lintYaml(catalog({ name: 'a', deps: ['b'], target: 99.91 }, { name: 'b', target: 99.9 }));
    expect(positionsOf(over, RULE)).toEqual([[13, 15, '/spec/warranty/availability/target']]);
    expect(of(over)[0]?.message).toContain('above the 99.90% that its hard dependency allows ("b" 99.9%)');
  });

  it('accepts a target just under a product of several dependencies and shows enough decimals when two would hide the gap', () => {
    // 99.95% × 99.95% = 99.900025%
    const under = lintYaml(catalog({ name: 'a', deps: ['b', 'c'], target: 99.9 }, { name: 'b', target: 99.95 }, { name: 'c', target: 99.95 }));
    expect(positionsOf(under, RULE)).toEqual([]);
    const over = lintYaml(catalog({ name: 'a', deps: ['b', 'c'], target: 99.9001 }, { name: 'b', target: 99.95 }, { name: 'c', target: 99.95 }));
    expect(of(over)[0]?.message).toContain('above the 99.90% ');
    // Rounded to two decimals, 99.8999 would read 99.90%: the same as the target it is below.
    const close = lintYaml(catalog({ name: 'a', deps: ['b'], target: 99.9 }, { name: 'b', target: 99.8999 }));
    expect(of(close)[0]?.message).toContain('above the 99.8999% ');
  });

  it('shows the ceiling with six decimals at most, however close it is to the target', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['b'], target: 99.9 }, { name: 'b', target: 99.8999999 }));
    expect(positionsOf(r, RULE)).toEqual([[13, 15, '/spec/warranty/availability/target']]);
    expect(of(r)[0]?.message).toBe('service "a" has availability.target 99.9%, above the 99.900000% that its hard dependency allows ("b" 99.8999999%).');
  });

  it('reads a target written as a percentage string', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['b'], target: '"99.99%"' }, { name: 'b', target: '"99.9%"' }));
    expect(positionsOf(r, RULE)).toEqual([[13, 15, '/spec/warranty/availability/target']]);
  });

  it('leaves out soft, unknown and external dependencies and dependencies without a target', () => {
    const r = lintYaml(
      catalog(
        { name: 'a', deps: ['{ service: soft-one, kind: soft }', 'nowhere', 'no-target', 'b'], target: 99.9 },
        { name: 'soft-one', target: 90 },
        { name: 'no-target' },
        { name: 'b', target: 99.9 },
      ),
    );
    expect(positionsOf(r, RULE)).toEqual([]);
    const only = lintYaml(catalog({ name: 'a', deps: ['{ service: soft-one, kind: soft }', 'no-target'], target: 99.99 }, { name: 'soft-one', target: 90 }, { name: 'no-target' }));
    expect(positionsOf(only, RULE)).toEqual([]);
  });

  it('ignores a Backstage resource reference (external), not a component one', () => {
    const backstage = backstageService('a', ['resource:default/b'], '  warranty:\n    availability: { target: 99.99, window: 30d, serviceHours: 24x7 }\n');
    const r = lintYaml([{ file: 'a.yaml', text: backstage }, ...catalog({ name: 'b', target: 90 })]);
    expect(positionsOf(r, RULE)).toEqual([]);
    // The same reference to a component counts.
    const component = lintYaml([{ file: 'a.yaml', text: backstage.replace('resource:', 'component:') }, ...catalog({ name: 'b', target: 90 })]);
    expect(positionsOf(component, RULE)).toEqual([[11, 29, '/spec/warranty/availability/target']]);
  });

  it('uses the first definition of a duplicated name', () => {
    const r = lintYaml([...catalog({ name: 'a', deps: ['b'], target: 99.5 }), { file: 'services/b1.yaml', text: catalog({ name: 'b', target: 99 })[0]!.text }, { file: 'services/b2.yaml', text: catalog({ name: 'b', target: 99.99 })[0]!.text }]);
    expect(of(r).map((f) => f.message)).toEqual(['service "a" has availability.target 99.5%, above the 99.00% that its hard dependency allows ("b" 99%).']);
  });

  it('terminates on a dependency cycle and a self-dependency, judging each service one level deep', () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['b', 'a'], target: 99.99 }, { name: 'b', deps: ['a'], target: 99.9 }));
    expect(of(r).map((f) => [f.service, f.line, f.column])).toEqual([['a', 14, 15]]);
  });

  it('skips a service without a name', () => {
    const unnamed = catalog({ name: 'x', deps: ['b'], target: 99.99 })[0]!.text.replace('  name: x\n', '');
    const r = lintYaml([{ file: 'unnamed.yaml', text: unnamed }, ...catalog({ name: 'b', target: 90 })]);
    expect(r.findings.some((f) => f.ruleId === 'schema')).toBe(true);
    expect(positionsOf(r, RULE)).toEqual([]);
  });

  it('counts a dependency named twice once: the ceiling is its target, not its square', () => {
    // Twice counted, 99.95% × 99.95% = 99.90%, below the 99.95% target: a false finding.
    const r = lintYaml(catalog({ name: 'a', deps: ['b', 'b'], target: 99.95 }, { name: 'b', target: 99.95 }));
    expect(positionsOf(r, RULE)).toEqual([]);
    const over = lintYaml(catalog({ name: 'a', deps: ['b', 'b'], target: 99.96 }, { name: 'b', target: 99.95 }));
    expect(of(over)[0]?.message).toContain('its hard dependency allows ("b" 99.95%)');
  });
});
