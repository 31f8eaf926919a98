import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/model/units.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { sketch } from '../support/catalog.js';

const RULE = 'waiver-expired';
const NOW = '2026-11-26';
const inDays = (n: number): string => formatDay((parseDay(NOW) as number) + n);
const waiver = (expires: string, rule = 'dependency-unknown'): string => `    - rule: ${rule}\n      reason: The ghost service is being written.\n      approvedBy: head-of-service\n      expires: ${expires}\n`;
/** A service whose one finding is dependency-unknown at line 10; its waivers start at line 25, column 7. */
const service = (...waivers: string[]): string => sketch({ name: 'a', deps: ['ghost'], specTail: `  waivers:\n${waivers.join('')}` });

describe(RULE, () => {
  it('flags a waiver past its date at the waiver item; it suppresses nothing', () => {
    const r = lintYaml(service(waiver(inDays(-1))), { now: NOW });
    expect(positionsOf(r, RULE)).toEqual([[25, 7, '/spec/waivers/0']]);
    const f = r.findings.find((x) => x.ruleId === RULE);
    expect(f).toMatchObject({ severity: 'error', area: null, service: 'a', waived: false });
    expect(f?.message).toBe('service "a" has a waiver for dependency-unknown that expired on 2026-11-25; it no longer suppresses anything.');
    expect(r.findings.find((x) => x.ruleId === 'dependency-unknown')?.waived).toBe(false);
    expect(positionsOf(r, 'waiver-unused')).toEqual([]);
  });

  it('keeps a waiver in force on its expiry day', () => {
    const r = lintYaml(service(waiver(NOW)), { now: NOW });
    expect(positionsOf(r, RULE)).toEqual([]);
    expect(r.findings.find((x) => x.ruleId === 'dependency-unknown')?.waived).toBe(true);
  });

  it('accepts an expiry exactly waivers.maxDays away and flags one day more', () => {
    const at = lintYaml(service(waiver(inDays(180))), { now: NOW });
    expect(positionsOf(at, RULE)).toEqual([]);
    expect(at.findings.find((x) => x.ruleId === 'dependency-unknown')?.waived).toBe(true);
    const over = lintYaml(service(waiver(inDays(181))), { now: NOW });
    expect(positionsOf(over, RULE)).toEqual([[25, 7, '/spec/waivers/0']]);
    expect(over.findings.find((x) => x.ruleId === RULE)?.message).toBe(
      `service "a" has a waiver for dependency-unknown that runs until ${inDays(181)}, 181 days from today, longer than the 180 days waivers.maxDays allows; it suppresses nothing until its expiry is brought within that limit.`,
    );
    expect(over.findings.find((x) => x.ruleId === 'dependency-unknown')?.waived).toBe(false);
  });

  it('follows waivers.maxDays from the config', () => {
    const r = lintYaml(service(waiver(inDays(30)), waiver(inDays(31))), { now: NOW, config: { waivers: { maxDays: 30 } } });
    expect(positionsOf(r, RULE)).toEqual([[29, 7, '/spec/waivers/1']]);
  });

  it('leaves a waiver without a valid date to the schema', () => {
    const r = lintYaml(service('    - rule: dependency-unknown\n      reason: r\n      expires: 2026-02-30\n'), { now: NOW });
    expect(positionsOf(r, RULE)).toEqual([]);
    expect(r.findings.some((x) => x.ruleId === 'schema' && x.pointer?.startsWith('/spec/waivers/0'))).toBe(true);
  });

  it('still flags an expired waiver that names no rule (the schema reports the missing rule)', () => {
    const r = lintYaml(service('    - reason: The ghost service is being written.\n      approvedBy: head-of-service\n      expires: 2026-11-01\n'), { now: NOW });
    expect(positionsOf(r, 'schema')).toEqual([[25, 7, '/spec/waivers/0/rule']]);
    expect(positionsOf(r, RULE)).toEqual([[25, 7, '/spec/waivers/0']]);
    expect(r.findings.find((x) => x.ruleId === RULE)?.message).toBe('service "a" has a waiver that expired on 2026-11-01; it no longer suppresses anything.');
  });

  it('cannot itself be waived', () => {
    const r = lintYaml(service(waiver(inDays(-10)), waiver(inDays(10), RULE)), { now: NOW });
    expect(r.findings.filter((x) => x.ruleId === RULE).map((x) => [x.line, x.column, x.waived])).toEqual([[25, 7, false]]);
    expect(positionsOf(r, 'waiver-unused')).toEqual([[29, 7, '/spec/waivers/1']]);
  });
});
