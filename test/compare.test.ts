// `--compare <previous.json>` (issue 16): what changed since an earlier run, matched by
// fingerprint. Golden files for the examples are in test/fixtures/report/expected/; regenerate
// after an intended change with
//
//   UPDATE_GOLDEN=1 npx vitest run test/report-summary.test.ts test/compare.test.ts
//
// and review the diff.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns, pointsChange } from '../src/formatters/compare.js';
import { json } from '../src/formatters/json.js';
import { markdown } from '../src/formatters/markdown.js';
import { buildView } from '../src/formatters/portfolio-view.js';
import { report } from '../src/formatters/report.js';
import { CompareError, parsePreviousRun } from '../src/formatters/run-record.js';
import { CLEAN_LOW, lintYaml } from './support/lint-yaml.js';
import { runCli, tempTree } from './support/run-cli.js';
import { EXAMPLES_CTX, lintExamples, previousExamples } from './fixtures/report/cab.js';
import { CTX, NOW, expectGolden, generateCatalog } from './fixtures/report/support.js';

describe('--compare on the examples', () => {
  it('tells what changed in the report: one service fixed, one broken, one added (golden)', async () => {
    const result = await lintExamples();
    const previous = previousExamples();
    const text = report(result, { ...EXAMPLES_CTX, previous });
    expectGolden('examples-compare.txt', text);
    const prose = text.replace(/\n/g, ' ');
    expect(prose).toContain('Since 2026-10-26 (last-month.json): 6 new findings, 1 fixed, 30 still open; 1 service added, 0 removed; reactive share 12% → 12% (no change).');
    expect(text).toContain('\nCHANGES SINCE 2026-10-26\n');
    expect(text).toContain('Services added (1): reporting-warehouse.');
    expect(text).toMatch(/^ {2}error {2}continuity-objectives-inconsistent {2}checkout-web {2}examples\/retail\/checkout-web\.yaml:28$/m);
    expect(text).toMatch(/^Fixed findings \(1\):\n {2}error {2}warranty-placeholder-value {2}fx-rates {2}examples\/platform\/reference-data\.yaml:19$/m);
    expect(text).toMatch(/^ {2}security +10% +13% +\+3 points$/m);
  });

  it('tells the same in markdown, as a pull request comment puts it (golden)', async () => {
    const text = markdown(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() });
    expectGolden('examples-compare.md', text);
    expect(text).toContain('**Since 2026-10-26** (last-month.json): this change adds 6 findings and fixes 1 (30 still open); reactive share 12% → 12% (no change); 1 service added, 0 removed.');
    expect(text).toContain('<details open><summary>New findings: 6</summary>');
  });
});

