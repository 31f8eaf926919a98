import { describe, expect, it } from 'vitest';
import { junit, xmlText } from '../../src/formatters/junit.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { read, runCli, tempTree } from '../support/run-cli.js';
import { CTX, hostileResult, sampleResult } from './support.js';

/**
 * A small well-formedness check (no XML parser among the dependencies): only legal XML 1.0
 * characters, tags balanced, attributes quoted, every `&` an entity, no `<` inside text or values.
 */
function wellFormed(xml: string): Array<{ name: string; attrs: Record<string, string>; text: string }> {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: string[] = [];
  const elements: Array<{ name: string; attrs: Record<string, string>; text: string }> = [];
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    if (m[5] !== undefined) {
      const current = elements[elements.length - 1];
      if (stack.length > 0 && current) current.text += m[5];
      else expect(m[5].trim()).toBe('');
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([a-z]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    elements.push({ name: name!, attrs, text: '' });
    if (!selfClose) stack.push(name!);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return elements;
}

describe('junit formatter', () => {
  it('one testsuite per file, one testcase per service, a failure per finding', () => {
    const xml = junit(sampleResult(), CTX);
    const el = wellFormed(xml);
    const suites = el.filter((e) => e.name === 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ['services/clean.yaml', '1', '0'],
      ['services/pay ments.yaml', '1', '1'],
      ['services/search.yaml', '1', '1'],
      ['(portfolio)', '1', '1'],
    ]);
    expect(el[0]).toMatchObject({ name: 'testsuites', attrs: { name: 'warranty-lint', tests: '4', failures: '3', errors: '0' } });
    const cases = el.filter((e) => e.name === 'testcase').map((c) => [c.attrs.classname, c.attrs.name]);
    expect(cases).toEqual([
      ['services/clean.yaml', 'clean'],
      ['services/pay ments.yaml', 'payments'],
      ['services/search.yaml', 'search'],
      ['(portfolio)', 'portfolio'],
    ]);
    const failure = el.find((e) => e.name === 'failure')!;
    expect(failure.attrs.type).toBe('warranty-placeholder-value');
    expect(failure.text).toMatch(/^services\/pay ments\.yaml:11:15 error warranty-placeholder-value&#10;/);
    // The waived finding is not a failure; it is mentioned.
    expect(xml).toContain('<system-out>1 waived finding</system-out>');
  });

  it('escapes everything: XML specials, C0 controls (illegal in XML 1.0), ANSI, bidi, lone surrogates', () => {
    const xml = junit(hostileResult(), CTX);
    const el = wellFormed(xml);
    const failure = el.find((e) => e.name === 'failure')!;
    expect(failure.attrs.message).toBe('bad\\x00\\x07\\x1b[31mred\\x1b]8;;http://x\\x07 \\u202eevil\\r\\n::error file=x::forged %0A &amp; &lt;tag attr=&quot;q&quot;&gt; &apos;s, a:b \\ud800');
    expect(xml).not.toContain('\u001b');
    expect(xml).not.toContain('\u202e');
    expect(el.find((e) => e.name === 'testsuite')!.attrs.name).toBe('services/we,ird:na%me&lt;&amp;&gt;.yaml');
  });

  it('through the CLI: -f junit', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const r = await runCli(['--now', '2026-11-26', '-f', 'junit=report.xml', 'services'], root);
    expect(r.code).toBe(1);
    const el = wellFormed(read(root, 'report.xml'));
    expect(el.filter((e) => e.name === 'failure').map((f) => f.attrs.type)).toEqual(['warranty-placeholder-value']);
  });

  it('gives a service without a name one testcase, holding its failures (not a second, passing one)', () => {
    const r = lintYaml(CLEAN_LOW.replace('name: search', 'name: ""').replace(/    security:[\s\S]*/, ''));
    const el = wellFormed(junit(r, CTX));
    const cases = el.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['(unnamed service, document 1)']);
    expect(el.filter((e) => e.name === 'failure').length).toBe(r.findings.length);
    expect(el[0]!.attrs.tests).toBe('1');
  });
});

