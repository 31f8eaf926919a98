// The official YAML test suite (test/fixtures/yaml-test-suite) against the scanner: on every case,
// and on mutations of every case, whenever the scanner (src/load/scan.ts) reads a text it reads it as
// `yaml` does (values, document starts, every node's and key's offsets), and it never reads one of
// the suite's error cases. The suite is written to break parsers; its mutations (spaces, indentation,
// comments, blank lines, CRLF, quoting, long keys, ...) land next to the few constructs the scanner
// reads. A difference found here is pinned in test/load/scan.test.ts.
//
// CI runs a fixed seed and MUTATION_RUNS runs; `FC_RANDOM=1 npx vitest run test/load/yaml-test-suite.test.ts`
// explores new seeds, EXPLORE_RUNS runs each.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed.js';
import { scanDocuments } from '../../src/load/scan.js';
import { LIMITS, sameAsYaml } from '../support/same-as-yaml.js';

interface SuiteCase {
  id: string;
  name: string;
  error: boolean;
  yaml: string;
}

const suite = JSON.parse(readFileSync(new URL('../fixtures/yaml-test-suite/cases.json', import.meta.url), 'utf8')) as { commit: string; cases: SuiteCase[] };
const cases = suite.cases;

const EXPLORING = process.env.FC_RANDOM === '1';
/** Each run mutates every case of the suite once. */
const MUTATION_RUNS = 20;
const EXPLORE_RUNS = 1000;

// --- mutations ---------------------------------------------------------------------------------
//
// Each picks its place with a number taken modulo what the text offers (its lines, its offsets, its
// words), so that one list of mutations applies to every case and shrinks to a short one.

type Mutation =
  | { op: 'indent'; line: number; by: number }
  | { op: 'comment'; line: number; indent: number; text: string }
  | { op: 'trailing-comment'; line: number; text: string }
  | { op: 'blank'; line: number; text: string }
  | { op: 'delete-line'; line: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'quote'; word: number; quote: string }
  | { op: 'replace'; word: number; text: string }
  | { op: 'pad-key'; colon: number; to: number }
  | { op: 'long-key'; colon: number; length: number }
  | { op: 'marker'; line: number; text: string }
  | { op: 'end'; text: string }
  | { op: 'crlf' };

/** Scalars and flow collections the scanner reads, and a few it leaves to `yaml`, to put in place of a word. */
const REPLACEMENTS = [
  '[]', '{}', '[a, b]', '[ a , b ]', '{ a: 1, b: [x, "y"] }', '{ "k": v }', '[[a], {b: c}]', '{a: 1}', '[a, ]', '[a b]', "''", '""', "'it''s'",
  '"x # y"', "'#x'", 'a#b', 'a # b', 'a:b', '-x', '?x', ':x', '1e3', '.inf', '0o17', '0x1F', '~', 'null', 'true', '-', '?', '"a\\"b"', 'x  y', '\u00e9 \u2713',
];
const ENDS = ['', '\n', '\n\n', ' ', '\n  ', '\n# end', '\n  # end\n\n '];
const INSERTS = [' ', '  ', '\n', ' #', '# x', ': ', ':', '-', '- ', '? ', ',', '[', ']', '{', '}', "'", '"', '&a ', '*a', '!t ', '|', '>', '%', '@', '`', '\\', '\t', '\r', '~', 'x', '0', '\u00e9', '---', '...'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(-4, -2, -1, 1, 2, 4) }),
  fc.record({ op: fc.constant('comment' as const), line: fc.nat(), indent: fc.constantFrom(0, 1, 2, 3, 4, 6, 8), text: fc.constantFrom('#', '# note', '#: x', '# - y') }),
  fc.record({ op: fc.constant('trailing-comment' as const), line: fc.nat(), text: fc.constantFrom(' #', ' # c', '  # c: d', '# no space') }),
  fc.record({ op: fc.constant('blank' as const), line: fc.nat(), text: fc.constantFrom('', ' ', '   ', '      ') }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('quote' as const), word: fc.nat(), quote: fc.constantFrom("'", '"') }),
  fc.record({ op: fc.constant('replace' as const), word: fc.nat(), text: fc.constantFrom(...REPLACEMENTS) }),
  fc.record({ op: fc.constant('pad-key' as const), colon: fc.nat(), to: fc.integer({ min: 1020, max: 1028 }) }),
  fc.record({ op: fc.constant('long-key' as const), colon: fc.nat(), length: fc.constantFrom(1000, 1023, 1024, 1025, 1100) }),
  fc.record({ op: fc.constant('marker' as const), line: fc.nat(), text: fc.constantFrom('---', '--- ', '...', '--- # c', '--- x') }),
  fc.record({ op: fc.constant('end' as const), text: fc.constantFrom(...ENDS) }),
  fc.constant({ op: 'crlf' as const }),
);

/**
 * Mutations tried on every case, besides the random ones: around yaml's limit on a key's length, and
 * a last comment at each indent followed by blank lines (where issue 18's differences were).
 */
