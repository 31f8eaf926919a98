import { describe, expect, it } from 'vitest';
import { generateTexts } from '../bench/generate.js';
import { StringPool, type KeptFile } from '../src/engine/compact.js';
import { messagePieces, unpack, type PackedFinding } from '../src/engine/finding.js';
import type { FileResult } from '../src/engine/process-file.js';

const compactAll = (results: FileResult[]): KeptFile[] => {
  const pool = new StringPool();
  return results.map((r) => pool.compactResult(r));
};
/** Findings as they are written: unpacked. */
const written = (results: KeptFile[]): FileResult[] => results.map((r) => ({ ...r, findings: r.findings.map(unpack) }));
import { lintText } from '../src/engine/process-file.js';
import { resolveConfig } from '../src/config/resolve.js';

describe('compacting what a run keeps of each file', () => {
  const config = resolveConfig({});
  const results = () => generateTexts(40, 5).map((f) => lintText(f.text, { path: f.file, file: f.file, explicit: false }, { config, today: 20_000 }));

  it('keeps every finding and service equal to what the file gave, findings field for field in the same order once unpacked', () => {
    const plain = results();
    const before = JSON.stringify(plain);
    const after = compactAll(plain);
    expect(after.flatMap((r) => r.findings).length).toBeGreaterThan(40);
    expect(JSON.stringify(written(after))).toBe(before);
    expect(after.flatMap((r) => r.services)).toHaveLength(40);
  });

  it('packs findings: the message as pieces around the service name, shared between findings worded alike', () => {
    const packed = compactAll(results()).flatMap((r) => r.findings) as PackedFinding[];
    expect(packed.every((f) => Array.isArray(f.message) && !('docsUrl' in f))).toBe(true);
    const services = new Map<readonly string[], Set<string | null>>();
    for (const f of packed) services.set(f.message, (services.get(f.message) ?? new Set()).add(f.service));
    // One list of pieces (one object) is shared by the findings of many services.
    expect(Math.max(...[...services.values()].map((s) => s.size))).toBeGreaterThan(2);
    expect(Object.isFrozen(packed[0]?.message)).toBe(true);
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

  it('shares objects of up to 12 primitive fields, null ones too, and not an object that holds another', () => {
    const pool = new StringPool();
    const fields = (n: number, last = n - 1): Record<string, number> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i === n - 1 ? last : i]));
    expect(pool.compact(fields(12))).toBe(pool.compact(fields(12)));
    expect(pool.compact(fields(12, 99))).not.toBe(pool.compact(fields(12)));
    expect(pool.compact(fields(13))).not.toBe(pool.compact(fields(13)));
    expect(pool.compact({ a: null, b: 1 })).toBe(pool.compact({ a: null, b: 1 }));
    const outer = (line: number): { name: string; range: { line: number; column: number } } => ({ name: 'x', range: { line, column: 2 } });
    const [a, b, c] = [pool.compact(outer(1)), pool.compact(outer(1)), pool.compact(outer(9))];
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(false);
    expect(a.range).toBe(b.range);
    expect(Object.isFrozen(a.range)).toBe(true);
    expect(c.range).toEqual({ line: 9, column: 2 });
  });

});

describe('message pieces', () => {
  it('join back into the message exactly, wherever and however often the name occurs', () => {
    const cases: Array<[string, string | null]> = [
      ['service "a" depends on "ab", which depends on "a".', 'a'],
      ['a.b names a.b and a+b (.*)', 'a.b'],
      ['no name here', 'checkout'],
      ['checkout', 'checkout'],
      ['file finding', null],
      ['empty name', ''],
    ];
    for (const [message, service] of cases) expect(messagePieces(message, service).join(service ?? '')).toBe(message);
    expect(messagePieces('x', '')).toEqual(['x']);
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

describe('compacted models are read-only for everything after the per-file work', () => {
  it('the catalog rules, waivers and every formatter run on them (a write to a frozen leaf would throw)', async () => {
    const { finishFiles, todayFrom } = await import('../src/engine/lint.js');
    const { FORMAT_NAMES, loadFormatter } = await import('../src/formatters/index.js');
    const config = resolveConfig({});
    const { day, iso } = todayFrom('2026-11-26');
    const files = generateTexts(120, 13).map((f) => lintText(f.text, { path: f.file, file: f.file, explicit: false }, { config, today: day }));
    const plain = finishFiles(files.map((r) => JSON.parse(JSON.stringify(r)) as FileResult), { cwd: '/', config }, day, iso);
    const compacted = finishFiles(compactAll(files), { cwd: '/', config }, day, iso);
    expect(JSON.stringify(compacted)).toBe(JSON.stringify(plain));
    for (const name of FORMAT_NAMES) {
      const format = await loadFormatter(name);
      const context = { color: false, cwd: '/', version: 'test', quiet: false, width: 100 };
      expect(format?.(compacted, context)).toBe(format?.(plain, context));
    }
  });
});
