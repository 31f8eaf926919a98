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

  it('escapes markup characters as entities', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    expect(escapeHtml('line\nbreak\u202e')).toBe('line\\nbreak\\u202e');
  });
});
