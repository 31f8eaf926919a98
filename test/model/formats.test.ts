// The input formats (src/model/formats/): which format owns a document, the markers that make a
// file ours even when it cannot be parsed, and where native and Backstage documents keep each part
// of a service.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintBytes } from '../../src/engine/process-file.js';
import { backstage, classifyBackstage } from '../../src/model/formats/backstage.js';
import { bytesHaveOurApiVersion, FORMATS, formatTitles, hasOurApiVersion, markersIn, recognise } from '../../src/model/formats/index.js';
import { isNativeDocument, native } from '../../src/model/formats/native.js';
import { listWords } from '../../src/model/list-words.js';
import { openslo } from '../../src/model/slo/openslo.js';
import { sloth } from '../../src/model/slo/sloth.js';

const CONFIG = resolveConfig({});

describe('recognise', () => {
  it('takes null and undefined for an empty document', () => {
    expect(recognise(null, CONFIG)).toStrictEqual({ kind: 'empty' });
    expect(recognise(undefined, CONFIG)).toStrictEqual({ kind: 'empty' });
  });

  it('gives a document to the first format that recognises it, with what it is', () => {
    expect(recognise({ apiVersion: 'warranty-lint/v1', kind: 'Service' }, CONFIG)).toStrictEqual({ kind: 'service', format: native });
    expect(recognise({ apiVersion: 'warranty-lint/v9', kind: 'Anything' }, CONFIG)).toStrictEqual({ kind: 'service', format: native });
    expect(recognise({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: { type: 'service' } }, CONFIG)).toStrictEqual({ kind: 'service', format: backstage });
    expect(recognise({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: { type: 'library' } }, CONFIG)).toStrictEqual({ kind: 'other', format: backstage });
  });

  it('takes an SLO document for one, saying whether it states objectives', () => {
    expect(recognise({ apiVersion: 'openslo/v1', kind: 'SLO', spec: {} }, CONFIG)).toStrictEqual({ kind: 'slo', slo: openslo, objectives: true });
    expect(recognise({ apiVersion: 'openslo/v1', kind: 'Service', spec: {} }, CONFIG)).toStrictEqual({ kind: 'slo', slo: openslo, objectives: false });
    expect(recognise({ version: 'prometheus/v1', service: 'payments', slos: [] }, CONFIG)).toStrictEqual({ kind: 'slo', slo: sloth, objectives: true });
  });

  it('takes anything else for someone else’s YAML', () => {
    expect(recognise({}, CONFIG)).toStrictEqual({ kind: 'foreign' });
    expect(recognise('apiVersion: warranty-lint/v1', CONFIG)).toStrictEqual({ kind: 'foreign' });
    expect(recognise(0, CONFIG)).toStrictEqual({ kind: 'foreign' });
    expect(recognise({ apiVersion: 'v1', kind: 'ConfigMap' }, CONFIG)).toStrictEqual({ kind: 'foreign' });
    expect(recognise({ version: 'prometheus/v1' }, CONFIG)).toStrictEqual({ kind: 'foreign' });
  });
});

