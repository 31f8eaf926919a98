// The catalog-wide steps in-process (settle.ts), with catalog and waiver rules of our own making
// (the metadata of real ones, so that severities resolve as in a run): how a report becomes a
// finding (place, severity, area, message), what a scope keeps, a rule that throws, and settle's
// waivers, waiver rules, rules turned off, duplicates, order, `keep` and the per-document cap.
import { describe, expect, it } from 'vitest';
import { resolveConfig, type UserConfig } from '../../src/config/resolve.js';
import { makeFinding, type KeptFinding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import { addCatalogFindings, firstByName, settle, type Locators } from '../../src/engine/settle.js';
import { RuleCrash } from '../../src/errors.js';
import { EntityCatalog } from '../../src/model/catalog.js';
import { ServicesByDocument } from '../../src/model/documents.js';
import type { Service } from '../../src/model/types.js';
import { BUILT_IN_RULES, type RuleSet } from '../../src/policies/index.js';
import type { CatalogContext, CatalogReport, CatalogRule, WaiverContext, WaiverRule } from '../../src/rules/types.js';
import type { Finding } from '../../src/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const TODAY = 20_600; // 2026-05-25

/** CLEAN_LOW named `name`, of `tier`: name at 4:9, rto at 18:12, security controls at 24:7 (key) / 24:17 (value). */
const svc = (name: string, tier = 'low', tail = ''): string => CLEAN_LOW.replace('name: search', `name: ${name}`).replace('tier: low', `tier: ${tier}`) + tail;
const waiver = (rule: string): string => `    - rule: ${rule}\n      reason: Agreed with the service owner.\n      approvedBy: cio-office\n      expires: 2026-09-30\n`;
const waivers = (...rules: string[]): string => `  waivers:\n${rules.map(waiver).join('')}`;

function catalogOf(files: Record<string, string>, user: UserConfig = {}) {
  const config = resolveConfig(user);
  const results = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, text]) => lintText(text, { path: file, file, explicit: true }, { config, today: TODAY }));
  const services = results.flatMap((r) => r.services);
  const findings: KeptFinding[] = results.flatMap((r) => r.findings);
  const ctx: CatalogContext = { services, byName: firstByName(services), catalog: new EntityCatalog(services, new Set()), config, today: TODAY };
  const locators = new Rereader('/nonexistent-settle', config.limits, new Map(Object.entries(files)));
  const named = (name: string, nth = 0): Service => services.filter((s) => s.name === name)[nth] as Service;
  return { config, services, findings, ctx, locators, documents: new ServicesByDocument(services), named };
}

/** A catalog rule with the metadata of the built-in `id`, reporting what `reports` gives. */
function catalogRule(id: string, reports: (ctx: CatalogContext) => Iterable<CatalogReport>): CatalogRule {
  const real = BUILT_IN_RULES.byId.get(id) as CatalogRule;
  return { meta: real.meta, scope: 'catalog', positions: () => [], check: reports };
}

function waiverRule(id: string, reports: (ctx: WaiverContext) => Iterable<CatalogReport>): WaiverRule {
  const real = BUILT_IN_RULES.byId.get(id) as WaiverRule;
  return { meta: real.meta, scope: 'waivers', positions: () => [], check: reports };
}

function ruleSet(catalog: CatalogRule[], waiverRules: WaiverRule[] = []): RuleSet {
  const all = [...catalog, ...waiverRules];
  return { all, byId: new Map(all.map((r) => [r.meta.id, r])), service: [], catalog, waivers: waiverRules, positioned: all, metas: all.map((r) => r.meta) };
}

const place = (f: KeptFinding) => [f.file, f.line, f.column, f.endLine, f.endColumn];

describe('firstByName', () => {
  it('maps each name to its first service, in file order, skipping services without a name', () => {
    const { services } = catalogOf({ 'a.yaml': `${svc('dup')}---\n${svc('one')}`, 'b.yaml': `${svc('dup')}---\n${svc('""')}` });
    expect(services.map((s) => s.name)).toEqual(['dup', 'one', 'dup', null]);
    const byName = firstByName(services);
    expect([...byName.keys()]).toEqual(['dup', 'one']);
    expect(byName.get('dup')).toBe(services[0]);
    expect(byName.get('one')).toBe(services[1]);
  });
});