describe('junit formatter: cases without failures, and findings outside services', () => {
  it('a service whose findings are all waived passes, and says how many were waived', () => {
    const r = sampleResult();
    const clean = r.services.find((s) => s.name === 'clean')!;
    const base = r.findings.find((f) => f.service === 'payments' && !f.waived)!;
    r.findings = [
      { ...base, service: 'clean', file: clean.file, document: clean.doc, waived: true },
      { ...base, service: 'clean', file: clean.file, document: clean.doc, waived: true },
    ];
    const xml = junit(r, CTX);
    wellFormed(xml);
    expect(xml).toContain('    <testcase name="clean" classname="services/clean.yaml">\n      <system-out>2 waived findings</system-out>\n    </testcase>\n');
    expect(xml).toContain('    <testcase name="search" classname="services/search.yaml"/>\n');
    expect(xml).toContain('<testsuites name="warranty-lint" tests="3" failures="0" errors="0">');
    expect(xml).toContain('  <testsuite name="services/clean.yaml" tests="1" failures="0" errors="0" skipped="0">\n');
  });

  it('a finding about a file but no service is a failure of the file case; without a line it names the file alone', () => {
    const r = sampleResult();
    const base = r.findings.find((f) => f.service === 'payments' && !f.waived)!;
    r.findings = [
      { ...base, service: null, document: null, file: 'services/other.yaml', line: null, column: null, message: 'not a service' },
      { ...base, service: null, document: null, file: 'services/other.yaml', line: 3, column: 2, message: 'again', waived: true },
    ];
    r.files.push('services/other.yaml');
    const xml = junit(r, CTX);
    const el = wellFormed(xml);
    const suite = el.filter((e) => e.name === 'testsuite').find((e) => e.attrs.name === 'services/other.yaml')!;
    expect(suite.attrs).toMatchObject({ tests: '1', failures: '1' });
    expect(xml).toContain(
      '    <testcase name="(file)" classname="services/other.yaml">\n' +
        `      <failure message="not a service" type="warranty-placeholder-value">services/other.yaml error warranty-placeholder-value&#10;not a service&#10;${base.docsUrl}</failure>\n` +
        '      <system-out>1 waived finding</system-out>\n' +
        '    </testcase>\n  </testsuite>\n',
    );
  });

  it('a portfolio finding names the portfolio where its place would be', () => {
    const xml = junit(sampleResult(), CTX);
    expect(xml).toContain('<testcase name="portfolio" classname="(portfolio)">\n      <failure message="The portfolio is reactive: 85% of warranty is left to Operation." type="warranty-area-missing">portfolio error warranty-area-missing&#10;');
  });

  it('shows characters XML cannot hold (lone surrogates, U+FFFE, U+FFFF) as \\u escapes, and keeps a surrogate pair', () => {
    expect(xmlText('a\udc00b\ud800\ufffe\uffff😀<')).toBe('a\\udc00b\\ud800\\ufffe\\uffff😀&lt;');
  });
});

describe('junit formatter: the whole text', () => {
  it('two services of one file are two testcases; a passing one closes itself, a failing one holds only its failures', () => {
    const text = `${CLEAN_LOW.replace('target: 99.0', 'target: TBD')}---\n${CLEAN_LOW.replace('name: search', 'name: other')}`;
    const r = lintYaml([{ file: 'two.yaml', text }]);
    const [f] = r.findings;
    expect(r.findings).toHaveLength(1);
    expect(junit(r, CTX)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="warranty-lint" tests="2" failures="1" errors="0">',
        '  <testsuite name="two.yaml" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase name="search" classname="two.yaml">',
        `      <failure message="${xmlText(f!.message)}" type="warranty-placeholder-value">two.yaml:${f!.line}:${f!.column} error warranty-placeholder-value&#10;${xmlText(f!.message)}&#10;${f!.docsUrl}</failure>`,
        '    </testcase>',
        '    <testcase name="other" classname="two.yaml"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('two unnamed services of one file stay apart, named by their documents', () => {
    const text = `${CLEAN_LOW.replace('name: search', 'name: ""')}---\n${CLEAN_LOW.replace('name: search', 'name: ""')}`;
    const el = wellFormed(junit(lintYaml([{ file: 'two.yaml', text }]), CTX));
    expect(el.filter((e) => e.name === 'testcase').map((c) => c.attrs.name)).toEqual(['(unnamed service, document 1)', '(unnamed service, document 2)']);
  });
});
