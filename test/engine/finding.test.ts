import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/finding.js';

describe('fingerprint', () => {
  it('is the first 32 hex digits of the SHA-256 of rule, service (or file), area and pointer, as baselines recorded it', () => {
    const reference = (parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
    expect(fingerprint({ ruleId: 'schema', service: 'checkout', area: 'continuity', pointer: '/spec/warranty/continuity/rto', file: 'a.yaml' })).toBe(
      reference(['schema', 'service:checkout', 'continuity', '/spec/warranty/continuity/rto']),
    );
    expect(fingerprint({ ruleId: 'yaml-syntax', service: null, area: null, pointer: null, file: 'b.yaml' })).toBe(reference(['yaml-syntax', 'file:b.yaml', '', '']));
    expect(fingerprint({ ruleId: 'portfolio-reactive-provider', service: null, area: null, pointer: null, file: null })).toMatch(/^[0-9a-f]{32}$/);
  });
});
