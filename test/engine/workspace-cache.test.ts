// What a Workspace keeps between calls (the sorted files, the catalog view it patches in place, the
// entity catalog, the SLO index, the catalog rules' memo) must follow each change of a file: after
// every edit below, the findings it gives are those of a whole run over the same texts. Small
// catalogs, each edit chosen to make a stale cache show.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { finishFiles } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import { Workspace } from '../../src/engine/workspace.js';
import type { Finding } from '../../src/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const TODAY = 20_600;
const ISO = '2026-05-25';
const cwd = '/nonexistent-workspace-cache';
const config = resolveConfig({});

/** CLEAN_LOW named `name` with availability `target`, depending (hard) on `deps`. */
const svc = (name: string, deps: string[] = [], target = '99.0'): string =>
  CLEAN_LOW.replace('name: search', `name: ${name}`)
    .replace('target: 99.0', `target: ${target}`)
    .replace('spec:\n', deps.length > 0 ? `spec:\n  dependsOn:\n${deps.map((d) => `    - ${d}\n`).join('')}` : 'spec:\n');
/** A Sloth file measuring `service`'s availability at `objective`. */
const sloth = (service: string, objective: string): string => `version: prometheus/v1\nservice: ${service}\nslos: [{ name: availability, objective: ${objective} }]\n`;

type Texts = Map<string, string>;
const lintOne = (file: string, text: string) => lintText(text, { path: file, file, explicit: false }, { config, today: TODAY });
const row = (f: Finding) => [f.file, f.line, f.column, f.ruleId, f.service, f.message, f.fingerprint, f.waived];

function wholeRun(texts: Texts): unknown[][] {
  return finishFiles([...texts].map(([file, text]) => lintOne(file, text)), { config, cwd }, TODAY, ISO)
    .findings.filter((f) => f.file !== null)
    .map(row);
}

function shown(ws: Workspace, texts: Texts, files: Iterable<string> = texts.keys()): unknown[][] {
  const found = ws.findingsOf(files, new Rereader(cwd, config.limits, texts));
  return [...found.values()].flat().map(row);
}

/** A workspace over `texts`, and `edit` to change a file (undefined: delete it) in both. */
function setUp(initial: Record<string, string>) {
  const texts: Texts = new Map(Object.entries(initial));
  const ws = new Workspace({ config, today: TODAY });
  for (const [file, text] of texts) ws.set(lintOne(file, text));
  const edit = (file: string, text: string | undefined): void => {
    if (text === undefined) {
      texts.delete(file);
      ws.delete(file);
    } else {
      texts.set(file, text);
      ws.set(lintOne(file, text));
    }
  };
  const same = (): unknown[][] => {
    const whole = wholeRun(texts);
    expect(shown(ws, texts)).toEqual(whole);
    return whole;
  };
  return { texts, ws, edit, same };
}

const rules = (rows: unknown[][]) => rows.map((r) => `${r[3] as string}@${r[0] as string}`);

