// YAML semantics pinned: 1.2 always, no tag ever honoured or executed, merge keys as documented,
// odd keys handled without prototype pollution.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../support/parse.js';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';

const limits = { maxDepth: 64, maxAliases: 100 };
const valueOf = (text: string): unknown => {
  const [doc] = parseDocuments(text, limits);
  expect(doc?.syntax).toEqual([]);
  return doc?.value;
};

describe('YAML 1.2, always', () => {
  it('keeps YAML 1.1 booleans and dates as strings, and reads octal the 1.2 way', () => {
    expect(valueOf('a: no\nb: yes\nc: on\nd: off\ne: y\nf: n\ng: 2026-03-01\nh: 2026-03-01T10:00:00Z\ni: 0777\nj: 0o777\nk: 0x1F\nl: 1_000\nm: 12:30\n')).toEqual({
      a: 'no',
      b: 'yes',
      c: 'on',
      d: 'off',
      e: 'y',
      f: 'n',
      g: '2026-03-01',
      h: '2026-03-01T10:00:00Z',
      i: 777,
      j: 511,
      k: 31,
      l: '1_000',
      m: '12:30',
    });
  });

  it('refuses a %YAML 1.1 directive in any document, on the directive line', () => {
    const result = lintYaml(CLEAN_LOW + '...\n' + '%YAML 1.1\n---\n' + CLEAN_LOW.replace('search', 'other'));
    // line 25 is `...`, the directive is on line 26
    expect(positionsOf(result, 'yaml-syntax')).toEqual([[26, 1, null]]);
    expect(result.findings.find((f) => f.ruleId === 'yaml-syntax')?.message).toMatch(/%YAML 1\.1 directive is not supported/);
    // The first document is still linted (it is clean); the refused one yields nothing else.
    expect(rulesOf(result)).toEqual(['yaml-syntax']);
  });

  it('rejects NaN and infinities where a number is expected, as schema findings at the value', () => {
    const text = CLEAN_LOW.replace('target: 99.0', 'target: .nan').replace('peak: { value: 50, unit: rps }', 'peak: { value: .inf, unit: rps }').replace('growthPercentPerYear: 10', 'growthPercentPerYear: -.Inf');
    const result = lintYaml(text);
    expect(positionsOf(result, 'schema')).toEqual([
      [11, 15, '/spec/warranty/availability/target'],
      [15, 22, '/spec/warranty/capacity/peak/value'],
      [16, 41, '/spec/warranty/capacity/forecast/growthPercentPerYear'],
    ]);
    const messages = result.findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/got NaN/);
    expect(messages).toMatch(/got Infinity/);
  });
});

describe('duplicate keys', () => {
  it('are a yaml-syntax finding at the first later key, naming the others (one a document), in block and flow mappings, and the document is not linted further', () => {
    const text = CLEAN_LOW.replace('  tier: low\n', '  tier: low\n  tier: critical\n').replace('peak: { value: 50, unit: rps }', 'peak: { value: 50, value: 60, unit: rps }');
    const result = lintYaml(text);
    expect(positionsOf(result, 'yaml-syntax')).toEqual([[7, 3, null]]);
    expect(rulesOf(result)).toEqual(['yaml-syntax']);
    expect(result.findings[0]?.message).toBe('duplicate key: a mapping may hold each key once (the later one would silently win); 1 more problem in this document, at line 16');
  });

  it('a repeated << is a duplicate too', () => {
    const [doc] = parseDocuments('a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n', limits);
    expect(doc?.syntax.map((s) => [s.range.line, s.range.column])).toEqual([[5, 3]]);
  });
});

describe('tags are never honoured, converted or executed', () => {
  const TAGS = [
    ['!!js/function', '!!js/function "function () { globalThis.__warrantyPwned = true; return 1 }"'],
    ['!!js/undefined', '!!js/undefined ""'],
    ['!!python/object/apply', '!!python/object/apply:os.system ["touch PWNED"]'],
    ['!Ref', '!Ref OtherResource'],
    ['!!binary', '!!binary aGVsbG8='],
    ['!!timestamp', '!!timestamp 2001-12-14t21:59:43.10-05:00'],
    ['!!set', '!!set {a, b}'],
    ['!!omap', '!!omap [a: 1, b: 2]'],
    ['!!pairs', '!!pairs [a: 1, a: 2]'],
    ['!custom on a mapping', '!custom {a: 1}'],
    ['!!float on a non-number', '!!float cheap'],
  ] as const;

  for (const [name, value] of TAGS) {
    it(`${name} is a yaml-syntax finding at the tag, and nothing else is said of the document`, () => {
      const text = CLEAN_LOW.replace('owner: team-search', `owner: ${value}`);
      const result = lintYaml(text);
      expect(positionsOf(result, 'yaml-syntax')).toEqual([[5, 10, null]]);
      expect(rulesOf(result)).toEqual(['yaml-syntax']);
      expect(result.findings[0]?.message).toMatch(/^unknown tag: .+; tags are not supported in service definitions \(remove it\)$/);
    });
  }

  it('runs no code: a function tag sets no global and a shell tag creates no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wl-tags-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      for (const [, value] of TAGS) lintYaml(CLEAN_LOW.replace('owner: team-search', `owner: ${value}`));
      expect((globalThis as Record<string, unknown>).__warrantyPwned).toBeUndefined();
      expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts the YAML 1.2 core tags for what they are', () => {
    expect(valueOf('a: !!str 123\nb: !!int 7\nc: !!bool true\nd: !!null ""\ne: !!map {x: 1}\nf: !!seq [1]\ng: ! 12\n')).toEqual({
      a: '123',
      b: 7,
      c: true,
      d: null,
      e: { x: 1 },
      f: [1],
      g: '12',
    });
  });
});

