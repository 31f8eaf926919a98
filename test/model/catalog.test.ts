// What a dependency may name (src/model/catalog.ts): a linted service by its name as written or by
// its entity key (kind and namespace in any case, defaults applied), an entity of the linted files,
// or an entity of a catalog export; the first service of a key wins, and an edit replaces one.
import { describe, expect, it } from 'vitest';
import { EntityCatalog, type KnownEntity } from '../../src/model/catalog.js';
import type { Service } from '../../src/model/types.js';

const svc = (name: string | null, file = 'a.yaml'): Service => ({ name, file }) as Service;
const dep = (service: string) => ({ service });

describe('EntityCatalog.service', () => {
  it('finds a service by its name as written, and by its key in another spelling', () => {
    const checkout = svc('checkout');
    const catalog = new EntityCatalog([svc(null), checkout]);
    expect(catalog.service(dep('checkout'))).toBe(checkout);
    expect(catalog.service(dep('component:default/checkout'))).toBe(checkout);
    expect(catalog.service(dep('Component:Default/Checkout'))).toBe(checkout);
    expect(catalog.service(dep('CHECKOUT'))).toBe(checkout);
    expect(catalog.service(dep('payments'))).toBeUndefined();
    expect(catalog.service(dep('resource:default/checkout'))).toBeUndefined();
  });

  it('gives the first service of a name, and of a key, not a later duplicate', () => {
    const first = svc('checkout', 'a.yaml');
    const second = svc('checkout', 'b.yaml');
    const catalog = new EntityCatalog([first, second]);
    expect(catalog.service(dep('checkout'))).toBe(first);
    expect(catalog.service(dep('component:default/checkout'))).toBe(first);

    const upper = svc('Checkout', 'c.yaml');
    const lower = svc('checkout', 'd.yaml');
    const byKey = new EntityCatalog([upper, lower]);
    // Each exact name has its own service; another spelling of the key gets the first of the key.
    expect(byKey.service(dep('checkout'))).toBe(lower);
    expect(byKey.service(dep('Checkout'))).toBe(upper);
    expect(byKey.service(dep('CHECKOUT'))).toBe(upper);
  });

  it('never takes an unnamed service for the key of "null"', () => {
    const catalog = new EntityCatalog([svc(null)]);
    expect(catalog.service(dep('null'))).toBeUndefined();
    expect(catalog.knows(dep('null'))).toBe(false);
  });
});

describe('EntityCatalog.keyOf', () => {
  it('applies the default kind and namespace, in lower case, and gives the same key when asked again', () => {
    const catalog = new EntityCatalog([]);
    expect(catalog.keyOf('Checkout')).toBe('component:default/checkout');
    expect(catalog.keyOf('Checkout')).toBe('component:default/checkout');
    expect(catalog.keyOf('resource:shop/db')).toBe('resource:shop/db');
  });
});

describe('EntityCatalog.knows', () => {
  const exported = new Map<string, KnownEntity>([
    ['component:default/billing', { key: 'component:default/billing', name: 'billing', tier: 'high' }],
    ['api:default/billing-api', { key: 'api:default/billing-api', name: 'api:billing-api' }],
  ]);
  const make = () => new EntityCatalog([svc('checkout')], new Set(['resource:default/orders-db']), exported);

  it('knows a linted service by name or key, an entity of the linted files, and one of the export', () => {
    const catalog = make();
    expect(catalog.knows(dep('checkout'))).toBe(true);
    expect(catalog.knows(dep('component:default/Checkout'))).toBe(true);
    expect(catalog.knows(dep('resource:orders-db'))).toBe(true);
    expect(catalog.knows(dep('Resource:Default/Orders-DB'))).toBe(true);
    expect(catalog.knows(dep('billing'))).toBe(true);
    expect(catalog.knows(dep('api:billing-api'))).toBe(true);
  });

  it('does not know what none of them names', () => {
    const catalog = make();
    expect(catalog.knows(dep('payments'))).toBe(false);
    expect(catalog.knows(dep('orders-db'))).toBe(false);
    expect(new EntityCatalog([]).knows(dep('checkout'))).toBe(false);
  });
});

describe('EntityCatalog.exportedService', () => {
  it("gives an export's entity only when it is a service (it has a tier)", () => {
    const billing: KnownEntity = { key: 'component:default/billing', name: 'billing', tier: 'high' };
    const exported = new Map<string, KnownEntity>([
      [billing.key, billing],
      ['api:default/billing-api', { key: 'api:default/billing-api', name: 'api:billing-api' }],
    ]);
    const catalog = new EntityCatalog([], new Set(), exported);
    expect(catalog.exportedService(dep('Billing'))).toBe(billing);
    expect(catalog.exportedService(dep('api:billing-api'))).toBeUndefined();
    expect(catalog.exportedService(dep('payments'))).toBeUndefined();
  });
});

describe('EntityCatalog.replace', () => {
  it('gives the new version by name and by key from then on', () => {
    const old = svc('checkout');
    const next = svc('checkout', 'edited.yaml');
    const catalog = new EntityCatalog([old]);
    // The keys are built before the edit: both maps must follow it.
    expect(catalog.service(dep('component:default/checkout'))).toBe(old);
    catalog.replace(old, next);
    expect(catalog.service(dep('checkout'))).toBe(next);
    expect(catalog.service(dep('component:default/checkout'))).toBe(next);
  });

  it('replaces before any key is built, and the keys then hold the new version', () => {
    const old = svc('checkout');
    const next = svc('checkout', 'edited.yaml');
    const catalog = new EntityCatalog([old]);
    catalog.replace(old, next);
    expect(catalog.service(dep('checkout'))).toBe(next);
    expect(catalog.service(dep('component:default/checkout'))).toBe(next);
  });

  it('leaves the first service of a name in place when a later duplicate is replaced', () => {
    const first = svc('checkout', 'a.yaml');
    const duplicate = svc('checkout', 'b.yaml');
    const catalog = new EntityCatalog([first, duplicate]);
    expect(catalog.service(dep('Checkout'))).toBe(first);
    catalog.replace(duplicate, svc('checkout', 'c.yaml'));
    expect(catalog.service(dep('checkout'))).toBe(first);
    expect(catalog.service(dep('Checkout'))).toBe(first);
  });

  it('refuses a replacement under another name, or of an unnamed service', () => {
    const catalog = new EntityCatalog([svc('checkout')]);
    expect(() => catalog.replace(svc('checkout'), svc('payments'))).toThrow('EntityCatalog.replace: a service is replaced by one of the same name');
    expect(() => catalog.replace(svc(null), svc(null))).toThrow('EntityCatalog.replace');
  });
});
