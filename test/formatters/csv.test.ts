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