describe('addCatalogFindings', () => {
  const files = { 'services/alpha.yaml': svc('alpha', 'critical'), 'services/beta.yaml': `${svc('beta')}---\n${svc('gamma')}` };

  it('makes a finding of each report: the rule’s severity for the service’s tier, its area unless the report names one, the place of its pointer', () => {
    const { findings, ctx, locators, named } = catalogOf(files);
    const alpha = named('alpha');
    const beta = named('beta');
    const gamma = named('gamma');
    // availability-slo-mismatch: area availability, a warning, an error for a critical service.
    const rules = ruleSet([
      catalogRule('availability-slo-mismatch', () => [
        { service: alpha, pointer: '/metadata/name', message: 'plain' },
        { service: beta, pointer: '/spec/warranty/security/controls', at: 'key', area: 'security', message: ['see ', { service: alpha, pointer: '/spec/warranty/continuity/rto' }, ' and ', { service: gamma, pointer: '/metadata/name' }, '.'] },
        { service: gamma, pointer: '/spec/warranty/security/controls', area: null, message: 'value' },
        { service: null, pointer: '/spec', message: 'about the portfolio' },
      ]),
    ]);
    const before = findings.length;
    addCatalogFindings(findings, ctx, locators, rules);
    const added = findings.slice(before) as Finding[];
    expect(added.map((f) => [f.ruleId, f.severity, f.message, f.service, f.area, f.pointer, f.document, f.waived])).toEqual([
      ['availability-slo-mismatch', 'error', 'plain', 'alpha', 'availability', '/metadata/name', 0, false],
      ['availability-slo-mismatch', 'warning', 'see services/alpha.yaml:18 and services/beta.yaml:29.', 'beta', 'security', '/spec/warranty/security/controls', 0, false],
      ['availability-slo-mismatch', 'warning', 'value', 'gamma', null, '/spec/warranty/security/controls', 1, false],
      // A portfolio report has the rule's area, and no place.
      ['availability-slo-mismatch', 'warning', 'about the portfolio', null, 'availability', null, null, false],
    ]);
    expect(added.map(place)).toEqual([
      ['services/alpha.yaml', 4, 9, 4, 14],
      ['services/beta.yaml', 24, 7, 24, 15],
      ['services/beta.yaml', 49, 17, 49, 53],
      [null, null, null, null, null],
    ]);
    expect(added[0]?.fingerprint).toBe(makeFinding({ ruleId: 'availability-slo-mismatch', severity: 'error', message: '', file: 'services/alpha.yaml', range: null, service: 'alpha', area: 'availability', pointer: '/metadata/name', document: 0 }).fingerprint);
  });

  it('places a pointer the document no longer has a kept range for at the nearest kept one when the file cannot be read again', () => {
    const { ctx, named } = catalogOf(files);
    const findings: KeptFinding[] = [];
    const asked: Array<string | null> = [];
    const locators: Locators = {
      locatorOf: (s) => {
        asked.push(s.name);
        return undefined;
      },
    };
    addCatalogFindings(findings, ctx, locators, ruleSet([catalogRule('dependency-unknown', () => [{ service: named('gamma'), pointer: '/spec/warranty/security/controls', message: 'm' }, { service: named('beta'), pointer: '/metadata/name', message: 'kept' }])]));
    expect(findings.map(place)).toEqual([
      ['services/beta.yaml', 26, 1, 26, 11],
      ['services/beta.yaml', 4, 9, 4, 13],
    ]);
    // Only the pointer without a kept range asks for the document again.
    expect(asked).toEqual(['gamma']);
  });

  it('takes severities from the config for the service’s file; a rule turned off makes info findings (settle drops them)', () => {
    const config: UserConfig = { rules: { 'dependency-unknown': 'info', 'dependency-tier-inversion': 'off' }, overrides: [{ files: ['services/beta.yaml'], rules: { 'dependency-unknown': 'error' } }] };
    const { ctx, locators, named, documents } = catalogOf(files, config);
    const findings: KeptFinding[] = [];
    const reports = (): CatalogReport[] => [
      { service: named('alpha'), pointer: '/metadata/name', message: 'a' },
      { service: named('beta'), pointer: '/metadata/name', message: 'b' },
      { service: null, pointer: '', message: 'p' },
    ];
    const rules = ruleSet([catalogRule('dependency-unknown', reports), catalogRule('dependency-tier-inversion', reports)]);
    addCatalogFindings(findings, ctx, locators, rules);
    expect(findings.map((f) => [f.ruleId, f.service, f.severity])).toEqual([
      ['dependency-unknown', 'alpha', 'info'],
      ['dependency-unknown', 'beta', 'error'],
      ['dependency-unknown', null, 'info'],
      ['dependency-tier-inversion', 'alpha', 'info'],
      ['dependency-tier-inversion', 'beta', 'info'],
      ['dependency-tier-inversion', null, 'info'],
    ]);
    const kept = settle(findings, ctx, documents, locators, rules);
    expect(kept.map((f) => [f.ruleId, f.service])).toEqual([
      ['dependency-unknown', 'alpha'],
      ['dependency-unknown', 'beta'],
      ['dependency-unknown', null],
    ]);
  });

  it('with a scope, keeps the reports about its services only (none about the portfolio), and notes each kept one', () => {
    const { ctx, locators, named } = catalogOf(files);
    const findings: KeptFinding[] = [];
    const all = [named('alpha'), named('beta'), named('gamma'), null];
    const rules = ruleSet([catalogRule('dependency-unknown', () => all.map((service) => ({ service, pointer: '/metadata/name', message: `about ${service?.name}` })))]);
    const noted: Array<[string, CatalogReport]> = [];
    addCatalogFindings(findings, { ...ctx, scope: [named('gamma'), named('alpha')] }, locators, rules, (f, r) => noted.push([(f as Finding).message, r]));
    expect(findings.map((f) => (f as Finding).message)).toEqual(['about alpha', 'about gamma']);
    expect(noted.map(([m, r]) => [m, r.service?.name])).toEqual([
      ['about alpha', 'alpha'],
      ['about gamma', 'gamma'],
    ]);
    const unscoped: KeptFinding[] = [];
    addCatalogFindings(unscoped, ctx, locators, rules);
    expect(unscoped.map((f) => (f as Finding).message)).toEqual(['about alpha', 'about beta', 'about gamma', 'about undefined']);
  });

  it('appends to the findings it is given, each report as its rule yields it', () => {
    const { ctx, locators, named } = catalogOf(files);
    const earlier = makeFinding({ ruleId: 'schema', severity: 'error', message: 'earlier', file: 'z.yaml', range: null, service: null, area: null, pointer: null, document: null });
    const findings: KeptFinding[] = [earlier];
    const seen: number[] = [];
    const rules = ruleSet([
      catalogRule('dependency-unknown', function* () {
        yield { service: named('beta'), pointer: '/metadata/name', message: 'one' };
        seen.push(findings.length);
        yield { service: named('alpha'), pointer: '/metadata/name', message: 'two' };
      }),
      catalogRule('duplicate-service', () => [{ service: named('alpha'), pointer: '/metadata/name', message: 'three' }]),
    ]);
    addCatalogFindings(findings, ctx, locators, rules);
    expect(findings.map((f) => (f as Finding).message)).toEqual(['earlier', 'one', 'two', 'three']);
    expect(seen).toEqual([2]);
  });

  it('reports a rule that throws as a RuleCrash naming it', () => {
    const { findings, ctx, locators, named } = catalogOf(files);
    const cause = new Error('boom');
    const rules = ruleSet([
      catalogRule('dependency-unknown', function* () {
        yield { service: named('alpha'), pointer: '/metadata/name', message: 'before' };
        throw cause;
      }),
    ]);
    let error: unknown;
    try {
      addCatalogFindings(findings, ctx, locators, rules);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleCrash);
    expect((error as RuleCrash).ruleId).toBe('dependency-unknown');
    expect((error as RuleCrash).cause).toBe(cause);
    expect((error as RuleCrash).message).toBe('rule dependency-unknown failed: boom');
  });
});

