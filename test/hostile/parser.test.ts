// Parser abuse: bombs, depth, size, long lines and floods are refused (or linted) with bounded work.
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { preflight, MAX_DEPTH } from '../../src/load/preflight.js';
import { parseDocuments } from '../support/parse.js';
import { lintBytes } from '../../src/engine/process-file.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { CLEAN_LOW, lintYaml, rulesOf } from '../support/lint-yaml.js';
import { runCli, STACK_LINE, tempTree } from './helpers.js';

// Count the parser's calls, so a test can show that a refused file never reached it.
vi.mock('yaml', async (importOriginal) => {
  const real = await importOriginal<typeof import('yaml')>();
  return { ...real, parseAllDocuments: vi.fn(real.parseAllDocuments) };
});
const parseSpy = vi.mocked(yaml.parseAllDocuments);
beforeEach(() => parseSpy.mockClear());

const limits = { maxDepth: 64, maxAliases: 100 };
const syntaxOf = (text: string, config = {}) => lintYaml(text, { config }).findings.filter((f) => f.ruleId === 'yaml-syntax');

/** The billion laughs: ten levels of nine aliases each (10^9 strings if expanded). */
function billionLaughs(): string {
  let text = 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) text += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return text;
}

describe('alias bombs', () => {
  it('refuses the billion laughs at the alias that passes limits.maxAliases, without yaml expanding anything', () => {
    const toJS = vi.spyOn(yaml.Document.prototype, 'toJS');
    const toJSON = vi.spyOn(yaml.Document.prototype, 'toJSON');
    const resolveAlias = vi.spyOn(yaml.Alias.prototype, 'resolve');
    const found = syntaxOf(billionLaughs());
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('the document uses more than 100 aliases (limits.maxAliases); refusing to expand it');
    // Expanding counts: l1 holds 9 aliases, each alias of l2 counts itself and the 9 inside l1,
    // so the limit is passed on line 3, long before anything grows.
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.file).toBe('test.yaml');
    expect(toJS).not.toHaveBeenCalled();
    expect(toJSON).not.toHaveBeenCalled();
    expect(resolveAlias).not.toHaveBeenCalled();
    toJS.mockRestore();
    toJSON.mockRestore();
    resolveAlias.mockRestore();
  });

  it('stops a bomb built within maxAliases: a few aliases of a huge anchor', () => {
    const text = `big: &big [${Array(20_000).fill('x').join(', ')}]\ncopies: [${Array(10).fill('*big').join(', ')}]\n`;
    const found = syntaxOf(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/aliases expand to more than 100000 values/);
    expect(found[0]?.line).toBe(2);
  });

  it('honours a configured limits.maxAliases', () => {
    const text = 'a: &a 1\nb: *a\nc: *a\nd: *a\n';
    expect(syntaxOf(text)).toEqual([]);
    const found = syntaxOf(text, { limits: { maxAliases: 2 } });
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([[4, 4, 'the document uses more than 2 aliases (limits.maxAliases); refusing to expand it']]);
  });

  it('refuses a %YAML 1.1 merge bomb by its directive, before any merge', () => {
    // (the directive is reported where it is written, line 1)
    let text = '%YAML 1.1\n---\nm0: &m0 {a: 1}\n';
    for (let i = 1; i < 40; i++) text += `m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: 1}\n`;
    const found = syntaxOf(text);
    expect(found.map((f) => [f.line, f.message])).toEqual([[1, 'the %YAML 1.1 directive is not supported; warranty-lint reads YAML 1.2 only (remove the directive)']]);
    // Without the directive the same file is still bounded: by the alias count.
    const without = syntaxOf(text.replace('%YAML 1.1\n---\n', ''));
    expect(without[0]?.message).toMatch(/more than 100 aliases/);
  });

  it('an alias that refers to its own anchor ends at the depth limit, not in a loop', () => {
    const found = syntaxOf('a: &a [x, *a]\n', { limits: { maxAliases: 1000 } });
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/nested more than 64 levels|more than 1000 aliases/);
  });
});

