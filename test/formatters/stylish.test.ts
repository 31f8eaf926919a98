import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { runCli, tempTree } from '../support/run-cli.js';
import { CTX, hostileResult, sampleResult } from './support.js';

describe('stylish formatter', () => {
  it('groups findings by file as `line:col  severity  message  rule`, portfolio last, then one summary line', () => {
    const text = stylish(sampleResult(), CTX);
    const lines = text.split('\n');
    expect(lines[0]).toBe('services/pay ments.yaml');
    expect(lines[1]).toMatch(/^ {2}\d+:\d+ {2}error {2}service "payments" has .*TBD.* {2}warranty-placeholder-value$/);
    expect(text).toContain('\nservices/search.yaml\n');
    expect(text).toMatch(/\n {2}\d+:\d+ {2}(error|warning) {2}service "search" .* {2}warranty-area-missing\n/);
    expect(text).toMatch(/\n\(portfolio\)\n {2} {2}error {2}The portfolio is reactive: 85% of warranty is left to Operation\. {2}warranty-area-missing\n/);
    expect(text.endsWith('\n')).toBe(true);
    // The summary line counts what the summary says (sampleResult adds its waived and portfolio findings after).
    expect(lines.at(-2)).toBe('✖ 2 problems (1 error, 1 warning) in 3 services');
  });

  it('aligns the position and severity columns within a file', () => {
    const result = sampleResult();
    const [first] = result.findings.filter((f) => f.file === 'services/search.yaml');
    result.findings.push({ ...first!, line: 120, column: 33, severity: 'info', message: 'a later one' });
    const rows = stylish(result, CTX).split('\n').filter((l) => l.startsWith('  ') && !l.startsWith('    '));
    const searchRows = rows.filter((l) => /service "search"|a later one/.test(l));
    expect(searchRows).toHaveLength(2);
    expect(new Set(searchRows.map((l) => l.search(/(error|warning|info) {2}/))).size).toBe(1);
    expect(searchRows.find((l) => l.includes('a later one'))).toMatch(/^ {2}120:33 {2}info {5}a later one {2}warranty-area-missing$/);
  });

  it('never shows a waived finding, but counts it in the summary', () => {
    const result = sampleResult();
    result.summary = { ...result.summary, waived: 1 };
    const text = stylish(result, CTX);
    expect(text).not.toContain('has a waived placeholder');
    expect(text).toContain('(1 waived)');
  });

  it('shows errors only when quiet', () => {
    const text = stylish(sampleResult(), { ...CTX, quiet: true });
    expect(text).not.toMatch(/ {2}warning {2}/);
    expect(text).toMatch(/ {2}error {2}/);
  });

  it('says there is no problem only when there is none', () => {
    const clean = { ...sampleResult(), findings: [], summary: { ...sampleResult().summary, errors: 0, warnings: 0, infos: 0, waived: 0 } };
    expect(stylish(clean, CTX)).toBe('✔ no problems in 3 services\n');
  });

  it('counts infos in the summary line, one info as "1 info"', () => {
    const withInfos = (infos: number): string => {
      const r = sampleResult();
      r.summary = { ...r.summary, infos };
      return stylish(r, CTX).split('\n').at(-2) as string;
    };
    expect(withInfos(1)).toBe('✖ 3 problems (1 error, 1 warning, 1 info) in 3 services');
    expect(withInfos(2)).toBe('✖ 4 problems (1 error, 1 warning, 2 infos) in 3 services');
  });

  it('says which paths were not found after the problems, and paints the line red for errors or missing paths, else yellow', () => {
    const summaryLine = (errors: number, missing: string[]): string => {
      const r = sampleResult();
      r.summary = { ...r.summary, errors };
      r.missing = missing;
      return stylish(r, { ...CTX, color: true }).split('\n').at(-2) as string;
    };
    const red = '\u001b[31m\u001b[1m';
    const yellow = '\u001b[33m\u001b[1m';
    expect(summaryLine(1, [])).toBe(`${red}✖ 2 problems (1 error, 1 warning) in 3 services\u001b[22m\u001b[39m`);
    expect(summaryLine(0, [])).toBe(`${yellow}✖ 1 problem (0 errors, 1 warning) in 3 services\u001b[22m\u001b[39m`);
    expect(summaryLine(0, ['nowhere/'])).toBe(`${red}✖ 1 problem (0 errors, 1 warning) in 3 services; 1 path not found or empty (see above)\u001b[22m\u001b[39m`);
  });

  it('escapes control and bidirectional characters from files, and colours only when asked', () => {
    const plain = stylish(hostileResult(), CTX);
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(plain).toContain('\\x1b');
    expect(plain).toContain('\\u202e');
    const coloured = stylish(sampleResult(), { ...CTX, color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(stylish(sampleResult(), CTX)).not.toContain('\u001b[');
  });

  it('end to end, --quiet leaves warnings and waived findings out of the console output and its summary', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace(/    security:[\s\S]*/, '') });
    const loud = await runCli(['--now', '2026-11-26', 'services'], root);
    const quiet = await runCli(['--now', '2026-11-26', '--quiet', 'services'], root);
    expect(loud.stdout).toMatch(/ warning /);
    expect(quiet.stdout).not.toMatch(/ warning /);
    expect(quiet.stdout).toMatch(/ error /);
    expect(quiet.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
    expect(quiet.code).toBe(1);
  });
});

describe('stylish summary line, in-process', () => {
  const line = (summary: Partial<ReturnType<typeof sampleResult>['summary']>, over: { missing?: string[]; files?: string[]; color?: boolean } = {}): string => {
    const r = sampleResult();
    r.findings = [];
    r.summary = { ...r.summary, errors: 0, warnings: 0, infos: 0, waived: 0, baselined: 0, ...summary };
    r.missing = over.missing ?? [];
    if (over.files) r.files = over.files;
    return stylish(r, { ...CTX, color: over.color ?? false }).split('\n').at(-2) as string;
  };

  it('names what was waived and baselined, and one service in the singular', () => {
    expect(line({ waived: 1, baselined: 2, services: 1 })).toBe('✔ no problems in 1 service (1 waived, 2 baselined)');
    expect(line({ baselined: 1 })).toBe('✔ no problems in 3 services (1 baselined)');
    expect(line({ infos: 1, services: 1 })).toBe('✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 service');
  });

  it('never reads as a success when paths were not found', () => {
    expect(line({}, { missing: ['a/', 'b/'] })).toBe('✖ no problems in 3 services, but 2 paths not found or empty (see above)');
    expect(line({}, { missing: ['a/'], files: [] })).toBe('✖ nothing was linted: 1 path not found or empty (see above)');
    expect(line({ errors: 1 }, { files: [] })).toBe('✖ 1 problem (1 error, 0 warnings) in 3 services');
  });

  it('paints success green, nothing-linted red, and infos alone yellow', () => {
    expect(line({}, { color: true })).toBe('\u001b[32m✔ no problems in 3 services\u001b[39m');
    expect(line({}, { missing: ['a/'], files: [], color: true })).toBe('\u001b[31m\u001b[1m✖ nothing was linted: 1 path not found or empty (see above)\u001b[22m\u001b[39m');
    expect(line({}, { missing: ['a/'], color: true })).toBe('\u001b[31m\u001b[1m✖ no problems in 3 services, but 1 path not found or empty (see above)\u001b[22m\u001b[39m');
    expect(line({ infos: 2 }, { color: true })).toBe('\u001b[33m\u001b[1m✖ 2 problems (0 errors, 0 warnings, 2 infos) in 3 services\u001b[22m\u001b[39m');
  });
});
