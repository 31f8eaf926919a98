// The one-page summary, the rollups, the waiver register and the catalog's identity (issue 16).
// Golden files are in test/fixtures/report/expected/; regenerate after an intended change with
//
//   UPDATE_GOLDEN=1 npx vitest run test/report-summary.test.ts test/compare.test.ts
//
// and review the diff.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSource } from '../src/cli/source.js';
import { buildView } from '../src/formatters/portfolio-view.js';
import { report } from '../src/formatters/report.js';
import { ownerRollup, tierRollup, topRisks, waiverRegister } from '../src/formatters/rollups.js';
import { markdown } from '../src/formatters/markdown.js';
import { SUMMARY_LINES, trendSentence } from '../src/formatters/report-summary.js';
import { compareRuns } from '../src/formatters/compare.js';
import { CLEAN_LOW, lintYaml } from './support/lint-yaml.js';
import { runCli, tempTree } from './support/run-cli.js';
import { EXAMPLES_CTX, lintExamples, previousExamples } from './fixtures/report/cab.js';
import { NOW, expectGolden } from './fixtures/report/support.js';

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe('the one-page summary', () => {
  it('opens the report of the examples and prints alone with --summary (golden)', async () => {
    const result = await lintExamples();
    const alone = report(result, { ...EXAMPLES_CTX, summaryOnly: true });
    expectGolden('examples-summary.txt', alone);
    expect(lines(alone).length).toBeLessThanOrEqual(SUMMARY_LINES);
    // The full report starts with the very same page.
    const full = report(result, EXAMPLES_CTX);
    expect(full.startsWith(alone)).toBe(true);
    expect(alone).toContain('Catalog: examples/, git branch main, commit 0123456789ab (/home/ops/catalog).');
    expect(alone).toContain('Read 12 services in 10 catalog files, SLOs in 2 files; 1 other YAML file skipped (not service\ndefinitions).');
    expect(alone).toMatch(/^Reactive share {2}12% {2}under the 80% threshold/m);
    expect(alone).toContain('by area: availability 10%,  capacity 16%,  continuity 10%,  security 13%');
    expect(alone).toMatch(/^ {2}1\. order-bridge +high +team-integration +4 +0 /m);
    expect(alone).toMatch(/^By tier +services +errors +warnings +reactive$/m);
    expect(alone).toMatch(/^ {2}team-integration +1 +4 +0 +100%$/m);
    // The owners that do not fit are counted, not dropped silently.
    expect(alone).toMatch(/^By owner \(worst \d+ of 10\)/m);
    expect(alone).toMatch(/^\d+ more owners?: see BY OWNER in the full report\.$/m);
  });

  it('prints the summary alone from the command line, in report and markdown, and refuses --summary for other formats', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD'), 'services/b.yaml': CLEAN_LOW.replace('name: search', 'name: other') });
    const alone = await runCli(['report', '--summary', '--now', NOW, 'services'], root);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('Top risks');
    expect(alone.stdout).not.toContain('GAPS BY SERVICE');
    const md = await runCli(['-f', 'markdown', '--summary', '--now', NOW, 'services'], root);
    expect(md.stdout).toContain('### By owner');
    expect(md.stdout).not.toContain('### Coverage');
    const wrong = await runCli(['--summary', '--now', NOW, 'services'], root);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--summary is for the report, markdown, html formats');
  });
});

describe('README', () => {
  it("shows the examples' summary as the tool prints it (Catalog line and version aside)", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const golden = readFileSync(new URL('./fixtures/report/expected/examples-summary.txt', import.meta.url), 'utf8');
    const body = (text: string): string => text.slice(text.indexOf('\nRead 12 services'), text.indexOf('deferred to Operation.\n') + 'deferred to Operation.'.length);
    const block = readme.slice(readme.indexOf('```text\nWARRANTY REPORT  2026-11-26'));
    expect(body(block)).toBe(body(golden));
    expect(readme).toContain('![The HTML report of the example catalog');
    expect(existsSync(new URL('../docs/report.png', import.meta.url))).toBe(true);
  });
});