describe('a Workspace after edits', () => {
  it('lists its files in sorted order, after files are added and removed', () => {
    const { ws, edit } = setUp({ 'm.yaml': svc('m') });
    expect(ws.files()).toEqual(['m.yaml']);
    edit('z.yaml', svc('z'));
    edit('a.yaml', svc('a'));
    expect(ws.files()).toEqual(['a.yaml', 'm.yaml', 'z.yaml']);
    expect(ws.size).toBe(3);
    // A new version of a file keeps the list as it is.
    edit('m.yaml', svc('m', [], '99.5'));
    expect(ws.files()).toEqual(['a.yaml', 'm.yaml', 'z.yaml']);
    edit('m.yaml', undefined);
    expect(ws.files()).toEqual(['a.yaml', 'z.yaml']);
    expect(ws.size).toBe(2);
    expect(ws.get('m.yaml')).toBeUndefined();
    expect(ws.get('a.yaml')?.services.map((s) => s.name)).toEqual(['a']);
    expect(ws.delete('m.yaml')).toBe(false);
    expect(ws.files()).toEqual(['a.yaml', 'z.yaml']);
  });

  it('sees a service added, renamed or removed by the files that depend on it', () => {
    const { edit, same } = setUp({ 'a.yaml': svc('alpha', ['beta']), 'c.yaml': svc('gamma') });
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
    // beta is defined in a new file: alpha's dependency resolves.
    edit('b.yaml', svc('beta'));
    expect(rules(same())).not.toContain('dependency-unknown@a.yaml');
    // beta renamed in place (same number of services): unknown again.
    edit('b.yaml', svc('delta'));
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
    // and back.
    edit('b.yaml', svc('beta'));
    expect(rules(same())).not.toContain('dependency-unknown@a.yaml');
    // A second document in the file: the view is built again, the dependency still resolves.
    edit('b.yaml', `${svc('epsilon')}---\n${svc('beta')}`);
    expect(rules(same())).not.toContain('dependency-unknown@a.yaml');
    // The second of its two documents renamed, the first kept: unknown again.
    edit('b.yaml', `${svc('epsilon')}---\n${svc('zeta')}`);
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
    edit('b.yaml', `${svc('epsilon')}---\n${svc('beta')}`);
    expect(rules(same())).not.toContain('dependency-unknown@a.yaml');
    // The file removed: unknown again.
    edit('b.yaml', undefined);
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
  });

  it('keeps every service in the view when a file of several documents is edited in place', () => {
    const { edit, same } = setUp({ 'a.yaml': svc('alpha', ['paymnt']), 'b.yaml': `${svc('x')}---\n${svc('y')}`, 'c.yaml': svc('gamma', ['billng']), 'd.yaml': svc('payments') });
    const hintOfAlpha = () => (same().find((r) => r[3] === 'dependency-unknown' && r[0] === 'a.yaml')?.[5] as string) ?? '';
    expect(hintOfAlpha()).toContain('payments');
    edit('b.yaml', `${svc('x', [], '99.5')}---\n${svc('y', [], '99.5')}`);
    expect(hintOfAlpha()).toContain('payments');
    // Another file's dependencies change: the hints are made again, over every service of the view.
    edit('c.yaml', svc('gamma', ['bilings']));
    expect(hintOfAlpha()).toContain('payments');
  });

  it('judges dependents by the new values of a service edited in place (the view patched)', () => {
    // alpha (99.9) hard-depends on beta: beta's target caps what alpha can promise.
    const { edit, same, ws, texts } = setUp({ 'a.yaml': svc('alpha', ['beta'], '99.9'), 'b.yaml': `${svc('other')}---\n${svc('beta', [], '99.0')}`, 'c.yaml': svc('gamma', ['beta'], '99.9') });
    const ceiling = 'availability-exceeds-dependency-ceiling@a.yaml';
    expect(rules(same())).toContain(ceiling);
    // The alpha file alone, asked first, so the view is built before the edit.
    expect(rules(shown(ws, texts, ['a.yaml']))).toContain(ceiling);
    edit('b.yaml', `${svc('other')}---\n${svc('beta', [], '99.99')}`);
    expect(rules(shown(ws, texts, ['a.yaml']))).not.toContain(ceiling);
    expect(rules(same())).not.toContain(ceiling);
    edit('b.yaml', `${svc('other')}---\n${svc('beta', [], '98.0')}`);
    expect(rules(shown(ws, texts, ['c.yaml']))).toContain('availability-exceeds-dependency-ceiling@c.yaml');
    expect(rules(same())).toContain(ceiling);
  });

  it('follows the duplicates of a name as files are edited in place', () => {
    const { edit, same } = setUp({ 'a.yaml': svc('one'), 'b.yaml': svc('two'), 'c.yaml': svc('three', ['two']) });
    expect(rules(same())).not.toContain('duplicate-service@b.yaml');
    edit('b.yaml', svc('one'));
    expect(rules(same())).toContain('duplicate-service@b.yaml');
    // The first of the name changes: the later one is now the first.
    edit('a.yaml', svc('zero'));
    expect(rules(same())).not.toContain('duplicate-service@b.yaml');
    edit('b.yaml', svc('one', [], '99.5'));
    edit('a.yaml', svc('one', [], '99.5'));
    expect(rules(same())).toContain('duplicate-service@b.yaml');
    // The later one edited in place stays the later one; so does the first.
    edit('b.yaml', svc('one', [], '98.0'));
    expect(rules(same())).toContain('duplicate-service@b.yaml');
    edit('a.yaml', svc('one', [], '98.0'));
    expect(rules(same())).toContain('duplicate-service@b.yaml');
    expect(rules(same())).not.toContain('duplicate-service@a.yaml');
  });

  it('sees documents added after, or removed from after, the services a file keeps', () => {
    const { edit, same } = setUp({ 'a.yaml': svc('alpha', ['epsilon', 'gamma']), 'b.yaml': svc('beta'), 'c.yaml': svc('gamma') });
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
    edit('b.yaml', `${svc('beta')}---\n${svc('epsilon')}`);
    expect(rules(same())).not.toContain('dependency-unknown@a.yaml');
    edit('b.yaml', svc('beta'));
    expect(rules(same())).toContain('dependency-unknown@a.yaml');
  });

  it('edits a document without a name in place', () => {
    const unnamed = (target: string) => svc('""', [], target);
    const { edit, same } = setUp({ 'a.yaml': svc('alpha', ['beta']), 'b.yaml': `${unnamed('99.0')}---\n${svc('beta')}` });
    same();
    edit('b.yaml', `${unnamed('TBD')}---\n${svc('beta', [], '99.5')}`);
    expect(rules(same())).toContain('warranty-placeholder-value@b.yaml');
  });

  it('gives hints for unknown dependencies from the names the catalog has now (the rules’ memo)', () => {
    const { edit, same } = setUp({ 'a.yaml': svc('alpha', ['paymnts']), 'b.yaml': svc('payments') });
    const hint = () => (same().find((r) => r[3] === 'dependency-unknown')?.[5] as string) ?? '';
    expect(hint()).toContain('payments');
    // Renamed, the hint goes (the memo of hinted names is emptied).
    edit('b.yaml', svc('billing'));
    expect(hint()).not.toContain('payments');
    edit('b.yaml', svc('payments'));
    expect(hint()).toContain('payments');
    // A dependency changed, the names the same (the view patched): the hints follow the new one.
    edit('a.yaml', svc('alpha', ['paymnt']));
    expect(hint()).toContain('payments');
    edit('a.yaml', svc('alpha', ['billng']));
    expect(hint()).not.toContain('payments');
    edit('b.yaml', svc('billing'));
    expect(hint()).toContain('billing');
    edit('b.yaml', undefined);
    expect(hint()).not.toContain('billing');
  });

  it('follows an SLO file that is added, edited, emptied of SLOs and removed', () => {
    const { edit, same } = setUp({ 'search.yaml': svc('search') });
    const mismatch = 'availability-slo-mismatch@search.yaml';
    expect(rules(same())).not.toContain(mismatch);
    edit('slos/search.yaml', sloth('search', '98'));
    expect(rules(same())).toContain(mismatch);
    edit('slos/search.yaml', sloth('search', '99'));
    expect(rules(same())).not.toContain(mismatch);
    edit('slos/search.yaml', sloth('search', '97'));
    expect(rules(same())).toContain(mismatch);
    // The file holds no SLO any more.
    edit('slos/search.yaml', svc('other'));
    expect(rules(same())).not.toContain(mismatch);
    // A file that held none holds one now.
    edit('slos/search.yaml', sloth('search', '98'));
    expect(rules(same())).toContain(mismatch);
    edit('slos/search.yaml', undefined);
    expect(rules(same())).not.toContain(mismatch);
  });
});

