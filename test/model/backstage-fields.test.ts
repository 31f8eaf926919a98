// Where a Backstage service's tier and stage come from (src/model/formats/backstage/fields.ts), and
// entity references as the catalog compares them (src/model/formats/backstage/refs.ts).
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { readTier, stageFromLifecycle } from '../../src/model/formats/backstage/fields.js';
import { DEFAULT_NAMESPACE, dependencyFromRef, entityKey, keyOfEntity, parseEntityRef, qualifiedName } from '../../src/model/formats/backstage/refs.js';

describe('stageFromLifecycle', () => {
  const map = resolveConfig({ backstage: { lifecycle: { Trial: 'transition' } } }).backstage.lifecycle;

  it('maps a lifecycle word in any case, trimmed, through the config', () => {
    expect(stageFromLifecycle('production', map)).toBe('operation');
    expect(stageFromLifecycle(' Production ', map)).toBe('operation');
    expect(stageFromLifecycle('PROPOSED', map)).toBe('strategy');
    expect(stageFromLifecycle('trial', map)).toBe('transition');
    expect(stageFromLifecycle('experimental', map)).toBe('design');
  });

  it('takes anything else, or nothing, for design', () => {
    expect(stageFromLifecycle('unknown', map)).toBe('design');
    expect(stageFromLifecycle('', map)).toBe('design');
    expect(stageFromLifecycle(undefined, map)).toBe('design');
    expect(stageFromLifecycle(3, map)).toBe('design');
    expect(stageFromLifecycle(['production'], map)).toBe('design');
    // Words the map inherits are no stage.
    expect(stageFromLifecycle('constructor', map)).toBe('design');
    expect(stageFromLifecycle('__proto__', map)).toBe('design');
    // A word mapped to something that is no stage.
    expect(stageFromLifecycle('odd', { odd: 'launch' as never })).toBe('design');
  });
});

describe('readTier', () => {
  const WARRANTY = { from: ['/spec/warranty/tier'], values: {} };
  const LABEL_FIRST = resolveConfig({ backstage: { tier: { from: ['metadata.labels.tier', 'spec.warranty.tier'], values: { gold: 'critical', ' Silver ': 'high', '2': 'medium' } } } }).backstage.tier;
  const entity = (label: unknown, tier?: unknown) => ({ metadata: { labels: { tier: label } }, spec: { warranty: { tier } } });

  it('reads spec.warranty.tier by default, a tier word in any case, or the word as written for the schema to judge', () => {
    expect(readTier({ spec: { warranty: { tier: 'high' } } }, WARRANTY)).toStrictEqual({ value: 'high', pointer: '/spec/warranty/tier' });
    expect(readTier({ spec: { warranty: { tier: ' Critical ' } } }, WARRANTY)).toStrictEqual({ value: 'critical', pointer: '/spec/warranty/tier' });
    expect(readTier({ spec: { warranty: { tier: 'gold' } } }, WARRANTY)).toStrictEqual({ value: 'gold', pointer: '/spec/warranty/tier' });
    expect(readTier({ spec: { warranty: { tier: 1 } } }, WARRANTY)).toStrictEqual({ value: 1, pointer: '/spec/warranty/tier' });
    expect(readTier({ spec: { warranty: { tier: true } } }, WARRANTY)).toStrictEqual({ value: true, pointer: '/spec/warranty/tier' });
    expect(readTier({ spec: {} }, WARRANTY)).toStrictEqual({ value: undefined, pointer: '/spec/warranty/tier' });
  });

  it('takes the first configured field that holds a value, its word mapped through the config', () => {
    expect(readTier(entity('gold', 'low'), LABEL_FIRST)).toStrictEqual({ value: 'critical', pointer: '/metadata/labels/tier' });
    expect(readTier(entity('silver'), LABEL_FIRST)).toStrictEqual({ value: 'high', pointer: '/metadata/labels/tier' });
    expect(readTier(entity(2), LABEL_FIRST)).toStrictEqual({ value: 'medium', pointer: '/metadata/labels/tier' });
    expect(readTier(entity('LOW'), LABEL_FIRST)).toStrictEqual({ value: 'low', pointer: '/metadata/labels/tier' });
    for (const empty of [undefined, null, '']) {
      expect(readTier(entity(empty, 'low'), LABEL_FIRST), String(empty)).toStrictEqual({ value: 'low', pointer: '/spec/warranty/tier' });
      expect(readTier(entity(empty, 'gold'), LABEL_FIRST), String(empty)).toStrictEqual({ value: 'critical', pointer: '/spec/warranty/tier' });
    }
    // A blank word is a value, and no tier.
    expect(readTier(entity(' ', 'low'), LABEL_FIRST).problem).toBe('metadata.labels.tier is " ", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config');
  });

  it('says once, at the value, that an organisation’s own field holds a word that is no tier', () => {
    expect(readTier(entity('tin', 'low'), LABEL_FIRST)).toStrictEqual({
      value: undefined,
      pointer: '/metadata/labels/tier',
      problem: 'metadata.labels.tier is "tin", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config',
    });
    expect(readTier(entity(7), LABEL_FIRST).problem).toMatch(/^metadata\.labels\.tier is "7", which is not a tier/);
    expect(readTier(entity(false), LABEL_FIRST).problem).toMatch(/^metadata\.labels\.tier is "false", which/);
    expect(readTier(entity({ a: 1 }), LABEL_FIRST).problem).toMatch(/^metadata\.labels\.tier is "\[object Object\]", which/);
    // A list is no word, even of one tier word.
    expect(readTier(entity(['high']), LABEL_FIRST)).toMatchObject({ value: undefined, problem: expect.stringMatching(/^metadata\.labels\.tier is "high", which is not a tier/) });
    expect(readTier(entity(['gold']), LABEL_FIRST).value).toBeUndefined();
    // Words the values inherit are no tier.
    expect(readTier(entity('constructor'), LABEL_FIRST)).toMatchObject({ value: undefined, problem: expect.stringContaining('"constructor"') });
    // A long word is cut to 40 characters; quotes in it are escaped.
    expect(readTier(entity(`"${'x'.repeat(60)}`), LABEL_FIRST).problem).toBe(`metadata.labels.tier is "\\"${'x'.repeat(39)}", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config`);
  });

  it('points at the first configured field when none holds a value, or at spec.warranty.tier when none is configured', () => {
    expect(readTier(entity(undefined), LABEL_FIRST)).toStrictEqual({ value: undefined, pointer: '/metadata/labels/tier' });
    expect(readTier({}, { from: [], values: {} })).toStrictEqual({ value: undefined, pointer: '/spec/warranty/tier' });
    expect(readTier('not an entity', { from: ['/metadata/annotations/tier'], values: {} })).toStrictEqual({ value: undefined, pointer: '/metadata/annotations/tier' });
  });
});

