import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { parseDocuments } from './support/parse.js';
import { classifyBackstage, dependencyFromRef, entityKey, parseEntityRef, readTier, stageFromLifecycle } from '../src/model/formats/backstage.js';
import { EntityCatalog } from '../src/model/catalog.js';
import { fieldPointer } from '../src/config/resolve.js';
import type { Service } from '../src/model/types.js';
import { validateAgainst } from '../src/schema/validate.js';
import { lintYaml, positionsOf, rulesOf, type YamlFile } from './support/lint-yaml.js';

const NOW = '2026-11-26';
const CATALOG = join(import.meta.dirname, 'fixtures', 'backstage', 'catalog');
const fixture = (path: string): YamlFile => ({ file: `catalog/${path}`, text: readFileSync(join(CATALOG, path), 'utf8') });

const PAYMENTS = fixture('payments/catalog-info.yaml');
const AUTH = fixture('auth/catalog-info.yaml');
const BILLING = fixture('billing/catalog-info.yaml');
const DOCS_SITE = fixture('docs-site/catalog-info.yaml');
const FX_RATES = fixture('native/fx-rates.yaml');

const serviceNamed = (result: LintResult, name: string): Service => {
  const s = result.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name} in ${result.services.map((x) => x.name).join(', ')}`);
  return s;
};
const findingsIn = (result: LintResult, file: string) => result.findings.filter((f) => f.file === file);
const AREA_POINTERS = ['availability', 'capacity', 'continuity', 'security'].map((a) => `/spec/warranty/${a}`);

/** A service Component with a complete low-tier warranty; tests change one thing at a time. */
const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  type: service
  lifecycle: experimental
  owner: group:default/team-search
  system: discovery
  warranty:
    tier: low
    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }
    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }
    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }
    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }
`;

