// Hostile SLO files (OpenSLO, Sloth): wrong types, missing fields, huge numbers, aliases. They are
// read in every walk beside the definitions, so none may crash a run or leak a value the schema
// refused into a comparison.
import fc from 'fast-check';
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

/** The service ("search", 99.0% over 30d) and one SLO file. */
const run = (slo: string, explicit = true) =>
  lintYaml(
    [
      { file: 'search.yaml', text: CLEAN_LOW },
      { file: 'slos/x.yaml', text: slo },
    ],
    { explicit },
  );

const sloFindings = (slo: string) => run(slo).findings.filter((f) => f.file === 'slos/x.yaml' || f.ruleId === 'availability-slo-mismatch');

const OPENSLO = (spec: string): string => `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: s }\nspec:\n${spec}`;

describe('hostile SLO documents', () => {
  it.each([
    ['a target of the wrong type', OPENSLO('  service: search\n  objectives: [{ target: "0.5" }]\n  timeWindow: [{ duration: 30d }]\n'), '/spec/objectives/0/target'],
    ['a target above 1', OPENSLO('  service: search\n  objectives: [{ target: 99.9 }]\n  timeWindow: [{ duration: 30d }]\n'), '/spec/objectives/0/target'],
    ['a huge target', OPENSLO('  service: search\n  objectives: [{ targetPercent: 1e308 }]\n  timeWindow: [{ duration: 30d }]\n'), '/spec/objectives/0/targetPercent'],
    ['an infinite target', OPENSLO('  service: search\n  objectives: [{ targetPercent: .inf }]\n'), '/spec/objectives/0/targetPercent'],
    ['a NaN target', OPENSLO('  service: search\n  objectives: [{ targetPercent: .nan }]\n'), '/spec/objectives/0/targetPercent'],
    ['a service of the wrong type', OPENSLO('  service: 42\n  objectives: [{ target: 0.5 }]\n'), '/spec/service'],
    ['objectives as a mapping', OPENSLO('  service: search\n  objectives: { target: 0.5 }\n'), '/spec/objectives'],
    ['a window as a string', OPENSLO('  service: search\n  objectives: [{ target: 0.99 }]\n  timeWindow: 28d\n'), '/spec/timeWindow'],
    ['a huge window', OPENSLO('  service: search\n  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 99999999999999999999999999999999999999999999999999999999999d }]\n'), null],
    ['a window in an unknown unit', OPENSLO('  service: search\n  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 3 fortnights }]\n'), '/spec/timeWindow/0/duration'],
    ['no spec', 'apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: s }\n', null],
    ['spec as a list', 'apiVersion: openslo/v1\nkind: SLO\nspec: [1, 2]\n', '/spec'],
    ['a Sloth objective as text', 'version: prometheus/v1\nservice: search\nslos: [{ name: a, objective: "99.9" }]\n', '/slos/0/objective'],
    ['Sloth slos as a string', 'version: prometheus/v1\nservice: search\nslos: many\n', '/slos'],
    ['a Sloth service as a list', 'version: prometheus/v1\nservice: [search]\nslos: [{ objective: 50 }]\n', '/service'],
  ])('%s: a schema finding at most, never a crash nor a comparison of what the schema refused', (_, text, pointer) => {
    const found = sloFindings(text);
    const schema = found.filter((f) => f.ruleId === 'schema');
    if (pointer === null) expect(schema).toEqual([]);
    else expect(schema.map((f) => f.pointer)).toContain(pointer);
    for (const f of schema) expect([f.file, f.service, typeof f.line]).toEqual(['slos/x.yaml', null, 'number']);
    // A refused target or window is not compared: the one finding about it is the schema's.
    expect(found.filter((f) => f.ruleId === 'availability-slo-mismatch').map((f) => f.message)).not.toContainEqual(expect.stringMatching(/Infinity|NaN|e\+/));
  });

  it('a huge window is no window: nothing is compared with it', () => {
    const huge = OPENSLO('  service: search\n  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999d }]\n');
    expect(sloFindings(huge).map((f) => f.ruleId)).toEqual([]);
  });

  it('aliases into an SLO are read as values, and an alias bomb is refused like in any file', () => {
    const aliased = `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: &n search }\nspec:\n  service: *n\n  timeWindow: &w [{ duration: 7d }]\n  objectives: [{ target: 0.5 }]\n`;
    expect(sloFindings(aliased).map((f) => f.pointer)).toEqual(['/spec/warranty/availability/target', '/spec/warranty/availability/window']);
    let bomb = 'apiVersion: openslo/v1\nkind: SLO\nx0: &x0 [a, a, a, a, a, a, a, a, a]\n';
    for (let i = 1; i < 9; i++) bomb += `x${i}: &x${i} [${Array(9).fill(`*x${i - 1}`).join(', ')}]\n`;
    expect(sloFindings(bomb).map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });

  it('a document that is only an alias of another document is no crash', () => {
    expect(() => run('version: prometheus/v1\nservice: &s search\nslos: &l [{ objective: 99, x: *s }]\n---\n*l\n')).not.toThrow();
  });

  it('any value anywhere in an OpenSLO or Sloth document: no crash, findings are well formed (property)', () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0, -1, 0.9999999999999999, 100.0000001, '28d', '4w', '1M', '1Q', '1Y', '0d', '-1d', '', ' ', 'search'),
    );
    const openslo = fc.record(
      {
        apiVersion: fc.constantFrom('openslo/v1', 'openslo/v1alpha', 'openslo/v2'),
        kind: fc.constantFrom('SLO', 'SLI', 'Service', 'slo'),
        metadata: fc.oneof(fc.record({ name: anyValue, displayName: anyValue }, { requiredKeys: [] }), anyValue),
        spec: fc.oneof(
          fc.record(
            {
              service: fc.oneof(fc.constant('search'), anyValue),
              objectives: fc.oneof(fc.array(fc.oneof(fc.record({ target: anyValue, targetPercent: anyValue, displayName: anyValue, op: anyValue }, { requiredKeys: [] }), anyValue), { maxLength: 3 }), anyValue),
              timeWindow: fc.oneof(fc.array(fc.oneof(fc.record({ duration: anyValue }, { requiredKeys: [] }), anyValue), { maxLength: 2 }), anyValue),
              timeWindows: fc.oneof(fc.array(fc.record({ unit: fc.oneof(fc.constantFrom('Day', 'Week', 'Month', 'day'), anyValue), count: anyValue }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
      },
      { requiredKeys: ['apiVersion'] },
    );
    const sloth = fc.record(
      {
        version: fc.constant('prometheus/v1'),
        service: fc.oneof(fc.constant('search'), anyValue),
        slos: fc.oneof(fc.array(fc.oneof(fc.record({ name: anyValue, objective: anyValue, description: anyValue, labels: anyValue }, { requiredKeys: [] }), anyValue), { maxLength: 3 }), anyValue),
      },
      { requiredKeys: ['version'] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(openslo, sloth), { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, explicit) => {
        const text = docs.map((d) => yaml.stringify(d)).join('---\n');
        const r = run(text, explicit);
        for (const f of r.findings) {
          expect(typeof f.message).toBe('string');
          expect(f.message).not.toMatch(/undefined|NaN|Infinity|\[object/);
          if (f.file === 'slos/x.yaml') expect(['schema', 'yaml-syntax', 'no-service', 'too-many-findings']).toContain(f.ruleId);
        }
      }),
      { numRuns: 150 },
    );
  });
});
