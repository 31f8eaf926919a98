import { describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { exitCodeFor } from '../../src/cli/main.js';
import { waiverInForce } from '../../src/model/waiver.js';
import { lintYaml } from '../support/lint-yaml.js';
import { catalog, sketch } from '../support/catalog.js';

const waiver = (rule: string, extra = ''): string => `    - rule: ${rule}\n${extra}      reason: Agreed with the business until the rebuild.\n      approvedBy: head-of-service\n      expires: 2027-01-31\n`;
const tail = (...w: string[]): string => `  waivers:\n${w.join('')}`;
const ctx = { color: false, cwd: '/', version: '0.0.0' };

interface JsonOut {
  findings: Array<{ ruleId: string; waived: boolean; line: number; column: number; severity: string }>;
  summary: { errors: number; warnings: number; waived: number };
}

describe('waivers, end to end', () => {
  // checkout (rto 1h) hard-depends on payments (rto 4h): continuity-dependency-inversion, an error, at line 10.
  const inverted = (specTail?: string) => catalog({ name: 'checkout', deps: ['payments'], target: 99, rto: '1h', rpo: '1h', specTail }, { name: 'payments', target: 99, rto: '4h', rpo: '1h' });

  it('keeps a waived finding in the JSON output with waived: true, counts it as waived only, and it does not fail the run', () => {
    const before = lintYaml(inverted());
    expect(exitCodeFor(before, { failOn: 'error' })).toBe(1);
    const r = lintYaml(inverted(tail(waiver('continuity-dependency-inversion', '      area: continuity\n'))));
    const out = JSON.parse(json(r, ctx)) as JsonOut;
    expect(out.findings.filter((f) => f.ruleId === 'continuity-dependency-inversion')).toMatchObject([{ waived: true, severity: 'error', line: 10, column: 7 }]);
    expect(out.summary).toMatchObject({ errors: 0, warnings: 0, waived: 1 });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['continuity-dependency-inversion']);
    expect(exitCodeFor(r, { failOn: 'error' })).toBe(0);
    expect(exitCodeFor(r, { failOn: 'info' })).toBe(0);
  });

  it('waives service-rule findings too, by rule and area', () => {
    const text = sketch({ name: 'a', target: 'TBD', rto: 'TBD', rpo: '1h', specTail: tail(waiver('warranty-placeholder-value', '      area: availability\n')) });
    const r = lintYaml(text);
    expect(r.findings.filter((f) => f.ruleId === 'warranty-placeholder-value').map((f) => [f.area, f.line, f.column, f.waived])).toEqual([
      ['availability', 11, 15, true],
      ['continuity', 18, 12, false],
    ]);
    expect(r.summary.waived).toBe(1);
    expect(r.summary.errors).toBe(1);
  });

  it('does not let a waiver in one file reach a same-named service in another file', () => {
    const r = lintYaml([
      { file: 'a.yaml', text: sketch({ name: 'dup', deps: ['ghost'], specTail: tail(waiver('dependency-unknown')) }) },
      { file: 'b.yaml', text: sketch({ name: 'dup', deps: ['ghost'] }) },
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'dependency-unknown').map((f) => [f.file, f.waived])).toEqual([
      ['a.yaml', true],
      ['b.yaml', false],
    ]);
  });

  it("applies a document's waivers to its own findings only, also beside a same-named document in the same file", () => {
    const r = lintYaml(sketch({ name: 'dup', deps: ['ghost'] }) + '---\n' + sketch({ name: 'dup', deps: ['ghost'], specTail: tail(waiver('dependency-unknown')) }));
    const unknown = r.findings.filter((f) => f.ruleId === 'dependency-unknown');
    expect(unknown.map((f) => [f.document, f.waived])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'waiver-unused')).toEqual([]);
  });

  it('waives the findings of a service without a name by its own waivers', () => {
    const text = sketch({ name: 'x', specTail: tail(waiver('warranty-area-missing')) })
      .replace('name: x', 'name: ""')
      .replace(/    security:\n(      .*\n)*/, '');
    const missing = lintYaml(text).findings.filter((f) => f.ruleId === 'warranty-area-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ service: null, document: 0, area: 'security', waived: true });
  });

  it('decides whether a waiver is in force from its rule, its expiry, today and maxDays', () => {
    const w = { index: 0, pointer: '/spec/waivers/0', rule: 'x', expires: 100 };
    expect(waiverInForce(w, 100, 180)).toBe(true);
    expect(waiverInForce(w, 101, 180)).toBe(false);
    expect(waiverInForce(w, 0, 100)).toBe(true);
    expect(waiverInForce(w, 0, 99)).toBe(false);
    expect(waiverInForce({ ...w, rule: undefined }, 100, 180)).toBe(false);
    expect(waiverInForce({ ...w, expires: undefined }, 100, 180)).toBe(false);
  });
});
