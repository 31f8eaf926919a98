// The markdown format (SPEC §7): the report as tables for a PR comment or $GITHUB_STEP_SUMMARY.
// Golden files are in test/fixtures/report/expected/; regenerate after an intended change with
//
//   UPDATE_GOLDEN=1 npx vitest run test/report.test.ts test/markdown.test.ts
//
// and review the diff.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdown, MARKDOWN_BUDGET } from '../src/formatters/markdown.js';
import { CLEAN_LOW, lintYaml } from './support/lint-yaml.js';
import { CTX, NOW, expectGolden, generateCatalog, lintFixture } from './fixtures/report/support.js';
import { EXAMPLES_CTX, lintExamples, previousExamples } from './fixtures/report/cab.js';

/** Cells of a table row, split on the pipes that are not escaped. */
const cells = (row: string): string[] => row.slice(2, -2).split(/(?<!\\) \| /);
const tableRows = (text: string, header: string): string[] => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  const end = lines.indexOf('', start);
  return lines.slice(start + 2, end);
};

describe('markdown', () => {
  it('renders the fixture catalog: summary, planning, coverage and findings tables', async () => {
    const text = markdown(await lintFixture('catalog'), CTX);
    expectGolden('catalog.md', text);
    expect(text).toContain('| errors | warnings | infos | waived | baselined | reactive share | threshold |');
    expect(text).toContain('> Under the 80% threshold');
    const coverage = tableRows(text, '| service | tier |');
    expect(coverage.map((r) => cells(r)[0])).toEqual(['orders', 'auth-service', 'payments-api', 'search', 'fx-rates', 'legacy-nightly-settlement-reconciliation-batch-old-ledger']);
    expect(cells(coverage[0] as string).slice(5)).toEqual(['**placeholder**', '**missing**', '**deferred**', 'defined, **with findings**']);
    const findings = tableRows(text, '| file:line |');
    expect(findings.find((l) => l.includes('orders.yaml:13'))).toMatch(/^\| catalog\/orders\.yaml:13 \| error \| \[`warranty-placeholder-value`\]\(https:\/\/\S+#warranty-placeholder-value\) \| orders \| team-orders \| service "orders" has the placeholder "TBD"/);
    expect(findings.at(-1)).toMatch(/^\| catalog\/broken\.yaml:6 \| error \| \[`yaml-syntax`\]/);
  });

  it('renders the portfolio over the threshold and an empty catalog', async () => {
    const over = markdown(await lintFixture('reactive'), CTX);
    expectGolden('reactive.md', over);
    expect(over).toContain('| **88%** | 80% |');
    expect(over).toContain('> At or over the 80% threshold');
    const empty = markdown(await lintFixture('empty'), CTX);
    expect(empty).toContain('No service was read.');
    expect(empty).toContain('No findings.');
  });

  it('escapes file content so that it cannot break a table or inject markup', () => {
    const owner = 'team|x `code` <img src=x onerror=alert(1)> [link](http://evil) @alice *bold* \\e[31m \\u202E line\\nbreak';
    const yaml = CLEAN_LOW.replace('owner: team-search', `owner: "${owner}"`).replace('serviceHours: 24x7', 'serviceHours: "<b>"');
    const text = markdown(lintYaml(yaml, { now: NOW }), CTX);
    for (const header of ['| service | tier |', '| file:line |']) {
      const rows = tableRows(text, header);
      expect(rows.length).toBeGreaterThan(0);
      const width = cells(text.split('\n').find((l) => l.startsWith(header)) as string).length;
      for (const r of rows) expect(cells(r)).toHaveLength(width);
    }
    expect(text).not.toMatch(/<img|<b>|\u001b|\u202e/i);
    expect(text).toContain('team\\|x \\`code\\` &lt;img src=x onerror=alert\\(1\\)&gt; \\[link\\]\\(http://evil\\) @\u200balice \\*bold\\* \\\\x1b\\[31m \\\\u202e line\\\\nbreak');
    expect(text).toContain('placeholder "&lt;b&gt;"');
  });

  it('escapes each markup character on its own', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdown('<script>&')).toBe('&lt;script&gt;&amp;');
    expect(escapeMarkdown('one\ntwo\r\u0007')).toBe('one\\\\ntwo\\\\r\\\\x07');
    expect(escapeMarkdown('ping @team and a@b')).toBe('ping @\u200bteam and a@\u200bb');
    expect(escapeMarkdown('payments-api 99.95%')).toBe('payments-api 99.95%');
  });

  it('stays under the size of a GitHub comment at 500 services and says what it left out', () => {
    const text = markdown(lintYaml(generateCatalog(500), { now: NOW }), CTX);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(text).toMatch(/_\d+ services with every area defined and no finding are left out to keep this short\._/);
    expect(text).not.toContain('more finding');
    expect(text).toContain('<details><summary>500 services, worst first');
  });

  it('cuts the findings table too when even the findings do not fit, and says how many are left out', () => {
    const text = markdown(lintYaml(generateCatalog(1500, 3), { now: NOW }), CTX);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(text).toMatch(/_\d+ more findings not shown here: run `warranty-lint report` for the full list\._/);
    const listed = tableRows(text, '| file:line |');
    expect(listed.length).toBeGreaterThan(50);
    // Over 50 findings, the list starts closed; the note counts exactly the findings left out.
    const total = Number(/<details><summary>(\d+) findings, worst service first<\/summary>/.exec(text)?.[1]);
    expect(text).toContain(`${listed.at(-1) as string}\n\n_${total - listed.length} more findings not shown here`);
    // The findings table holds only rows that fit what is left after the header, the 2,000
    // characters kept for notes, and the coverage table (each row counted with its newline).
    const size = (rows: string[]): number => rows.reduce((n, r) => n + r.length + 1, 0);
    const remaining = MARKDOWN_BUDGET - text.indexOf('\n### Coverage') - 2_000;
    expect(size(listed)).toBeLessThanOrEqual(remaining - size(tableRows(text, '| service |')));
  });

  it('lists at most 50 waivers and counts the rest', () => {
    const files = Array.from({ length: 52 }, (_, i) => ({
      file: `services/s${i}.yaml`,
      text: CLEAN_LOW.replace('name: search', `name: s${i}`).replace('target: 99.0', 'target: TBD') + '  waivers:\n    - { rule: warranty-placeholder-value, reason: Agreed next sprint., approvedBy: cio, expires: 2026-12-31 }\n',
    }));
    const text = markdown(lintYaml(files, { now: NOW }), CTX);
    expect(text).toMatch(/\|\n\n_2 more waivers not shown here: run `warranty-lint report` for the whole register\._\n/);
  });

  it('dates the trend by the previous run, or names only its file when the run recorded no date', async () => {
    const result = await lintExamples();
    expect(markdown(result, { ...EXAMPLES_CTX, previous: previousExamples() })).toContain('**Since 2026-10-26** (last-month.json)');
    const undated = markdown(result, { ...EXAMPLES_CTX, previous: { ...previousExamples(), today: null } });
    expect(undated).toContain('**Since last-month.json**: this change adds');
  });
});

describe('markdown: a run that read no service', () => {
  it('shows no reactive share, a dash in its cell, and keeps the summary on separate lines', () => {
    const empty = lintYaml([], { now: NOW });
    const text = markdown(empty, { ...CTX, summaryOnly: true });
    const [row] = tableRows(text, '| errors | warnings |');
    expect(cells(row ?? '')).toEqual(['0', '0', '0', '0', '0', '-', expect.stringMatching(/^\d+(\.\d+)?%$/)]);
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(text).toContain('\n| errors | warnings | infos | waived | baselined | reactive share | threshold |\n');
  });
});