describe('a Workspace over Backstage entities', () => {
  const cart = (deps: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  type: service
  lifecycle: production
  owner: group:default/team-cart
  dependsOn: [${deps}]
  warranty:
    tier: low
    lifecycleStage: design
    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }
    capacity: { peak: { value: 40, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }
    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }
    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }
`;
  /** Libraries: entities, not services. */
  const resources = (...names: string[]) => names.map((n) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${n}\nspec:\n  type: library\n  lifecycle: production\n  owner: group:default/team-cart\n`).join('---\n');

  it('knows the other entities the files define now, as they are renamed, added and removed', () => {
    const { edit, same, ws } = setUp({ 'cart.yaml': cart('component:orders-db, component:cache-db'), 'db.yaml': resources('orders-db', 'cache-db') });
    const unknown = () => same().filter((r) => r[3] === 'dependency-unknown').length;
    expect(unknown()).toBe(0);
    // Neither file has a Location or a Template: nothing of them decides which files a run lints.
    expect(ws.shapeOf('db.yaml')).toBe('');
    expect(ws.shapeOf('cart.yaml')).toBe('');
    edit('db.yaml', resources('orders-db', 'other-db'));
    expect(unknown()).toBe(1);
    edit('db.yaml', resources('orders-db'));
    expect(unknown()).toBe(1);
    edit('db.yaml', resources('orders-db', 'cache-db'));
    expect(unknown()).toBe(0);
    edit('db.yaml', resources('orders-db', 'cache-db', 'spare-db'));
    expect(unknown()).toBe(0);
    edit('db.yaml', resources('cache-db', 'orders-db'));
    expect(unknown()).toBe(0);
    edit('db.yaml', undefined);
    expect(unknown()).toBe(2);
    edit('db.yaml', resources('orders-db'));
    expect(unknown()).toBe(1);
    // The service edited in place, its dependencies the same.
    edit('cart.yaml', cart('component:orders-db, component:cache-db').replace('target: 99.0', 'target: 99.5'));
    expect(unknown()).toBe(1);
  });
});

