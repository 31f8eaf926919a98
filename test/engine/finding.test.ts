import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareFindings, fingerprint, makeFinding } from '../../src/engine/finding.js';

describe('fingerprint', () => {
  it('is the first 32 hex digits of the SHA-256 of rule, service (or file), area and pointer, as baselines recorded it', () => {
    const reference = (parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
    expect(fingerprint({ ruleId: 'schema', service: 'checkout', area: 'continuity', pointer: '/spec/warranty/continuity/rto', file: 'a.yaml' })).toBe(
      reference(['schema', 'service:checkout', 'continuity', '/spec/warranty/continuity/rto']),
    );
    expect(fingerprint({ ruleId: 'yaml-syntax', service: null, area: null, pointer: null, file: 'b.yaml' })).toBe(reference(['yaml-syntax', 'file:b.yaml', '', '']));
    expect(fingerprint({ ruleId: 'portfolio-reactive-provider', service: null, area: null, pointer: null, file: null })).toMatch(/^[0-9a-f]{32}$/);
  });

describe('the order of findings', () => {
  const at = (file: string | null, line: number | null, column: number | null, ruleId: string) =>
    ({ ...makeFinding({ ruleId, severity: 'error', message: '', file, range: null, service: null, area: null, pointer: null, document: null }), line, column });

  it('is file, then line, then column, then rule id; portfolio findings (no file) last', () => {
    const sorted = [
      at(null, null, null, 'portfolio-reactive-provider'),
      at('b.yaml', 1, 1, 'schema'),
      at('a.yaml', 3, 9, 'schema'),
      at('a.yaml', 3, 2, 'tier-detail-missing'),
      at('a.yaml', 3, 2, 'schema'),
      at('a.yaml', 1, 40, 'schema'),
    ].sort(compareFindings);
    expect(sorted.map((f) => [f.file, f.line, f.column, f.ruleId])).toEqual([
      ['a.yaml', 1, 40, 'schema'],
      ['a.yaml', 3, 2, 'schema'],
      ['a.yaml', 3, 2, 'tier-detail-missing'],
      ['a.yaml', 3, 9, 'schema'],
      ['b.yaml', 1, 1, 'schema'],
      [null, null, null, 'portfolio-reactive-provider'],
    ]);
  });
});
});
