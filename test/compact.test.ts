import { describe, expect, it } from 'vitest';
import { generateTexts } from '../bench/generate.js';
import { StringPool } from '../src/engine/compact.js';
import type { FileResult } from '../src/engine/process-file.js';

const compactAll = (results: FileResult[]): FileResult[] => {
  const pool = new StringPool();
  return results.map((r) => pool.compactResult(r));
};
import { lintText } from '../src/engine/process-file.js';
import { resolveConfig } from '../src/config/resolve.js';

describe('compacting what a run keeps of each file', () => {
  const config = resolveConfig({});
  const results = () => generateTexts(40, 5).map((f) => lintText(f.text, { path: f.file, file: f.file, explicit: false }, { config, today: 20_000 }));

  it('keeps every finding and service equal to what the file gave', () => {
    const plain = results();
    const before = JSON.parse(JSON.stringify(plain)) as unknown;
    const after = compactAll(plain);
    expect(JSON.parse(JSON.stringify(after))).toEqual(before);
    expect(after.flatMap((r) => r.services)).toHaveLength(40);
  });

  it('shares equal leaves between services, frozen', () => {
    const [a, b] = compactAll(results()).flatMap((r) => r.services);
    expect(a?.pointers).toBe(b?.pointers);
    expect(Object.isFrozen(a?.pointers)).toBe(true);
    expect(a?.areas.availability.reported).toBe(b?.areas.availability.reported);
    expect(() => (a?.areas.availability.reported as string[]).push('x')).toThrow(TypeError);
  });

  it('never merges leaves that differ only in type or in how their parts split', () => {
    const pool = new StringPool();
    const x = pool.compact({ a: '1', b: 2 });
    const y = pool.compact({ a: 1, b: '2' });
    const z = pool.compact(['a|1:b', 'c']);
    const w = pool.compact(['a', '1:b|c']);
    const zero = pool.compact([0]);
    const negativeZero = pool.compact([-0]);
    expect(x).not.toBe(y);
    expect(z).not.toBe(w);
    expect(Object.is(negativeZero[0], -0)).toBe(true);
    expect(zero).not.toBe(negativeZero);
    expect(pool.compact({ a: '1', b: 2 })).toBe(x);
  });

});

describe('findings after compaction', () => {
  it('stay writable (waivers mark them) and are never shared', () => {
    const config = resolveConfig({});
    const text = generateTexts(60, 9).map((f) => f.text).join('---\n');
    const [r] = compactAll([lintText(text, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config, today: 20_000 })]);
    const f = r?.findings[0];
    expect(f).toBeDefined();
    expect(Object.isFrozen(f)).toBe(false);
    (f as { waived: boolean }).waived = true;
    expect(f?.waived).toBe(true);
  });
});