describe('Backstage entity refs and classification', () => {
  it('parses [kind:][namespace/]name, defaulting the kind to component and the namespace to the referrer’s', () => {
    expect(parseEntityRef('component:default/auth-service')).toEqual({ kind: 'component', namespace: 'default', name: 'auth-service' });
    expect(parseEntityRef('component:auth-service')).toEqual({ kind: 'component', namespace: 'default', name: 'auth-service' });
    expect(parseEntityRef('auth-service')).toEqual({ kind: 'component', namespace: 'default', name: 'auth-service' });
    expect(parseEntityRef('Resource:payments/ledger-db')).toEqual({ kind: 'resource', namespace: 'payments', name: 'ledger-db' });
    expect(parseEntityRef('group:team-a', 'billing')).toEqual({ kind: 'group', namespace: 'billing', name: 'team-a' });
  });

  it('names components as services (namespace/name outside default) and keeps the kind of anything else', () => {
    expect(dependencyFromRef('component:default/auth-service', 'default')).toEqual({ service: 'auth-service', external: false });
    expect(dependencyFromRef('component:auth-service', 'default')).toEqual({ service: 'auth-service', external: false });
    expect(dependencyFromRef(' auth-service ', 'default')).toEqual({ service: 'auth-service', external: false });
    expect(dependencyFromRef('component:ledger', 'billing')).toEqual({ service: 'billing/ledger', external: false });
    expect(dependencyFromRef('component:Default/auth-service', 'billing')).toEqual({ service: 'auth-service', external: false });
    expect(dependencyFromRef('resource:default/payments-db', 'default')).toEqual({ service: 'resource:payments-db', external: true });
    expect(dependencyFromRef('api:billing/invoice-api', 'default')).toEqual({ service: 'api:billing/invoice-api', external: true });
  });

  it('keys entities as Backstage compares references: kind and namespace in any case, defaults applied', () => {
    const same = ['component:default/auth-service', 'Component:Default/auth-service', 'COMPONENT:auth-service', 'default/auth-service', 'auth-service'];
    expect(new Set(same.map(entityKey))).toEqual(new Set(['component:default/auth-service']));
    expect(entityKey('Resource:Billing/Invoices-Bucket')).toBe('resource:billing/invoices-bucket');
    expect(entityKey('billing/ledger')).toBe('component:billing/ledger');
    // A Backstage namespace in any case gives one service name.
    expect(dependencyFromRef('component:Billing/ledger', 'default')).toEqual({ service: 'billing/ledger', external: false });
    const services = [{ name: 'billing/ledger' }, { name: 'auth-service' }] as Service[];
    const catalog = new EntityCatalog(services, new Set(['component:default/auth-lib']));
    expect(catalog.service({ service: 'Billing/ledger' })?.name).toBe('billing/ledger');
    expect(catalog.knows({ service: 'auth-lib' })).toBe(true);
    expect(catalog.knows({ service: 'auth-libs' })).toBe(false);
  });

  it('reads the tier from the configured fields, through the organisation’s words', () => {
    const entity = { metadata: { labels: { tier: 'Tier-1' }, annotations: { 'acme.com/tier': 'gold' } }, spec: { warranty: {} } };
    const tier = (from: string[], values = {}) => readTier(entity, { from: from.map(fieldPointer), values });
    expect(tier(['spec.warranty.tier', 'metadata.labels.tier'], { 'tier-1': 'critical' })).toEqual({ value: 'critical', pointer: '/metadata/labels/tier' });
    expect(tier(['spec.warranty.tier'])).toEqual({ value: undefined, pointer: '/spec/warranty/tier' });
    expect(tier(['metadata.annotations.acme.com/tier']).problem).toBe(
      'metadata.annotations.acme.com/tier is "gold", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config',
    );
    expect(fieldPointer('metadata.annotations.acme.com/tier')).toBe('/metadata/annotations/acme.com~1tier');
    expect(fieldPointer('/metadata/labels/tier')).toBe('/metadata/labels/tier');
    expect(fieldPointer('spec.warranty.tier')).toBe('/spec/warranty/tier');
  });

  it('maps spec.lifecycle to a stage by the configured map: experimental → design, beta → transition, production, ga, retired, end-of-life → operation, anything else → design', () => {
    const map = resolveConfig({}).backstage.lifecycle;
    const stages = ['experimental', 'beta', 'production', 'deprecated', 'Production', 'ga', 'retired', 'end-of-life', 'sandbox', undefined, 3].map((l) => stageFromLifecycle(l, map));
    expect(stages).toEqual(['design', 'transition', 'operation', 'operation', 'operation', 'operation', 'operation', 'operation', 'design', 'design', 'design']);
    // ga, retired and end-of-life do not all fall back to design.
    expect(new Set(['ga', 'retired', 'end-of-life'].map((l) => stageFromLifecycle(l, map)))).not.toEqual(new Set(['design']));
  });

  it('counts only Components of a service type under backstage.io/v1alpha1 or v1beta1 as services', () => {
    const entity = (apiVersion: string, kind: string, type?: string) => ({ apiVersion, kind, metadata: { name: 'x' }, spec: type ? { type } : {} });
    expect(classifyBackstage(entity('backstage.io/v1alpha1', 'Component', 'service'), ['service'])).toBe('service');
    expect(classifyBackstage(entity('backstage.io/v1beta1', 'Component', 'service'), ['service'])).toBe('service');
    expect(classifyBackstage(entity('backstage.io/v1alpha1', 'Component', 'website'), ['service'])).toBe('other');
    expect(classifyBackstage(entity('backstage.io/v1alpha1', 'Component', 'website'), ['service', 'website'])).toBe('service');
    expect(classifyBackstage(entity('backstage.io/v1alpha1', 'Component'), ['service'])).toBe('other');
    expect(classifyBackstage(entity('backstage.io/v2', 'Component', 'service'), ['service'])).toBe('other');
    for (const kind of ['API', 'System', 'Domain', 'Group', 'User', 'Resource', 'Location']) {
      expect(classifyBackstage(entity('backstage.io/v1alpha1', kind, 'service'), ['service'])).toBe('other');
    }
    expect(classifyBackstage(entity('scaffolder.backstage.io/v1beta3', 'Template', 'service'), ['service'])).toBe('other');
    expect(classifyBackstage(entity('warranty-lint/v1', 'Service'), ['service'])).toBeUndefined();
    expect(classifyBackstage({ apiVersion: 'apps/v1', kind: 'Deployment' }, ['service'])).toBeUndefined();
  });
});

