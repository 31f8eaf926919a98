// JUnit XML for CI test reports (GitLab, Jenkins, Azure): one testsuite per file, one testcase per
// service, a failure per finding. Text from files is escaped twice over: visibly for controls
// (escapeText: XML 1.0 cannot hold most C0 characters at all), then as XML requires.
import { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import type { Finding } from '../types.js';
import { escapeText } from './escape.js';
import type { Formatter } from './types.js';

/** XML 1.0 allows no lone surrogates and no U+FFFE/U+FFFF; they are shown as \uXXXX like other unsafe characters. */
const XML_ILLEGAL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return escapeText(text)
    // What XML_ILLEGAL matches is U+D800 or above: always four hex digits.
    .replace(XML_ILLEGAL, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  name: string;
  failures: Finding[];
  waived: number;
}

const PORTFOLIO = '(portfolio)';
const waivedText = (n: number): string => `${n} waived finding${n === 1 ? '' : 's'}`;
const FILE_CASE = '(file)';

export const junit: Formatter = (result) => {
  const suites = new Map<string, Map<string, Case>>();
  const suite = (file: string): Map<string, Case> => {
    let s = suites.get(file);
    if (!s) suites.set(file, (s = new Map()));
    return s;
  };
  // Cases are keyed by document, not by name: two services may share a name, or have none.
  const testcase = (file: string, key: string, name: string): Case => {
    const s = suite(file);
    let c = s.get(key);
    if (!c) s.set(key, (c = { name, failures: [], waived: 0 }));
    return c;
  };
  const caseOf = (s: Service): Case => testcase(s.file, `doc:${s.doc}`, s.name ?? `(unnamed service, document ${s.doc + 1})`);
  for (const f of result.files) suite(f);
  for (const s of result.services) caseOf(s);
  const documents = new ServicesByDocument(result.services);
  for (const f of result.findings) {
    const s = documents.of(f);
    const c = s ? caseOf(s) : f.file === null ? testcase(PORTFOLIO, PORTFOLIO, 'portfolio') : testcase(f.file, FILE_CASE, FILE_CASE);
    if (f.waived) c.waived++;
    else c.failures.push(f);
  }
  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  for (const [file, cases] of suites) {
    const list = [...cases.values()];
    const suiteFailures = list.reduce((n, c) => n + c.failures.length, 0);
    tests += list.length;
    failures += suiteFailures;
    body.push(`  <testsuite name="${xmlText(file)}" tests="${list.length}" failures="${suiteFailures}" errors="0" skipped="0">`);
    for (const c of list) {
      const attrs = `name="${xmlText(c.name)}" classname="${xmlText(file)}"`;
      if (c.failures.length === 0) {
        body.push(`    <testcase ${attrs}${c.waived > 0 ? '>' : '/>'}`);
        if (c.waived > 0) body.push(`      <system-out>${waivedText(c.waived)}</system-out>`, '    </testcase>');
        continue;
      }
      body.push(`    <testcase ${attrs}>`);
      for (const f of c.failures) {
        const where = f.line === null ? (f.file ?? 'portfolio') : `${f.file}:${f.line}:${f.column}`;
        const text = `${where} ${f.severity} ${f.ruleId}\n${f.message}\n${f.docsUrl}`;
        body.push(`      <failure message="${xmlText(f.message)}" type="${xmlText(f.ruleId)}">${text.split('\n').map(xmlText).join('&#10;')}</failure>`);
      }
      if (c.waived > 0) body.push(`      <system-out>${waivedText(c.waived)}</system-out>`);
      body.push('    </testcase>');
    }
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="warranty-lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};
