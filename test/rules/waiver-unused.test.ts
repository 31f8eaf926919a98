import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { catalog, sketch } from '../support/catalog.js';

const RULE = 'waiver-unused';
const waiver = (rule: string, area?: string): string =>
  `    - rule: ${rule}\n${area ? `      area: ${area}\n` : ''}      reason: Agreed with the business.\n      approvedBy: head-of-service\n      expires: 2027-01-31\n`;
const tail = (...waivers: string[]): string => `  waivers:\n${waivers.join('')}`;

describe(RULE, () => {
  it('flags a waiver in force that waives nothing, at the waiver item', () => {
    const r = lintYaml(sketch({ name: 'a', deps: ['ghost'], specTail: tail(waiver('dependency-unknown'), waiver('warranty-area-missing')) }));
    expect(positionsOf(r, RULE)).toEqual([[29, 7, '/spec/waivers/1']]);
    const f = r.findings.find((x) => x.ruleId === RULE);
    expect(f).toMatchObject({ severity: 'warning', area: null, service: 'a' });
    expect(f?.message).toBe('service "a" has a waiver for warranty-area-missing that waives nothing: no such finding of this service matched it. Remove the waiver, or correct its rule or area.');
  });

  it('matches the area when the waiver names one', () => {
    const files = (area: string) => catalog({ name: 'a', deps: ['b'], rto: '1h', specTail: tail(waiver('continuity-dependency-inversion', area)) }, { name: 'b', rto: '4h' });
    const wrong = lintYaml(files('availability'));
    expect(positionsOf(wrong, RULE)).toEqual([[26, 7, '/spec/waivers/0']]);
    expect(wrong.findings.find((x) => x.ruleId === RULE)?.message).toContain('has a waiver for continuity-dependency-inversion in availability that waives nothing');
    expect(wrong.findings.find((x) => x.ruleId === 'continuity-dependency-inversion')?.waived).toBe(false);
    const right = lintYaml(files('continuity'));
    expect(positionsOf(right, RULE)).toEqual([]);
    expect(right.findings.find((x) => x.ruleId === 'continuity-dependency-inversion')?.waived).toBe(true);
  });

  it('suggests the rule id a misspelt waiver meant', () => {
    const r = lintYaml(sketch({ name: 'a', deps: ['ghost'], specTail: tail(waiver('dependency-unkown')) }));
    expect(r.findings.find((x) => x.ruleId === RULE)?.message).toBe('service "a" has a waiver for dependency-unkown, which is not a rule (did you mean "dependency-unknown"?); it waives nothing.');
  });

  it('says a rule id is unknown without a suggestion when none is close', () => {
    const r = lintYaml(sketch({ name: 'a', deps: ['ghost'], specTail: tail(waiver('no-such-thing')) }));
    expect(positionsOf(r, RULE)).toEqual([[25, 7, '/spec/waivers/0']]);
    expect(r.findings.find((x) => x.ruleId === RULE)?.message).toBe('service "a" has a waiver for no-such-thing, which is not a rule; it waives nothing.');
  });

  it("does not match another service's findings", () => {
    const r = lintYaml(catalog({ name: 'a', deps: ['ghost'] }, { name: 'b', specTail: tail(waiver('dependency-unknown')) }));
    expect(r.findings.filter((x) => x.ruleId === RULE).map((x) => [x.file, x.line, x.column])).toEqual([['services/b.yaml', 23, 7]]);
    expect(r.findings.find((x) => x.ruleId === 'dependency-unknown')?.waived).toBe(false);
  });

  it('leaves expired waivers to waiver-expired and unnamed services alone', () => {
    const expired = lintYaml(sketch({ name: 'a', specTail: tail(waiver('dependency-unknown').replace('2027-01-31', '2026-01-31')) }));
    expect(positionsOf(expired, RULE)).toEqual([]);
    expect(positionsOf(expired, 'waiver-expired')).toEqual([[23, 7, '/spec/waivers/0']]);
    const unnamed = lintYaml(sketch({ name: 'a', specTail: tail(waiver('dependency-unknown')) }).replace('  name: a\n', ''));
    expect(positionsOf(unnamed, RULE)).toEqual([]);
  });
});