/** Deep nesting in every style the preflight must see through. */
const DEEP: Record<string, (n: number) => string> = {
  'flow sequences': (n) => '['.repeat(n) + 'x' + ']'.repeat(n) + '\n',
  'flow mappings': (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\n',
  'compact block sequences on one line': (n) => '- '.repeat(n) + 'x\n',
  'compact explicit keys on one line': (n) => '? '.repeat(n) + 'x\n',
  'sequence of mappings on one line': (n) => '- a: '.repeat(n) + 'x\n',
  'indented mappings': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' x\n',
  'indented sequences': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + '-').join('\n') + ' x\n',
  'sequences compact in mappings': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '- k:').join('\n') + ' x\n',
  'nesting hidden after an unclosed quote': (n) => 'a:\n  b: "open\n' + '- '.repeat(n) + 'x\n',
  'nesting hidden after an unclosed bracket': (n) => 'a:\n  b: [open\n' + '- '.repeat(n) + 'x\n',
  'nesting after a document marker inside a quote': (n) => 'a: "open\n---\n' + '- '.repeat(n) + 'x\n',
  // The lexer ends a quote, a flow collection or a block scalar at a line indented less than it
  // needs; what follows is structure again, whatever a naive scan thinks.
  'brackets after a quote the lexer ends early': (n) => '- - - "x\n  ' + '['.repeat(n) + '\n',
  'sequences after a block scalar the lexer ends early': (n) => 'a: |\n      x\n  ' + '- '.repeat(n) + 'x\n',
  'sequences after a flow collection the lexer ends early': (n) => '- - - [x\n  ' + '- '.repeat(n) + 'x\n',
  'indented mappings after an unclosed bracket': (n) => 'a: [x\n' + Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'b:').join('\n') + ' x\n',
  'indented mappings after an unclosed quote': (n) => 'a: "x\n' + Array.from({ length: n }, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n') + ' x\n',
  'brackets after a quote inside a flow plain scalar': (n) => '[a "b, ' + '['.repeat(n) + ']'.repeat(n) + ']\n',
};