describe('Backstage catalog-info.yaml files', () => {
  const catalog = (): LintResult => lintYaml([PAYMENTS, AUTH, BILLING, DOCS_SITE, FX_RATES], { now: NOW, explicit: false });

  it('reads only Components of type service; System, API, Group, User, Resource, Location, Template and websites are skipped silently', () => {
    const result = catalog();
    expect(result.services.map((s) => [s.file, s.name, s.source])).toEqual([
      ['catalog/auth/catalog-info.yaml', 'auth-service', 'backstage'],
      ['catalog/billing/catalog-info.yaml', 'billing/invoicer', 'backstage'],
      ['catalog/billing/catalog-info.yaml', 'billing/ledger', 'backstage'],
      ['catalog/native/fx-rates.yaml', 'fx-rates', 'native'],
      ['catalog/payments/catalog-info.yaml', 'payments-api', 'backstage'],
    ]);
    // payments-api is complete, and every other entity in its file is someone else's business.
    expect(findingsIn(result, PAYMENTS.file)).toEqual([]);
    expect(findingsIn(result, DOCS_SITE.file)).toEqual([]);
    expect(findingsIn(result, FX_RATES.file)).toEqual([]);
    expect(rulesOf(result)).not.toContain('schema');
  });

  it('gives a Component with no spec.warranty one warranty-missing finding at `spec`, with a snippet for its tier', () => {
    const result = lintYaml(AUTH.text, { now: NOW });
    const findings = result.findings.filter((f) => f.ruleId !== 'portfolio-reactive-provider');
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.pointer, f.area, f.severity])).toEqual([['warranty-missing', 9, 1, '/spec/warranty', null, 'error']]);
    expect(findings[0]?.message).toBe(
      'service "auth-service" has no spec.warranty, so none of availability, capacity, continuity and security is defined. Add it under spec, for a medium tier: ' +
        'warranty: { tier: medium, availability: { target: 99, window: 30d, serviceHours: 24x7 }, capacity: { peak: { value: <peak>, unit: rps }, forecast: { growthPercentPerYear: <growth>, horizonMonths: 12 } }, ' +
        'continuity: { rto: 7h, rpo: 4h, recoveryOption: backup-restore }, security: { classification: <internal|confidential|restricted>, dataTypes: [<pii|pci|none>] } } (fill in the <…> values).',
    );
    // The four areas still count as missing: in the model, the reactive share and the report.
    const s = serviceNamed(result, 'auth-service');
    expect(Object.values(s.areas).map((a) => a.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(result.summary.reactiveShare).toBe(1);
    // The one place positions come from: a missing warranty resolves to the `spec:` key.
    const [doc] = parseDocuments(AUTH.text, { maxDepth: 64, maxAliases: 100 });
    expect(doc?.locate('/spec/warranty', 'key')).toEqual({ line: 9, column: 1, endLine: 9, endColumn: 5 });
  });

  it('writes the snippet for the tier the service has, and names what a high tier needs besides', () => {
    const labelled = AUTH.text.replace('  description: Sign-in and access tokens\n', '  description: Sign-in and access tokens\n  labels: { tier: tier-1 }\n');
    const result = lintYaml(labelled, { now: NOW, config: { backstage: { tier: { from: 'metadata.labels.tier', values: { 'tier-1': 'high' } } } } });
    expect(serviceNamed(result, 'auth-service').tier).toBe('high');
    const [finding] = result.findings;
    expect(finding?.ruleId).toBe('warranty-missing');
    // The tier comes from the label, so the block does not repeat it; the limits are the high tier's.
    expect(finding?.message).toContain('for a high tier: warranty: { availability: { target: 99.9, window: 30d, serviceHours: 24x7 }');
    // An rto within the downtime 99.9% allows in 30d (43m12s), and an rpo no looser.
    expect(finding?.message).toContain('continuity: { rto: 43m, rpo: 43m, recoveryOption: warm-standby }');
    expect(finding?.message).toMatch(/A high tier also needs availability\.mttr, .* security\.controls, policy and lastReview\.$/);
    // One finding, not one per area plus the tier's detail and owners.
    expect(rulesOf(result).filter((r) => r !== 'portfolio-reactive-provider')).toEqual(['warranty-missing']);
  });

  it('still reports the areas one by one once spec.warranty exists', () => {
    const started = AUTH.text.replace('  system: identity\n', '  system: identity\n  warranty:\n    tier: low\n');
    expect(positionsOf(lintYaml(started, { now: NOW }), 'warranty-area-missing')).toEqual(AREA_POINTERS.map((p) => [14, 3, p]));
  });

  it('positions findings of a later document in the file, at the warranty key and at values', () => {
    const result = lintYaml(BILLING.text, { now: NOW });
    expect(positionsOf(result, 'warranty-area-missing')).toEqual([
      [23, 3, '/spec/warranty/security'],
      [48, 3, '/spec/warranty/availability'],
      [48, 3, '/spec/warranty/capacity'],
      [48, 3, '/spec/warranty/continuity'],
      [48, 3, '/spec/warranty/security'],
    ]);
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[27, 15, '/spec/warranty/availability/target']]);
    const byService = result.findings.map((f) => [f.ruleId, f.service, f.severity]);
    // invoicer is low tier (spec.warranty.tier), ledger high: the tier-dependent severity follows.
    expect(byService).toContainEqual(['warranty-area-missing', 'billing/invoicer', 'warning']);
    expect(byService).toContainEqual(['warranty-area-missing', 'billing/ledger', 'error']);
    // x-cost-centre is the user's own extension; the Domain is skipped.
    expect(rulesOf(result)).not.toContain('schema');
  });

  it('resolves spec.dependsOn entity refs to service names, other kinds to external hard dependencies', () => {
    const result = catalog();
    const deps = (name: string) => serviceNamed(result, name).dependsOn.map((d) => [d.service, d.kind, d.external, d.pointer]);
    expect(deps('payments-api')).toEqual([
      ['auth-service', 'hard', false, '/spec/dependsOn/0'],
      ['fx-rates', 'hard', false, '/spec/dependsOn/1'],
      ['resource:payments-db', 'hard', true, '/spec/dependsOn/2'],
    ]);
    expect(deps('billing/invoicer')).toEqual([
      ['billing/ledger', 'hard', false, '/spec/dependsOn/0'],
      ['payments-api', 'hard', false, '/spec/dependsOn/1'],
      ['resource:billing/invoices-bucket', 'hard', true, '/spec/dependsOn/2'],
    ]);
    // Every reference to a component names a service of the mixed native/Backstage catalog.
    const names = new Set(result.services.map((s) => s.name));
    const internal = result.services.flatMap((s) => s.dependsOn.filter((d) => !d.external).map((d) => d.service));
    expect(internal.filter((n) => !names.has(n))).toEqual([]);
    expect(rulesOf(result)).not.toContain('dependency-unknown');
    // Catalog rules point at the dependsOn items through the anchors resolved at parse time.
    const payments = serviceNamed(result, 'payments-api');
    expect(payments.anchors['/spec/dependsOn/0']).toEqual({ line: 74, column: 7, endLine: 74, endColumn: 37 });
    expect(payments.anchors['/spec/dependsOn/2']).toMatchObject({ line: 76, column: 7 });
    expect(payments.anchors['/spec/warranty/availability/target']).toMatchObject({ line: 81, column: 15 });
  });

  it('takes owner, tier and stage from spec.owner, spec.warranty and spec.lifecycle', () => {
    const result = catalog();
    const facts = (name: string) => {
      const s = serviceNamed(result, name);
      return [s.owner, s.tier, s.stage];
    };
    // The owner is the entity ref as written, for messages and the owner rules.
    expect(facts('payments-api')).toEqual(['group:default/team-payments', 'medium', 'operation']); // production, no tier
    expect(facts('auth-service')).toEqual(['group:default/team-identity', 'medium', 'operation']);
    expect(facts('billing/invoicer')).toEqual(['group:billing/team-billing', 'low', 'design']); // experimental
    expect(facts('billing/ledger')).toEqual(['group:billing/team-billing', 'high', 'transition']); // lifecycleStage beats deprecated
    expect(facts('fx-rates')).toEqual(['team-treasury', 'medium', 'operation']);
  });

  it('reports a file of Backstage entities without a service only when it is named explicitly', () => {
    expect(lintYaml([DOCS_SITE], { now: NOW, explicit: false }).findings).toEqual([]);
    const named = lintYaml([DOCS_SITE], { now: NOW, explicit: true });
    expect(named.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['no-service', 1, 1]]);
    expect(named.findings[0]?.message).toBe(
      'catalog/docs-site/catalog-info.yaml holds no service definition: its Backstage entities include no Component whose spec.type is "service" (backstage.serviceTypes in the config)',
    );
  });

  it('counts the component types listed in backstage.serviceTypes as services', () => {
    const wide = lintYaml([PAYMENTS], { now: NOW, config: { backstage: { serviceTypes: ['service', 'website'] } } });
    expect(wide.services.map((s) => s.name)).toEqual(['checkout-web', 'payments-api']);
    expect(positionsOf(wide, 'warranty-missing')).toEqual([[43, 1, '/spec/warranty']]);
    expect(wide.findings.find((f) => f.ruleId === 'warranty-missing')?.service).toBe('checkout-web');

    const websitesOnly = lintYaml([PAYMENTS], { now: NOW, config: { backstage: { serviceTypes: ['website'] } } });
    expect(websitesOnly.services.map((s) => s.name)).toEqual(['checkout-web']);

    const none = lintYaml([PAYMENTS], { now: NOW, config: { backstage: { serviceTypes: [] } } });
    expect(none.services).toEqual([]);
    expect(none.findings.map((f) => f.ruleId)).toEqual(['no-service']);
    expect(none.findings[0]?.message).toMatch(/backstage\.serviceTypes in the config is empty$/);
  });
});