const SWEEP: Mutation[][] = [
  ...ENDS.map((text) => [{ op: 'end' as const, text }]),
  [{ op: 'crlf' }],
  ...[0, 1, 2].flatMap((colon) => [
    [{ op: 'pad-key' as const, colon, to: 1022 }],
    [{ op: 'pad-key' as const, colon, to: 1025 }],
    [{ op: 'long-key' as const, colon, length: 1022 }],
    [{ op: 'long-key' as const, colon, length: 1025 }],
  ]),
  ...[0, 2, 4, 6].flatMap((indent) => ['', '\n\n', '\n '].map((end) => [{ op: 'comment' as const, line: -1, indent, text: '# c' }, { op: 'end' as const, text: end }])),
];

/** The text with one mutation applied (the text itself when it offers no place for it). */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  // From the end when negative.
  const line = (n: number): number => ((n % lines.length) + lines.length) % lines.length;
  const withLines = (f: (ls: string[]) => void): string => {
    const ls = [...lines];
    f(ls);
    return ls.join('\n');
  };
  switch (m.op) {
    case 'indent':
      return withLines((ls) => {
        const i = line(m.line);
        const l = ls[i]!;
        ls[i] = m.by > 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      });
    case 'comment':
      return withLines((ls) => ls.splice(line(m.line), 0, ' '.repeat(m.indent) + m.text));
    case 'trailing-comment':
      return withLines((ls) => {
        const i = line(m.line);
        ls[i] = ls[i]!.replace(/\r?$/, (cr) => m.text + cr);
      });
    case 'blank':
      return withLines((ls) => ls.splice(line(m.line), 0, m.text));
    case 'delete-line':
      return withLines((ls) => ls.splice(line(m.line), 1));
    case 'duplicate-line':
      return withLines((ls) => ls.splice(line(m.line), 0, ls[line(m.line)]!));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      if (text.length === 0) return text;
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'quote':
    case 'replace': {
      // A plain word (a key or a scalar) written quoted (the same string in `yaml`, another token), or another value.
      const words = [...text.matchAll(/[A-Za-z0-9_.\-/]+/g)];
      if (words.length === 0) return text;
      const w = words[m.word % words.length]!;
      const by = m.op === 'quote' ? m.quote + w[0] + m.quote : m.text;
      return text.slice(0, w.index) + by + text.slice(w.index + w[0].length);
    }
    case 'pad-key':
    case 'long-key': {
      // Around yaml's limit: the colon of an implicit key at most 1024 characters after the key's start.
      const colons = [...text.matchAll(/[^\s:]:(?=[ \r\n]|$)/g)];
      if (colons.length === 0) return text;
      const colon = colons[m.colon % colons.length]!.index + 1;
      const lineStart = text.lastIndexOf('\n', colon - 1) + 1;
      const keyStart = lineStart + /^[ -]*/.exec(text.slice(lineStart))![0].length;
      if (m.op === 'pad-key') return text.slice(0, colon) + ' '.repeat(Math.max(0, m.to - (colon - keyStart))) + text.slice(colon);
      return text.slice(0, keyStart) + 'k'.repeat(m.length) + text.slice(colon);
    }
    case 'marker':
      return withLines((ls) => ls.splice(line(m.line), 0, m.text));
    case 'end':
      return text.replace(/\s*$/, '') + m.text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

// --- the tests ---------------------------------------------------------------------------------

/** `sameAsYaml` on a case with mutations applied; a difference names the case and the mutations. */
function mutatedSameAsYaml(c: SuiteCase, mutations: readonly Mutation[]): boolean {
  try {
    return sameAsYaml(mutations.reduce(mutate, c.yaml));
  } catch (error) {
    throw new Error(`case ${c.id} (${c.name}) mutated by ${JSON.stringify(mutations)}:\n${(error as Error).message}`);
  }
}

describe('the YAML test suite (yaml/yaml-test-suite, vendored)', () => {
  it('holds every case of the suite, error cases marked', () => {
    expect(cases).toHaveLength(402);
    expect(cases.filter((c) => c.error)).toHaveLength(94);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('the scanner reads no error case, and every case it reads as yaml does', () => {
    const read: string[] = [];
    for (const c of cases) {
      if (c.error) expect(scanDocuments(c.yaml, LIMITS), `${c.id} (${c.name}) is an error case`).toBeUndefined();
      else if (sameAsYaml(c.yaml)) read.push(c.id);
    }
    // Not vacuous: the block mappings, sequences and one-line scalars of the suite are the scanner's.
    expect(read.length).toBeGreaterThanOrEqual(30);
  });

  it('the scanner reads every case mutated at the places it is most likely to differ as yaml does, whenever it reads it', () => {
    let read = 0;
    for (const c of cases) {
      for (const mutations of SWEEP) if (mutatedSameAsYaml(c, mutations)) read++;
    }
    // Not vacuous: 881 of the 12,864 texts are the scanner's today.
    expect(read).toBeGreaterThan(500);
  });

  it('the scanner reads every mutation of every case as yaml does, whenever it reads it', () => {
    let tried = 0;
    let read = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: EXPLORING ? 6 : 4 }), (mutations) => {
        for (const c of cases) {
          tried++;
          if (mutatedSameAsYaml(c, mutations)) read++;
        }
      }),
      { numRuns: EXPLORING ? EXPLORE_RUNS : MUTATION_RUNS },
    );
    // Not vacuous: a good share of the mutated texts are the scanner's, so the comparison ran on them.
    expect(tried).toBeGreaterThanOrEqual(cases.length * MUTATION_RUNS);
    expect(read).toBeGreaterThan(200);
  }, EXPLORING ? 1_800_000 : undefined);
});
