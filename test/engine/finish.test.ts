// finish(): everything after the per-file work, over the whole run — files in order, the entities
// other files define, SLOs, catalog findings, waivers, the summary, --changed-since and the baseline.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { finish, type FinishOptions } from '../../src/engine/finish.js';
import { fingerprintOf } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import type { FileResult } from '../../src/lint-types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const config = resolveConfig({});
const TODAY = 20_000;
const svc = (name: string, deps: string[] = [], tier = 'low') =>
  CLEAN_LOW.replace('name: search', `name: ${name}`)
    .replace('tier: low', `tier: ${tier}`)
    .replace('  warranty:', deps.length ? `  dependsOn: [${deps.join(', ')}]\n  warranty:` : '  warranty:');

const TEXTS: Record<string, string> = {
  'c.yaml': svc('other').replace('target: 99.0', 'target: TBD'),
  'b.yaml': svc('search', ['queue', 'db', 'ghost']),
  'slos/s.yaml': 'version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 98 }]\n',
  'a.yaml': svc('db'),
};
const entities: FileResult = { file: 'ent.yaml', findings: [], services: [], brokenDocuments: 0, catalog: { entities: ['component:default/queue'], locations: [], skeletons: [], explicit: false } };

function run(options: Partial<FinishOptions> = {}, texts = TEXTS, extra: FileResult[] = [entities]) {
  const cfg = options.config ?? config;
  const results = [...Object.entries(texts).map(([f, t]) => lintText(t, { path: f, file: f, explicit: true }, { config: cfg, today: TODAY })), ...extra];
  return finish(results, { config: cfg, ...options }, TODAY, new Rereader('/', cfg.limits));
}
const rows = (r: ReturnType<typeof run>) => r.findings.map((f) => [f.ruleId, f.file, f.service]);

describe('finish', () => {
  it('orders files and services by file, runs the catalog rules and counts the summary', () => {
    const r = run();
    expect(r.files).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'ent.yaml', 'slos/s.yaml']);
    expect(r.services.map((s) => s.name)).toEqual(['db', 'search', 'other']);
    expect(r.sloFiles).toEqual(['slos/s.yaml']);
    expect(rows(r)).toEqual([
      ['dependency-unknown', 'b.yaml', 'search'],
      ['availability-slo-mismatch', 'b.yaml', 'search'],
      ['warranty-placeholder-value', 'c.yaml', 'other'],
    ]);
    // The entity another file defines is known; a name nothing defines is not.
    expect(r.findings[0]?.message).toMatch(/"ghost"/);
    expect(r.summary).toEqual({ files: 5, services: 3, errors: 1, warnings: 2, infos: 0, waived: 0, baselined: 0, reactiveShare: 0 });
    expect(r.rules.map((m) => m.id)).toContain('dependency-unknown');
  });

  it('counts as a file of SLOs only one with no service', () => {
    const r = run({}, { ...TEXTS, 'a.yaml': `${TEXTS['a.yaml']}---\n${TEXTS['slos/s.yaml']}` });
    expect(r.sloFiles).toEqual(['slos/s.yaml']);
  });

  it('knows the services of a catalog export, by key', () => {
    const exported = new Map([['component:default/ghost', { key: 'component:default/ghost', name: 'ghost', tier: 'low' as const }]]);
    const r = run({ exported });
    expect(rows(r).filter(([rule]) => rule === 'dependency-unknown')).toEqual([]);
  });

  it('counts waived findings apart, and infos', () => {
    const withWaiver = `${TEXTS['c.yaml']}  waivers:\n    - rule: warranty-placeholder-value\n      reason: Agreed with the business.\n      approvedBy: head-of-service\n      expires: 2024-12-31\n`;
    const r = run({ config: resolveConfig({ rules: { 'dependency-unknown': 'info' } }) }, { ...TEXTS, 'c.yaml': withWaiver });
    expect(r.findings.filter((f) => f.waived).map((f) => f.ruleId)).toEqual(['warranty-placeholder-value']);
    expect(r.summary).toMatchObject({ errors: 0, warnings: 1, infos: 1, waived: 1 });
  });

  it('leaves out, and counts as baselined, the findings a baseline records', () => {
    const all = run();
    const first = all.findings[0];
    expect(first).toBeDefined();
    const r = run({ baseline: new Set([fingerprintOf(first!)]) });
    expect(rows(r)).toEqual(rows(all).slice(1));
    expect(r.summary).toMatchObject({ warnings: 1, errors: 1, baselined: 1 });
  });
});

describe('finish under --changed-since', () => {
  it('reports the findings of changed files only', () => {
    expect(rows(run({ changedFiles: new Set(['c.yaml']) }))).toEqual([['warranty-placeholder-value', 'c.yaml', 'other']]);
    expect(rows(run({ changedFiles: new Set(['a.yaml']) }))).toEqual([]);
    expect(rows(run({ changedFiles: new Set() }))).toEqual([]);
    expect(run({ changedFiles: new Set(['c.yaml']) }).summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('and catalog findings that involve a service or a file changed', () => {
    // search (high) hard-depends on db (low): the finding is in search's file and involves db's.
    const texts = { 'a.yaml': svc('db'), 'b.yaml': svc('search', ['db'], 'high') };
    const inversion = (changed: string[]) => rows(run({ changedFiles: new Set(changed) }, texts, [])).filter(([rule]) => rule === 'dependency-tier-inversion');
    expect(inversion(['a.yaml'])).toEqual([['dependency-tier-inversion', 'b.yaml', 'search']]);
    expect(inversion(['b.yaml'])).toEqual([['dependency-tier-inversion', 'b.yaml', 'search']]);
    expect(inversion(['c.yaml'])).toEqual([]);
    // The SLO file involved in availability-slo-mismatch.
    expect(rows(run({ changedFiles: new Set(['slos/s.yaml']) }))).toEqual([['availability-slo-mismatch', 'b.yaml', 'search']]);
  });

  it('reports a finding about the portfolio when any service changed', () => {
    const deferred = (name: string) => `apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: ${name}, owner: team-search, tier: low, lifecycleStage: operation }\nspec:\n  warranty:\n    availability: { plannedIn: operation, target: 99.5, window: 30d, serviceHours: 24x7 }\n`;
    const texts = Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`${n}.yaml`, deferred(n)]));
    const portfolio = (changed: string[]) => run({ changedFiles: new Set(changed) }, texts, []).findings.filter((f) => f.file === null).map((f) => f.ruleId);
    expect(portfolio(['a.yaml'])).toEqual(['portfolio-reactive-provider']);
    expect(portfolio(['x.yaml'])).toEqual([]);
  });
});
