// The scanner (src/load/scan.ts) must read exactly what `yaml` reads, or give up: the same values,
// the same document starts, the same offsets for every pointer a finding could name. Held here on
// the generated catalog, the examples and fixtures, random documents, and whole lint runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import '../support/fast-check-seed.js';
import { LIMITS, sameAsYaml } from '../support/same-as-yaml.js';
import { generateCatalog } from '../../bench/generate.js';
import { readDocuments } from '../../src/load/parse.js';
import { parseDocuments } from '../support/parse.js';
import { Schema, isScalar } from 'yaml';
import { resolvePlain, scanDocuments } from '../../src/load/scan.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('the scanner reads what yaml reads', () => {
  let catalog: string;
  beforeAll(() => {
    catalog = mkdtempSync(join(tmpdir(), 'wl-scan-'));
    generateCatalog(catalog, 300, 7);
  });
  afterAll(() => rmSync(catalog, { recursive: true, force: true }));

  it('reads every file of the generated catalog, as yaml does', () => {
    const files = yamlFiles(catalog);
    expect(files.length).toBeGreaterThan(250);
    // Every file: the benchmark measures the scanner, not a fallback.
    for (const f of files) expect(sameAsYaml(readFileSync(f, 'utf8')), f).toBe(true);
  });

  it('reads the catalog written with Windows line endings, as yaml does', () => {
    for (const f of yamlFiles(catalog).slice(0, 80)) expect(sameAsYaml(readFileSync(f, 'utf8').replace(/\n/g, '\r\n')), f).toBe(true);
  });

  it('reads the hand-written examples and fixtures as yaml does, or leaves them to it', () => {
    const files = [...yamlFiles('examples'), ...yamlFiles('test/fixtures')];
    const read = files.filter((f) => sameAsYaml(readFileSync(f, 'utf8')));
    // Annotated examples, multi-document files, flow collections: most are the scanner's.
    expect(read.length).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: { k: 1 }\nb:\n  <<: { k: 2 }\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['an escape', 'a: "tab\\there"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that is not a string', '1: one\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a carriage return alone', 'a: 1\rb: 2\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['an empty document', '---\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an empty sequence item', 'a:\n  -\n  - x\n'],
    ['a comment after an empty value', 'a:\n# why\nb: 1\n'],
    ['comments at two indents in a row', 'a:\n  b: 1\n  # one\n# two\nc: 1\n'],
    ['a comment shallower than the line after it', 'a:\n  b: 1\n# gone\n  c: 2\n'],
    ['a trailing comma', 'a: [1, 2, ]\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a colon in a flow scalar', 'a: [http://x]\n'],
    ['a scalar', 'just text\n'],
    ['an indented document', '  a: 1\n'],
    ['a bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('leaves %s to yaml', (_what, text) => {
    expect(scanDocuments(text, LIMITS)).toBeUndefined();
  });

  it('leaves a document deeper than limits.maxDepth to yaml (which reports it)', () => {
    const text = 'a:\n  b:\n    c:\n      d: 1\n';
    expect(scanDocuments(text, { ...LIMITS, maxDepth: 3 })).toBeUndefined();
    expect(parseDocuments(text, { ...LIMITS, maxDepth: 3 })[0]!.syntax[0]!.message).toMatch(/nested more than 3 levels/);
    expect(scanDocuments(text, { ...LIMITS, maxDepth: 4 })).toBeDefined();
  });

  it('leaves a file with more values than half the preflight allows to the preflight and yaml', () => {
    const list = (n: number): string => `a:\n${'  - x\n'.repeat(n)}`;
    const limits = { ...LIMITS, maxFileSize: 1000 }; // the preflight allows 10,000 values
    expect(scanDocuments(list(4990), limits)).toBeDefined();
    expect(scanDocuments(list(5010), limits)).toBeUndefined();
    expect(readDocuments(list(5010), limits)).toHaveLength(1);
    expect(readDocuments(list(10_010), limits)).toMatchObject({ message: expect.stringMatching(/more than 10000 values/) });
  });

  it("resolves plain scalars as yaml's core schema does", () => {
    // yaml's own resolution: the first default tag whose test matches (compose-scalar.js).
    const tags = new Schema({ schema: 'core', resolveKnownTags: false }).tags.filter((t) => t.default === true && t.test instanceof RegExp);
    const viaYaml = (s: string): unknown => {
      const tag = tags.find((t) => t.test!.test(s));
      if (!tag) return s;
      const resolve = tag.resolve as (source: string, onError: () => void, options: { intAsBigInt: boolean }) => unknown;
      const v = resolve(s, () => undefined, { intAsBigInt: false });
      return isScalar(v) ? v.value : v;
    };
    const plain = fc.string({ unit: fc.constantFrom(...'0123456789+-.eEoxXabcdfinNlLtTrRuUsSF_~ '), minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(plain, (s) => {
        expect(resolvePlain(s)).toEqual(viaYaml(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'FALSE', '0o17', '0x1F', '-0', '+12', '1e3', '-1.5E-3', '.5', '5.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1_000', '0b1', 'nULL', 'tRUE', '12345678901234567890']) {
      expect(resolvePlain(s), s).toEqual(viaYaml(s));
    }
  });

  it('keeps __proto__ an ordinary key', () => {
    const [doc] = scanDocuments('__proto__: { polluted: true }\nb: 1\n', LIMITS)!;
    expect(Object.keys(doc!.value as object)).toEqual(['__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('places comment lines where yaml does: they extend the nodes they follow', () => {
    // Hand-written catalogs annotate the last lines of a block; yaml gives such a comment to the
    // deepest node at or above its indent, and a mapping's range runs to the end of its last value's.
    for (let indent = 0; indent <= 6; indent++) {
      for (const after of ['', 'd: 2\n', '---\nz: 1\n']) {
        expect(sameAsYaml(`a:\n  b:\n    c: 1\n${' '.repeat(indent)}# note\n${after}`)).toBe(true);
        expect(sameAsYaml(`a:\n  b:\n    - c\n\n${' '.repeat(indent)}# note\n${after}`)).toBe(true);
      }
    }
    // Found by the property below: a comment the last scalar takes is not also its collections'.
    expect(sameAsYaml('a:\n  -\n   - a: x\n      # note\n  - x\n')).toBe(true);
    expect(sameAsYaml('a:\n  a:\n    -\n      - x\n        # note\n  target:\n    a: x')).toBe(true);
    expect(sameAsYaml('a:\n  a:\n      a:\n        a: x\n        # note\n  __proto__: x\n')).toBe(true);
  });

  it('gives blank lines after a final comment to the collection that takes the comment, as yaml does', () => {
    // Issue 18, found by mutating the YAML test suite: the blank or space-only lines after the comment
    // are the collection's too, up to the end of the text.
    expect(sameAsYaml('a:\n  b:\n    c: 1\n    # note\n\n')).toBe(true);
    expect(sameAsYaml('- o:\n    r: z\n    #\n ')).toBe(true);
    expect(sameAsYaml('a:\n  b:\n    - c\n  # note\n  \n\n   ')).toBe(true);
    expect(sameAsYaml('a:\n  b:\n    c: 1\n    # note\n\r\n')).toBe(true);
    // A sequence at indent 0 under a top-level key takes no comment: yaml gives it to the document.
    expect(sameAsYaml('e:\n- 3\n#')).toBe(true);
    expect(sameAsYaml('e:\n- 3\n# one\n\n# two\n\n')).toBe(true);
    expect(sameAsYaml('e:\n- 3\n#\nf: 1\n')).toBe(true);
  });

  it("refuses a key whose colon is more than 1024 characters from where yaml counts the key's start", () => {
    // Issue 18: yaml limits the distance to the colon, spaces included, not the key's length; after
    // an empty value it counts from the line break before the key's line (found by the YAML test
    // suite's mutations: `a:\n  e:\n  kkk…:` with a key of 1022 characters).
    const heads = ['', 'x:\n  ', '- ', 'x: 1\n', 'e:\n', 'e:   \n', 'a:\n  e:\n  ', '- e:\n  ', 'e:\n  f:\n', 'e:\r\n', 'a:\r\n  e:\r\n  '];
    for (const head of heads) {
      for (const key of ['a', '"a"', "'a'", 'k'.repeat(1000)]) {
        const padded = (n: number): string => `${head}${key}${' '.repeat(Math.max(0, n - key.length))}: b\n`;
        expect(sameAsYaml(padded(1000)), `${head}${key}`).toBe(true);
        for (let n = 1015; n <= 1030; n++) {
          const text = padded(n);
          // Refused by yaml: never read by the scanner. Accepted: read as yaml reads it, or left to it.
          if (parseDocuments(text, LIMITS)[0]!.syntax.length > 0) expect(scanDocuments(text, LIMITS), JSON.stringify(head) + n).toBeUndefined();
          else sameAsYaml(text);
        }
      }
    }
    expect(parseDocuments(`a${' '.repeat(1024)}: b\n`, LIMITS)[0]!.syntax[0]!.message).toMatch(/1024/);
  });

  it('ends an empty value with a comment where yaml does', () => {
    for (const after of ['', '\n\n', 'y: x', 'y: x\n', '\n\ny: x', '---\nz: 1\n', '  y: x', '    y: x']) {
      expect(sameAsYaml(`a:\n  a:\n    a:  # why\n${after}`), after).toBe(true);
    }
    for (const after of ['', 'y: x', '\n  - y', '    y: x']) expect(sameAsYaml(`a:\n  - a:  # why\n${after}`), after).toBe(true);
    expect(sameAsYaml('a:\n  -\n    a:  # c\n\n')).toBe(true); // found by the property below
  });

  it('reads random documents as yaml does, whenever it reads them', () => {
    let read = 0;
    fc.assert(
      fc.property(documentText(), (text) => {
        if (sameAsYaml(text)) read++;
      }),
      { numRuns: 1500 },
    );
    // Not a vacuous property: a good share of the documents are the scanner's.
    expect(read).toBeGreaterThan(150);
  });
});

describe('findings with the scanner and with yaml alone', () => {
  let catalog: string;
  beforeAll(() => {
    catalog = mkdtempSync(join(tmpdir(), 'wl-scan-lint-'));
    generateCatalog(catalog, 200, 11);
  });
  afterAll(() => {
    rmSync(catalog, { recursive: true, force: true });
    vi.doUnmock('../../src/load/scan.js');
    vi.resetModules();
  });

  it('are the same findings, in the same order, at the same places', async () => {
    const options = { paths: ['.'], cwd: catalog, config: resolveConfig({}), now: '2026-11-26', workers: 0 };
    const fast = await lint(options);
    vi.resetModules();
    vi.doMock('../../src/load/scan.js', async (importOriginal) => ({ ...(await importOriginal<object>()), scanDocuments: () => undefined }));
    const { lint: lintWithYaml } = await import('../../src/engine/lint.js');
    const slow = await lintWithYaml(options);
    expect(fast.findings.length).toBeGreaterThan(200);
    expect(new Set(fast.findings.map((f) => f.ruleId)).size).toBeGreaterThan(10);
    expect(fast.findings).toEqual(slow.findings);
    expect(fast.summary).toEqual(slow.summary);
  });
});

// --- random documents --------------------------------------------------------------------------

const SCALARS = [
  'x', 'hello world', '99.9', '1', '-3', '0x1F', '0o17', '1e3', '.5', '+1', '.inf', '-.Inf', '.nan', 'true', 'False', 'null', '~', 'Null',
  'yes', '2026-01-01', '24x7', '30m', 'a:b', 'a#b', 'http://x.y/z', 'x  y', '-x', '1_000', 'a, b', 'TBD', 'é ✓ 😀', '',
  "'q'", "'it''s'", "''", '"dq"', '""', '"a: b"', "'#x'", '"x # y"',
  '[]', '{}', '[a, b]', '[ a , b ]', '[1, -2, 3.5]', '{ value: 10, unit: rps }', '{ a: 1, b: [x, "y"] }', '{ "k": v }', '[[a], {b: c}]',
];
/** Left to yaml: the property must hold when the scanner gives up on them too. */
const HOSTILE_SCALARS = ['@x', '- x', '? x', ': x', 'a: b', '|', '>', '&a x', '*a', '!t x', '%x', '[a, ]', '{ a }', '{a: 1}', '[a,b]', 'a\\b', '"a\\"b"'];
const KEYS = ['a', 'b', 'name', 'target', 'owner', 'with space', 'x-y', 'a:b', 'k~/', '"quoted key"', "'sq'", '__proto__'];
const HOSTILE_KEYS = ['1', 'true', '<<', '~', 'a #b'];
const COMMENTS = ['# note', '#', '# a: b', '# ---', '#- x'];

const mostly = <T,>(usual: readonly T[], rare: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 30 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });

interface Decor {
  /** A comment line (indent relative to the entry's) or a blank line before the entry. */
  before: { shift: number; text: string } | null;
  trailing: string;
}
type Doc = { kind: 'scalar'; text: string } | { kind: 'map'; step: number; entries: Array<{ key: string; sep: string; value: Doc; decor: Decor }> } | { kind: 'seq'; step: number; items: Array<{ value: Doc; decor: Decor }> };

const decor: fc.Arbitrary<Decor> = fc.record({
  before: fc.option(fc.record({ shift: mostly([0, 0, 0, 0, 2, -2, -4, 4], [1, -1, 6, -8]), text: fc.constantFrom(...COMMENTS, '', '   ') }), { freq: 5 }),
  trailing: fc.constantFrom('', '', '', ' # c', '   ', ' #'),
});

const { map } = fc.letrec<{ doc: Doc; scalar: Doc; map: Doc; seq: Doc }>((tie) => ({
  doc: fc.oneof({ depthSize: 'small', maxDepth: 3 }, tie('scalar'), tie('map'), tie('seq')),
  scalar: fc.record({ kind: fc.constant('scalar' as const), text: mostly(SCALARS, HOSTILE_SCALARS) }),
  map: fc.record({
    kind: fc.constant('map' as const),
    step: mostly([2, 2, 4, 3], [0, 1]),
    entries: fc.array(fc.record({ key: mostly(KEYS, HOSTILE_KEYS), sep: fc.constantFrom(': ', ': ', ':  ', ' : '), value: tie('doc'), decor }), { minLength: 1, maxLength: 3 }),
  }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    step: mostly([2, 2, 4, 0], [1]),
    items: fc.array(fc.record({ value: tie('doc'), decor }), { minLength: 1, maxLength: 3 }),
  }),
}));

function render(node: Doc, indent: number, lines: string[], head: string): void {
  const pad = ' '.repeat(indent);
  const decorate = (d: Decor): void => {
    if (d.before) lines.push(d.before.text.startsWith('#') ? ' '.repeat(Math.max(0, indent + d.before.shift)) + d.before.text : d.before.text);
  };
  if (node.kind === 'scalar') {
    lines.push(head + node.text);
    return;
  }
  if (node.kind === 'map') {
    node.entries.forEach((e, i) => {
      decorate(e.decor);
      const prefix = i === 0 && head.trim() === '-' ? head : pad;
      if (e.value.kind === 'scalar') lines.push(`${prefix}${e.key}${e.sep}${e.value.text}${e.decor.trailing}`);
      else {
        lines.push(`${prefix}${e.key}:${e.decor.trailing}`);
        render(e.value, indent + node.step, lines, ' '.repeat(indent + node.step));
      }
    });
    return;
  }
  node.items.forEach((item) => {
    decorate(item.decor);
    if (item.value.kind === 'scalar') lines.push(`${pad}- ${item.value.text}${item.decor.trailing}`);
    else if (item.value.kind === 'map' && item.value.step === 2) render(item.value, indent + 2, lines, `${pad}- `);
    else {
      lines.push(`${pad}-${item.decor.trailing}`);
      render(item.value, indent + node.step, lines, ' '.repeat(indent + node.step));
    }
  });
}

function documentText(): fc.Arbitrary<string> {
  return fc
    .record({
      docs: fc.array(map, { minLength: 1, maxLength: 2 }),
      marker: mostly(['---', '--- '], ['...', '--- # x', '--- a: 1']),
      leading: fc.constantFrom('', '# top\n', '---\n', '  # indented\n'),
      tail: fc.constantFrom('', '\n', '# end\n', '    # end\n', '\n\n  # end\n'),
      newline: fc.boolean(),
      crlf: fc.boolean(),
    })
    .map(({ docs, marker, leading, tail, newline, crlf }) => {
      const parts = docs.map((d) => {
        const lines: string[] = [];
        render(d, 0, lines, '');
        return lines.join('\n');
      });
      const text = leading + parts.join(`\n${marker}\n`) + (newline ? '\n' : '') + tail;
      return crlf ? text.replace(/\n/g, '\r\n') : text;
    });
}
