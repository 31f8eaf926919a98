// Property-based: whatever the input, linting never throws, every position lies inside the file,
// json output parses and human output holds no raw control character. Run counts stay modest.
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { finishFiles, todayFrom, type LintResult } from '../../src/engine/lint.js';
import { lintBytes } from '../../src/engine/process-file.js';
import { json } from '../../src/formatters/json.js';
import { stylish } from '../../src/formatters/stylish.js';
import { parseDocuments } from '../support/parse.js';
import { preflight } from '../../src/load/preflight.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { positionsInside } from './helpers.js';

const NOW = '2026-11-26';
const context = { color: true, cwd: '/', version: 'test' };
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every property of every run, in one place. */
function checkOutputs(result: LintResult, text: string | undefined): void {
  if (text !== undefined) expect(positionsInside(result.findings, text)).toEqual([]);
  const parsed = JSON.parse(json(result, context)) as { findings: unknown[] };
  expect(parsed.findings).toHaveLength(result.findings.length);
  // Colour codes are ours; strip them, then nothing raw may remain.
  // eslint-disable-next-line no-control-regex
  expect(stylish(result, context).replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
}

/** A richer service than CLEAN_LOW: flow and block styles, lists, anchors, a second document. */
const RICH = `# yaml-language-server: $schema=../schemas/service.schema.json
x-defaults: &hours
  serviceHours: "Mon-Fri 08:00-18:00 Europe/Paris"
apiVersion: warranty-lint/v1
kind: Service
metadata:
  name: payments-api
  owner: team-payments
  tier: critical
  lifecycleStage: design
  labels: { domain: payments }
spec:
  dependsOn:
    - auth-service
    - { service: fx-rates, kind: soft }
  warranty:
    availability:
      <<: *hours
      target: "99.95%"
      window: 30d
      mttr: 10m
      notes: |
        SLI is the share of successful authorisations.
    capacity:
      peak: { value: 1200, unit: rps }
      forecast: { growthPercentPerYear: 20, horizonMonths: 12, driver: card transactions }
    continuity:
      rto: 15m
      rpo: 5m
      recoveryOption: warm-standby
    security:
      classification: confidential
      dataTypes: [pii]
      controls: [authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups]
---
${CLEAN_LOW}`;

const TOKENS = [
  '- ', '? ', ': ', ':', '[', ']', '{', '}', ', ', '"', "'", '\\', '&a ', '*a ', '*b', '!!str ', '!Ref ', '!!binary ', '<<: ', '<<: *a',
  '\n', '\n  ', '  ', '    ', '# c', ' #', '|', '|-\n  ', '>', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', 'key', 'a', '__proto__',
  'constructor', 'TBD', '99.9', '100', '.nan', '-.inf', '0o777', 'null', '~', 'no', '2026-01-01', 'apiVersion: warranty-lint/v1\n',
  'kind: Service\n', 'metadata:\n  name: x\n', 'spec:\n  warranty:\n', '\t', '\r', '\r\n', '\u0000', '\u202e', '\u001b[31m', '\u0085', '\ufeff', 'é', '🚀',
];
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([at, tok]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + tok + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([a, d]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const line = lines[i] as string;
    lines[i] = d >= 0 ? ' '.repeat(d) + line : line.replace(new RegExp(`^ {0,${-d}}`), '');
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines.splice(i, 0, lines[i] as string);
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([a, s]): Mutation => (t) => {
    // Replace a value after a colon with arbitrary text.
    const colons = [...t.matchAll(/: /g)].map((m) => m.index as number);
    if (colons.length === 0) return t;
    const at = (colons[a % colons.length] as number) + 2;
    const end = t.indexOf('\n', at);
    return t.slice(0, at) + s + (end === -1 ? '' : t.slice(end));
  }),
);
const mutated = fc
  .tuple(fc.constantFrom(CLEAN_LOW, RICH), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([base, ms]) => ms.reduce<string>((t, m) => m(t), base));

describe('linting never throws and positions stay inside the file', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkOutputs(lintYaml(text, { now: NOW }), text);
      }),
      { numRuns: 150 },
    );
  });

  it('for YAML-looking token soup', () => {
    fc.assert(
      fc.property(soup, (text) => {
        checkOutputs(lintYaml(text, { now: NOW }), text);
        checkOutputs(lintYaml(text, { now: NOW, explicit: false }), text);
      }),
      { numRuns: 300 },
    );
  });

  it('for random mutations of valid service definitions, linted beside a clean one', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const result = lintYaml([{ file: 'a.yaml', text }, { file: 'b.yaml', text: CLEAN_LOW.replace('name: search', 'name: other') }], { now: NOW });
        const own = result.findings.filter((f) => f.file === 'a.yaml');
        expect(positionsInside(own, text)).toEqual([]);
        checkOutputs(result, undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('for arbitrary bytes, and for valid text with bytes spliced in', () => {
    const config = resolveConfig({});
    const { day, iso } = todayFrom(NOW);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([at, b]) => {
        const base = Buffer.from(CLEAN_LOW);
        const i = at % base.length;
        return Buffer.concat([base.subarray(0, i), b, base.subarray(i)]);
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const file = lintBytes(b, { path: 'x.yaml', file: 'x.yaml', explicit: true }, { config, today: day });
        const result = finishFiles([file], { cwd: '/', config }, day, iso);
        // Undecodable bytes are placed by bytes: a line of the file, a column at most its length + 1.
        const lines = Buffer.from(b).toString('latin1');
        checkOutputs(result, lines);
      }),
      { numRuns: 200 },
    );
  });
});

/** The real depth as the walker counts it: every value, scalars included, one level per collection. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map(depthOf));
}

describe('the depth preflight never refuses what the parser would accept', () => {
  it('for any JSON value written as YAML in block, flow or mixed style, at its own depth limit', () => {
    const styles = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), styles, fc.boolean(), (value, options, crlf) => {
        const lf = stringify(value, options);
        const text = crlf ? lf.replace(/\n/g, '\r\n') : lf;
        const maxDepth = depthOf(value);
        const [doc] = parseDocuments(text, { maxDepth, maxAliases: 100 });
        // yaml's stringify can write invalid YAML (an empty flow list under a key with indentSeq
        // off): the property is about what the parser accepts.
        fc.pre((doc?.syntax ?? []).length === 0);
        expect(preflight(text, { maxDepth })).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('what the depth preflight lets through never takes the parser near its stack limit', () => {
  it('for long runs of a few structural tokens (the shapes of depth bombs)', () => {
    const STRUCTURE = ['- ', '? ', ': ', 'a: ', '[', '{', '\n', ' ', '  ', 'x', ',', ']', '}', '"', "'", '|', '&a ', '!t ', '#', '-', '\n- ', '\n  - ', ':', '---\n', '\t'];
    // A few tokens dominate each input, so deep shapes actually occur.
    const bomb = fc
      .tuple(fc.array(fc.constantFrom(...STRUCTURE), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }))
      .map(([pool, seed]) => {
        // 15,000 tokens from a cheap generator (fast-check arrays this long would be slow to build).
        let x = seed;
        let text = '';
        for (let i = 0; i < 15_000; i++) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          text += x % 100 < 85 ? pool[x % pool.length] : STRUCTURE[x % STRUCTURE.length];
        }
        return text;
      });
    fc.assert(
      fc.property(bomb, (text) => {
        fc.pre(preflight(text, { maxDepth: 64 }) === undefined);
        const problems = parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : []));
        expect(problems.filter((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