describe('markersIn and hasOurApiVersion', () => {
  const both = (text: string) => ({ ...markersIn(text), any: hasOurApiVersion(text) });
  const SERVICE = { service: true, slo: false, any: true };
  const SLO = { service: false, slo: true, any: true };
  const NONE = { service: false, slo: false, any: false };

  it('finds a service format’s apiVersion at column 1, plain or quoted, key or value', () => {
    expect(both('apiVersion: warranty-lint/v1\nkind: Service\n')).toEqual(SERVICE);
    expect(both('# a service\nkind: Component\napiVersion: backstage.io/v1alpha1\n')).toEqual(SERVICE);
    expect(both('apiVersion: scaffolder.backstage.io/v1beta3\n')).toEqual(SERVICE);
    expect(both('"apiVersion": "warranty-lint/v1"\n')).toEqual(SERVICE);
    expect(both("'apiVersion': 'warranty-lint/v1'\n")).toEqual(SERVICE);
    expect(both('apiVersion : warranty-lint/v1\n')).toEqual(SERVICE);
    expect(both('apiVersion:\twarranty-lint/v1 # comment\n')).toEqual(SERVICE);
    expect(both('kind: Service\r\napiVersion: warranty-lint/v1\r\n')).toEqual(SERVICE);
  });

  it('finds an SLO format’s marker: OpenSLO’s apiVersion, Sloth’s version', () => {
    expect(both('apiVersion: openslo/v1\nkind: SLO\n')).toEqual(SLO);
    expect(both('version: prometheus/v1\nservice: payments\n')).toEqual(SLO);
    expect(both('version: "prometheus/v1"\n')).toEqual(SLO);
    expect(both("'version': prometheus/v1\n")).toEqual(SLO);
    expect(both('apiVersion: warranty-lint/v1\n---\nversion: prometheus/v1\n')).toEqual({ service: true, slo: true, any: true });
  });

  it('takes a marker only under its own key and with a value of its format', () => {
    expect(both('version: warranty-lint/v1\n')).toEqual(NONE);
    expect(both('apiVersion: prometheus/v1\n')).toEqual(NONE);
    expect(both('version: prometheus/v1beta\n')).toEqual(NONE);
    expect(both('version: openslo/v1\n')).toEqual(NONE);
    expect(both('apiVersion: v1\nkind: ConfigMap\n')).toEqual(NONE);
    expect(both('apiVersion: example.com/warranty-lint/v1\n')).toEqual(NONE);
    expect(both('myapiVersion: warranty-lint/v1\napiVersions: warranty-lint/v1\nxversion: prometheus/v1\n')).toEqual(NONE);
    expect(both('"apiVersion\': warranty-lint/v1\n')).toEqual(NONE);
    expect(both('apiVersion: "#warranty-lint/v1"\n')).toEqual(NONE);
    expect(both('apiVersion:\n  warranty-lint/v1\n')).toEqual(NONE);
    expect(both('# apiVersion: warranty-lint/v1\nkind: x\n')).toEqual(NONE);
    expect(both('')).toEqual(NONE);
  });

  it('takes no indented key in YAML: it belongs to something nested', () => {
    expect(both('values:\n  apiVersion: warranty-lint/v1\n')).toEqual(NONE);
    expect(both('values:\n\tapiVersion: warranty-lint/v1\n')).toEqual(NONE);
    expect(both('values:\n  "apiVersion": "warranty-lint/v1"\n')).toEqual(NONE);
    expect(both('---\n{"apiVersion": "warranty-lint/v1"}\n')).toEqual(NONE);
    expect(both('items: [\n[{"version": "prometheus/v1"}]]\n')).toEqual(NONE);
  });

  it('takes a quoted key wherever it is indented in JSON', () => {
    expect(both('{"apiVersion": "warranty-lint/v1", "kind": "Service"}')).toEqual(SERVICE);
    expect(both('{\n  "kind": "SLO",\n  "apiVersion": "openslo/v1"\n}\n')).toEqual(SLO);
    expect(both('\n  [ {"apiVersion":"backstage.io/v1alpha1"} ]')).toEqual(SERVICE);
    expect(both('[{ "version" : "prometheus/v1" }]')).toEqual(SLO);
    expect(both('{\n\t"apiVersion":\t"warranty-lint/v1"\n}')).toEqual(SERVICE);
    // Unquoted keys are YAML's flow style, not JSON.
    expect(both('{\n  apiVersion: warranty-lint/v1\n}')).toEqual(NONE);
  });

  it('gives the same answer however often it is asked', () => {
    const text = 'kind: a\napiVersion: warranty-lint/v1\n';
    expect(markersIn(text)).toEqual({ service: true, slo: false });
    expect(markersIn('kind: a\n')).toEqual({ service: false, slo: false });
    expect(markersIn(text)).toEqual({ service: true, slo: false });
  });
});