describe('spec.warranty is validated strictly, the rest of the entity is Backstage’s', () => {
  it('accepts the complete component, with Backstage keys of its own everywhere else', () => {
    const result = lintYaml(COMPONENT, { now: NOW });
    expect(result.services.map((s) => [s.name, s.tier, s.stage])).toEqual([['search', 'low', 'design']]);
    expect(result.findings).toEqual([]);
  });

  it('reports an unknown key in spec.warranty with a did-you-mean at the key, and allows x- keys', () => {
    const yaml = COMPONENT.replace('    tier: low\n', '    tire: high\n    x-team-notes: reviewed in the design authority\n').replace(
      'availability: { target: 99.0,',
      'availability: { targte: 99.0,',
    );
    const result = lintYaml(yaml, { now: NOW });
    expect(positionsOf(result, 'schema')).toEqual([
      [13, 5, '/spec/warranty/tire'],
      [15, 21, '/spec/warranty/availability/targte'],
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message)).toEqual([
      'service "search": unknown key "tire" in spec.warranty; did you mean "tier"?',
      'service "search": unknown key "targte" in spec.warranty.availability; did you mean "target"?',
    ]);
    // One problem, one finding: the misspelt target is not missing a second time; the tier is medium.
    expect(serviceNamed(result, 'search').tier).toBe('medium');
    expect(serviceNamed(result, 'search').areas.availability.reported).toContain('target');
  });

  it('reports malformed fields it reads (tier, lifecycleStage, dependsOn items) and placeholders in spec.owner', () => {
    const yaml = COMPONENT.replace('  owner: group:default/team-search\n', '  owner: TBD\n  dependsOn:\n    - { service: auth }\n')
      .replace('    tier: low\n', '    tier: gold\n    lifecycleStage: live\n');
    const result = lintYaml(yaml, { now: NOW });
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[10, 10, '/spec/owner']]);
    expect(positionsOf(result, 'schema')).toEqual([
      [12, 7, '/spec/dependsOn/0'],
      [15, 11, '/spec/warranty/tier'],
      [16, 21, '/spec/warranty/lifecycleStage'],
    ]);
    const s = serviceNamed(result, 'search');
    // Invalid values fall back: tier medium, stage from spec.lifecycle (experimental → design).
    expect([s.tier, s.stage, s.owner, s.dependsOn]).toEqual(['medium', 'design', undefined, []]);
  });

  it('keeps waivers in spec.warranty.waivers, where they suppress findings like a native service’s', () => {
    const yaml = COMPONENT.replace(/    security: .*\n/, '').concat(
      '    waivers:\n      - rule: warranty-area-missing\n        area: security\n        reason: Security review booked for January.\n        approvedBy: ciso-office\n        expires: 2027-01-31\n',
    );
    const result = lintYaml(yaml, { now: NOW });
    const missing = result.findings.filter((f) => f.ruleId === 'warranty-area-missing');
    expect(missing.map((f) => [f.line, f.column, f.pointer, f.waived])).toEqual([[12, 3, '/spec/warranty/security', true]]);
    expect(serviceNamed(result, 'search').waivers.map((w) => [w.pointer, w.rule, w.area])).toEqual([['/spec/warranty/waivers/0', 'warranty-area-missing', 'security']]);
    expect(result.summary.waived).toBe(1);
  });

  it('names a service outside the default namespace namespace/name, and one in `default` by its name alone', () => {
    const inDefault = lintYaml(COMPONENT.replace('  name: search\n', '  name: search\n  namespace: default\n'), { now: NOW });
    expect(inDefault.services.map((s) => s.name)).toEqual(['search']);
    const elsewhere = lintYaml(COMPONENT.replace('  name: search\n', '  name: search\n  namespace: discovery\n').replace('    tier: low\n', ''), { now: NOW });
    expect(elsewhere.services.map((s) => s.name)).toEqual(['discovery/search']);
    expect(elsewhere.findings).toEqual([]);
  });

  it('mixes native services, Backstage services and other Backstage entities in one file; other YAML there is still a schema finding', () => {
    const native = FX_RATES.text;
    const group = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-search\nspec:\n  type: team\n  children: []\n';
    const template = 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: new-service\nspec:\n  owner: group:default/team-search\n  type: service\n  steps: []\n';
    const yaml = [native, group, template, COMPONENT.replace('  system: discovery\n', '  system: discovery\n  dependsOn: [component:fx-rates]\n')].join('---\n');
    const result = lintYaml(yaml, { now: NOW });
    expect(result.services.map((s) => [s.name, s.source])).toEqual([
      ['fx-rates', 'native'],
      ['search', 'backstage'],
    ]);
    expect(serviceNamed(result, 'search').dependsOn.map((d) => d.service)).toEqual(['fx-rates']);
    expect(result.findings).toEqual([]);

    const withOther = lintYaml(`${yaml}---\nreplicas: 3\n`, { now: NOW });
    const replicasLine = yaml.split('\n').length + 1; // after the last document and its `---`
    expect(replicasLine).toBe(73);
    expect(positionsOf(withOther, 'schema')).toEqual([[replicasLine, 1, '']]);
    expect(withOther.findings.find((f) => f.ruleId === 'schema')?.message).toMatch(/^document 5 is a mapping, not a service definition/);
  });
});

