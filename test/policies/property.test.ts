// Whatever a service holds where a policy looks (any YAML value, hostile text, deep nesting), every
// function gives a verdict: no crash, a finding only at a position inside the document.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed.js';
import type { PolicyData } from '../../src/config/types.js';
import { lintYaml } from '../support/lint-yaml.js';

const CHECKS: PolicyData['then'] = [
  { field: 'x-v', function: 'present' },
  { field: 'x-v', function: 'absent' },
  { field: 'x-v', function: 'pattern', options: { match: '^(a+)+$', notMatch: '(?i)tbd' } },
  { field: 'x-v', function: 'enum', options: { values: ['a', 1, true] } },
  { field: 'x-v', function: 'min', options: { value: '1h' } },
  { field: 'x-v', function: 'max', options: { value: 99.9 } },
  { field: 'x-v', function: 'min', options: { value: '2026-01-01' } },
  { field: 'x-v', function: 'includes', options: { values: ['MFA'] } },
  { field: 'x-v', function: 'maxAgeDays', options: { value: 30 } },
  { field: 'x-v.deeper.still', function: 'present' },
];

const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('any'), { maxKeys: 4 })),
  leaf: fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('TBD', '', '45m', 'PT1H', '99.95%', '2026-02-30', '2026-11-01', 'mfa', 'a'.repeat(2000), '\u202eevil\u001b[31m'),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  ),
})).any;

describe('policies over any value', () => {
  it('every function gives a verdict, and its findings are placed inside the document', () => {
    fc.assert(
      fc.property(value, (v) => {
        const doc = stringify({
          apiVersion: 'warranty-lint/v1',
          kind: 'Service',
          metadata: { name: 'svc', owner: 'team', tier: 'high', lifecycleStage: 'design' },
          spec: { warranty: { continuity: { rto: '1h', rpo: '5m', recoveryOption: 'warm-standby', 'x-v': v } } },
        });
        const lines = doc.split('\n').length;
        const result = lintYaml(doc, { config: { policies: [{ id: 'acme/any', area: 'continuity', then: CHECKS }] } });
        for (const f of result.findings.filter((x) => x.ruleId === 'acme/any')) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.message.length).toBeLessThan(1000);
        }
      }),
      { numRuns: 150 },
    );
  });
});
