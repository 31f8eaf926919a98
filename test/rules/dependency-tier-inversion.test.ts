import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { catalog } from '../support/catalog.js';
import { rmSync } from 'node:fs';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { tempTree } from '../support/run-cli.js';

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

describe(`${RULE}: which services it judges`, () => {
  it('skips a service without a name (the schema reports it)', () => {
    const [a, b] = catalog({ name: 'a', tier: 'critical', deps: ['b'] }, { name: 'b', tier: 'low' });
    const r = lintYaml([{ ...a!, text: a!.text.replace('  name: a\n', '') }, b!]);
    expect(positionsOf(r, 'schema')).toEqual([[3, 1, '/metadata/name']]);
    expect(positionsOf(r, RULE)).toEqual([]);
  });

  it('is reported under --changed-since when only the dependency\'s file changed', async () => {
    const root = tempTree(Object.fromEntries(catalog({ name: 'a', tier: 'critical', deps: ['b'] }, { name: 'b', tier: 'low' }).map((f) => [f.file, f.text])));
    try {
      const result = await lint({ cwd: root, paths: ['.'], config: resolveConfig({}), now: '2026-11-26', changedFiles: new Set(['services/b.yaml']) });
      expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.file, f.line, f.column])).toEqual([['services/a.yaml', 10, 7]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