describe('deep nesting', () => {
  for (const [style, make] of Object.entries(DEEP)) {
    // Indentation grows the file quadratically: 3,000 levels is already 4.5 MB.
    const levels = /indented|compact in/.test(style) ? 3_000 : 100_000;
    it(`refuses ${levels} levels of ${style} before parsing`, () => {
      const text = make(levels);
      const found = syntaxOf(text);
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toBe('the document is nested more than 64 levels deep (limits.maxDepth); it was not parsed');
      expect(found[0]?.line).toBeGreaterThanOrEqual(1);
      expect(parseSpy).not.toHaveBeenCalled();
    });
  }

  it('reads 64 levels and refuses 65, in block and in flow style', () => {
    for (const make of [DEEP['compact block sequences on one line'], DEEP['indented mappings'], DEEP['flow sequences']] as Array<(n: number) => string>) {
      expect(syntaxOf(make(64))).toEqual([]);
      expect(syntaxOf(make(65))[0]?.message).toMatch(/nested more than 64 levels deep \(limits\.maxDepth\)/);
    }
  });

  it('finds the nesting a preflight estimate misses, exactly, after parsing', () => {
    // A sequence compact in a mapping adds a level without indentation: the walker catches it.
    const text = DEEP['sequences compact in mappings']!(40);
    expect(preflight(text, limits)).toBeUndefined();
    expect(syntaxOf(text)[0]?.message).toMatch(/nested more than 64 levels deep \(limits\.maxDepth\)$/);
  });

  it('honours a configured limits.maxDepth, and caps it where the parser would run out of stack', () => {
    expect(syntaxOf('a: {b: {c: 1}}\n', { limits: { maxDepth: 2 } })[0]?.message).toMatch(/more than 2 levels/);
    const text = '- '.repeat(MAX_DEPTH + 1) + 'x\n';
    const found = syntaxOf(text, { limits: { maxDepth: 100_000 } });
    expect(found[0]?.message).toBe(`the document is nested more than ${MAX_DEPTH} levels deep, the most warranty-lint reads (limits.maxDepth is capped at ${MAX_DEPTH}); it was not parsed`);
    expect(parseSpy).not.toHaveBeenCalled();
    expect(syntaxOf('- '.repeat(MAX_DEPTH) + 'x\n', { limits: { maxDepth: 100_000 } })).toEqual([]);
  });

  it('at the cap, the shape the estimate halves still parses far from the stack limit, and the walker refuses it exactly', () => {
    // Sequences compact in mappings: the estimate is 255 + 2, the real depth 2 × 255.
    const text = DEEP['sequences compact in mappings']!(MAX_DEPTH - 1);
    const generous = { maxDepth: 100_000, maxAliases: 100 };
    expect(preflight(text, generous)).toBeUndefined();
    const errors = yaml.parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : []));
    expect(errors).toEqual([]);
    const [doc] = parseDocuments(text, generous);
    expect(doc?.syntax.map((p) => p.message)).toEqual([`the document is nested more than ${MAX_DEPTH} levels deep, the most warranty-lint reads (limits.maxDepth is capped at ${MAX_DEPTH})`]);
  });

  it('does not count what only looks like nesting: quotes, block scalars, comments, plain text', () => {
    const looksDeep = '- '.repeat(100) + '[[[[[[[[';
    const text =
      CLEAN_LOW.replace('  name: search\n', `  name: search\n  description: "${looksDeep}"\n  labels: { note: '${looksDeep}' }\n`) +
      `    # ${looksDeep}\n    x-notes: |\n      ${looksDeep}\n        ${looksDeep}\n    x-plain: a - b - c - d ${'- x '.repeat(100)}\n`;
    expect(preflight(text, limits)).toBeUndefined();
    expect(rulesOf(lintYaml(text))).toEqual([]);
  });

  it('reads a `!` inside a plain flow key as text, not as a tag that would swallow the colon of the key', () => {
    // Found by the property test below (seed -1087923345): `[ { . !: "[" } ]` is two levels deep.
    const text = '[ { . !: "[" } ]\n';
    expect(preflight(text, { maxDepth: 2 })).toBeUndefined();
    expect(parseDocuments(text, { maxDepth: 2, maxAliases: 100 })[0]?.value).toEqual([{ '. !': '[' }]);
    // A real tag at the start of a token is still a property.
    expect(preflight('[ !!str [[x]] ]\n', { maxDepth: 2 })).toBeDefined();
  });

  it('refuses deep nesting through the CLI with the file, line and exit 1, and lints the other files', async () => {
    const { root, cleanup } = tempTree();
    try {
      writeFileSync(join(root, 'deep.yaml'), 'apiVersion: warranty-lint/v1\nkind: Service\nx: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n');
      writeFileSync(join(root, 'good.yaml'), CLEAN_LOW);
      const run = await runCli(['--now', '2026-11-26', '-f', 'json', '.'], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const json = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }>; summary: { services: number } };
      // The value of `x:` is level 1, so the 65th bracket (column 3 + 65) opens level 65.
      expect(json.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([['yaml-syntax', 'deep.yaml', 3, 68]]);
      expect(json.summary.services).toBe(1);
    } finally {
      cleanup();
    }
  });
});