describe('Workspace.shapeOf', () => {
  it('names the targets of a file’s Locations, and changes with them', () => {
    const location = (target: string) => `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: here\nspec:\n  targets:\n    - ${target}\n`;
    const { ws, edit } = setUp({ 'catalog-info.yaml': location('./a/catalog-info.yaml') });
    const shape = ws.shapeOf('catalog-info.yaml');
    expect(shape).toContain('a/catalog-info.yaml');
    edit('catalog-info.yaml', location('./b/catalog-info.yaml'));
    expect(ws.shapeOf('catalog-info.yaml')).toContain('b/catalog-info.yaml');
    expect(ws.shapeOf('catalog-info.yaml')).not.toBe(shape);
  });
});

describe('Workspace.findingsOf', () => {
  it('answers each file asked once, in sorted order, and ignores files it does not hold', () => {
    const { ws, texts } = setUp({ 'b.yaml': svc('beta', ['ghost']), 'a.yaml': svc('alpha', ['ghost']) });
    const locators = new Rereader(cwd, config.limits, texts);
    const found = ws.findingsOf(['b.yaml', 'nope.yaml', 'a.yaml', 'b.yaml'], locators);
    expect([...found.keys()]).toEqual(['a.yaml', 'b.yaml']);
    const whole = wholeRun(texts);
    expect([...found.values()].flat().map(row)).toEqual(whole);
    expect(found.get('b.yaml')?.map((f) => f.ruleId)).toEqual(['dependency-unknown']);
    // Nothing asked (or nothing held): an empty answer.
    expect(ws.findingsOf(['nope.yaml'], locators).size).toBe(0);
    expect(ws.findingsOf([], locators).size).toBe(0);
    // A file with no findings is in the answer, with none.
    const clean = setUp({ 'c.yaml': svc('c') });
    expect([...clean.ws.findingsOf(['c.yaml'], locators)]).toEqual([['c.yaml', []]]);
  });
});
