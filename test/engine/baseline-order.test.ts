// The baseline file is committed and diffed: its entries come in one order whatever the order of
// the findings (service, rule, area, pointer, fingerprint).
import { describe, expect, it } from 'vitest';
import { baselineFrom } from '../../src/engine/baseline.js';
import { makeFinding } from '../../src/engine/finding.js';
import type { Area } from '../../src/types.js';

const finding = (service: string | null, ruleId: string, area: Area | null, pointer: string | null, file = 'a.yaml') =>
  makeFinding({ ruleId, severity: 'error', message: 'm', file, range: null, service, area, pointer, document: 0 });

describe('baselineFrom', () => {
  it('sorts entries by service, rule, area, pointer, then fingerprint, whatever the findings order', () => {
    const sorted = [
      finding(null, 'schema', null, null),
      finding('a', 'schema', null, '/spec'),
      finding('a', 'warranty-area-missing', 'capacity', '/spec'),
      finding('a', 'warranty-area-missing', 'security', '/spec'),
      finding('b', 'schema', null, '/metadata'),
      finding('b', 'schema', null, '/spec'),
    ];
    // Alike but for their files: told apart by their fingerprints only.
    const sameButFile = [finding(null, 'yaml-syntax', null, null, 'x.yaml'), finding(null, 'yaml-syntax', null, null, 'y.yaml')].sort((x, y) => (x.fingerprint < y.fingerprint ? -1 : 1));
    expect(sameButFile[0]?.fingerprint).not.toBe(sameButFile[1]?.fingerprint);
    const expected = [...sorted.slice(0, 1), ...sameButFile, ...sorted.slice(1)].map((f) => f.fingerprint);
    for (const order of [[...sorted, ...sameButFile].reverse(), [sorted[3], sameButFile[1], sorted[0], sorted[5], sameButFile[0], sorted[2], sorted[1], sorted[4]]]) {
      expect(baselineFrom(order as typeof sorted).entries.map((e) => e.fingerprint)).toEqual(expected);
    }
  });
});
