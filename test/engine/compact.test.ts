// StringPool: what a large run keeps of each file. Compacting never changes a value; small leaves
// (arrays and objects of at most 12 primitives) are shared with their equals and frozen; findings
// are packed, their messages kept as pieces around the service's name.
import { describe, expect, it } from 'vitest';
import { COMPACT_MIN_FILES, flatCopy, StringPool } from '../../src/engine/compact.js';
import { isPacked, unpack, type PackedFinding } from '../../src/engine/finding.js';
import type { FileResult } from '../../src/lint-types.js';
import type { Finding } from '../../src/types.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'schema',
  severity: 'error',
  message: 'service "search" is missing "owner" (search)',
  file: 'a.yaml',
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 9,
  service: 'search',
  area: 'continuity',
  pointer: '/owner',
  fingerprint: 'f',
  docsUrl: 'd',
  waived: false,
  document: 0,
  ...over,
});

describe('flatCopy', () => {
  it('gives the same text, whatever it holds', () => {
    for (const s of ['', 'a', 'line\nbreak "quoted" \\ back', '\u0000\u2028é😀', 'x'.repeat(1000)]) expect(flatCopy(s)).toBe(s);
  });
});

describe('StringPool.intern', () => {
  it('gives back the text, short or long, and the same text again when asked again', () => {
    const pool = new StringPool();
    const long = 'y'.repeat(65);
    for (const s of ['', 'tier', 'x'.repeat(64), long, '/spec/warranty/continuity']) {
      expect(pool.intern(s)).toBe(s);
      expect(pool.intern(s)).toBe(s);
    }
    expect(pool.intern('tier')).not.toBe(pool.intern('stage'));
  });
});

