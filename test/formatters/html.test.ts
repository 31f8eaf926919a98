// -f html: one self-contained page. Its markup is valid (html-validate), it loads nothing from
// the network, and no value from a file becomes markup. The browser test (test/browser/) looks at
// it as a person would.
import { createHash } from 'node:crypto';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { html, escapeHtml } from '../../src/formatters/html.js';
import { HOSTILE_NAME, hostileYaml } from '../support/hostile-service.js';
import { lintYaml } from '../support/lint-yaml.js';
import { EXAMPLES_CTX, lintExamples, previousExamples } from '../fixtures/report/cab.js';
import { CTX, lintFixture } from '../fixtures/report/support.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function expectValid(page: string): Promise<void> {
  const report = await validator.validateString(page);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  expect(messages).toEqual([]);
}

describe('html', () => {
  it('is valid HTML for the examples, with and without a comparison, and for the summary alone', async () => {
    const result = await lintExamples();
    await expectValid(html(result, EXAMPLES_CTX));
    await expectValid(html(result, { ...EXAMPLES_CTX, previous: previousExamples() }));
    await expectValid(html(result, { ...EXAMPLES_CTX, summaryOnly: true }));
  });

  it('is valid for the fixture catalog (a broken file, waivers) and an empty one', async () => {
    await expectValid(html(await lintFixture('catalog'), CTX));
    await expectValid(html(await lintFixture('empty'), CTX));
  });

  it('loads nothing: no external reference, and a policy that allows only its own style and script', async () => {
    const page = html(await lintExamples(), EXAMPLES_CTX);
    const tags = page.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '<script></script>').match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /\s(?:src|href|action|srcset|poster|data|formaction|background)\s*=/i.test(t))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import|https?:\/\/|\bfetch\(|XMLHttpRequest|WebSocket|\bimport\(/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] as string;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] as string;
    expect(page.match(/<script>/g)).toHaveLength(1);
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
  });

  it('escapes every value from a file: markup, quotes and control characters stay text', async () => {
    const page = html(lintYaml(hostileYaml()), CTX);
    await expectValid(page);
    // One script of the page's own, and the gaps as a JSON data block in which no value can close it.
    expect(page.match(/<script/g)).toEqual(['<script', '<script']);
    const data = /<script type="application\/json" id="gap-data">([\s\S]*?)<\/script>/.exec(page)?.[1] as string;
    expect(data).not.toMatch(/[<>&]/);
    expect(JSON.stringify(JSON.parse(data))).toContain('</td></tr></table><script>window.pwned=3</script>');
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(page).toContain(escapeHtml(HOSTILE_NAME));
    expect(page).toContain('&#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;&#60;script&#62;window.pwned=3&#60;/script&#62;&#34;&#39;&#38;amp;\\x1b[31m\\u202e');
  });

  it('opens with a header naming the date, the catalog, its commit and what was read', async () => {
    const page = html(await lintExamples(), EXAMPLES_CTX);
    expect(page).toContain(
      [
        '<body>',
        '<header class="top">',
        '<h1>Warranty report, 2026-11-26</h1>',
        '<p>Catalog: <code>examples/</code>, <span title="commit 0123456789abcdef0123456789abcdef01234567">git branch main, commit 0123456789ab (/home/ops/catalog)</span>.</p>',
        '<p>Read 12 services in 10 catalog files, SLOs in 2 files (1 other YAML file skipped: not service definitions) with warranty-lint 0.0.0-test. Open findings: 17 errors, 18 warnings, 1 info; 1 waived, 0 baselined.</p>',
        '</header>',
      ].join('\n'),
    );
    // Without a catalog identity (a library caller), the header says only what was read.
    const plain = html(await lintFixture('catalog'), CTX);
    expect(plain).toContain('<header class="top">\n<h1>Warranty report, 2026-11-26</h1>\n<p>Read 6 services in 5 catalog files with warranty-lint 0.0.0-test. Open findings: 8 errors, 13 warnings, 0 infos; 2 waived, 0 baselined.</p>\n</header>');
    // A folder outside git has no commit to show in a tooltip.
    const folder = html(await lintExamples(), { ...EXAMPLES_CTX, source: { paths: ['examples/'], folder: '/home/ops/catalog' } });
    expect(folder).toMatch(/<p>Catalog: <code>examples\/<\/code>, <span>[^<]+<\/span>\.<\/p>/);
  });

  it('lists the changes since the previous run: shares before and after, services added and removed, new and fixed findings', async () => {
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() });
    const section = /<section id="changes">[\s\S]*?<\/section>/.exec(page)?.[0] as string;
    const lines = section.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '<section id="changes">',
      '<h2>Changes since 2026-10-26</h2>',
      '<p class="note">Compared with last-month.json, by fingerprint (rule, service, area and field): a finding that only moved in its file is not new. Open findings only.</p>',
      '<table>',
      '<thead><tr><th scope="col">reactive share</th><th scope="col" class="num">before</th><th scope="col" class="num">after</th><th scope="col">change</th></tr></thead>',
      '<tbody>',
      '<tr><th scope="row">overall</th><td class="num">12%</td><td class="num">12%</td><td>no change</td></tr>',
      '<tr><th scope="row">availability</th><td class="num">10%</td><td class="num">10%</td><td>no change</td></tr>',
      '<tr><th scope="row">capacity</th><td class="num">17%</td><td class="num">16%</td><td>-1 point</td></tr>',
      '<tr><th scope="row">continuity</th><td class="num">10%</td><td class="num">10%</td><td>no change</td></tr>',
      '<tr><th scope="row">security</th><td class="num">10%</td><td class="num">13%</td><td>+3 points</td></tr>',
      '</tbody></table>',
    ]);
    expect(lines).toContain('<p>Services added: reporting-warehouse. Services removed: none.</p>');
    expect(lines).toContain('<h3>New findings (6)</h3>');
    expect(lines).toContain('<h3>Fixed findings (1)</h3>');
    expect(lines.filter((l) => l === '<thead><tr><th scope="col">severity</th><th scope="col">rule</th><th scope="col">service</th><th scope="col">file:line</th><th scope="col">message</th></tr></thead>')).toHaveLength(2);
    expect(lines).toContain(
      '<tr><td class="sev-error">error</td><td><code>warranty-placeholder-value</code></td><td>fx-rates</td><td>examples/platform/reference-data.yaml:19</td><td class="msg">service &#34;fx-rates&#34; has the placeholder &#34;TBD&#34; in availability.target; replace it with an agreed value.</td></tr>',
    );
  });

  it('compares with a result of an older warranty-lint: no date, no services, no shares per area', async () => {
    const previous = { ...previousExamples(), today: null, services: null };
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous });
    const section = /<section id="changes">[\s\S]*?<\/section>/.exec(page)?.[0] as string;
    expect(section).toContain('<h2>Changes since the previous run</h2>');
    expect(section).toContain('<tr><th scope="row">security</th><td class="num">-</td><td class="num">13%</td><td>-</td></tr>');
    expect(section).toContain('<p class="note">The previous result does not record its services (written by an older warranty-lint): shares per area and services added or removed are not compared.</p>');
    expect(section).not.toContain('Services added');
  });

  it('names every service added and removed, separated by commas', async () => {
    const previous = previousExamples();
    const gone = previous.services?.filter((s) => s.name === 'fx-rates' || s.name === 'checkout-web') ?? [];
    const renamed = { ...previous, services: [...(previous.services ?? []), ...gone.map((s) => ({ ...s, name: `old-${s.name as string}` }))] };
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: renamed });
    expect(page).toMatch(/<p>Services added: reporting-warehouse\. Services removed: old-[a-z-]+, old-[a-z-]+\.<\/p>/);
  });

  it('escapes markup characters as entities', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    expect(escapeHtml('line\nbreak\u202e')).toBe('line\\nbreak\\u202e');
  });
});
