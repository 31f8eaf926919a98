// Where quick fixes insert YAML: always where it means what it should, or nowhere.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDocuments } from '../../src/load/parse.js';
import { appendItem, editable, fillOrInsert, insertEntry, type Insertion } from '../../src/lsp/yaml-edits.js';
import { areaSkeleton } from '../../src/lsp/code-actions.js';
import { configProblemPlace } from '../../src/lsp/diagnostics.js';
import { resolveConfig } from '../../src/config/resolve.js';

const limits = { maxDepth: 64, maxAliases: 100 };
const ITEM = ['- rule: r', '  reason: why'];

function docOf(text: string, index = 0) {
  const docs = readDocuments(text, limits);
  if (!Array.isArray(docs)) throw new Error(docs.message);
  return docs[index] as NonNullable<(typeof docs)[number]>;
}

function apply(text: string, at: Insertion | undefined): string {
  expect(at).toBeDefined();
  const position = { line: (at as Insertion).line, character: (at as Insertion).character };
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), [{ range: { start: position, end: position }, newText: (at as Insertion).text }]);
}

const valueOf = (text: string, index = 0): unknown => docOf(text, index).value;

describe('inserting into a service document', () => {
  it('appends an item to a block sequence, at its items\' indentation, after a trailing comment', () => {
    const text = 'spec:\n  waivers:\n      - rule: a\n        reason: b   # why\n  other: 1\n';
    const out = apply(text, appendItem(editable(text, docOf(text)), '/spec/waivers', ITEM));
    expect(out).toBe('spec:\n  waivers:\n      - rule: a\n        reason: b   # why\n      - rule: r\n        reason: why\n  other: 1\n');
  });

  it('creates the sequence, and its missing parents, after the last entry of the nearest mapping', () => {
    const text = 'apiVersion: x\nspec:\n  warranty:\n    availability: { target: 99 }\n  # a comment that ends spec\n';
    expect(apply(text, appendItem(editable(text, docOf(text)), '/spec/waivers', ITEM))).toBe(
      'apiVersion: x\nspec:\n  warranty:\n    availability: { target: 99 }\n  waivers:\n    - rule: r\n      reason: why\n  # a comment that ends spec\n',
    );
    const backstage = 'kind: Component\nspec:\n  type: service\n';
    const out = apply(backstage, appendItem(editable(backstage, docOf(backstage)), '/spec/warranty/waivers', ITEM));
    expect(valueOf(out)).toEqual({ kind: 'Component', spec: { type: 'service', warranty: { waivers: [{ rule: 'r', reason: 'why' }] } } });
    const bare = 'apiVersion: x\nkind: Service';
    expect(valueOf(apply(bare, appendItem(editable(bare, docOf(bare)), '/spec/waivers', ITEM)))).toEqual({ apiVersion: 'x', kind: 'Service', spec: { waivers: [{ rule: 'r', reason: 'why' }] } });
  });

  it('fills a key left empty, and leaves keys holding a value alone', () => {
    const text = 'spec:\n  waivers:   # none yet\n  x: 1\n';
    expect(apply(text, appendItem(editable(text, docOf(text)), '/spec/waivers', ITEM))).toBe('spec:\n  waivers:   # none yet\n    - rule: r\n      reason: why\n  x: 1\n');
    for (const held of ['spec:\n  waivers: null\n', 'spec:\n  waivers: ~\n', 'spec:\n  waivers: []\n', 'spec:\n  waivers: [{ rule: a }]\n', 'spec: { waivers: [] }\n', 'spec:\n  waivers: "none"\n']) {
      expect(appendItem(editable(held, docOf(held)), '/spec/waivers', ITEM), held).toBeUndefined();
    }
  });

  it('inserts a missing area into warranty, creating warranty when it is missing, never into a flow mapping', () => {
    const text = 'spec:\n  warranty:\n    availability:\n      notes: |\n        kept\n\n    security: { classification: internal }\n';
    const out = apply(text, fillOrInsert(editable(text, docOf(text)), '/spec/warranty/continuity', ['rto:', 'rpo:']));
    expect(out).toBe('spec:\n  warranty:\n    availability:\n      notes: |\n        kept\n\n    security: { classification: internal }\n    continuity:\n      rto:\n      rpo:\n');
    const none = 'spec:\n  dependsOn: [a]\n';
    expect(valueOf(apply(none, fillOrInsert(editable(none, docOf(none)), '/spec/warranty/continuity', ['rto:'])))).toEqual({ spec: { dependsOn: ['a'], warranty: { continuity: { rto: null } } } });
    const empty = 'spec:\n  warranty:\n    continuity:\n    security: {}\n';
    expect(apply(empty, fillOrInsert(editable(empty, docOf(empty)), '/spec/warranty/continuity', ['rto:']))).toBe('spec:\n  warranty:\n    continuity:\n      rto:\n    security: {}\n');
    for (const flow of ['spec: { warranty: { availability: {} } }\n', 'spec:\n  warranty: { availability: {} }\n', 'spec:\n  warranty: {}\n', 'spec:\n  warranty:\n    continuity: {}\n', '{ spec: { a: 1 } }\n']) {
      expect(fillOrInsert(editable(flow, docOf(flow)), '/spec/warranty/continuity', ['rto:']), flow).toBeUndefined();
    }
  });

  it('keeps to its own document in a file of several, and to the file\'s line endings', () => {
    const text = 'spec:\r\n  a: 1\r\n---\r\nspec:\r\n  b: 2\r\n';
    const first = apply(text, insertEntry(editable(text, docOf(text, 0)), '/spec', ['c: 3']));
    expect(first).toBe('spec:\r\n  a: 1\r\n  c: 3\r\n---\r\nspec:\r\n  b: 2\r\n');
    const second = apply(text, insertEntry(editable(text, docOf(text, 1)), '/spec', ['c: 3']));
    expect(valueOf(second, 0)).toEqual({ spec: { a: 1 } });
    expect(valueOf(second, 1)).toEqual({ spec: { b: 2, c: 3 } });
  });

  it('ignores entries a merge key brings from elsewhere when it finds where a mapping ends', () => {
    const text = 'x-defaults: &d\n  a: 1\n  b: 2\nspec:\n  <<: *d\n  own: 3\nlast: 4\n';
    const out = apply(text, insertEntry(editable(text, docOf(text)), '/spec', ['c: 5']));
    expect(out).toBe('x-defaults: &d\n  a: 1\n  b: 2\nspec:\n  <<: *d\n  own: 3\n  c: 5\nlast: 4\n');
  });
});