describe('StringPool.compact', () => {
  it('gives back primitives as they are', () => {
    const pool = new StringPool();
    expect(pool.compact({})).toEqual({});
    expect(pool.compact([null])).toEqual([null]);
    for (const v of [null, undefined, 0, -1.5, true, false, 'text']) expect(pool.compact(v)).toBe(v);
    expect(Object.is(pool.compact(-0), -0)).toBe(true);
  });

  it('shares an array of primitives with each equal one, frozen, and keeps its values', () => {
    const pool = new StringPool();
    const a = pool.compact(['x', 1, true, null, undefined]);
    expect(a).toEqual(['x', 1, true, null, undefined]);
    expect(Object.isFrozen(a)).toBe(true);
    expect(pool.compact(['x', 1, true, null, undefined])).toBe(a);
    expect(pool.compact([])).toBe(pool.compact([]));
    expect(Object.isFrozen(pool.compact([]))).toBe(true);
  });

  it('never shares arrays that differ in a value, its type, or their length', () => {
    const pool = new StringPool();
    const distinct = [['x'], ['y'], ['xy'], ['x', 'y'], ['xy', ''], ['a;sb'], ['a', 'b'], ['s1:a'], [NaN], ['NaN'], [Infinity], [-1], [1], [2], ['1'], [true], [false], ['true'], [null], ['null'], [undefined], ['undefined'], [12], [1, 2], [0], [-0], [0.5], [], ['']];
    const shared = distinct.map((v) => pool.compact(v));
    for (let i = 0; i < shared.length; i++) for (let j = 0; j < shared.length; j++) if (i !== j) expect(shared[i], `${JSON.stringify(distinct[i])} vs ${JSON.stringify(distinct[j])}`).not.toBe(shared[j]);
    // and each keeps its own values
    expect(shared.map((v) => JSON.stringify(v))).toEqual(distinct.map((v) => JSON.stringify(v)));
    expect(pool.compact([true])).toEqual([true]);
    expect(pool.compact([undefined])).toEqual([undefined]);
    expect(pool.compact([null])).toEqual([null]);
  });

  it('never shares an object with an array, nor objects whose keys or values differ', () => {
    const pool = new StringPool();
    const distinct: object[] = [{}, [], { a: 1 }, { b: 1 }, { a: 2 }, { a: '1' }, { a: 1, b: 1 }, { ab: 1 }, { a: null }, { a: undefined }, { a: true }, ['a', 1], { 0: 'a' }, ['a']];
    const shared = distinct.map((v) => pool.compact(v));
    for (let i = 0; i < shared.length; i++) for (let j = 0; j < shared.length; j++) if (i !== j) expect(shared[i], `${JSON.stringify(distinct[i])} vs ${JSON.stringify(distinct[j])}`).not.toBe(shared[j]);
    expect(pool.compact({ a: 1, b: 'x' })).toBe(pool.compact({ a: 1, b: 'x' }));
    expect(Object.isFrozen(pool.compact({ a: 1 }))).toBe(true);
    expect(Array.isArray(pool.compact([]))).toBe(true);
    expect(Array.isArray(pool.compact({}))).toBe(false);
  });

  it('shares arrays of up to 12 primitives, and not longer ones (which are left writable)', () => {
    const pool = new StringPool();
    const list = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    expect(pool.compact(list(12))).toBe(pool.compact(list(12)));
    const long = pool.compact(list(13));
    expect(long).not.toBe(pool.compact(list(13)));
    expect(long).toEqual(list(13));
    expect(Object.isFrozen(long)).toBe(false);
  });

  it('shares objects of up to 12 fields, and not larger ones, even when their first 12 fields are equal', () => {
    const pool = new StringPool();
    const fields = (n: number, last = 0): Record<string, number> => ({ ...Object.fromEntries(Array.from({ length: n - 1 }, (_, i) => [`k${i}`, i])), last });
    expect(pool.compact(fields(12))).toBe(pool.compact(fields(12)));
    // The twelfth field counts in the key.
    expect(pool.compact(fields(12, 5))).not.toBe(pool.compact(fields(12)));
    expect(pool.compact(fields(12, 5))).toEqual(fields(12, 5));
    const big = pool.compact(fields(13, 1));
    expect(big).not.toBe(pool.compact(fields(13, 2)));
    expect(big).not.toBe(pool.compact(fields(13, 1)));
    expect(Object.isFrozen(big)).toBe(false);
    expect(big).toEqual(fields(13, 1));
  });

  it('shares the leaves inside a larger value, not the value itself, and keeps every value', () => {
    const pool = new StringPool();
    const make = () => ({ name: 'search', keys: ['rto', 'rpo'], range: { line: 1, column: 2 }, list: [{ a: 1 }, 'x', 3], nothing: null, count: 3 });
    const a = pool.compact(make());
    const b = pool.compact(make());
    expect(a).toEqual(make());
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(false);
    expect(a.keys).toBe(b.keys);
    expect(a.range).toBe(b.range);
    expect(Object.isFrozen(a.keys)).toBe(true);
    // An array holding an object is not a leaf: its object is.
    expect(a.list).not.toBe(b.list);
    expect(Object.isFrozen(a.list)).toBe(false);
    expect(a.list[0]).toBe(b.list[0]);
    expect(pool.compact([{ a: 1 }, 2])).not.toBe(pool.compact([{ a: 1 }, 2]));
    expect(pool.compact([2, { a: 1 }])).not.toBe(pool.compact([2, { a: 1 }]));
    // null is a primitive in a leaf
    expect(pool.compact({ a: null, b: 'x' })).toBe(pool.compact({ a: null, b: 'x' }));
    expect(pool.compact([null, 'x'])).toBe(pool.compact([null, 'x']));
    // the value compacted in place is the one given back when it is not a leaf
    const c = make();
    expect(pool.compact(c)).toBe(c);
  });

  it('keeps separate pools apart', () => {
    const one = new StringPool();
    const two = new StringPool();
    expect(one.compact(['x'])).not.toBe(two.compact(['x']));
  });
});

