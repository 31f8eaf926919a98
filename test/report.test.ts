// The text report (SPEC §7 "report"). Golden files are in test/fixtures/report/expected/; after an
// intended change, regenerate them with
//
//   UPDATE_GOLDEN=1 npx vitest run test/report.test.ts test/markdown.test.ts
//
// and review the diff. The golden files follow the rule set: when rules are added or their
// messages change, regenerate and read what changed.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { localeIsUtf8, type Io } from '../src/cli/io.js';
import { plannedShares, plannedStage, reactiveShareByArea } from '../src/model/portfolio.js';
import { defaultConfig } from '../src/config/defaults.js';
import { buildView, sharePercent, wholePercents } from '../src/formatters/portfolio-view.js';
import { report } from '../src/formatters/report.js';
import { lint } from '../src/engine/lint.js';
import { makeFinding } from '../src/engine/finding.js';
import { resolveConfig } from '../src/config/resolve.js';
import { displayWidth, truncate, truncateMiddle, wrap } from '../src/formatters/text-layout.js';
import { CLEAN_LOW, lintYaml } from './support/lint-yaml.js';
import { fakeIo } from './support/run-cli.js';
import { CTX, FIXTURES, NOW, expectGolden, generateCatalog, lintFixture } from './fixtures/report/support.js';

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');
const widest = (text: string): number => Math.max(...lines(text).map(displayWidth));
/** The rows of the coverage matrix: between its header row and the blank line after it. */
function matrixRows(text: string): string[] {
  const all = lines(text);
  const head = all.findIndex((l) => /^ {2}service +tier/.test(l));
  const end = all.indexOf('', head);
  return all.slice(head + 1, end);
}

describe('report: golden files', () => {
  it('reports the fixture catalog: header, reactive share, planning, matrix, gaps', async () => {
    const result = await lintFixture('catalog');
    const text = report(result, CTX);
    expectGolden('catalog.txt', text);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).toContain(`WARRANTY REPORT  ${NOW}`);
    expect(text).toContain('Read 6 services in 5 catalog files.');
    // Worst first: critical services, the one with errors before the clean ones; low tier last.
    const rows = matrixRows(text).map((l) => l.trim().split(/\s+/)[0]);
    expect(rows).toEqual(['orders', 'auth-service', 'payments-api', 'search', 'fx-rates', 'legacy-nightly-se…-old-ledger']);
    // The cells: placeholder, missing, deferred, defined with open findings; a waived area; an escaped owner.
    expect(matrixRows(text)[0]).toMatch(/orders +critical +operation +team-orders +\d+ +\? +✗ +~ +!$/);
    expect(matrixRows(text)[5]).toMatch(/~ +✗ +✗ +w$/);
    expect(matrixRows(text)[4]).toMatch(/^ {2}fx-rates .* ! +- +✓ +✓$/); // capacity without its forecast
    expect(text).toContain('finance-\\x1b[31mops');
    expect(text).not.toContain('\u001b');
    // Each gap: file:line, rule, the accountable owner and the remediation.
    expect(text).toContain('  catalog/orders.yaml:13  error  warranty-placeholder-value  owner team-orders\n');
    expect(text).toMatch(/ {4}fix: Replace the placeholder/);
    expect(text).toContain('  catalog/broken.yaml:6  error  yaml-syntax\n');
  });

  it('reports examples/, the catalog a new user lints first', async () => {
    const root = new URL('../', import.meta.url).pathname;
    const result = await lint({ paths: ['examples'], cwd: root, config: resolveConfig({}), now: NOW });
    const text = report(result, { ...CTX, cwd: root });
    expectGolden('examples.txt', text);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).toContain('Read 12 services in 10 catalog files, SLOs in 2 files; 1 other YAML file skipped (not service\ndefinitions).');
  });

  it('reports the fixture catalog in ASCII at 72 columns', async () => {
    const text = report(await lintFixture('catalog'), { ...CTX, ascii: true, width: 72 });
    expectGolden('catalog-ascii-72.txt', text);
    expect(widest(text)).toBeLessThanOrEqual(72);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text).toContain('  legacy-night...-ledger  low ');
  });

  it('reports an empty catalog: one file read, no service, nothing to measure', async () => {
    const result = await lintFixture('empty');
    expect(result.summary.services).toBe(0);
    const text = report(result, CTX);
    expectGolden('empty.txt', text);
    // A YAML file that is not a service definition is read and skipped: it is not a catalog file.
    expect(text).toContain('Read 0 services in 0 catalog files; 1 other YAML file skipped (not service definitions).');
    expect(text).toContain('No service was read, so there is no reactive share to measure.');
    expect(text).toContain('No service was read.\n');
  });

  it('reports a portfolio over the reactive threshold and says what it means', async () => {
    const result = await lintFixture('reactive');
    // critical 4 × 4 areas and high 3 × 4 areas are reactive, low 1 × 4 are not: 28 / 32.
    expect(result.summary.reactiveShare).toBe(28 / 32);
    const text = report(result, CTX);
    expectGolden('reactive.txt', text);
    expect(text).toMatch(/ {2}overall +88% +\[/);
    const prose = text.replace(/\n/g, ' ');
    expect(prose).toContain('At or over the 80% threshold');
    expect(prose).toContain('this portfolio is a reactive provider');
  });

  it('measures against the configured threshold, written as configured', async () => {
    const portfolio = { ...defaultConfig().portfolio, reactiveThreshold: 0.205 };
    const text = report(await lintFixture('catalog'), { ...CTX, portfolio });
    expect(text).toContain('the threshold is 20.5%');
    expect(text.replace(/\n/g, ' ')).toContain('At or over the 20.5% threshold');
  });

  it('stays readable at 500 services: every line within the width, long names truncated', () => {
    const files = generateCatalog(500);
    const result = lintYaml(files, { now: NOW });
    expect(result.summary.services).toBe(500);
    const text = report(result, { ...CTX, width: 80 });
    expectGolden('generated-500-w80.txt', text);
    expect(widest(text)).toBeLessThanOrEqual(80);
    const rows = matrixRows(text);
    expect(rows).toHaveLength(500);
    const names = rows.map((l) => l.trim().split(/\s+/)[0]);
    expect(names.filter((n) => n?.includes('…')).length).toBeGreaterThan(50);
    // Cut in the middle, names that share a prefix stay told apart by their ends.
    expect(new Set(names).size).toBe(500);
    // Every row keeps its four cells aligned in the same columns.
    const cellsAt = (l: string): number => displayWidth(l.replace(/(?: {2,4}\S){4}$/, ''));
    expect(new Set(rows.map(cellsAt)).size).toBe(1);
    // A truncated name is written in full in the gaps section.
    const longest = files.map((f) => /name: (\S+)/.exec(f.text)?.[1] ?? '').sort((a, b) => b.length - a.length)[0] as string;
    expect(rows.some((l) => l.includes(longest))).toBe(false);
  });

  it('keeps every line within the width at the narrowest width, in ASCII', () => {
    const text = report(lintYaml(generateCatalog(60, 7), { now: NOW }), { ...CTX, width: 60, ascii: true });
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(matrixRows(text)).toHaveLength(60);
  });
});

