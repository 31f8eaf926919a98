// A repository as platform teams keep them (test/fixtures/backstage-repos/platform, written for
// these tests): Helm charts, scaffolder templates and a create-app skeleton, cookiecutter, CI
// workflows, Kubernetes, CloudFormation, OpenAPI, a root Location, a catalog of 20 services with
// substitutions. Walked or named, only the services' problems are reported (issue 13).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig, type UserConfig } from '../src/config/resolve.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { report } from '../src/formatters/report.js';
import type { Service } from '../src/model/types.js';
import { runCli } from './support/run-cli.js';

const NOW = '2026-11-26';
const FIXTURE = join(import.meta.dirname, 'fixtures', 'backstage-repos');
const RC = parse(readFileSync(join(FIXTURE, 'platform', '.warranty-lintrc.yaml'), 'utf8')) as UserConfig;
const SERVICES = [
  'cart', 'catalog-search', 'checkout-api', 'coupons', 'fraud-check', 'gift-cards', 'inventory', 'invoices', 'legacy-ledger', 'loyalty',
  'notifications', 'payments', 'pricing', 'recommendations', 'returns', 'reviews', 'search-indexer', 'shipping-quotes', 'tax', 'wishlist',
];
const NO_WARRANTY = ['inventory', 'invoices', 'loyalty', 'notifications', 'pricing', 'returns'];

let root = '';
const run = (paths: string[], config: UserConfig = RC, extra: { catalog?: string } = {}): Promise<LintResult> => lint({ paths, cwd: root, config: resolveConfig(config), now: NOW, ...extra });
const service = (r: LintResult, name: string): Service => {
  const s = r.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};
/** The findings about files and services (the portfolio's own finding aside), compactly. */
const rows = (r: LintResult) => r.findings.filter((f) => f.file !== null).map((f) => [f.file, f.line, f.ruleId, f.service]);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wl-repos-'));
  cpSync(join(FIXTURE, 'platform'), root, { recursive: true });
  // The repository's root: what Locations and substitutions may reach.
  mkdirSync(join(root, '.git'));
  writeFileSync(join(tmpdir(), 'wl-outside.yaml'), 'availability: { target: 99.0 }\n');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('walking a repository of Helm charts, scaffolder templates, CI workflows and Backstage catalogs', () => {
  it('reports only services’ problems', async () => {
    const r = await run(['.']);
    expect(r.services.map((s) => s.name).sort()).toEqual(SERVICES);
    // Every finding is about a service, in its catalog-info.yaml or in a file substituted into it.
    expect(r.findings.filter((f) => f.service === null)).toEqual([]);
    expect(new Set(r.findings.map((f) => f.file?.replace(/\/[^/]+$/, '')))).toEqual(
      new Set(['checkout-api', 'gift-cards', 'legacy-ledger', 'payments', 'search-indexer', ...NO_WARRANTY].map((n) => `catalog/services/${n}`)),
    );
    expect(rows(r)).toEqual([
      ['catalog/services/checkout-api/catalog-info.yaml', 15, 'continuity-dependency-inversion', 'checkout-api'],
      ['catalog/services/checkout-api/catalog-info.yaml', 15, 'dependency-tier-inversion', 'checkout-api'],
      ['catalog/services/checkout-api/catalog-info.yaml', 18, 'availability-exceeds-dependency-ceiling', 'checkout-api'],
      ['catalog/services/gift-cards/catalog-info.yaml', 13, 'dependency-unknown', 'gift-cards'],
      ['catalog/services/inventory/catalog-info.yaml', 8, 'warranty-missing', 'inventory'],
      ['catalog/services/invoices/catalog-info.yaml', 8, 'warranty-missing', 'invoices'],
      ['catalog/services/legacy-ledger/catalog-info.yaml', 15, 'availability-rto-budget-conflict', 'legacy-ledger'],
      ['catalog/services/legacy-ledger/catalog-info.yaml', 16, 'warranty-deferred-to-operation', 'legacy-ledger'],
      ['catalog/services/loyalty/catalog-info.yaml', 8, 'warranty-missing', 'loyalty'],
      ['catalog/services/notifications/catalog-info.yaml', 8, 'warranty-missing', 'notifications'],
      ['catalog/services/payments/warranty.yaml', 4, 'availability-rto-budget-conflict', 'payments'],
      ['catalog/services/payments/warranty.yaml', 10, 'warranty-placeholder-value', 'payments'],
      ['catalog/services/payments/warranty.yaml', 12, 'security-sensitive-data-underclassified', 'payments'],
      ['catalog/services/pricing/catalog-info.yaml', 8, 'warranty-missing', 'pricing'],
      ['catalog/services/returns/catalog-info.yaml', 8, 'warranty-missing', 'returns'],
      ['catalog/services/search-indexer/catalog-info.yaml', 19, 'input-skipped', 'search-indexer'],
    ]);
  });

  it('the same through the command line, with the repository’s own config', async () => {
    const cli = await runCli(['--now', NOW, '-f', 'json', '.'], root);
    expect(cli.stderr).toBe('');
    const json = JSON.parse(cli.stdout) as { findings: Array<{ service: string | null }>; summary: { services: number; infos: number } };
    expect(json.summary).toMatchObject({ services: 20, errors: 9, warnings: 6, infos: 1 });
    expect(json.findings.every((f) => f.service !== null)).toBe(true);
  });
});