describe('settle', () => {
  it('waives findings by their service’s waivers (not those of waiver rules), then runs the waiver rules with what was used', () => {
    const files = { 'a.yaml': svc('alpha', 'low', waivers('dependency-unknown', 'waiver-expired', 'schema')), 'b.yaml': svc('beta') };
    const { findings, ctx, locators, named, documents } = catalogOf(files);
    const alpha = named('alpha');
    const beta = named('beta');
    expect(findings).toEqual([]);
    const byHand = (ruleId: string, s: Service): Finding => makeFinding({ ruleId, severity: 'error', message: ruleId, file: s.file, range: null, service: s.name, area: null, pointer: null, document: s.doc });
    // Findings of a waiver rule are never waived, even by a waiver that names it.
    findings.push(byHand('waiver-expired', alpha));
    let seen: WaiverContext | undefined;
    const rules = ruleSet(
      [catalogRule('dependency-unknown', () => [{ service: alpha, pointer: '/metadata/name', message: 'alpha' }, { service: beta, pointer: '/metadata/name', message: 'beta' }])],
      [
        waiverRule('waiver-unused', (c) => {
          seen = c;
          return [{ service: alpha, pointer: '/spec/waivers/2', message: 'unused' }, { service: beta, pointer: '/metadata/name', message: 'out of scope' }];
        }),
        waiverRule('waiver-expired', () => []),
      ],
    );
    addCatalogFindings(findings, ctx, locators, rules);
    const noted: string[] = [];
    const kept = settle(findings, { ...ctx, scope: [alpha] }, documents, locators, rules, { note: (f) => noted.push((f as Finding).message) });
    expect(kept.map((f) => [f.ruleId, f.service, f.waived])).toEqual([
      ['waiver-expired', 'alpha', false],
      ['dependency-unknown', 'alpha', true],
      ['waiver-unused', 'alpha', false],
      ['dependency-unknown', 'beta', false],
    ]);
    // Waivers mark the findings given, in place.
    expect(findings.find((f) => f.ruleId === 'dependency-unknown' && f.service === 'alpha')?.waived).toBe(true);
    expect(noted).toEqual(['unused']);
    expect(seen?.used.size).toBe(1);
    expect([...(seen?.used.get(alpha) ?? [])]).toEqual([0]);
    expect(seen?.ruleIds).toEqual(['dependency-unknown', 'waiver-unused', 'waiver-expired']);
    expect(seen?.scope).toEqual([alpha]);
    expect(seen?.config).toBe(ctx.config);
    expect(seen?.byName).toBe(ctx.byName);
    // Placed like a catalog finding: severity, place of the pointer.
    const unused = kept.find((f) => f.ruleId === 'waiver-unused') as Finding;
    expect([unused.severity, unused.line, unused.column, unused.message, unused.document]).toEqual(['warning', 34, 7, 'unused', 0]);
  });

  it('runs waiver rules on every service without a scope, and reports a waiver rule that throws', () => {
    const { findings, ctx, locators, named, documents } = catalogOf({ 'a.yaml': svc('alpha'), 'b.yaml': svc('beta') });
    const rules = ruleSet([], [waiverRule('waiver-unused', () => [{ service: named('beta'), pointer: '/metadata/name', message: 'b' }, { service: null, pointer: '', message: 'p' }])]);
    expect(settle(findings, ctx, documents, locators, rules).map((f) => [f.ruleId, f.file, f.message])).toEqual([
      ['waiver-unused', 'b.yaml', 'b'],
      ['waiver-unused', null, 'p'],
    ]);
    const crash = ruleSet([], [
      waiverRule('waiver-expired', () => {
        throw new Error('bad waiver');
      }),
    ]);
    expect(() => settle([], ctx, documents, locators, crash)).toThrow(new RuleCrash('waiver-expired', new Error('bad waiver')));
    expect(() => settle([], ctx, documents, locators, crash)).toThrow(RuleCrash);
  });

  it('sorts the findings kept into the order of every output, then keeps those `keep` keeps, then caps each document', () => {
    const files = { 'b.yaml': svc('beta'), 'a.yaml': `${svc('alpha')}---\n${svc('alpha2')}` };
    const { findings, ctx, locators, named, documents } = catalogOf(files, { limits: { maxFindingsPerDocument: 2 } });
    const at = (s: Service | null, pointer: string, message: string): CatalogReport => ({ service: s, pointer, message });
    const rules = ruleSet([
      catalogRule('dependency-unknown', () => [
        at(named('beta'), '/metadata/name', 'b-name'),
        at(null, '', 'portfolio'),
        at(named('alpha2'), '/metadata/name', 'a2-name'),
        at(named('alpha'), '/spec/warranty/continuity/rto', 'a-rto'),
        at(named('alpha'), '/metadata/name', 'a-name'),
      ]),
      catalogRule('dependency-tier-inversion', () => [at(named('alpha'), '/metadata/name', 'a-name-2'), at(named('alpha2'), '/spec/warranty/security/controls', 'a2-controls')]),
    ]);
    addCatalogFindings(findings, ctx, locators, rules);
    const copy = () => findings.map((f) => ({ ...f }));
    const msg = (fs: KeptFinding[]) => fs.map((f) => (f as Finding).message);
    expect(msg(settle(copy(), ctx, documents, locators, rules))).toEqual([
      'a-name-2',
      'a-name',
      // alpha's third finding is over the cap of 2: one finding says so instead.
      '1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).',
      'a2-name',
      'a2-controls',
      'b-name',
      'portfolio',
    ]);
    const capped = settle(copy(), ctx, documents, locators, rules);
    expect(capped.map((f) => [f.file, f.line, f.ruleId])).toEqual([
      ['a.yaml', 4, 'dependency-tier-inversion'],
      ['a.yaml', 4, 'dependency-unknown'],
      ['a.yaml', 18, 'too-many-findings'],
      ['a.yaml', 29, 'dependency-unknown'],
      ['a.yaml', 49, 'dependency-tier-inversion'],
      ['b.yaml', 4, 'dependency-unknown'],
      [null, null, 'dependency-unknown'],
    ]);
    // `keep` comes before the cap: alpha keeps two findings, and none is over.
    const kept = settle(copy(), ctx, documents, locators, rules, { keep: (f) => (f as Finding).message !== 'a-name-2' });
    expect(msg(kept)).toEqual(['a-name', 'a-rto', 'a2-name', 'a2-controls', 'b-name', 'portfolio']);
  });

  it('gives the findings of a later document repeating a name an instance, and so a fingerprint of their own', () => {
    const files = { 'a.yaml': `${svc('dup')}---\n${svc('""')}`, 'b.yaml': `${svc('dup')}---\n${svc('""')}---\n${svc('single')}` };
    const { findings, ctx, locators, services, documents } = catalogOf(files);
    const rules = ruleSet([catalogRule('dependency-unknown', () => services.map((service) => ({ service, pointer: '/metadata/name', message: `${service.file}#${service.doc}` })))]);
    addCatalogFindings(findings, ctx, locators, rules);
    const before = (findings as Finding[]).filter((f) => f.ruleId === 'dependency-unknown').map((f) => f.fingerprint);
    const kept = (settle(findings, ctx, documents, locators, rules) as Finding[]).filter((f) => f.ruleId === 'dependency-unknown');
    expect(kept.map((f) => [f.message, f.service, f.instance])).toEqual([
      ['a.yaml#0', 'dup', undefined],
      ['a.yaml#1', null, undefined],
      ['b.yaml#0', 'dup', 'b.yaml#0'],
      ['b.yaml#1', null, undefined],
      ['b.yaml#2', 'single', undefined],
    ]);
    expect(kept.map((f) => f.fingerprint)).toEqual([before[0], before[1], expect.not.stringMatching(before[2] as string), before[3], before[4]]);
    expect(kept[2]?.fingerprint).not.toBe(kept[0]?.fingerprint);
  });

  it('leaves every fingerprint alone in a catalog without repeated names', () => {
    const files = { 'a.yaml': `${svc('one')}---\n${svc('""')}`, 'b.yaml': `${svc('two')}---\n${svc('""')}` };
    const { findings, ctx, locators, services, documents } = catalogOf(files);
    const rules = ruleSet([catalogRule('dependency-unknown', () => services.map((service) => ({ service, pointer: '/metadata/name', message: 'm' })))]);
    addCatalogFindings(findings, ctx, locators, rules);
    const kept = (settle(findings, ctx, documents, locators, rules) as Finding[]).filter((f) => f.ruleId === 'dependency-unknown');
    expect(kept).toHaveLength(4);
    expect(kept.map((f) => f.instance)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