describe('report: content', () => {
  it('escapes control and bidi characters from files, and wraps long values within the width', () => {
    const yaml = CLEAN_LOW.replace('owner: team-search', 'owner: "team-\\e]8;;http://x\\a\\u202Eevil-owner-with-a-long-name-that-goes-on-and-on-and-on-and-on-and-on"').replace('target: 99.0', 'target: TBD');
    const text = report(lintYaml(yaml), { ...CTX, width: 60 });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text).toContain('\\x1b]8;;http://x\\x07\\u202eevil');
    expect(widest(text)).toBeLessThanOrEqual(60);
  });

  it('lists waived findings as waived and counts them in the header', () => {
    const yaml = CLEAN_LOW.replace(/ {4}security:\n(?: {6}.*\n)+/, '') + '  waivers:\n    - { rule: warranty-area-missing, area: security, reason: Public data only., approvedBy: ciso, expires: 2027-01-31 }\n';
    const result = lintYaml(yaml);
    const text = report(result, CTX);
    expect(text).toContain('; 1 waived, 0 baselined.');
    expect(text).toMatch(/test\.yaml:\d+ {2}waived warning {2}warranty-area-missing/);
    expect(matrixRows(text)[0]).toMatch(/✓ +✓ +✓ +w$/);
  });

  it('lists findings without a service apart, and counts the services it does not list', () => {
    const services = ['a', 'b'].map((n) => ({ file: `services/${n}.yaml`, text: CLEAN_LOW.replace('name: search', `name: ${n}`) }));
    const withOther = (severity: 'error' | 'warning', file: string | null): ReturnType<typeof lintYaml> => {
      const r = lintYaml(services);
      r.findings.push(makeFinding({ ruleId: 'warranty-area-missing', severity, message: 'Something about no service.', file, range: null, service: null, area: null, pointer: null, document: null }));
      return r;
    };
    const loud = report(withOther('warning', null), CTX);
    expect(loud).toContain('\nFiles and portfolio (no service)\n');
    expect(loud.replace(/\n/g, ' ')).toContain('2 services have no findings and are not listed.');
    // --quiet leaves the warning out: nothing is listed, so no service is "not listed" either.
    const quiet = report(withOther('warning', null), { ...CTX, quiet: true });
    expect(quiet).not.toContain('Files and portfolio');
    expect(quiet).toContain('No open errors.');
    expect(quiet).not.toContain('not listed');
    // A finding about a file as a whole has no line to name.
    const one = withOther('error', 'services/a.yaml');
    one.findings = one.findings.filter((f) => f.service !== 'b');
    const text = report({ ...one, services: one.services.filter((sv) => sv.name === 'a') }, { ...CTX, quiet: true });
    expect(text).toContain('\n  services/a.yaml  error  warranty-area-missing\n');
    expect(text.replace(/\n/g, ' ')).toContain('1 service has no open errors and is not listed.');
  });

  it('names the owner of each finding, or (none) for a service without one', () => {
    const text = report(lintYaml(CLEAN_LOW.replace('  owner: team-search\n', '').replace('target: 99.0', 'target: TBD')), CTX);
    expect(text).toMatch(/\n {2}test\.yaml:\d+ {2}error {2}warranty-placeholder-value {2}owner \(none\)\n/);
  });

  it('shows only open errors with --quiet', () => {
    const yaml = CLEAN_LOW.replace(/ {4}security:\n(?: {6}.*\n)+/, '').replace('target: 99.0', 'target: TBD');
    const text = report(lintYaml(yaml), { ...CTX, quiet: true });
    expect(text).toContain('warranty-placeholder-value');
    expect(text).not.toContain('warranty-area-missing');
  });

  it('gives an unnamed service a row, and lists a duplicate document with the service it repeats, not as a row of its own', () => {
    const unnamed = CLEAN_LOW.replace('  name: search\n', '');
    const result = lintYaml([
      { file: 'a.yaml', text: CLEAN_LOW },
      { file: 'b.yaml', text: CLEAN_LOW.replace('target: 99.0', 'target: TBD') },
      { file: 'c.yaml', text: unnamed },
    ]);
    const text = report(result, CTX);
    const rows = matrixRows(text);
    expect(rows).toHaveLength(2);
    expect(rows.some((l) => l.includes('(unnamed, c.yaml)'))).toBe(true);
    // One "search" row, with the first document's areas; the duplicate's findings are its gaps too.
    const search = rows.filter((l) => /^ {2}search /.test(l));
    expect(search).toHaveLength(1);
    expect(search[0]).toMatch(/ 2 +✓ +✓ +✓ +✓$/);
    expect(text).toContain('  b.yaml:4  error  duplicate-service');
    expect(text).toContain('  b.yaml:11  error  warranty-placeholder-value');
  });

  it('paints only when colour is allowed', () => {
    const result = lintYaml(CLEAN_LOW.replace('target: 99.0', 'target: TBD'));
    expect(report(result, CTX)).not.toContain('\u001b[');
    expect(report(result, { ...CTX, color: true })).toContain('\u001b[');
  });
});