describe('the empty skeleton of an area', () => {
  it('names the essential fields of the tier with the tier\'s limits from the config, and no value', () => {
    const config = resolveConfig({ tiers: { critical: { maxRto: '10m' } } });
    const lines = areaSkeleton('continuity', 'critical', config);
    expect(lines.map((l) => l.split(':')[0])).toEqual(['owner', 'rto', 'rpo', 'recoveryOption', 'mtpd', 'plan', 'lastTest']);
    expect(lines.every((l) => /^[a-zA-Z]+: +# /.test(l))).toBe(true);
    expect(lines[1]).toMatch(/at most 10m \(tiers\.critical\.maxRto\)/);
    expect(areaSkeleton('availability', 'low', config).map((l) => l.split(':')[0])).toEqual(['target', 'window', 'serviceHours']);
    expect(areaSkeleton('capacity', 'low', config).join('\n')).not.toMatch(/headroom/);
    expect(areaSkeleton('capacity', 'high', config).find((l) => l.startsWith('headroom'))).toMatch(/at least 20 \(tiers\.high\.minHeadroom\)/);
  });
});

describe('where a config problem is', () => {
  it('reads the place from the loader\'s messages', () => {
    expect(configProblemPlace('.warranty-lintrc.yaml:3:5: rules: unknown rule')).toEqual({ file: '.warranty-lintrc.yaml', line: 3, column: 5 });
    expect(configProblemPlace('invalid config:\n  a/b.yaml:2:3: x\n  a/b.yaml:4:1: y')).toEqual({ file: 'a/b.yaml', line: 2, column: 3 });
    expect(configProblemPlace('found the config warranty-lint.config.js, which is JavaScript/TypeScript: …')).toEqual({ file: 'warranty-lint.config.js', line: 1, column: 1 });
    expect(configProblemPlace('package.json: cannot load the config: boom')).toEqual({ file: 'package.json', line: 1, column: 1 });
    expect(configProblemPlace('something else entirely')).toBeUndefined();
  });
});