describe('1. a file is ours by its top-level apiVersion only', () => {
  it('skips Helm templates, Kubernetes manifests, CloudFormation and CI workflows that mention backstage.io', async () => {
    const r = await run(['charts', 'k8s', 'infra', '.github', 'docker-compose.yaml'.replace('.yaml', '*')]);
    expect(r.findings).toEqual([]);
    expect(r.services).toEqual([]);
  });
});

describe('2. unrendered templates', () => {
  it('skips scaffolder skeletons, the create-app content folder and cookiecutter in a walk: no service, no duplicate', async () => {
    const r = await run(['templates', 'packages', 'cookiecutter']);
    expect(r.services).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('skips a skeleton file that looks like a service, because a Template in the run renders its folder', async () => {
    const walked = await run(['templates']);
    expect(walked.services).toEqual([]);
    const named = await run(['templates/create-service', 'templates/create-service/skeleton/warranty-lint.yaml']);
    expect(rows(named)).toEqual([['templates/create-service/skeleton/warranty-lint.yaml', 1, 'input-skipped', null]]);
    expect(named.findings[0]?.message).toBe(
      'templates/create-service/skeleton/warranty-lint.yaml is not linted: it is under templates/create-service/skeleton, the skeleton of the software Template in templates/create-service/template.yaml, an unrendered template; lint what it renders.',
    );
  });

  it('named explicitly, each template gets one info finding that says why', async () => {
    const named = ['templates/create-service/skeleton/catalog-info.yaml', 'packages/app-examples/template/content/catalog-info.yaml', 'charts/payments/templates/catalog-entity.yaml', 'cookiecutter/python-service/{{cookiecutter.project_slug}}/catalog-info.yaml'];
    const r = await run(named);
    expect(r.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual(named.sort().map((f) => [f, 'input-skipped', 'info']));
    const cli = await runCli(['--now', NOW, ...named], root);
    expect(cli.code).toBe(0);
  });
});

describe('3. a Backstage service without spec.warranty', () => {
  it('gets one finding with a snippet for its tier; its four areas count as missing in the report', async () => {
    const r = await run(['catalog/services']);
    for (const name of NO_WARRANTY) {
      const mine = r.findings.filter((f) => f.service === name);
      expect(mine.map((f) => f.ruleId), name).toEqual(['warranty-missing']);
      expect(mine[0]?.message).toContain('for a medium tier: warranty: { tier: medium, availability: { target: 99, window: 30d, serviceHours: 24x7 }');
      expect(Object.values(service(r, name).areas).map((a) => a.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    }
    const text = report(r, { color: false, cwd: root, version: 'test', width: 100, portfolio: resolveConfig(RC).portfolio });
    const inventory = text.split('\n').find((l) => l.startsWith('  inventory '));
    expect(inventory).toMatch(/ 1 +✗ +✗ +✗ +✗$/);
    expect(text).toContain('fix: Add spec.warranty to the Component, beside spec.owner');
  });
});

describe('4. dependencies against every entity seen', () => {
  it('knows a library Component and a Resource of the linted files, and compares refs as Backstage does', async () => {
    const r = await run(['.']);
    expect(service(r, 'cart').dependsOn.map((d) => [d.service, d.external])).toEqual([
      ['auth-lib', false],
      ['resource:orders-db', true],
    ]);
    // `Component:Default/checkout-api`: kind and namespace in any case name the service checkout-api.
    expect(service(r, 'payments').dependsOn.map((d) => d.service)).toEqual(['checkout-api', 'resource:orders-db']);
    expect(r.findings.filter((f) => f.ruleId === 'dependency-unknown').map((f) => f.service)).toEqual(['gift-cards']);
  });

  it('without the rest of the repository, a catalog export resolves dependencies and their tiers, and is never linted', async () => {
    const alone = await run(['catalog/services/checkout-api']);
    expect(alone.findings.filter((f) => f.ruleId === 'dependency-unknown').map((f) => f.message)).toEqual([
      'service "checkout-api" depends on "auth-lib", which is not a service in the linted files.',
      'service "checkout-api" depends on "payments", which is not a service in the linted files.',
    ]);
    const withExport = await run(['catalog/services/checkout-api'], RC, { catalog: join(FIXTURE, 'catalog-export.json') });
    expect(withExport.services.map((s) => s.name)).toEqual(['checkout-api']);
    expect(rows(withExport)).toEqual([['catalog/services/checkout-api/catalog-info.yaml', 15, 'dependency-tier-inversion', 'checkout-api']]);
    expect(withExport.findings[0]?.message).toBe('service "checkout-api" (tier high) hard-depends on "payments", which is only tier medium; it cannot be more dependable than what it cannot run without.');
    // The export's own checkout-api (a placeholder and a generic owner) is not linted.
    expect(withExport.findings.some((f) => f.file?.includes('catalog-export'))).toBe(false);
    const cli = await runCli(['--now', NOW, '--catalog', join(FIXTURE, 'catalog-export.json'), '-f', 'json', 'catalog/services/checkout-api'], root);
    expect((JSON.parse(cli.stdout) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('stops with exit 2 when the export cannot be read or holds no entity', async () => {
    writeFileSync(join(root, 'not-entities.json'), '{ "items": [] }');
    for (const [file, message] of [
      ['missing.json', /--catalog missing\.json: cannot read it: it does not exist/],
      ['not-entities.json', /--catalog not-entities\.json: it holds no entity/],
      ['catalog/services/payments/warranty.yaml', /it holds no entity/],
    ] as const) {
      const cli = await runCli(['--catalog', file, 'catalog/services/cart'], root);
      expect(cli.code, file).toBe(2);
      expect(cli.stderr).toMatch(message);
    }
  });
});

describe('5. kind: Location', () => {
  it('named explicitly, the root Location lints what it lists, and says which targets it did not follow', async () => {
    const r = await run(['catalog-info.yaml']);
    expect(r.services.map((s) => s.name).sort()).toEqual(SERVICES);
    const skipped = r.findings.filter((f) => f.ruleId === 'input-skipped' && f.file === 'catalog-info.yaml');
    expect(skipped.map((f) => [f.line, f.message])).toEqual([
      [13, 'the Location target "https://github.com/acme/identity/blob/main/catalog-info.yaml" is not followed: it is a URL, and warranty-lint reads files of the repository only.'],
      [14, 'the Location target "./catalog/retired/catalog-info.yaml" is not followed: there is no such file.'],
    ]);
    expect(r.findings.map((f) => f.ruleId)).not.toContain('no-service');
    // The files it lists are linted as a walk would: the same findings about services.
    const walked = await run(['.']);
    expect(r.findings.filter((f) => f.service !== null)).toEqual(walked.findings.filter((f) => f.service !== null));
    expect((await runCli(['--now', NOW, 'catalog-info.yaml'], root)).code).toBe(1);
  });

  it('never leaves the repository, and a Location that leads to no service is no-service', async () => {
    writeFileSync(join(root, 'outside.yaml'), 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: out }\nspec:\n  targets: [../wl-outside.yaml, ./catalog/shared.yaml]\n');
    const r = await run(['outside.yaml']);
    expect(r.findings.map((f) => [f.line, f.ruleId])).toEqual([
      [1, 'no-service'],
      [5, 'input-skipped'],
    ]);
    expect(r.findings[1]?.message).toMatch(/^the Location target "\.\.\/wl-outside\.yaml" is not followed: it is outside the repository/);
  });
});

describe('6. $yaml, $json and $text substitutions', () => {
  it('are read for relative files in the repository, with positions in the file that holds the value', async () => {
    const r = await run(['catalog/services/payments', 'catalog/services/checkout-api', 'catalog/services/fraud-check']);
    const payments = service(r, 'payments');
    expect([payments.tier, payments.stage, payments.areas.continuity.values.rto]).toEqual(['medium', 'design', 4 * 3600]);
    const placeholder = r.findings.find((f) => f.ruleId === 'warranty-placeholder-value');
    expect(placeholder).toMatchObject({ file: 'catalog/services/payments/warranty.yaml', line: 10, column: 8, pointer: '/spec/warranty/continuity/rpo', service: 'payments' });
    expect(service(r, 'checkout-api').areas.security.values).toMatchObject({ classification: 'internal', policy: 'ISP-2024' });
    expect(service(r, 'fraud-check').areas.continuity.present).toBe(true);
  });

  it('are never fetched from a URL: one info finding, and the value counts as missing without more findings', async () => {
    const r = await run(['catalog/services/search-indexer']);
    expect(rows(r)).toEqual([['catalog/services/search-indexer/catalog-info.yaml', 19, 'input-skipped', 'search-indexer']]);
    expect(service(r, 'search-indexer').areas.security.status).toBe('missing');
  });

  it('refuse cycles, files outside the repository, and report what they read like any file', async () => {
    const dir = join(root, 'subst');
    mkdirSync(dir, { recursive: true });
    const entity = (warranty: string) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: subst\nspec:\n  type: service\n  owner: team-a\n  warranty:\n    tier: low\n    ${warranty}\n`;
    writeFileSync(join(dir, 'cycle.yaml'), entity('availability: { $yaml: ./a.yaml }'));
    writeFileSync(join(dir, 'a.yaml'), 'target: { $yaml: ./b.yaml }\n');
    writeFileSync(join(dir, 'b.yaml'), 'x: { $yaml: ./a.yaml }\n');
    const cycle = await run(['subst/cycle.yaml']);
    expect(cycle.findings.filter((f) => f.ruleId === 'file-unreadable').map((f) => [f.file, f.line, f.message])).toEqual([
      ['subst/b.yaml', 1, '$yaml: ./a.yaml in spec.warranty.availability.target.x leads back to a file it is substituted from, so it is not read: a substitution cannot include itself.'],
    ]);
    writeFileSync(join(dir, 'outside.yaml'), entity('availability: { $yaml: ../../wl-outside.yaml }'));
    const outside = await run(['subst/outside.yaml']);
    expect(outside.findings.filter((f) => f.ruleId === 'input-skipped').map((f) => f.message)).toEqual([
      expect.stringMatching(/^\$yaml: \.\.\/\.\.\/wl-outside\.yaml in spec\.warranty\.availability is not read: it is outside the repository/),
    ]);
    writeFileSync(join(dir, 'missing.yaml'), entity('availability: { $json: ./nowhere.json }'));
    const missing = await run(['subst/missing.yaml']);
    expect(rows(missing).filter(([, , rule]) => rule !== 'warranty-area-missing')).toEqual([['subst/missing.yaml', 10, 'file-unreadable', 'subst']]);
    writeFileSync(join(dir, 'broken.yaml'), entity('security: { $yaml: ./broken-security.yaml }'));
    writeFileSync(join(dir, 'broken-security.yaml'), 'classification: internal\ndataTypes: [none\n');
    const broken = await run(['subst/broken.yaml']);
    expect(broken.findings.filter((f) => f.ruleId === 'yaml-syntax').map((f) => [f.file, f.service])).toEqual([['subst/broken-security.yaml', 'subst']]);
  });
});

describe('7. lifecycle and tier from the catalog, as the organisation configures them', () => {
  it('maps ga, retired and beta by default, and reads the tier from a label through the configured words', async () => {
    const r = await run(['catalog/services']);
    // gift-cards is ga, legacy-ledger retired, search-indexer beta, fraud-check experimental.
    expect(['gift-cards', 'legacy-ledger', 'search-indexer', 'fraud-check'].map((n) => service(r, n).stage)).toEqual(['operation', 'operation', 'transition', 'design']);
    expect(service(r, 'checkout-api').tier).toBe('high');
    const plain = await run(['catalog/services/checkout-api'], {});
    expect(service(plain, 'checkout-api').tier).toBe('medium');
    const mapped = await run(['catalog/services/gift-cards'], { backstage: { lifecycle: { GA: 'transition' } } });
    expect(service(mapped, 'gift-cards').stage).toBe('transition');
  });

  it('stops with exit 2 on a stage or tier the config cannot mean', async () => {
    const dir = join(root, 'badrc');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.warranty-lintrc.yaml'), 'backstage:\n  lifecycle: { ga: production }\n  tier: { values: { gold: platinum } }\n');
    const cli = await runCli(['--now', NOW, '.'], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/\.warranty-lintrc\.yaml:2:/);
  });

  it('says so when a label holds a word that is not a tier', async () => {
    const r = await run(['catalog/services/checkout-api'], { backstage: { tier: { from: 'metadata.labels.tier' } } });
    expect(r.findings.filter((f) => f.ruleId === 'schema').map((f) => [f.line, f.message])).toEqual([
      [6, 'service "checkout-api": metadata.labels.tier is "tier-2", which is not a tier (critical, high, medium, low); name the word under backstage.tier.values in the config'],
    ]);
  });
});

describe('8. duplicates', () => {
  it('have fingerprints of their own, and one row in the report', async () => {
    const dir = join(root, 'dups');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(root, 'catalog/services/inventory/catalog-info.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), text);
    writeFileSync(join(dir, 'c.yaml'), `${text}---\n${text}`);
    const r = await run(['dups']);
    r.findings = r.findings.filter((f) => f.file !== null);
    expect(r.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['dups/a.yaml', 'warranty-missing'],
      ['dups/b.yaml', 'duplicate-service'],
      ['dups/b.yaml', 'warranty-missing'],
      ['dups/c.yaml', 'duplicate-service'],
      ['dups/c.yaml', 'warranty-missing'],
      ['dups/c.yaml', 'duplicate-service'],
      ['dups/c.yaml', 'warranty-missing'],
    ]);
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(r.findings.length);
    const text100 = report(r, { color: false, cwd: root, version: 'test', width: 100, portfolio: resolveConfig(RC).portfolio });
    expect(text100.split('\n').filter((l) => l.startsWith('  inventory '))).toHaveLength(1);
    // A baseline keeps every one of them.
    const cli = await runCli(['--now', NOW, '--baseline', 'dups.json', '--update-baseline', 'dups'], root);
    expect(cli.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(root, 'dups.json'), 'utf8')) as { entries: Array<{ fingerprint: string; service: string | null }> };
    expect(baseline.entries.filter((e) => e.service !== null)).toHaveLength(7);
  });
});

describe('9. a file named explicitly that holds no service', () => {
  it('is one no-service finding with the first syntax problem, not one per custom tag', async () => {
    const r = await run(['infra/cloudformation.yaml']);
    expect(rows(r)).toEqual([['infra/cloudformation.yaml', 1, 'no-service', null]]);
    expect(r.findings[0]?.message).toMatch(/\(no top-level apiVersion of one\), and line 9 cannot be read: unknown tag: !Sub/);
  });
});