describe('matching by fingerprint', () => {
  const broken = CLEAN_LOW.replace('target: 99.0', 'target: TBD');

  it('does not call a finding new because its line moved, and counts waived-since apart from fixed', () => {
    const before = parsePreviousRun(json(lintYaml(broken), CTX) as string, 'before.json');
    const moved = lintYaml(`# a comment that moves every line\n\n${broken}`);
    const same = compareRuns(moved, buildView(moved).weights, before);
    expect(same).toMatchObject({ added: [], fixed: [], waivedSince: [], stillOpen: 1, services: { added: [], removed: [] } });
    const waived = lintYaml(broken + '  waivers:\n    - { rule: warranty-placeholder-value, reason: Agreed next sprint., approvedBy: cio, expires: 2026-12-31 }\n');
    const cmp = compareRuns(waived, buildView(waived).weights, before);
    expect(cmp.fixed).toEqual([]);
    expect(cmp.waivedSince.map((f) => f.ruleId)).toEqual(['warranty-placeholder-value']);
  });

  it('matches two findings with one fingerprint one for one', () => {
    const twice = [
      { file: 'a.yaml', text: broken },
      { file: 'b.yaml', text: broken },
    ];
    const before = parsePreviousRun(json(lintYaml(twice), CTX) as string, 'before.json');
    const now = lintYaml([twice[0] as { file: string; text: string }]);
    const cmp = compareRuns(now, buildView(now).weights, before);
    expect(cmp.fixed.filter((f) => f.ruleId === 'warranty-placeholder-value')).toHaveLength(1);
    expect(cmp.added.filter((f) => f.ruleId === 'warranty-placeholder-value')).toHaveLength(0);
  });

  it('compares only errors on both sides with --quiet', () => {
    const before = parsePreviousRun(json(lintYaml(CLEAN_LOW.replace(/ {4}security:\n(?: {6}.*\n)+/, '')), CTX) as string, 'before.json');
    const now = lintYaml(CLEAN_LOW);
    expect(compareRuns(now, buildView(now).weights, before).fixed.map((f) => f.ruleId)).toEqual(['warranty-area-missing']);
    expect(compareRuns(now, buildView(now).weights, before, true).fixed).toEqual([]);
  });

  it('still compares findings with a result that does not record its services, and says what it cannot compare', () => {
    const full = JSON.parse(json(lintYaml(broken), CTX) as string) as Record<string, unknown>;
    delete full.services;
    delete full.today;
    const before = parsePreviousRun(JSON.stringify(full), 'old.json');
    const now = lintYaml(CLEAN_LOW);
    const cmp = compareRuns(now, buildView(now).weights, before);
    expect(cmp).toMatchObject({ since: null, services: null, fixed: [{ ruleId: 'warranty-placeholder-value' }] });
    expect(report(now, { ...CTX, previous: before }).replace(/\n/g, ' ')).toContain('The previous result does not record its services (written by an older warranty-lint)');
  });

  it('says a change in points, signed', () => {
    expect(pointsChange(0.12, 0.14)).toBe('+2 points');
    expect(pointsChange(0.14, 0.13)).toBe('-1 point');
    expect(pointsChange(0.1, 0.1)).toBe('no change');
    expect(pointsChange(null, 0.1)).toBe('');
  });
});

describe('--compare in the text report', () => {
  it('names the services removed, and the areas whose state changed', async () => {
    const previous = previousExamples();
    const services = previous.services ?? [];
    const fx = services.find((sv) => sv.name === 'fx-rates')!;
    const gone = ['old-billing', 'old-ledger'].map((name) => ({ ...fx, name, file: `examples/${name}.yaml` }));
    const changed = services.map((sv) => (sv === fx ? { ...sv, areas: { ...sv.areas, security: 'missing' as const } } : sv));
    const text = report(await lintExamples(), { ...EXAMPLES_CTX, previous: { ...previous, services: [...changed, ...gone] } });
    expect(text).toContain('\nServices removed (2): old-billing, old-ledger.\n');
    expect(text).toContain('\nAreas whose state changed (1):\n  fx-rates security: missing → defined\n');
  });

  it('says nothing of changed services when none changed', async () => {
    const result = await lintExamples();
    const same = parsePreviousRun(json(result, CTX) as string, 'same.json');
    expect(report(result, { ...EXAMPLES_CTX, previous: same })).not.toContain('Services whose open findings changed');
  });

  it('lists the 20 most changed services and counts the rest', () => {
    const result = lintYaml(generateCatalog(300), { now: NOW });
    const before = { ...parsePreviousRun(json(result, CTX) as string, 'before.json'), findings: [] };
    const changed = compareRuns(result, buildView(result).weights, before).changedServices.length;
    expect(changed).toBeGreaterThan(21);
    const lines = report(result, { ...CTX, previous: before }).split('\n');
    const head = lines.indexOf(`Services whose open findings changed (${changed}), most changed first:`);
    expect(lines.slice(head + 1, head + 21).every((l) => /^ {2}\S+: \d+ new, 0 fixed$/.test(l))).toBe(true);
    expect(lines[head + 21]).toBe(`  and ${changed - 20} more services, in the lists below.`);
  });

  it('indents the continuation of a wrapped change under its first line, at the narrowest width', () => {
    const result = lintYaml(generateCatalog(300), { now: NOW });
    const before = parsePreviousRun(json(result, CTX) as string, 'before.json');
    const longest = (before.services ?? []).reduce((a, b) => ((b.name ?? '').length > (a.name ?? '').length ? b : a));
    const flipped = { ...longest, areas: { ...longest.areas, security: longest.areas.security === 'missing' ? ('defined' as const) : ('missing' as const) } };
    const previous = { ...before, findings: [], services: (before.services ?? []).map((sv) => (sv === longest ? flipped : sv)) };
    const lines = report(result, { ...CTX, width: 60, previous }).split('\n');
    // The lines of a list: indented, after its title (which itself may wrap at this width).
    const block = (title: RegExp): string[] => {
      const head = lines.findIndex((t) => title.test(t));
      const first = lines.findIndex((l, i) => i > head && l.startsWith('  '));
      const end = lines.findIndex((l, i) => i > first && !l.startsWith('  '));
      return lines.slice(first, end);
    };
    const areas = block(/^Areas whose state changed \(1\):$/);
    expect(areas[0]).toMatch(/^ {2}\S/);
    expect(areas.length).toBeGreaterThan(1);
    expect(areas.slice(1).every((l) => /^ {4}\S/.test(l))).toBe(true);
    const services = block(/^Services whose open findings changed/).slice(0, -1);
    expect(services.every((l) => /^ {2}\S|^ {4}\S/.test(l))).toBe(true);
    expect(services.filter((l) => /^ {4}\S/.test(l)).length).toBeGreaterThan(0);
  });
});

