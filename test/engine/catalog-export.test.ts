// `--catalog <file>`: the entities of a catalog export (the catalog API's JSON list, its by-query
// object with `items`, or YAML documents), by key; what cannot be read, or holds no entity, stops
// the run with a message that names the option and the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { readCatalogExport } from '../../src/engine/catalog-export.js';
import { UserError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'wl-catalog-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = resolveConfig({});
let n = 0;
/** Writes `content` to a new file of `dir` and reads it as an export, by its name relative to `dir`. */
function read(content: string | Buffer, cfg = config): Array<[string, { name: string; tier?: string }]> {
  const name = `export-${n++}.txt`;
  writeFileSync(join(dir, name), content);
  return [...readCatalogExport(name, dir, cfg)].map(([k, v]) => [k, { name: v.name, ...(v.tier ? { tier: v.tier } : {}) }]);
}
function failure(content: string | Buffer | null, cfg = config): string {
  const name = `export-${n++}.txt`;
  if (content !== null) writeFileSync(join(dir, name), content);
  try {
    readCatalogExport(name, dir, cfg);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message.replace(name, 'FILE');
  }
  throw new Error('no failure');
}

const component = (name: string, extra = ''): string => `{"kind":"Component","metadata":{"name":"${name}"${extra}},"spec":{"type":"service","tier":"high"}}`;
const NO_ENTITY = '--catalog FILE: it holds no entity (a list of entities, an object with "items", or YAML documents of entities, each with kind and metadata.name)';

describe('readCatalogExport', () => {
  it('reads the JSON list the catalog API gives, each entity by its key', () => {
    expect(read(`[${component('checkout')},{"kind":"Resource","metadata":{"name":"orders-db","namespace":"shop"}}]`)).toEqual([
      ['component:default/checkout', { name: 'checkout', tier: 'medium' }],
      ['resource:shop/orders-db', { name: 'resource:shop/orders-db' }],
    ]);
  });

  it('reads the by-query object with items, and one entity alone', () => {
    expect(read(`{"items":[${component('a')},${component('b')}],"totalItems":2}`).map(([k]) => k)).toEqual(['component:default/a', 'component:default/b']);
    expect(read(component('solo')).map(([k]) => k)).toEqual(['component:default/solo']);
  });

  it('takes an object whose items is not a list as one entity', () => {
    expect(read('{"kind":"Group","items":"x","metadata":{"name":"team"}}').map(([k]) => k)).toEqual(['group:default/team']);
  });

  it('reads JSON as JSON, leading white space included: a key given twice takes its last value (the YAML reader refuses it)', () => {
    const twice = '{"kind":"Component","metadata":{"name":"first"},"metadata":{"name":"last"}}';
    expect(read(twice).map(([k]) => k)).toEqual(['component:default/last']);
    expect(read(`\n  \t${twice}`).map(([k]) => k)).toEqual(['component:default/last']);
    expect(read(` [${twice}]`).map(([k]) => k)).toEqual(['component:default/last']);
  });

  it('reads YAML documents, lists of entities among them, and skips empty ones', () => {
    const yaml = '- kind: Component\n  metadata: { name: a }\n---\n---\nkind: System\nmetadata:\n  name: s\n---\nnull\n';
    expect(read(yaml)).toEqual([
      ['component:default/a', { name: 'a' }],
      ['system:default/s', { name: 'system:s' }],
    ]);
  });

  it('keeps the first of two entities with one key, and skips what is not an entity', () => {
    const first = '{"kind":"Component","metadata":{"name":"dup"},"spec":{"type":"service","warranty":{"tier":"critical"}}}';
    const second = '{"kind":"component","metadata":{"name":"DUP"},"spec":{"type":"service","warranty":{"tier":"low"}}}';
    expect(read(`[${first},${second},{"metadata":{"name":"nokind"}},{"kind":"Group"},null,3]`)).toEqual([['component:default/dup', { name: 'dup', tier: 'critical' }]]);
  });

  it('finds the file from the working directory it is given', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'c.json'), component('here'));
    expect([...readCatalogExport('sub/c.json', dir, config).keys()]).toEqual(['component:default/here']);
    expect([...readCatalogExport(join(dir, 'sub', 'c.json'), '/nowhere', config).keys()]).toEqual(['component:default/here']);
  });
});

describe('readCatalogExport stops the run (UserError) with a message naming --catalog and the file', () => {
  it('when the file holds no entity', () => {
    expect(failure('[]')).toBe(NO_ENTITY);
    expect(failure('{"items":[]}')).toBe(NO_ENTITY);
    expect(failure('null')).toBe(NO_ENTITY);
    expect(failure('')).toBe(NO_ENTITY);
    expect(failure('"[not json]"')).toBe(NO_ENTITY);
    expect(failure('name: x\n')).toBe(NO_ENTITY);
  });

  it('when it cannot be read: missing, a folder, over the size limit', () => {
    expect(failure(null)).toBe('--catalog FILE: cannot read it: it does not exist (a broken link?)');
    mkdirSync(join(dir, 'folder'));
    expect(() => readCatalogExport('folder', dir, config)).toThrow(new UserError('--catalog folder: cannot read it: not a regular file (a FIFO, socket or device)'));
    const small = resolveConfig({ limits: { maxFileSize: '10B' } } as never);
    expect(small.limits.maxFileSize).toBe(10);
    expect(failure(component('big'), small)).toBe('--catalog FILE: cannot read it: the file is 86 bytes, over the 10 bytes limit (limits.maxFileSize); it was not read');
  });

  it('when it is not text it can decode', () => {
    expect(failure(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x5b]))).toBe('--catalog FILE: the file is UTF-32, which is not supported; save it as UTF-8');
  });

  it('when it is broken, saying where (line:column), JSON or YAML', () => {
    expect(failure('[{"kind": "Component",\n  "metadata": {"name": "a"}\n')).toBe('--catalog FILE: 3:1: bad indentation: Flow map in block collection must be sufficiently indented and end with a }');
    expect(failure('kind: Group\nmetadata: {name: a\n')).toMatch(/^--catalog FILE: 3:1: /);
    expect(failure('kind: Group\nmetadata: { name: a }\nkind: Group\n')).toBe('--catalog FILE: 3:1: duplicate key: a mapping may hold each key once (the later one would silently win)');
    // What the YAML reader refuses to parse at all
    expect(failure('['.repeat(100))).toBe('--catalog FILE: 1:66: the document is nested more than 64 levels deep (limits.maxDepth); it was not parsed');
  });
});