describe('rollups, top risks and the waiver register', () => {
  it('rolls the examples up per owner and per tier, and ranks risks by tier-weighted open errors', async () => {
    const view = buildView(await lintExamples());
    const tiers = tierRollup(view);
    expect(tiers.map((t) => [t.key, t.services, t.errors, t.warnings])).toEqual([
      ['critical', 3, 1, 2],
      ['high', 4, 7, 9],
      ['medium', 3, 7, 5],
      ['low', 1, 1, 2],
    ]);
    // 12 services read; the later notification-service (retail/, team-storefront) repeats the name
    // defined first in platform/: it is not a service of its own, and its findings go with the first.
    expect(tiers.reduce((n, t) => n + t.services, 0)).toBe(11);
    const owners = ownerRollup(view);
    expect(owners[0]).toMatchObject({ key: 'team-integration', services: 1, errors: 4, reactive: 1 });
    expect(owners.find((o) => o.key === 'team-identity')).toMatchObject({ services: 2, errors: 2, warnings: 2, reactive: 0 });
    // The first definition counts in the reactive share (SPEC §4): team-platform's, with capacity deferred.
    expect(owners.find((o) => o.key === 'team-platform')).toMatchObject({ services: 1, reactive: 0.25 });
    expect(owners.find((o) => o.key === 'team-storefront')).toMatchObject({ services: 1 });
    const risks = topRisks(view);
    expect(risks.map((r) => r.service.name)).toEqual(['order-bridge', 'loyalty-points', 'search-indexer', 'customer-profile', 'ledger-core', 'checkout-web', 'notification-service', 'reporting-warehouse']);
    expect(risks.every((r) => r.errors > 0)).toBe(true);
  });

  it('keeps at most ten top risks', () => {
    const files = Array.from({ length: 14 }, (_, i) => ({ file: `s${i}.yaml`, text: CLEAN_LOW.replace('name: search', `name: svc-${i}`).replace('target: 99.0', 'target: TBD') }));
    expect(topRisks(buildView(lintYaml(files)))).toHaveLength(10);
  });

  it('lists every waiver for the auditor: expired first, then by days left, with approver, reason and status', async () => {
    const result = await lintExamples();
    const register = waiverRegister(buildView(result), result.today);
    expect(register.map((w) => [w.service, w.rule, w.status, w.daysLeft])).toEqual([
      ['loyalty-points', 'continuity-objectives-missing', 'expired', -26],
      ['payments-api', 'continuity-test-stale', 'in-force', 66],
      ['loyalty-points', 'warranty-owner-generic', 'unused', 125],
    ]);
    expect(register[1]).toMatchObject({ approvedBy: 'cio-office', area: 'continuity', expires: '2027-01-31', reason: 'Failover rig rebuilt in Q1; drill booked for 2027-01-12.' });
    const text = report(result, EXAMPLES_CTX);
    expect(text).toContain('  loyalty-points  continuity-objectives-missing (continuity)  EXPIRED\n    approved by head-of-retail-tech; expired 2026-10-31, 26 days ago\n');
  });
});

describe('cells that cannot be misread', () => {
  it('shows a defined area with open findings apart from a clean one, in every format', async () => {
    const result = await lintExamples();
    const row = buildView(result).rows.find((r) => r.service.name === 'checkout-web');
    expect(row?.cells).toEqual({ availability: 'flagged', capacity: 'flagged', continuity: 'flagged', security: 'defined' });
    expect(report(result, EXAMPLES_CTX)).toMatch(/^ {2}checkout-web +high +design +team-storefront +8 +! +! +! +✓$/m);
    expect(markdown(result, EXAMPLES_CTX)).toMatch(/^\| checkout-web \| high \| design \| team-storefront \| 8 \| defined, \*\*with findings\*\* \|/m);
  });

  it('counts catalog files only: a config file or a CI workflow beside the services is skipped, and says so', async () => {
    const root = tempTree({ 'a.yaml': CLEAN_LOW, '.warranty-lintrc.yaml': 'extends: recommended\n', 'ci.yml': 'on: push\njobs: {}\n' });
    const run = await runCli(['report', '--now', NOW, '.'], root);
    expect(run.stdout).toContain('Read 1 service in 1 catalog file; 2 other YAML files skipped (not service definitions).');
  });

  it('puts the stages beside the reactive share so that they add up', async () => {
    const text = report(await lintExamples(), EXAMPLES_CTX);
    expect(text).toMatch(/^ {18}strategy {2}design {2}transition {2}operation {2}missing {2}reactive$/m);
    expect(text).toMatch(/^ {2}overall +0% +86% +0% +11% +3% +12% /m);
    expect(text.replace(/\n/g, ' ')).toContain('Reactive = missing + deferred to Operation: overall 3% + 9% = 12%. The other 2% of operation is defined');
  });
});

describe('where the catalog came from', () => {
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

  it('names the git branch and commit when the paths are in a repository', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW }, { git: false });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'catalog');
    const commit = git(root, 'rev-parse', 'HEAD');
    const source = catalogSource(['services/a.yaml'], root, false);
    expect(source.git).toMatchObject({ commit, branch: 'main' });
    const run = await runCli(['report', '--summary', '--now', NOW, 'services'], root);
    expect(run.stdout).toContain(`Catalog: services, git branch main, commit ${commit.slice(0, 12)} (`);
    git(root, 'checkout', '-q', '--detach');
    expect(catalogSource(['services'], root, false).git?.branch).toBeNull();
  });

  it('names the folder outside a repository', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW }, { git: false });
    expect(catalogSource(['services'], root, false)).toEqual({ paths: ['services'], folder: root });
    const run = await runCli(['report', '--summary', '--now', NOW, 'services'], root);
    expect(run.stdout.replace(/\n/g, ' ')).toContain(`Catalog: services, folder ${root}.`);
  });
});

describe('the trend sentence', () => {
  it('counts findings waived since, and gives the reactive share only when both runs measured one', async () => {
    const result = await lintExamples();
    const cmp = compareRuns(result, buildView(result).weights, previousExamples());
    expect(trendSentence(cmp, 0.3, '→')).toBe('Since 2026-10-26 (last-month.json): 6 new findings, 1 fixed, 30 still open; 1 service added, 0 removed; reactive share 12% → 12% (no change).');
    const waived = { ...cmp, waivedSince: cmp.fixed.slice(0, 1) };
    expect(trendSentence(waived, 0.3, '→')).toContain(': 6 new findings, 1 fixed, 30 still open, 1 waived since; ');
    for (const reactive of [{ before: { ...cmp.reactive.before, overall: null }, after: cmp.reactive.after }, { before: cmp.reactive.before, after: { ...cmp.reactive.after, overall: null } }]) {
      expect(trendSentence({ ...cmp, reactive }, 0.3, '→')).toBe('Since 2026-10-26 (last-month.json): 6 new findings, 1 fixed, 30 still open; 1 service added, 0 removed.');
    }
  });
});