describe('entity references', () => {
  it('parses [kind:][namespace/]name, the kind in lower case, with the defaults given', () => {
    expect(DEFAULT_NAMESPACE).toBe('default');
    expect(parseEntityRef('Group:Billing/Team-A')).toStrictEqual({ kind: 'group', namespace: 'Billing', name: 'Team-A' });
    expect(parseEntityRef('  resource:db  ')).toStrictEqual({ kind: 'resource', namespace: 'default', name: 'db' });
    expect(parseEntityRef('billing/ledger')).toStrictEqual({ kind: 'component', namespace: 'billing', name: 'ledger' });
    expect(parseEntityRef('ledger', 'billing')).toStrictEqual({ kind: 'component', namespace: 'billing', name: 'ledger' });
    expect(parseEntityRef('ledger', 'billing', 'Group')).toStrictEqual({ kind: 'group', namespace: 'billing', name: 'ledger' });
    expect(parseEntityRef('user:jane', undefined, 'group')).toStrictEqual({ kind: 'user', namespace: 'default', name: 'jane' });
  });

  it('keeps what follows the first kind and namespace in the name', () => {
    expect(parseEntityRef('a:b/c/d')).toStrictEqual({ kind: 'a', namespace: 'b', name: 'c/d' });
    expect(parseEntityRef('a:b:c')).toStrictEqual({ kind: 'a', namespace: 'default', name: 'b:c' });
    expect(parseEntityRef(':x')).toStrictEqual({ kind: 'component', namespace: 'default', name: ':x' });
    expect(parseEntityRef('/x')).toStrictEqual({ kind: 'component', namespace: 'default', name: '/x' });
    expect(parseEntityRef('a/:b')).toStrictEqual({ kind: 'component', namespace: 'a', name: ':b' });
    expect(parseEntityRef('k:')).toStrictEqual({ kind: 'component', namespace: 'default', name: 'k:' });
    expect(parseEntityRef('  ')).toStrictEqual({ kind: 'component', namespace: 'default', name: '' });
    // A reference over two lines is no reference: kept whole as a name, never cut to one line.
    expect(parseEntityRef('resource:a\nb')).toStrictEqual({ kind: 'component', namespace: 'default', name: 'resource:a\nb' });
    expect(parseEntityRef('', 'billing', 'api')).toStrictEqual({ kind: 'api', namespace: 'billing', name: '' });
  });

  it('qualifies a name by a namespace other than default, in lower case', () => {
    expect(qualifiedName('default', 'ledger')).toBe('ledger');
    expect(qualifiedName('DEFAULT', 'Ledger')).toBe('Ledger');
    expect(qualifiedName('Billing', 'Ledger')).toBe('billing/Ledger');
    expect(qualifiedName('defaults', 'ledger')).toBe('defaults/ledger');
  });

  it('takes a component reference for a service and anything else for an outside dependency', () => {
    expect(dependencyFromRef('ledger', 'Billing')).toStrictEqual({ service: 'billing/ledger', external: false });
    expect(dependencyFromRef('Component:ledger', 'default')).toStrictEqual({ service: 'ledger', external: false });
    expect(dependencyFromRef('API:Billing/invoices', 'default')).toStrictEqual({ service: 'api:billing/invoices', external: true });
    expect(dependencyFromRef('resource:db', 'billing')).toStrictEqual({ service: 'resource:billing/db', external: true });
  });

  it('keys a reference or a name in lower case, a Component in default when it names neither', () => {
    expect(entityKey('Ledger')).toBe('component:default/ledger');
    expect(entityKey('Billing/Ledger')).toBe('component:billing/ledger');
    expect(entityKey('resource:payments-db')).toBe('resource:default/payments-db');
  });

  it('keys an entity document by kind, namespace and name, trimmed and in lower case', () => {
    expect(keyOfEntity('Component', ' Billing ', ' Ledger ')).toBe('component:billing/ledger');
    expect(keyOfEntity('Resource', undefined, 'db')).toBe('resource:default/db');
    expect(keyOfEntity('Resource', '  ', 'db')).toBe('resource:default/db');
    expect(keyOfEntity('Resource', 3, 'db')).toBe('resource:default/db');
    expect(keyOfEntity('Resource', 'ns', '  ')).toBeUndefined();
    expect(keyOfEntity('Resource', 'ns', '')).toBeUndefined();
    expect(keyOfEntity('Resource', 'ns', 3)).toBeUndefined();
    expect(keyOfEntity(undefined, 'ns', 'db')).toBeUndefined();
    expect(keyOfEntity(['Resource'], 'ns', 'db')).toBeUndefined();
  });
});
