// `$yaml`/`$json`/`$text` substitutions: values read from files of the repository, positions in
// the file that holds each value, and the key that holds the substitution for what that file lacks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../support/parse.js';
import { substitute } from '../../src/load/substitute.js';
import { tempTree } from '../support/run-cli.js';

const LIMITS = { maxDepth: 64, maxAliases: 100, maxFileSize: 1024 * 1024 };

function substituted(files: Record<string, string>, main = 'catalog-info.yaml') {
  const root = tempTree(files);
  const [doc] = parseDocuments(files[main] as string, LIMITS);
  return { root, doc: substitute(doc!, { path: join(root, main), file: `svc/${main}`, root, limits: LIMITS }) };
}

describe('substitute', () => {
  const host = 'spec:\n  type: service\n  warranty:\n    $yaml: ./warranty.yaml\n';
  const warranty = '# owned by the service team\ntier: high\navailability:\n  target: 99.9\n  window: 30d\n';

  it('replaces a mapping whose only key is $yaml by the file’s one document', () => {
    const { doc } = substituted({ 'catalog-info.yaml': host, 'warranty.yaml': warranty });
    expect(doc.value).toEqual({ spec: { type: 'service', warranty: { tier: 'high', availability: { target: 99.9, window: '30d' } } } });
    expect(doc.substitutions).toEqual({ problems: [], spoiled: [] });
  });

  it('places values in the file that holds them, and what that file lacks at the key holding the substitution', () => {
    const { doc } = substituted({ 'catalog-info.yaml': host, 'warranty.yaml': warranty });
    expect(doc.locate('/spec/warranty/availability/target')).toEqual({ line: 4, column: 11, endLine: 4, endColumn: 15, file: 'svc/warranty.yaml' });
    // A missing field of a present area: at the area's key, in warranty.yaml.
    expect(doc.locate('/spec/warranty/availability/mttr')).toMatchObject({ line: 3, column: 1, file: 'svc/warranty.yaml' });
    // A missing area: at `warranty:`, in the file that holds the substitution.
    expect(doc.locate('/spec/warranty/security')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 11 });
    expect(doc.locate('/spec/warranty', 'key')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 11 });
    expect(doc.locate('/spec/type')).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 16 });
  });

  it('reads $json and $text, and substitutions inside substituted files', () => {
    const { doc } = substituted({
      'catalog-info.yaml': 'warranty:\n  security: { $json: ./sec/security.json }\n  continuity: { $yaml: ./continuity.yaml }\n',
      'sec/security.json': '{\n  "classification": "internal",\n  "dataTypes": ["none"]\n}\n',
      'continuity.yaml': 'rto: 4h\nnotes: { $text: ./notes.txt }\n',
      'notes.txt': 'Restored from snapshots.\n',
    });
    expect(doc.value).toEqual({ warranty: { security: { classification: 'internal', dataTypes: ['none'] }, continuity: { rto: '4h', notes: 'Restored from snapshots.\n' } } });
    expect(doc.locate('/warranty/security/dataTypes/0')).toMatchObject({ line: 3, column: 17, file: 'svc/sec/security.json' });
    expect(doc.locate('/warranty/continuity/notes')).toMatchObject({ line: 1, column: 1, file: 'svc/notes.txt' });
    expect(doc.locate('/warranty/continuity/rto')).toMatchObject({ line: 1, column: 6, file: 'svc/continuity.yaml' });
  });

  it('leaves $ref and mappings with other keys alone, as Backstage does', () => {
    const text = 'spec:\n  schema: { $ref: "#/definitions/x" }\n  other: { $yaml: ./w.yaml, note: kept }\n';
    const { doc } = substituted({ 'catalog-info.yaml': text });
    expect(doc.substitutions).toBeUndefined();
    expect(doc.value).toEqual({ spec: { schema: { $ref: '#/definitions/x' }, other: { $yaml: './w.yaml', note: 'kept' } } });
  });

  it('refuses a URL, a file outside the repository, a cycle, a missing file, and more than one document, each once', () => {
    const root = tempTree({});
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    const files: Record<string, string> = {
      'catalog-info.yaml':
        'a: { $yaml: https://example.com/w.yaml }\nb: { $yaml: ../outside.yaml }\nc: { $yaml: ./loop.yaml }\nd: { $text: ./nowhere.txt }\ne: { $yaml: ./two.yaml }\nf: { $yaml: /etc/hosts }\n',
      'loop.yaml': 'x: { $yaml: ./catalog-info.yaml }\n',
      'two.yaml': 'a: 1\n---\nb: 2\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'repo', name), text);
    writeFileSync(join(root, 'outside.yaml'), 'secret: 1\n');
    const [doc] = parseDocuments(files['catalog-info.yaml'] as string, LIMITS);
    const out = substitute(doc!, { path: join(root, 'repo', 'catalog-info.yaml'), file: 'catalog-info.yaml', root: join(root, 'repo'), limits: LIMITS });
    expect(out.substitutions?.problems.map((p) => [p.ruleId, p.pointer, p.range.line, p.range.file])).toEqual([
      ['input-skipped', '/a', 1, undefined],
      ['input-skipped', '/b', 2, undefined],
      ['file-unreadable', '/c/x', 1, 'loop.yaml'],
      ['file-unreadable', '/d', 4, undefined],
      ['yaml-syntax', '/e', 3, 'two.yaml'],
      ['input-skipped', '/f', 6, undefined],
    ]);
    expect(out.substitutions?.spoiled).toEqual(['/a', '/b', '/c/x', '/d', '/e', '/f']);
    expect(out.substitutions?.problems.map((p) => p.message)).toContain('$text: ./nowhere.txt in d cannot be read: there is no such file.');
    // What could not be read stays as written.
    expect((out.value as Record<string, unknown>).a).toEqual({ $yaml: 'https://example.com/w.yaml' });
  });
});
