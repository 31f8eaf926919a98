import { describe, expect, it } from 'vitest';
import { parseDocuments } from './support/parse.js';

const limits = { maxDepth: 64, maxAliases: 100 };

describe('parseDocuments', () => {
  it('locates a value, a key, and a missing key at its nearest existing parent key', () => {
    const [doc] = parseDocuments('a:\n  b: 1\n  c: [x, y]\n', limits);
    expect(doc?.locate('/a/b')).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 7 });
    expect(doc?.locate('/a/b', 'key')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 4 });
    expect(doc?.locate('/a/c/1')).toEqual({ line: 3, column: 10, endLine: 3, endColumn: 11 });
    expect(doc?.locate('/a/zzz/deeper')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
    expect(doc?.locate('/nothing')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
  });

  it('reports duplicate keys and unknown tags instead of guessing', () => {
    const [dup] = parseDocuments('a: 1\na: 2\n', limits);
    expect(dup?.syntax[0]?.message).toMatch(/duplicate key/);
    expect(dup?.syntax[0]?.range.line).toBe(2);
    const [tag] = parseDocuments('a: !Ref x\n', limits);
    expect(tag?.syntax[0]?.message).toMatch(/unknown tag/);
  });

  it('reads YAML 1.2 only: a %YAML 1.1 directive is refused and `no` stays a string', () => {
    const [old] = parseDocuments('%YAML 1.1\n---\na: no\n', limits);
    expect(old?.syntax[0]?.message).toMatch(/%YAML 1.1/);
    const [doc] = parseDocuments('a: no\nb: 2026-01-01\n', limits);
    expect(doc?.value).toEqual({ a: 'no', b: '2026-01-01' });
  });

  it('applies << merge keys with explicit keys winning, and locates merged values in the anchor', () => {
    const [doc] = parseDocuments('base: &b { x: 1, y: 2 }\nthis:\n  <<: *b\n  y: 3\n', limits);
    expect(doc?.value).toEqual({ base: { x: 1, y: 2 }, this: { x: 1, y: 3 } });
    expect(doc?.locate('/this/x')).toMatchObject({ line: 1, column: 15 });
  });

  it('refuses more aliases than the limit', () => {
    const [doc] = parseDocuments('a: &a [1]\nb: [*a, *a, *a]\n', { maxDepth: 64, maxAliases: 2 });
    expect(doc?.syntax[0]?.message).toMatch(/more than 2 aliases/);
  });

  it('keeps __proto__ an ordinary key', () => {
    const [doc] = parseDocuments('__proto__: { polluted: true }\n', limits);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc?.value as object)).toEqual(['__proto__']);
  });
});
