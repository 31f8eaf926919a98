// -f csv: the coverage matrix for a spreadsheet, safe against formula injection (OWASP).
import { describe, expect, it } from 'vitest';
import { csv, csvCell } from '../../src/formatters/csv.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { runCli, tempTree } from '../support/run-cli.js';

const CTX = { color: false, cwd: '/', version: '0.0.0' };

describe('csv', () => {
  it('writes one row per service, worst first, with the state of each area', () => {
    const result = lintYaml([
      { file: 'a.yaml', text: CLEAN_LOW },
      { file: 'b.yaml', text: CLEAN_LOW.replace('name: search', 'name: other').replace('target: 99.0', 'target: TBD') },
    ]);
    expect(csv(result, CTX)).toBe(
      'service,file,tier,stage,owner,open,errors,warnings,waived,availability,capacity,continuity,security\r\n' +
        'other,b.yaml,low,design,team-search,1,1,0,0,placeholder,defined,defined,defined\r\n' +
        'search,a.yaml,low,design,team-search,0,0,0,0,defined,defined,defined,defined\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+cmd|calc', `"'+1+cmd|calc"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    // Control characters are escaped visibly first (SPEC §8), so none can start a cell.
    ['\tleading tab', '\\tleading tab'],
    ['\r\n=1', '\\r\\n=1'],
    ['a,b "c"', '"a,b ""c"""'],
    ['team-payments', 'team-payments'],
  ])('makes %j inert in a spreadsheet', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('guards values from files: an owner that is a formula stays text', async () => {
    const root = tempTree({ 'a.yaml': CLEAN_LOW.replace('owner: team-search', 'owner: "=cmd|\' /C calc\'!A0"') });
    const run = await runCli(['-f', 'csv', '--now', '2026-11-26', '.'], root);
    const row = run.stdout.split('\r\n')[1] as string;
    expect(row).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(row.split(',')[4]?.startsWith('"\'=')).toBe(true);
  });
});

describe('csv: quoting and states', () => {
  it.each([
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ["'already quoted", `"'already quoted"`],
    ['say "hi"', '"say ""hi"""'],
    ['a\u2028b', 'a\\u2028b'],
    ['', ''],
    ['mid-dash=ok', 'mid-dash=ok'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('names every state of an area, and leaves a missing name or owner empty', () => {
    const text = CLEAN_LOW.replace('name: search', 'name: ""')
      .replace('  owner: team-search\n', '')
      .replace('target: 99.0', 'target: TBD')
      .replace(/ {4}capacity:\n(?: {6}.*\n)+/, '    capacity:\n      deferred: { reason: later }\n')
      .replace('      rpo: 12h\n', '')
      .replace(/ {4}security:[\s\S]*/, '');
    const out = csv(lintYaml([{ file: 'x.yaml', text }]), CTX).split('\r\n');
    expect(out[1]).toMatch(/^,x\.yaml,low,design,,\d+,\d+,\d+,0,placeholder,deferred,incomplete,missing$/);
  });
});

describe('csv: the examples', () => {
  it('says "defined with findings" and "waived" where the heat map shows ! and w', async () => {
    const { lintExamples } = await import('../fixtures/report/cab.js');
    const rows = csv(await lintExamples(), CTX).split('\r\n');
    expect(rows.find((r) => r.startsWith('checkout-web,'))).toMatch(/,defined with findings,defined with findings,defined with findings,defined$/);
    expect(rows.find((r) => r.startsWith('payments-api,'))).toMatch(/,defined,defined,waived,defined$/);
  });
});