describe('<< merge keys (README: Security)', () => {
  const SHARED = `x-defaults: &defaults
  window: 30d
  serviceHours: 24x7
`;

  it('apply a mapping: explicit keys win, the first of several sources wins', () => {
    expect(valueOf('a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n  y: 3\n')).toEqual({
      a: { x: 1, y: 1 },
      b: { x: 2, z: 2 },
      c: { x: 1, y: 3, z: 2 },
    });
  });

  it('let a service take shared warranty defaults, with findings about merged values at the anchor', () => {
    const text = SHARED.replace('window: 30d', 'window: TBD') + CLEAN_LOW.replace('      window: 30d\n      serviceHours: 24x7\n', '      <<: *defaults\n');
    const result = lintYaml(text);
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[2, 11, '/spec/warranty/availability/window']]);
  });

  it('know an anchor defined on a merge value to the keys after it in the same mapping, as yaml does', () => {
    const text = 'availability:\n  <<: &avail { target: 99.0, window: 30d }\n  x-same: *avail\n  serviceHours: 24x7\n';
    expect(valueOf(text)).toEqual({
      availability: { target: 99.0, window: '30d', 'x-same': { target: 99.0, window: '30d' }, serviceHours: '24x7' },
    });
    const service = CLEAN_LOW.replace('      target: 99.0\n      window: 30d\n', '      <<: &avail { target: 99.0, window: 30d }\n      x-same: *avail\n');
    expect(service).toContain('x-same: *avail');
    const result = lintYaml(service);
    expect(result.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
    expect(result.services[0]?.areas.availability.values).toMatchObject({ target: 99, window: 30 * 86400 });
  });

  it('refuse a merge of something that is not a mapping', () => {
    const [doc] = parseDocuments('a: &a [1, 2]\nb:\n  <<: *a\n', limits);
    expect(doc?.syntax.map((s) => [s.range.line, s.message])).toEqual([[3, 'a << merge key must refer to a mapping or a list of mappings']]);
  });
});

describe('odd keys', () => {
  it('reports non-string keys as schema findings at the key', () => {
    const text = CLEAN_LOW.replace('  tier: low\n', '  tier: low\n  1: one\n  true: yes\n  null: nothing\n  ? [a, b]\n  : list\n  3.5: float\n');
    const result = lintYaml(text);
    expect(positionsOf(result, 'schema')).toEqual([
      [7, 3, '/metadata/1'],
      [8, 3, '/metadata/true'],
      [9, 3, '/metadata/null'],
      [10, 5, '/metadata'],
      [12, 3, '/metadata/3.5'],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining(['the key "1" is not a string; keys must be strings (quote it: "1")', 'a key is a list; keys must be strings']),
    );
  });

  it('keeps __proto__, constructor and prototype as ordinary keys, without polluting anything', () => {
    const text = CLEAN_LOW.replace(
      '  tier: low\n',
      '  tier: low\n  labels: { __proto__: { polluted: yes }, constructor: { prototype: { polluted: yes } }, prototype: x, toString: y, hasOwnProperty: z }\n',
    ).replace('spec:\n', 'spec:\n  __proto__: { polluted: yes }\n  constructor: { prototype: { polluted: yes } }\n');
    const result = lintYaml(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // labels hold strings: a mapping under __proto__ or constructor is an ordinary schema finding.
    expect(positionsOf(result, 'schema')).toEqual([
      [7, 24, '/metadata/labels/__proto__'],
      [7, 56, '/metadata/labels/constructor'],
      [10, 3, '/spec/__proto__'],
      [11, 3, '/spec/constructor'],
    ]);
    const [doc] = parseDocuments('__proto__: {a: 1}\nconstructor: 2\n', limits);
    const value = doc?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(value.constructor).toBe(2);
  });

  it('names that are Object.prototype members are ordinary names for rules', () => {
    const docs = ['constructor', 'toString', 'hasOwnProperty', '__proto__'].map((n) => CLEAN_LOW.replace('name: search', `name: "${n}"`));
    const result = lintYaml(docs.join('---\n'));
    expect(result.summary.services).toBe(4);
    expect(rulesOf(result).every((r) => r === 'schema')).toBe(true);
  });
});