describe('portfolio: shares by area and by planning stage', () => {
  it('weights each service by its tier and puts deferred areas in operation', async () => {
    const result = await lintFixture('reactive');
    const config = defaultConfig();
    expect(reactiveShareByArea(result.services, config)).toEqual({ availability: 28 / 32, capacity: 28 / 32, continuity: 28 / 32, security: 28 / 32 });
    const [core, cards, locator] = result.services;
    expect(core && plannedStage(core, 'availability')).toBe('missing');
    expect(core && plannedStage(core, 'security')).toBe('operation'); // deferred by its text
    expect(cards && plannedStage(cards, 'capacity')).toBe('operation');
    expect(locator && plannedStage(locator, 'continuity')).toBe('design');
    const shares = plannedShares(result.services, config);
    expect(shares.security).toEqual({ strategy: 0, design: 4 / 32, transition: 0, operation: 28 / 32, missing: 0 });
    expect(shares.overall.missing).toBeCloseTo(12 / 32);
  });

  it("falls back to the service's lifecycle stage when an area has no plannedIn", () => {
    const [service] = lintYaml(CLEAN_LOW.replace('lifecycleStage: design', 'lifecycleStage: transition')).services;
    expect(service && plannedStage(service, 'availability')).toBe('transition');
  });

  it('never rounds a share across the threshold, and percentages add up to 100', () => {
    expect(sharePercent(0.796, 0.8)).toBe('79.6%');
    expect(sharePercent(0.8, 0.8)).toBe('80%');
    expect(sharePercent(0.5, 0.8)).toBe('50%');
    expect(wholePercents([1 / 3, 1 / 3, 1 / 3, 0, 0])).toEqual([34, 33, 33, 0, 0]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it('ties findings to their service and leaves file findings apart', async () => {
    const view = buildView(await lintFixture('catalog'));
    expect(view.other.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
    expect(view.rows.find((r) => r.service.name === 'orders')?.cells).toEqual({ availability: 'placeholder', capacity: 'missing', continuity: 'deferred', security: 'flagged' });
  });
});

describe('text layout', () => {
  it('measures wide characters as two columns and truncates with an ellipsis', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('決済サービス')).toBe(12);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('payments-api', 8, '…')).toBe('payment…');
    expect(truncate('payments-api', 8, '...')).toBe('payme...');
    expect(truncate('決済サービス', 7, '…')).toBe('決済サ…');
    expect(truncate('short', 8, '…')).toBe('short');
    expect(truncateMiddle('payments-gateway-eu-west-1', 16, '…')).toBe('payments-…west-1');
    expect(truncateMiddle('payments-gateway-eu-west-1', 16, '...')).toBe('payments...est-1');
    expect(displayWidth(truncateMiddle('決済サービス-決済サービス', 9, '…'))).toBeLessThanOrEqual(9);
    expect(truncateMiddle('short', 8, '…')).toBe('short');
  });

  it('wraps words within the width, keeps the gaps between columns and splits overlong words', () => {
    expect(wrap('one two  three four', 10)).toEqual(['one two', 'three four']);
    expect(wrap('a  b', 10)).toEqual(['a  b']);
    expect(wrap('x'.repeat(25), 10, '  ')).toEqual(['  xxxxxxxx', '  xxxxxxxx', '  xxxxxxxx', '  x']);
    for (const l of wrap('path/' + 'deep/'.repeat(30) + 'file.yaml:12  error  rule', 40, '  ', '      ')) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });
});

describe('warranty-lint report (CLI)', () => {
  const reportIo = (over: Partial<Io> = {}): ReturnType<typeof fakeIo> => fakeIo(FIXTURES, { over: { writeFile: () => undefined, ...over } });

  it('prints the report, the same as -f report, and exits as lint does', async () => {
    const a = reportIo();
    expect(await main(['node', 'warranty-lint', 'report', '--now', NOW, '--width', '90', 'catalog'], a)).toBe(1);
    const b = reportIo();
    expect(await main(['node', 'warranty-lint', '-f', 'report', '--now', NOW, '--width', '90', 'catalog'], b)).toBe(1);
    expect(a.out).toBe(b.out);
    expect(a.out).toMatch(/^WARRANTY REPORT {2}2026-11-26 +warranty-lint \S+\n═{90}\n/);
    expect(widest(a.out)).toBeLessThanOrEqual(90);
    const c = reportIo();
    expect(await main(['node', 'warranty-lint', 'report', '--now', NOW, '--fail-on', 'never', 'catalog'], c)).toBe(0);
  });

  it('uses the terminal width, else 100, and ASCII with --ascii or a locale that is not UTF-8', async () => {
    const term = reportIo({ columns: 70 });
    await main(['node', 'warranty-lint', 'report', '--now', NOW, 'catalog'], term);
    expect(widest(term.out)).toBe(70);
    const plain = reportIo();
    await main(['node', 'warranty-lint', 'report', '--now', NOW, 'catalog'], plain);
    expect(widest(plain.out)).toBe(100);
    const ascii = reportIo();
    await main(['node', 'warranty-lint', 'report', '--ascii', '--now', NOW, 'catalog'], ascii);
    expect(ascii.out).toMatch(/^[\x20-\x7e\n]*$/);
    const locale = reportIo({ unicode: false });
    await main(['node', 'warranty-lint', 'report', '--now', NOW, 'catalog'], locale);
    expect(locale.out).toBe(ascii.out);
  });

  it('refuses a width under 60 with exit 2', async () => {
    const io = reportIo();
    expect(await main(['node', 'warranty-lint', 'report', '--width', '30', 'catalog'], io)).toBe(2);
    expect(io.err).toContain('--width takes a whole number of columns, 60 or more (got "30")');
  });

  it('reads the locale as POSIX does: LC_ALL, then LC_CTYPE, then LANG', () => {
    expect(localeIsUtf8({ LANG: 'en_GB.UTF-8' }, 'linux')).toBe(true);
    expect(localeIsUtf8({ LANG: 'C.utf8' }, 'linux')).toBe(true);
    expect(localeIsUtf8({ LC_ALL: 'C', LANG: 'en_GB.UTF-8' }, 'linux')).toBe(false);
    expect(localeIsUtf8({ LC_CTYPE: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8' }, 'linux')).toBe(false);
    expect(localeIsUtf8({ LC_ALL: '', LANG: 'en_US.UTF-8' }, 'linux')).toBe(true);
    expect(localeIsUtf8({}, 'linux')).toBe(false);
    expect(localeIsUtf8({}, 'win32')).toBe(true);
  });
});