describe('size', () => {
  const tree = tempTree();
  afterAll(tree.cleanup);

  it('refuses a file over limits.maxFileSize without reading it', async () => {
    // A sparse 11 MiB file of NUL bytes: if it were read, it would be "not a text file".
    const fd = openSync(join(tree.root, 'huge.yaml'), 'w');
    ftruncateSync(fd, 11 * 1024 * 1024);
    closeSync(fd);
    const run = await runCli(['-f', 'json', 'huge.yaml'], tree.root);
    expect(run.code).toBe(1);
    const [f] = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; message: string; line: number }> }).findings;
    expect(f).toMatchObject({ ruleId: 'yaml-syntax', line: 1, message: 'the file is 11.0 MiB, over the 10.0 MiB limit (limits.maxFileSize); it was not read' });
    expect(parseSpy).not.toHaveBeenCalled();
  });

  it('honours a configured limits.maxFileSize (a size with a unit)', () => {
    const bytes = Buffer.from(CLEAN_LOW);
    const ref = { path: 'x.yaml', file: 'x.yaml', explicit: true };
    const small = lintBytes(bytes, ref, { config: resolveConfig({ limits: { maxFileSize: '100B' } }), today: 0 });
    expect(small.findings.map((f) => f.message)).toEqual([`the file is ${bytes.length} bytes, over the 100 bytes limit (limits.maxFileSize); it was not read`]);
    const enough = lintBytes(bytes, ref, { config: resolveConfig({ limits: { maxFileSize: '1MiB' } }), today: 0 });
    expect(enough.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
  });

  it('holds standard input to the size limit too', async () => {
    const run = await runCli(['--stdin', '--stdin-filename', 'in.yaml', '-f', 'json'], tree.root, 'a: ' + 'x'.repeat(11 * 1024 * 1024) + '\n');
    expect(run.code).toBe(1);
    const [f] = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> }).findings;
    expect(f).toMatchObject({ ruleId: 'yaml-syntax', file: 'in.yaml', message: 'the file is 11.0 MiB, over the 10.0 MiB limit (limits.maxFileSize); it was not read' });
    expect(parseSpy).not.toHaveBeenCalled();
  });

  it('lints a 1 MiB line under the size limit, with positions after it right', () => {
    const long = 'x'.repeat(1024 * 1024);
    const text = CLEAN_LOW.replace('  owner: team-search\n', `  owner: team-search\n  description: ${long}\n`).replace('target: 99.0', 'target: TBD');
    const result = lintYaml(text);
    const target = result.findings.find((f) => f.ruleId === 'warranty-placeholder-value');
    expect(target).toMatchObject({ line: 12, column: 15, pointer: '/spec/warranty/availability/target' });
    expect(rulesOf(result).filter((r) => r === 'yaml-syntax')).toEqual([]);
  });
});

describe('a flood of values', () => {
  it('refuses a file with more values than the parser can hold in memory, before parsing', () => {
    // 400,000 one-character items: the parser would keep ~1 KB per item.
    const found = syntaxOf('a: [' + '1,'.repeat(400_000) + '1]\n');
    expect(found.map((f) => [f.line, f.message])).toEqual([[1, 'the file holds more than 327680 values (one per 32 bytes of limits.maxFileSize); it was not parsed']]);
    expect(parseSpy).not.toHaveBeenCalled();
    const block = syntaxOf('- a\n'.repeat(400_000));
    expect(block[0]?.line).toBe(327_681);
  });

  it('counts documents too: a file of 200,000 empty documents is refused', () => {
    expect(syntaxOf('---\n'.repeat(200_000))[0]?.message).toMatch(/^the file holds more than 327680 values/);
    expect(parseSpy).not.toHaveBeenCalled();
  });

  it('scales the budget with limits.maxFileSize', () => {
    const text = '- a\n'.repeat(20_000);
    expect(syntaxOf(text)).toEqual([]);
    expect(syntaxOf(text, { limits: { maxFileSize: '100KiB' } })[0]?.message).toBe('the file holds more than 10000 values (one per 32 bytes of limits.maxFileSize); it was not parsed');
  });
});