describe('bytesHaveOurApiVersion', () => {
  const utf16be = (text: string) => {
    const b = Buffer.from(text, 'utf16le');
    b.swap16();
    return b;
  };

  it('reads bytes that are not UTF-8 as Latin-1', () => {
    expect(bytesHaveOurApiVersion(Buffer.from('apiVersion: warranty-lint/v1\nname: caf\xe9\n', 'latin1'))).toBe(true);
    expect(bytesHaveOurApiVersion(Buffer.from('kind: caf\xe9\n', 'latin1'))).toBe(false);
    expect(bytesHaveOurApiVersion(Buffer.from([0xff, 0xfe, 0xfd]))).toBe(false);
  });

  it('reads bytes with zero bytes as UTF-16 in either byte order', () => {
    expect(bytesHaveOurApiVersion(Buffer.from('apiVersion: backstage.io/v1alpha1\n', 'utf16le'))).toBe(true);
    expect(bytesHaveOurApiVersion(utf16be('apiVersion: warranty-lint/v1\n'))).toBe(true);
    expect(bytesHaveOurApiVersion(Buffer.from('kind: Service\n', 'utf16le'))).toBe(false);
    expect(bytesHaveOurApiVersion(utf16be('kind: Service\n'))).toBe(false);
  });

  // A bug fixed: the byte order mark hid a marker on the first line, so a walk skipped a file of
  // ours that was too large or not valid text silently instead of saying why it could not read it.
  it('takes a marker on the first line after a byte order mark, UTF-8 or UTF-16', () => {
    const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]);
    expect(bytesHaveOurApiVersion(utf8Bom('apiVersion: warranty-lint/v1\nname: caf\xe9\n'))).toBe(true);
    expect(bytesHaveOurApiVersion(utf8Bom('version: prometheus/v1\n\xff'))).toBe(true);
    expect(bytesHaveOurApiVersion(Buffer.from('\ufeffapiVersion: openslo/v1\n\ud800', 'utf16le'))).toBe(true);
    expect(bytesHaveOurApiVersion(utf16be('\ufeffversion: prometheus/v1\n'))).toBe(true);
    // Only a mark at the very start is one.
    expect(bytesHaveOurApiVersion(Buffer.from('\n\ufeffapiVersion: openslo/v1\n', 'utf16le'))).toBe(false);
    expect(bytesHaveOurApiVersion(utf8Bom('\xef\xbb\xbfapiVersion: warranty-lint/v1\n'))).toBe(false);
    expect(bytesHaveOurApiVersion(utf8Bom('kind: x\n'))).toBe(false);
    // A walk reports such a file as ours instead of skipping it.
    const config = resolveConfig({});
    const walked = (bytes: Uint8Array) => lintBytes(bytes, { path: 'svc.yaml', file: 'svc.yaml', explicit: false }, { config, today: 0 }).findings.map((f) => f.ruleId);
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: warranty-lint/v1\nkind: Service\n', 'utf16le'), Buffer.from([0x41])]);
    expect(walked(broken)).toEqual(['yaml-syntax']);
    expect(walked(utf8Bom('apiVersion: warranty-lint/v1\nname: caf\xe9\n'))).toEqual(['yaml-syntax']);
    expect(walked(utf8Bom('kind: x\nname: caf\xe9\n'))).toEqual([]);
  });

  it('reads an odd number of bytes as UTF-16 without its last byte', () => {
    expect(bytesHaveOurApiVersion(Buffer.concat([utf16be('apiVersion: warranty-lint/v1\n'), Buffer.from([0x41])]))).toBe(true);
    expect(bytesHaveOurApiVersion(Buffer.concat([utf16be('kind: x\n'), Buffer.from([0x41])]))).toBe(false);
    expect(bytesHaveOurApiVersion(Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\n', 'utf16le'), Buffer.from([0])]))).toBe(true);
  });

  it('reads only the bytes of the view it is given', () => {
    const whole = Buffer.from('apiVersion: warranty-lint/v1\n\xff kind: x\n', 'latin1');
    const start = whole.indexOf('\xff', 0, 'latin1');
    expect(bytesHaveOurApiVersion(new Uint8Array(whole.buffer, whole.byteOffset + start, whole.length - start))).toBe(false);
    expect(bytesHaveOurApiVersion(new Uint8Array(whole.buffer, whole.byteOffset, start))).toBe(true);
  });
});

