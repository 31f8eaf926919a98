// The human formats' details the golden files do not reach: quiet markdown, a finding on a file
// without a line, the report's header and colours, an owner missing from a gap, SARIF at the root.
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/engine/finding.js';
import { markdown } from '../../src/formatters/markdown.js';
import { report } from '../../src/formatters/report.js';
import { sarif } from '../../src/formatters/sarif.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { CTX, sampleResult } from './support.js';

/** The first two cells (file:line, severity) of each row of the markdown findings table. */
function findingRows(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| file:line |'));
  const end = lines.indexOf('', start);
  return lines.slice(start + 2, end).map((l) => l.split(' | ').slice(0, 2).join(' | '));
}

/** sampleResult with a warning on no service and an error on a file that has no line. */
function withFileFindings() {
  const result = sampleResult();
  result.findings.push(
    makeFinding({ ruleId: 'file-unreadable', severity: 'error', message: 'services/gone.yaml cannot be read.', file: 'services/gone.yaml', range: null, service: null, area: null, pointer: null, document: null }),
    makeFinding({ ruleId: 'waiver-unused', severity: 'warning', message: 'A waiver in services/clean.yaml matches nothing.', file: 'services/clean.yaml', range: { line: 30, column: 5, endLine: 30, endColumn: 9 }, service: null, area: null, pointer: null, document: null }),
  );
  return result;
}

describe('markdown', () => {
  it('lists every finding, waived ones marked, and a file without a line by its name alone', () => {
    const rows = findingRows(markdown(withFileFindings(), CTX));
    expect(rows).toContain('| services/gone.yaml | error');
    expect(rows).toContain('| services/clean.yaml:30 | warning');
    expect(rows).toContain('| services/search.yaml:4 | waived error');
    expect(rows.some((r) => /^\| services\/search\.yaml:\d+ \| warning$/.test(r))).toBe(true);
  });

  it('lists only open errors when quiet, of services and of files alike', () => {
    const rows = findingRows(markdown(withFileFindings(), { ...CTX, quiet: true }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.endsWith(' | error'))).toBe(true);
    expect(rows.some((r) => /^\| services\/pay ments\.yaml:\d+ \| error$/.test(r))).toBe(true);
    expect(rows).toContain('| services/gone.yaml | error');
    expect(rows).toContain('| (portfolio) | error');
  });
});

describe('report', () => {
  const firstLine = (text: string): string => text.split('\n')[0] as string;
  const version = 'v'.repeat(40);
  const title = 'WARRANTY REPORT  2026-11-26';
  const by = `warranty-lint ${version}`;

  it('puts the version at the right of the title when both fit with two spaces between, else leaves it out', () => {
    const exact = title.length + 2 + by.length;
    expect(firstLine(report(sampleResult(), { ...CTX, version, width: exact }))).toBe(`${title}  ${by}`);
    expect(firstLine(report(sampleResult(), { ...CTX, version, width: exact + 3 }))).toBe(`${title}     ${by}`);
    expect(firstLine(report(sampleResult(), { ...CTX, version, width: exact - 1 }))).toBe(title);
  });

  it('paints a gap by its severity: errors red, warnings yellow, infos blue, waived ones dim', () => {
    const result = sampleResult();
    const warning = result.findings.find((f) => f.severity === 'warning' && f.service === 'search');
    result.findings.push({ ...warning!, severity: 'info', line: 40, message: 'service "search" has a note.' });
    const text = report(result, { ...CTX, color: true });
    expect(text).toMatch(/services\/pay ments\.yaml:\d+ {2}\u001b\[31merror\u001b\[39m/);
    expect(text).toMatch(/services\/search\.yaml:\d+ {2}\u001b\[33mwarning\u001b\[39m/);
    expect(text).toMatch(/services\/search\.yaml:40 {2}\u001b\[34minfo\u001b\[39m/);
    expect(text).toMatch(/services\/search\.yaml:4 {2}\u001b\[2mwaived error\u001b\[22m/);
  });

  it('says a service without an owner has none, in its gaps', () => {
    const text = report(lintYaml(CLEAN_LOW.replace('  owner: team-search\n', '')), CTX);
    expect(text).toMatch(/^search {2}\(low, design, owner \(none\), \d+ open findings?\)$/m);
  });
});

describe('sarif', () => {
  it('gives the root of the file system as file:/// and ends with a newline', () => {
    const text = sarif(sampleResult(), { ...CTX, root: '/' });
    expect(text.endsWith('}\n')).toBe(true);
    const log = JSON.parse(text) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string; description: { text: string } }> }> };
    const base = log.runs[0]!.originalUriBaseIds['%SRCROOT%']!;
    expect(base.uri).toBe('file:///');
    expect(base.description.text).toMatch(/root of the repository/);
  });
});