describe('--compare from the command line', () => {
  const tree = (): string => tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });

  it('compares with a JSON result written by an earlier run, in report, markdown and html', async () => {
    const root = tree();
    expect((await runCli(['-f', 'json=previous.json', '--now', NOW, 'services'], root)).code).toBe(1);
    writeFileSync(join(root, 'services/a.yaml'), CLEAN_LOW);
    const run = await runCli(['-f', 'report', '-f', 'markdown=pr.md', '-f', 'html=report.html', '--compare', 'previous.json', '--now', NOW, 'services'], root);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n/g, ' ')).toContain('Since 2026-11-26 (previous.json): 0 new findings, 1 fixed, 0 still open; 0 services added, 0 removed;');
    expect(run.written.get('pr.md')).toContain('this change adds 0 findings and fixes 1 (0 still open)');
    expect(run.written.get('report.html')).toContain('<h2>Changes since 2026-11-26</h2>');
  });

  it.each([
    ['not JSON', 'not json {', /--compare previous\.json: not JSON \(/],
    ['a SARIF log', JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [] }), /a SARIF log, not a warranty-lint JSON result/],
    ['a baseline', JSON.stringify({ version: 1, entries: [] }), /a baseline, not a warranty-lint JSON result/],
    ['another version', JSON.stringify({ version: 2, findings: [], summary: {} }), /a JSON result of version 2; this warranty-lint reads version 1/],
    ['findings without fingerprints', JSON.stringify({ version: 1, findings: [{ ruleId: 'x', severity: 'error', waived: false }], summary: { reactiveShare: 0 } }), /findings\[0\] has no fingerprint/],
    ['a list', '[]', /not a warranty-lint JSON result \(not an object\)/],
  ])('refuses %s with exit 2 and says what to compare with', async (_name, text, message) => {
    const root = tree();
    writeFileSync(join(root, 'previous.json'), text);
    const run = await runCli(['report', '--compare', 'previous.json', '--now', NOW, 'services'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Compare with the JSON result of an earlier run, written with -f json=FILE.');
    expect(run.stdout).toBe('');
  });

  it('refuses a missing file, and --compare with formats that show no trend', async () => {
    const root = tree();
    const missing = await runCli(['report', '--compare', 'nope.json', '--now', NOW, 'services'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--compare nope.json: the file does not exist');
    writeFileSync(join(root, 'previous.json'), '{}');
    const stylish = await runCli(['--compare', 'previous.json', '--now', NOW, 'services'], root);
    expect(stylish.code).toBe(2);
    expect(stylish.stderr).toContain('--compare is for the report, markdown, html formats');
  });

  it('throws CompareError (a usage error) from the parser', () => {
    expect(() => parsePreviousRun('null', 'x.json')).toThrow(CompareError);
    // A library caller that prints the error sees its kind.
    expect(() => parsePreviousRun('null', 'x.json')).toThrow(expect.objectContaining({ name: 'CompareError' }));
    // JSON that is a string or a number is not an object either, and says so rather than failing on it.
    for (const text of ['"a result"', '42']) {
      expect(() => parsePreviousRun(text, 'x.json')).toThrow(new CompareError('--compare x.json: not a warranty-lint JSON result (not an object). Compare with the JSON result of an earlier run, written with -f json=FILE.'));
    }
  });
});