describe('listWords', () => {
  it('joins words with commas, and the conjunction ("and" unless told "or") before the last', () => {
    expect(listWords([], 'or')).toBe('');
    expect(listWords(['a'], 'or')).toBe('a');
    expect(listWords(['a', 'b'], 'or')).toBe('a or b');
    expect(listWords(['a', 'b', 'c', 'd'], 'or')).toBe('a, b, c or d');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('formatTitles', () => {
  it('names every format, the last after "or"', () => {
    expect(formatTitles()).toBe('a warranty-lint/v1 Service or a Backstage Component of a service type');
    expect(FORMATS.map((f) => f.id)).toEqual(['native', 'backstage']);
  });
});

describe('the native format', () => {
  it('recognises any warranty-lint apiVersion, as text at the start, as a service', () => {
    expect(isNativeDocument({ apiVersion: 'warranty-lint/v1' })).toBe(true);
    expect(native.recognise({ apiVersion: 'warranty-lint/v2', kind: 'Other' }, CONFIG)).toBe('service');
    for (const value of [null, 'warranty-lint/v1', { apiVersion: ['warranty-lint/v1'] }, { apiVersion: 'x/warranty-lint/v1' }, { apiVersion: 'warranty-lint' }, Object.assign([], { apiVersion: 'warranty-lint/v1' })]) {
      expect(isNativeDocument(value)).toBe(false);
      expect(native.recognise(value, CONFIG)).toBeUndefined();
    }
  });

  it('describes itself', () => {
    expect(native).toMatchObject({ id: 'native', title: 'a warranty-lint/v1 Service', schema: 'service.schema.json' });
    expect(native.apiVersion.test('warranty-lint/v1')).toBe(true);
    expect(native.apiVersion.test('backstage.io/v1alpha1')).toBe(false);
    expect(native.whyNoService(CONFIG)).toBe('it holds no warranty-lint/v1 Service');
    expect(native.facts).toBeUndefined();
  });

  it('keeps each part of a service where SPEC §2 puts it', () => {
    const value = {
      apiVersion: 'warranty-lint/v1',
      kind: 'Service',
      metadata: { name: 'payments', tier: 'critical', lifecycleStage: 'operation', owner: 'team-payments' },
      spec: { warranty: { availability: {} }, dependsOn: ['ledger'], waivers: [{ rule: 'x' }] },
    };
    const layout = native.layout(value, 'svc.yaml', 2, CONFIG);
    expect({ ...layout, dependency: undefined }).toStrictEqual({
      source: 'native',
      file: 'svc.yaml',
      doc: 2,
      name: 'payments',
      tier: 'critical',
      stage: 'operation',
      owner: 'team-payments',
      warranty: { availability: {} },
      dependsOn: ['ledger'],
      waivers: [{ rule: 'x' }],
      pointers: {
        name: '/metadata/name',
        owner: '/metadata/owner',
        tier: '/metadata/tier',
        stage: '/metadata/lifecycleStage',
        spec: '/spec',
        warranty: '/spec/warranty',
        dependsOn: '/spec/dependsOn',
        waivers: '/spec/waivers',
      },
      dependency: undefined,
    });
  });

  it('reads nothing from metadata or spec that is no mapping', () => {
    for (const odd of ['x', ['payments'], Object.assign([], { name: 'payments', warranty: {} })]) {
      const layout = native.layout({ apiVersion: 'warranty-lint/v1', metadata: odd, spec: odd }, 'a.yaml', 0, CONFIG);
      expect([layout.name, layout.tier, layout.stage, layout.owner, layout.warranty, layout.dependsOn, layout.waivers]).toEqual(Array(7).fill(undefined));
    }
  });

  it('turns a name or a {service, kind} entry into a dependency, and nothing else', () => {
    const { dependency } = native.layout({ apiVersion: 'warranty-lint/v1' }, 'a.yaml', 0, CONFIG);
    expect(dependency('ledger')).toStrictEqual({ service: 'ledger', kind: 'hard', external: false });
    expect(dependency({ service: 'ledger' })).toStrictEqual({ service: 'ledger', kind: 'hard', external: false });
    expect(dependency({ service: 'ledger', kind: 'soft' })).toStrictEqual({ service: 'ledger', kind: 'soft', external: false });
    expect(dependency({ service: 'ledger', kind: 'hard' })).toStrictEqual({ service: 'ledger', kind: 'hard', external: false });
    expect(dependency({ service: 'ledger', kind: 'Soft' })).toStrictEqual({ service: 'ledger', kind: 'hard', external: false });
    for (const raw of ['', 3, null, undefined, ['ledger'], {}, { service: '' }, { service: 3 }, { name: 'ledger' }, Object.assign([], { service: 'ledger' })]) {
      expect(dependency(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});

describe('the Backstage format', () => {
  it('classifies Backstage entities: a Component of a service type is a service, anything else other', () => {
    const types = ['service', 'website'];
    const component = (apiVersion: unknown, spec: unknown, kind = 'Component') => classifyBackstage({ apiVersion, kind, metadata: { name: 'x' }, spec }, types);
    expect(component('backstage.io/v1alpha1', { type: 'service' })).toBe('service');
    expect(component('backstage.io/v1beta1', { type: 'website' })).toBe('service');
    expect(component('backstage.io/v1alpha1', { type: 'library' })).toBe('other');
    expect(component('backstage.io/v1alpha1', { type: 'Service' })).toBe('other');
    expect(component('backstage.io/v1alpha1', { type: ['service'] })).toBe('other');
    expect(component('backstage.io/v1alpha1', 'service')).toBe('other');
    expect(component('backstage.io/v1alpha1', Object.assign([], { type: 'service' }))).toBe('other');
    expect(component('backstage.io/v1alpha1', undefined)).toBe('other');
    // Another version of the kind, or another kind: other.
    expect(component('backstage.io/v1beta2', { type: 'service' })).toBe('other');
    expect(component('backstage.io/v1alpha1x', { type: 'service' })).toBe('other');
    expect(component('backstage.io/v1alpha', { type: 'service' })).toBe('other');
    expect(component('scaffolder.backstage.io/v1alpha1', { type: 'service' })).toBe('other');
    expect(component('backstage.io/v1alpha1', { type: 'service' }, 'Resource')).toBe('other');
    expect(component('backstage.io/v1alpha1', { type: 'service' }, 'component')).toBe('other');
    expect(component('my-plugin.backstage.io/v1', {}, 'Thing')).toBe('other');
    expect(component('a.b-c.backstage.io/v1', {}, 'Thing')).toBe('other');
    expect(classifyBackstage({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: { type: 'service' } }, [])).toBe('other');
  });

  it('leaves anything not Backstage’s to other formats', () => {
    for (const value of [null, 'backstage.io/v1alpha1', ['backstage.io/v1alpha1'], Object.assign([], { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: { type: 'service' } })]) {
      expect(classifyBackstage(value, ['service'])).toBeUndefined();
    }
    for (const apiVersion of [undefined, 3, ['backstage.io/v1alpha1'], 'Backstage.io/v1alpha1', 'xbackstage.io/v1', 'backstage.io', 'backstageXio/v1', 'a_b.backstage.io/v1', '.backstage.io/v1', 'example.com/backstage.io/v1', 'warranty-lint/v1']) {
      expect(classifyBackstage({ apiVersion, kind: 'Component', spec: { type: 'service' } }, ['service']), String(apiVersion)).toBeUndefined();
    }
  });

  it('recognises through the config’s service types', () => {
    const value = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: { type: 'website' } };
    expect(backstage.recognise(value, CONFIG)).toBe('other');
    expect(backstage.recognise(value, resolveConfig({ backstage: { serviceTypes: ['website'] } }))).toBe('service');
    expect(backstage.recognise({ apiVersion: 'v1' }, CONFIG)).toBeUndefined();
  });

  it('describes itself, and tells entity facts', () => {
    expect(backstage).toMatchObject({ id: 'backstage', title: 'a Backstage Component of a service type', schema: 'backstage.schema.json' });
    expect(backstage.apiVersion.test('scaffolder.backstage.io/v1beta3')).toBe(true);
    expect(backstage.apiVersion.test('warranty-lint/v1')).toBe(false);
    expect(backstage.facts?.({ kind: 'Resource', metadata: { name: 'DB' } })).toStrictEqual({ key: 'resource:default/db', template: false, skeletons: [], locations: [] });
  });

  it('says why a file of Backstage entities holds no service, quoting each service type', () => {
    const why = (serviceTypes: string[]) => backstage.whyNoService(resolveConfig({ backstage: { serviceTypes } }));
    expect(why([])).toBe('it holds Backstage entities only, and backstage.serviceTypes in the config is empty');
    expect(why(['service'])).toBe('its Backstage entities include no Component whose spec.type is "service" (backstage.serviceTypes in the config)');
    expect(why(['service', 'website'])).toBe('its Backstage entities include no Component whose spec.type is "service" or "website" (backstage.serviceTypes in the config)');
    expect(why(['a', 'b', 'c'])).toBe('its Backstage entities include no Component whose spec.type is "a", "b" or "c" (backstage.serviceTypes in the config)');
  });

  describe('layout', () => {
    const COMPONENT = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'ledger', namespace: ' Billing ' },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:billing/team', dependsOn: ['resource:db'], warranty: { tier: 'high', lifecycleStage: 'transition', waivers: [{ rule: 'x' }] } },
    };

    it('keeps each part of a service where a catalog-info.yaml Component keeps it', () => {
      const layout = backstage.layout(COMPONENT, 'catalog-info.yaml', 3, CONFIG);
      expect({ ...layout, dependency: undefined }).toStrictEqual({
        source: 'backstage',
        file: 'catalog-info.yaml',
        doc: 3,
        name: 'billing/ledger',
        tier: 'high',
        defaultTier: 'medium',
        stage: 'transition',
        defaultStage: 'operation',
        owner: 'group:billing/team',
        warranty: COMPONENT.spec.warranty,
        warrantyAbsent: false,
        dependsOn: ['resource:db'],
        waivers: [{ rule: 'x' }],
        pointers: {
          name: '/metadata/name',
          owner: '/spec/owner',
          tier: '/spec/warranty/tier',
          stage: '/spec/warranty/lifecycleStage',
          spec: '/spec',
          warranty: '/spec/warranty',
          dependsOn: '/spec/dependsOn',
          waivers: '/spec/warranty/waivers',
        },
        problems: [],
        dependency: undefined,
      });
    });

    it('names a Component of the default namespace, or of none, by its name alone', () => {
      const named = (metadata: unknown) => backstage.layout({ ...COMPONENT, metadata }, 'c.yaml', 0, CONFIG).name;
      expect(named({ name: 'ledger' })).toBe('ledger');
      expect(named({ name: 'ledger', namespace: 'Default' })).toBe('ledger');
      expect(named({ name: 'ledger', namespace: '   ' })).toBe('ledger');
      expect(named({ name: 'ledger', namespace: 4 })).toBe('ledger');
      expect(named({ name: 'ledger', namespace: 'payments' })).toBe('payments/ledger');
      // A name that is no text, or empty, is kept as written for the schema to report.
      expect(named({ name: '', namespace: 'payments' })).toBe('');
      expect(named({ name: 7, namespace: 'payments' })).toBe(7);
      expect(named('ledger')).toBeUndefined();
      expect(named(Object.assign([], { name: 'ledger' }))).toBeUndefined();
    });

    it('reads no part from a spec or warranty that is no mapping, and says the warranty is absent', () => {
      const bare = backstage.layout({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: 'service' }, 'c.yaml', 0, CONFIG);
      expect([bare.owner, bare.warranty, bare.dependsOn, bare.waivers, bare.stage, bare.tier]).toEqual(Array(6).fill(undefined));
      expect(bare.warrantyAbsent).toBe(true);
      expect(bare.defaultStage).toBe('design');
      const arrays = backstage.layout(
        { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: Object.assign([], { owner: 'o', warranty: {} }) },
        'c.yaml',
        0,
        CONFIG,
      );
      expect([arrays.owner, arrays.warranty, arrays.warrantyAbsent]).toEqual([undefined, undefined, true]);
      const oddWarranty = backstage.layout({ ...COMPONENT, spec: { ...COMPONENT.spec, warranty: Object.assign([], { lifecycleStage: 'operation', waivers: [] }) } }, 'c.yaml', 0, CONFIG);
      expect([oddWarranty.stage, oddWarranty.waivers, oddWarranty.warrantyAbsent]).toEqual([undefined, undefined, false]);
      expect(backstage.layout({ ...COMPONENT, spec: { ...COMPONENT.spec, warranty: null } }, 'c.yaml', 0, CONFIG).warrantyAbsent).toBe(false);
    });

    it('reads the tier and stage as the config says, with a problem for a word that is no tier', () => {
      const config = resolveConfig({ backstage: { tier: { from: 'metadata.labels.tier', values: { gold: 'critical' } }, lifecycle: { GA: 'operation', trial: 'transition' } } });
      const labelled = (tier: string, lifecycle: string) => backstage.layout({ ...COMPONENT, metadata: { name: 'x', labels: { tier } }, spec: { ...COMPONENT.spec, lifecycle } }, 'c.yaml', 0, config);
      const gold = labelled('gold', 'trial');
      expect([gold.tier, gold.pointers.tier, gold.problems, gold.defaultStage]).toEqual(['critical', '/metadata/labels/tier', [], 'transition']);
      const tin = labelled('tin', 'GA');
      expect([tin.tier, tin.defaultStage]).toEqual([undefined, 'operation']);
      expect(tin.problems).toStrictEqual([
        { pointer: '/metadata/labels/tier', message: 'metadata.labels.tier is "tin", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config' },
      ]);
    });

    it('turns a dependsOn reference into a hard dependency, in the Component’s namespace', () => {
      const { dependency } = backstage.layout(COMPONENT, 'c.yaml', 0, CONFIG);
      expect(dependency('component:payments')).toStrictEqual({ service: 'billing/payments', external: false, kind: 'hard' });
      expect(dependency(' payments ')).toStrictEqual({ service: 'billing/payments', external: false, kind: 'hard' });
      expect(dependency('resource:default/db')).toStrictEqual({ service: 'resource:db', external: true, kind: 'hard' });
      for (const raw of ['', '  ', 3, null, { service: 'payments' }]) expect(dependency(raw), JSON.stringify(raw)).toBeNull();
      const own = backstage.layout({ ...COMPONENT, metadata: { name: 'ledger' } }, 'c.yaml', 0, CONFIG);
      expect(own.dependency('payments')).toStrictEqual({ service: 'payments', external: false, kind: 'hard' });
    });
  });
});