describe('a flood of findings', () => {
  /** A service with `n` unknown keys under metadata: n schema findings in one document. */
  const flood = (n: number): string => CLEAN_LOW.replace('  tier: low\n', `  tier: low\n${Array.from({ length: n }, (_, i) => `  zz${i}: 1\n`).join('')}`);

  it('keeps the first 100 findings of a document and says how many more were left out', () => {
    const result = lintYaml(flood(5000));
    expect(result.findings).toHaveLength(101);
    const cap = result.findings.filter((f) => f.ruleId === 'too-many-findings');
    expect(cap).toHaveLength(1);
    expect(cap[0]?.message).toBe('4900 more findings in this document were left out after the first 100 (limits.maxFindingsPerDocument).');
    expect(cap[0]?.severity).toBe('info');
  });

  it('honours a configured limits.maxFindingsPerDocument, per document', () => {
    const result = lintYaml(flood(12) + '---\n' + flood(3).replace('name: search', 'name: other'), { config: { limits: { maxFindingsPerDocument: 5 } } });
    const caps = result.findings.filter((f) => f.ruleId === 'too-many-findings');
    expect(caps.map((f) => [f.service, f.message])).toEqual([['search', '7 more findings in this document were left out after the first 5 (limits.maxFindingsPerDocument).']]);
    expect(result.findings.filter((f) => f.service === 'other')).toHaveLength(3);
  });
});

describe('the CLI on parser abuse', () => {
  it('prints no stack trace and exits 1 for every bomb at once, each named with its file', async () => {
    const { root, cleanup } = tempTree();
    try {
      writeFileSync(join(root, 'laughs.yaml'), 'apiVersion: warranty-lint/v1\n' + billionLaughs());
      writeFileSync(join(root, 'deep.yaml'), 'apiVersion: warranty-lint/v1\nx:\n' + '- '.repeat(100_000) + '\n');
      writeFileSync(join(root, 'dup.yaml'), 'apiVersion: warranty-lint/v1\nkind: Service\nkind: Service\n');
      const run = await runCli(['--now', '2026-11-26', '.'], root);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(STACK_LINE);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toMatch(/deep\.yaml\n\s+3:\d+\s+error\s+the document is nested more than 64 levels deep/);
      expect(run.stdout).toMatch(/dup\.yaml\n\s+3:1\s+error\s+duplicate key/);
      expect(run.stdout).toMatch(/laughs\.yaml\n\s+\d+:\d+\s+error\s+the document uses more than 100 aliases/);
    } finally {
      cleanup();
    }
  });
});

describe('limits and the parser', () => {
  it('reports many duplicate keys in linear time, each at its key', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `k${i % 10_000}: v\n`).join('');
    const [doc] = parseDocuments(text, limits);
    expect(doc?.syntax).toHaveLength(10_000);
    expect(doc?.syntax[0]).toMatchObject({ range: { line: 10_001, column: 1 } });
  });
});

describe('pathological text in values', () => {
  // Regular expressions over file text must stay linear: with the quadratic versions these took
  // minutes (a million dots) and over a minute (70,000 "to be decided"). The suite's timeout is
  // the bound; the assertions check the values were judged.
  it('a megabyte of dots in a warranty field is judged', () => {
    const text = CLEAN_LOW.replace('serviceHours: 24x7', `serviceHours: "${'.'.repeat(1024 * 1024)}x"`);
    expect(rulesOf(lintYaml(text))).toEqual([]);
    const vague = CLEAN_LOW.replace('serviceHours: 24x7', `serviceHours: "high${'.'.repeat(1024 * 1024)}"`);
    expect(rulesOf(lintYaml(vague))).toEqual(['warranty-placeholder-value']);
  });

  it('a long run of deferral-like phrases in notes is judged', () => {
    const text = CLEAN_LOW.replace('      serviceHours: 24x7\n', `      serviceHours: 24x7\n      notes: "${'to be decided '.repeat(70_000)}"\n`);
    expect(rulesOf(lintYaml(text))).toEqual([]);
  });
});