describe('StringPool.compactResult', () => {
  const result = (over: Partial<FileResult> = {}): FileResult => ({
    file: 'a.yaml',
    findings: [finding(), finding({ service: null, message: 'no service', area: null, pointer: null, file: null, line: null, column: null, endLine: null, endColumn: null, document: null }), finding({ documentFile: 'b.yaml', instance: 'b.yaml#1', waived: true })],
    services: [],
    brokenDocuments: 2,
    ...over,
  });

  it('keeps the file, the broken documents and every finding, packed, equal once unpacked', () => {
    const pool = new StringPool();
    const r = result();
    const kept = pool.compactResult(r);
    expect(kept.file).toBe('a.yaml');
    expect(kept.brokenDocuments).toBe(2);
    expect(kept.findings.every(isPacked)).toBe(true);
    const back = kept.findings.map(unpack);
    expect(back.map((f) => f.message)).toEqual(r.findings.map((f) => f.message));
    expect(back.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column, f.endLine, f.endColumn, f.service, f.area, f.pointer, f.waived, f.document, f.documentFile, f.instance])).toEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column, f.endLine, f.endColumn, f.service, f.area, f.pointer, f.waived, f.document, f.documentFile, f.instance]),
    );
    expect(Object.keys(kept).sort()).toEqual(['brokenDocuments', 'file', 'findings', 'services']);
  });

  it('keeps the message as pieces around the service name, shared (frozen) with findings worded alike', () => {
    const pool = new StringPool();
    const a = pool.compactResult(result()).findings[0] as PackedFinding;
    const b = pool.compactResult(result({ file: 'b.yaml', findings: [finding({ service: 'other', message: 'service "other" is missing "owner" (other)' })] })).findings[0] as PackedFinding;
    expect(a.message).toEqual(['service "', '" is missing "owner" (', ')']);
    expect(a.message).toBe(b.message);
    expect(Object.isFrozen(a.message)).toBe(true);
    // The finding itself stays writable: waivers mark it.
    expect(Object.isFrozen(a)).toBe(false);
    const none = pool.compactResult(result()).findings[1] as PackedFinding;
    expect(none.message).toEqual(['no service']);
    expect(pool.compactResult(result({ findings: [finding({ service: 'q', message: 'q' })] })).findings[0]?.message).toEqual(['', '']);
  });

  it('does not share the pieces of a message that names its service more than 11 times', () => {
    const pool = new StringPool();
    const message = Array.from({ length: 13 }, (_, i) => `p${i}`).join('S');
    const kept = (): PackedFinding => pool.compactResult(result({ findings: [finding({ service: 'S', message })] })).findings[0] as PackedFinding;
    const [a, b] = [kept(), kept()];
    expect(a.message).toHaveLength(13);
    expect(a.message).not.toBe(b.message);
    expect(Object.isFrozen(a.message)).toBe(false);
    expect(unpack(a).message).toBe(message);
    const twelve = Array.from({ length: 12 }, (_, i) => `p${i}`).join('S');
    const short = (): PackedFinding => pool.compactResult(result({ findings: [finding({ service: 'S', message: twelve })] })).findings[0] as PackedFinding;
    expect(short().message).toBe(short().message);
  });

  it('never shares the pieces of messages that split differently', () => {
    const pool = new StringPool();
    const kept = (service: string, message: string): PackedFinding => pool.compactResult(result({ findings: [finding({ service, message })] })).findings[0] as PackedFinding;
    const a = kept('b', 'abc');
    const b = kept('x', 'axbc');
    const c = kept('y', 'aybyc');
    expect(a.message).toEqual(['a', 'c']);
    expect(b.message).toEqual(['a', 'bc']);
    expect(a.message).not.toBe(b.message);
    expect(c.message).toEqual(['a', 'b', 'c']);
    expect(unpack(c).message).toBe('aybyc');
  });

  it('compacts services and SLOs, and keeps the catalog, only when the result has them', () => {
    const pool = new StringPool();
    const catalog = { entities: ['component:default/a'], locations: [], skeletons: [], explicit: true };
    const slos = [{ name: 'availability', target: 99.9 }] as unknown as FileResult['slos'];
    const services = [{ name: 'a', keys: ['x'] }, { name: 'b', keys: ['x'] }] as unknown as FileResult['services'];
    const kept = pool.compactResult(result({ services, catalog, slos }));
    expect(kept.catalog).toBe(catalog);
    expect(kept.slos).toEqual([{ name: 'availability', target: 99.9 }]);
    expect(Object.isFrozen(kept.slos?.[0])).toBe(true);
    expect(kept.services).toEqual([{ name: 'a', keys: ['x'] }, { name: 'b', keys: ['x'] }]);
    const [a, b] = kept.services as unknown as Array<{ keys: string[] }>;
    expect(a?.keys).toBe(b?.keys);
    expect(Object.isFrozen(a?.keys)).toBe(true);
    const plain = pool.compactResult(result());
    expect('catalog' in plain).toBe(false);
    expect('slos' in plain).toBe(false);
  });

  it('gives the same values for results that crossed from a worker (fresh strings)', () => {
    const pool = new StringPool();
    const kept = pool.compactResult(result({ services: [{ name: 'x'.repeat(100), keys: ['k'] }] as unknown as FileResult['services'] }), true);
    expect(kept.services).toEqual([{ name: 'x'.repeat(100), keys: ['k'] }]);
    expect(kept.findings.map(unpack).map((f) => f.message)).toEqual(result().findings.map((f) => f.message));
    // and for later results, not fresh, alike
    const later = pool.compactResult(result({ services: [{ name: 'x'.repeat(100), keys: ['k'] }] as unknown as FileResult['services'] }));
    expect((later.services[0] as unknown as { keys: string[] }).keys).toBe((kept.services[0] as unknown as { keys: string[] }).keys);
  });
});

describe('COMPACT_MIN_FILES', () => {
  it('is where lint() starts compacting: large runs only', () => {
    expect(COMPACT_MIN_FILES).toBe(30_000);
  });
});