describe('schemas for Backstage entities', () => {
  it('warranty.schema.json validates a spec.warranty block on its own, as service.schema.json defines it', () => {
    expect(validateAgainst('warranty.schema.json', { tier: 'high', 'x-cost-centre': 'FIN-42', availability: { target: 99.9 } }, 'block')).toEqual([]);
    expect(validateAgainst('warranty.schema.json', { lifecycleStage: 'operation', capacity: { headrom: 20 } }, 'block')).toEqual([
      { pointer: '/capacity/headrom', at: 'key', spoils: '/capacity/headroom', message: 'block: unknown key "headrom" in capacity; did you mean "headroom"?' },
    ]);
  });

  it('backstage.schema.json accepts every kind of a catalog-info.yaml, so editors can apply it to the whole file', () => {
    const parsed = parseDocuments(PAYMENTS.text + '---\n' + DOCS_SITE.text + '---\n' + AUTH.text, { maxDepth: 64, maxAliases: 100 });
    expect(parsed).toHaveLength(12);
    for (const doc of parsed) expect(validateAgainst('backstage.schema.json', doc.value, 'entity')).toEqual([]);
  });
});

describe('lint() over a directory holding native and Backstage definitions', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warranty-lint-backstage-'));
    cpSync(CATALOG, dir, { recursive: true });
    // What else a repository holds: walked, and skipped silently.
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts', 'values.yaml'), 'replicaCount: 2\nimage:\n  repository: example/payments-api\n');
    writeFileSync(join(dir, 'empty.yaml'), '# nothing yet\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('walks the tree, lints both kinds together and positions every finding', async () => {
    const result = await lint({ paths: ['.'], cwd: dir, config: resolveConfig({}), now: NOW });
    expect(result.services.map((s) => s.name)).toEqual(['auth-service', 'billing/invoicer', 'billing/ledger', 'fx-rates', 'payments-api']);
    expect(new Set(result.findings.map((f) => f.file))).toEqual(new Set(['auth/catalog-info.yaml', 'billing/catalog-info.yaml']));
    expect(result.findings.filter((f) => f.file === 'auth/catalog-info.yaml').map((f) => [f.ruleId, f.line, f.column, f.pointer])).toEqual([['warranty-missing', 9, 1, '/spec/warranty']]);
    expect(result.findings.filter((f) => f.file === 'billing/catalog-info.yaml').map((f) => [f.ruleId, f.line, f.column, f.service])).toEqual([
      ['warranty-area-missing', 23, 3, 'billing/invoicer'],
      ['warranty-placeholder-value', 27, 15, 'billing/invoicer'],
      ['warranty-area-missing', 48, 3, 'billing/ledger'],
      ['warranty-area-missing', 48, 3, 'billing/ledger'],
      ['warranty-area-missing', 48, 3, 'billing/ledger'],
      ['warranty-area-missing', 48, 3, 'billing/ledger'],
    ]);
    expect(result.summary).toMatchObject({ services: 5, errors: 6, warnings: 1, infos: 0 });
    const names = new Set(result.services.map((s) => s.name));
    expect(result.services.flatMap((s) => s.dependsOn).filter((d) => !d.external && !names.has(d.service))).toEqual([]);
  });
});
