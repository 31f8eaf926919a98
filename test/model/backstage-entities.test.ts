// What a Backstage entity tells the rest of the catalog (src/model/formats/backstage/entities.ts):
// its key, the skeletons of a software Template, the targets of a Location, the entities of a
// catalog export known to dependencies, and why a Location target is not followed.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { entityFacts, knownEntity, targetNotFollowed } from '../../src/model/formats/backstage/entities.js';

const NONE = { template: false, skeletons: [], locations: [] };
const CONFIG = resolveConfig({});

describe('entityFacts', () => {
  it('tells nothing, not even a key, of a value that is no mapping', () => {
    for (const value of [null, undefined, 'Component', 3, true, ['kind', 'Component']]) {
      const facts = entityFacts(value);
      expect(facts).toStrictEqual(NONE);
      expect('key' in facts).toBe(false);
    }
    // An array is no entity, whatever it carries.
    const array = Object.assign([], { kind: 'Location', metadata: { name: 'x' }, spec: { target: './a.yaml' } });
    expect(entityFacts(array)).toStrictEqual(NONE);
  });

  it('keys an entity by kind, namespace and name in lower case, the namespace trimmed or defaulted', () => {
    expect(entityFacts({ kind: 'Resource', metadata: { name: 'Ledger-DB', namespace: ' Billing ' } }).key).toBe('resource:billing/ledger-db');
    expect(entityFacts({ kind: 'Component', metadata: { name: 'search' } }).key).toBe('component:default/search');
    expect(entityFacts({ kind: 'Component', metadata: { name: 'search', namespace: '  ' } }).key).toBe('component:default/search');
    expect(entityFacts({ kind: 'Component', metadata: { name: 'search', namespace: 7 } }).key).toBe('component:default/search');
    // No name, no kind, or a metadata that is no mapping: no key.
    expect(entityFacts({ kind: 'Component', metadata: {} }).key).toBeUndefined();
    expect(entityFacts({ metadata: { name: 'search' } }).key).toBeUndefined();
    expect(entityFacts({ kind: 'Component', metadata: 'search' }).key).toBeUndefined();
    expect(entityFacts({ kind: 'Component', metadata: Object.assign(['x'], { name: 'search' }) }).key).toBeUndefined();
  });

  describe('software Templates', () => {
    const template = (apiVersion: unknown, steps: unknown, kind = 'Template') => entityFacts({ apiVersion, kind, metadata: { name: 'new-service' }, spec: { steps } });
    const FETCH = [{ action: 'fetch:template', input: { url: './skeleton' } }];

    it('is a Template of scaffolder.backstage.io, or of backstage.io before it, and nothing else', () => {
      expect(template('scaffolder.backstage.io/v1beta3', []).template).toBe(true);
      expect(template('backstage.io/v1beta2', []).template).toBe(true);
      expect(template('other.backstage.io/v1', FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template('my.scaffolder.backstage.io/v1beta3', FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template('scaffolder.backstage.io', FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template('backstage.iox/v1', FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template(3, FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template(['scaffolder.backstage.io/v1beta3'], FETCH)).toMatchObject({ template: false, skeletons: [] });
      expect(template('scaffolder.backstage.io/v1beta3', FETCH, 'Component')).toMatchObject({ template: false, skeletons: [] });
      expect(template('scaffolder.backstage.io/v1beta3', FETCH, 'template')).toMatchObject({ template: false, skeletons: [] });
    });

    it('takes the url each fetch step fetches as a skeleton, in step order', () => {
      const facts = template('scaffolder.backstage.io/v1beta3', [
        { action: 'fetch:template', input: { url: './skeleton', values: {} } },
        { action: 'publish:github', input: { url: './not-a-skeleton' } },
        { action: 'fetch:plain', input: { url: './docs' } },
        { action: 'run:fetch:template', input: { url: './not-either' } },
        { action: 'fetch:template:file', input: { url: './one-file.yaml' } },
      ]);
      expect(facts).toStrictEqual({ key: 'template:default/new-service', template: true, skeletons: ['./skeleton', './docs', './one-file.yaml'], locations: [] });
    });

    it('skips steps that are no mapping, name no action or fetch nothing it can read', () => {
      const facts = template('scaffolder.backstage.io/v1beta3', [
        'fetch:template',
        null,
        Object.assign(['x'], { action: 'fetch:template', input: { url: './array-step' } }),
        { input: { url: './no-action' } },
        { action: 7, input: { url: './action-not-text' } },
        { action: 'fetch:template' },
        { action: 'fetch:template', input: './input-not-a-mapping' },
        { action: 'fetch:template', input: Object.assign(['x'], { url: './array-input' }) },
        { action: 'fetch:template', input: { url: 3 } },
        { action: 'fetch:template', input: { targetPath: './out' } },
        { action: 'fetch:cookiecutter', input: { url: './last' } },
      ]);
      expect(facts.template).toBe(true);
      expect(facts.skeletons).toEqual(['./last']);
    });

    it('has no skeletons when its steps are no list', () => {
      expect(template('scaffolder.backstage.io/v1beta3', { action: 'fetch:template', input: { url: './x' } })).toMatchObject({ template: true, skeletons: [] });
      expect(entityFacts({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', metadata: { name: 't' }, spec: 'steps' })).toMatchObject({ template: true, skeletons: [] });
      expect(entityFacts({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', metadata: { name: 't' } })).toMatchObject({ template: true, skeletons: [] });
    });
  });

  describe('Locations', () => {
    const location = (spec: unknown, kind = 'Location') => entityFacts({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'root' }, spec });

    it('takes spec.target, then each text of spec.targets, with the type and a pointer to each', () => {
      expect(location({ type: 'file', target: './a.yaml', targets: ['./b.yaml', 7, './c/*.yaml'] })).toStrictEqual({
        key: 'location:default/root',
        template: false,
        skeletons: [],
        locations: [
          { target: './a.yaml', type: 'file', pointer: '/spec/target' },
          { target: './b.yaml', type: 'file', pointer: '/spec/targets/0' },
          { target: './c/*.yaml', type: 'file', pointer: '/spec/targets/2' },
        ],
      });
    });

    it('leaves the type undefined when the Location names none as text', () => {
      expect(location({ target: './a.yaml' }).locations).toStrictEqual([{ target: './a.yaml', type: undefined, pointer: '/spec/target' }]);
      expect(location({ type: 3, targets: ['./a.yaml'] }).locations).toStrictEqual([{ target: './a.yaml', type: undefined, pointer: '/spec/targets/0' }]);
      expect(location({ type: 'url', targets: ['https://example.com/x.yaml'] }).locations).toStrictEqual([{ target: 'https://example.com/x.yaml', type: 'url', pointer: '/spec/targets/0' }]);
    });

    it('reads no target that is not text, no targets that are no list, and nothing of another kind', () => {
      expect(location({ target: 3, targets: './a.yaml' }).locations).toEqual([]);
      expect(location({ target: ['./a.yaml'], targets: { 0: './b.yaml' } }).locations).toEqual([]);
      expect(location('./a.yaml').locations).toEqual([]);
      expect(location(Object.assign([], { target: './a.yaml' })).locations).toEqual([]);
      expect(location({ target: './a.yaml' }, 'location').locations).toEqual([]);
      expect(location({ target: './a.yaml' }, 'Component').locations).toEqual([]);
    });
  });
});

describe('knownEntity', () => {
  it('knows nothing of a value that is no mapping, names no kind as text, or has no name', () => {
    expect(knownEntity(null, CONFIG)).toBeUndefined();
    expect(knownEntity('Component', CONFIG)).toBeUndefined();
    expect(knownEntity(Object.assign([], { kind: 'Resource', metadata: { name: 'db' } }), CONFIG)).toBeUndefined();
    expect(knownEntity({ kind: 3, metadata: { name: 'db' } }, CONFIG)).toBeUndefined();
    expect(knownEntity({ metadata: { name: 'db' } }, CONFIG)).toBeUndefined();
    expect(knownEntity({ kind: 'Resource', metadata: { name: '  ' } }, CONFIG)).toBeUndefined();
    expect(knownEntity({ kind: 'Resource', metadata: 'db' }, CONFIG)).toBeUndefined();
    expect(knownEntity({ kind: 'Resource', metadata: Object.assign([], { name: 'db' }) }, CONFIG)).toBeUndefined();
  });

  it('names another kind with its kind, in lower case, and the namespace outside default', () => {
    expect(knownEntity({ kind: 'Resource', metadata: { name: 'payments-db' } }, CONFIG)).toStrictEqual({ key: 'resource:default/payments-db', name: 'resource:payments-db' });
    expect(knownEntity({ kind: 'API', metadata: { name: ' invoice-api ', namespace: ' Billing ' } }, CONFIG)).toStrictEqual({ key: 'api:billing/invoice-api', name: 'api:billing/invoice-api' });
    expect(knownEntity({ kind: 'System', metadata: { name: 'payments', namespace: '' } }, CONFIG)).toStrictEqual({ key: 'system:default/payments', name: 'system:payments' });
    expect(knownEntity({ kind: 'System', metadata: { name: 'payments', namespace: '   ' } }, CONFIG)).toStrictEqual({ key: 'system:default/payments', name: 'system:payments' });
    expect(knownEntity({ kind: 'System', metadata: { name: 'payments', namespace: 5 } }, CONFIG)).toStrictEqual({ key: 'system:default/payments', name: 'system:payments' });
  });

  it('names a Component by its name alone, with no tier unless it is of a service type', () => {
    expect(knownEntity({ kind: 'Component', metadata: { name: 'auth-lib' }, spec: { type: 'library' } }, CONFIG)).toStrictEqual({ key: 'component:default/auth-lib', name: 'auth-lib' });
    expect(knownEntity({ kind: 'Component', metadata: { name: 'auth-lib', namespace: 'Auth' }, spec: { type: 3 } }, CONFIG)).toStrictEqual({ key: 'component:auth/auth-lib', name: 'auth/auth-lib' });
    expect(knownEntity({ kind: 'Component', metadata: { name: 'auth-lib' }, spec: 'service' }, CONFIG)).toStrictEqual({ key: 'component:default/auth-lib', name: 'auth-lib' });
    expect(knownEntity({ kind: 'Component', metadata: { name: 'auth-lib' }, spec: Object.assign([], { type: 'service' }) }, CONFIG)).toStrictEqual({ key: 'component:default/auth-lib', name: 'auth-lib' });
    // Kind in any case.
    expect(knownEntity({ kind: 'COMPONENT', metadata: { name: 'web' }, spec: { type: 'website' } }, CONFIG)).toStrictEqual({ key: 'component:default/web', name: 'web' });
  });

  it('gives a service its tier, read as the config says, and medium when it states none that is a tier', () => {
    const service = (warranty: unknown, extra: Record<string, unknown> = {}) => ({ kind: 'Component', metadata: { name: 'payments', ...extra }, spec: { type: 'service', warranty } });
    expect(knownEntity(service({ tier: 'critical' }), CONFIG)).toStrictEqual({ key: 'component:default/payments', name: 'payments', tier: 'critical' });
    expect(knownEntity(service({ tier: 'Low' }), CONFIG)?.tier).toBe('low');
    expect(knownEntity(service({ tier: 'high' }), CONFIG)?.tier).toBe('high');
    expect(knownEntity(service({ tier: 'gold' }), CONFIG)?.tier).toBe('medium');
    expect(knownEntity(service({ tier: 1 }), CONFIG)?.tier).toBe('medium');
    expect(knownEntity(service(undefined), CONFIG)).toStrictEqual({ key: 'component:default/payments', name: 'payments', tier: 'medium' });
    const own = resolveConfig({ backstage: { serviceTypes: ['website'], tier: { from: 'metadata.labels.tier', values: { gold: 'critical', '1': 'high' } } } });
    const website = (tier: unknown) => ({ kind: 'Component', metadata: { name: 'shop', labels: { tier } }, spec: { type: 'website' } });
    expect(knownEntity(website('gold'), own)?.tier).toBe('critical');
    expect(knownEntity(website(1), own)?.tier).toBe('high');
    expect(knownEntity(website('bronze'), own)?.tier).toBe('medium');
    expect(knownEntity(service({ tier: 'critical' }), own)).toStrictEqual({ key: 'component:default/payments', name: 'payments' });
  });
});

describe('targetNotFollowed', () => {
  const why = (target: string, type?: string) => targetNotFollowed({ target, type, pointer: '/spec/target' });

  it('follows relative files and globs of type file or url, or of no type', () => {
    for (const target of ['./a.yaml', 'a.yaml', '../b/catalog-info.yaml', 'teams/*/catalog-info.yaml', 'c:relative.yaml', 'docs/https://x.yaml', 'x/c:/y.yaml', 'x//y.yaml']) {
      expect(why(target)).toBeUndefined();
      expect(why(target, 'file')).toBeUndefined();
      expect(why(target, 'url')).toBeUndefined();
    }
  });

  it('does not follow a type a Backstage provider reads', () => {
    expect(why('./a.yaml', 'github-discovery')).toBe('its type "github-discovery" is read by a Backstage provider, not from a file');
    expect(why('./a.yaml', '')).toBe('its type "" is read by a Backstage provider, not from a file');
    expect(why('./a.yaml', 'File')).toBe('its type "File" is read by a Backstage provider, not from a file');
  });

  it('does not follow a URL, whatever its scheme', () => {
    const url = 'it is a URL, and warranty-lint reads files of the repository only';
    for (const target of ['https://github.com/o/r/blob/main/catalog-info.yaml', 'HTTP://example.com/x.yaml', 'git+ssh://host/x', 'svn.x-y://h/x', 'a2:x', 'ab:x', '//host/share/x.yaml']) {
      expect(why(target), target).toBe(url);
      expect(why(target, 'url'), target).toBe(url);
    }
  });

  it('does not follow an absolute path, POSIX or Windows', () => {
    const absolute = 'it is an absolute path; targets are read relative to the Location';
    for (const target of ['/etc/catalog.yaml', '/', 'C:\\catalog\\x.yaml', 'c:/catalog/x.yaml', 'D:/x']) expect(why(target, 'file'), target).toBe(absolute);
  });

  it('does not follow an empty target', () => {
    expect(why('')).toBe('it is empty');
    expect(why('  \t')).toBe('it is empty');
  });
});
