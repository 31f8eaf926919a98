// Every function of a policy check, its options, and what counts as a missing field, through the
// real pipeline (parse, schema, model, policies as service rules, positions).
import { describe, expect, it } from 'vitest';
import type { PolicyData } from '../../src/config/types.js';
import type { UserConfig } from '../../src/config/resolve.js';
import { CLEAN_CRITICAL, swap } from '../support/critical-service.js';
import { lintYaml } from '../support/lint-yaml.js';
import { FUNCTION_NAMES } from '../../src/policies/index.js';
import { loadSchemaFile } from '../../src/schema/validate.js';

/** One policy of one check on the continuity area (or `area`), and the findings it gives on `yaml`. */
function judge(yaml: string, check: PolicyData['then'][number], extra: Partial<PolicyData> = {}, config: UserConfig = {}) {
  const policy: PolicyData = { id: 'acme/check', area: 'continuity', then: [check], ...extra };
  const result = lintYaml(yaml, { config: { ...config, policies: [policy] } });
  return result.findings.filter((f) => f.ruleId === 'acme/check').map((f) => ({ line: f.line, column: f.column, pointer: f.pointer, message: f.message, area: f.area, severity: f.severity }));
}

const RTO = (value: string): string => swap(CLEAN_CRITICAL, 'rto: 15m', `rto: ${value}`);

describe('present and absent', () => {
  it('present holds for a value and fails for a missing field, at its nearest existing parent', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'rto', function: 'present' })).toEqual([]);
    const missing = judge(swap(CLEAN_CRITICAL, '      rto: 15m\n', ''), { field: 'rto', function: 'present' });
    expect(missing).toEqual([
      { line: 27, column: 5, pointer: '/spec/warranty/continuity/rto', area: 'continuity', severity: 'warning', message: 'service "payments-api" has no continuity.rto; policy acme/check requires that continuity.rto is present.' },
    ]);
  });

  it('present fails for a placeholder, an empty value and an empty list; each is still a placeholder finding of its own', () => {
    const tbd = lintYaml(RTO('TBD'), { config: { policies: [{ id: 'acme/check', area: 'continuity', then: [{ field: 'rto', function: 'present' }] }] } });
    expect(tbd.findings.filter((f) => f.ruleId === 'acme/check').map((f) => [f.line, f.column, f.message])).toEqual([[31, 12, 'service "payments-api" has no usable continuity.rto ("TBD"); policy acme/check requires that continuity.rto is present.']]);
    expect(tbd.findings.some((f) => f.ruleId === 'warranty-placeholder-value')).toBe(true);
    expect(judge(swap(CLEAN_CRITICAL, 'plan: docs/dr/payments.md', 'plan: ""'), { field: 'plan', function: 'present' })).toHaveLength(1);
    expect(judge(swap(CLEAN_CRITICAL, 'controls: [authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups]', 'controls: []'), { field: 'controls', function: 'present' }, { area: 'security' })).toHaveLength(1);
  });

  it('a value the schema reported counts as missing (rto: 45, no unit)', () => {
    const found = judge(RTO('45'), { field: 'rto', function: 'max', options: { value: '1h' } });
    expect(found.map((f) => f.message)).toEqual(['service "payments-api" has no usable continuity.rto (45); policy acme/check requires that continuity.rto is at most 1h.']);
  });

  it('absent holds for a missing field or a placeholder, and fails at a value', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'x-legacy-sla', function: 'absent' })).toEqual([]);
    expect(judge(swap(CLEAN_CRITICAL, '      rto: 15m\n', '      rto: 15m\n      x-legacy-sla: TBD\n'), { field: 'x-legacy-sla', function: 'absent' })).toEqual([]);
    const set = judge(swap(CLEAN_CRITICAL, '      rto: 15m\n', '      rto: 15m\n      x-legacy-sla: gold\n'), { field: 'x-legacy-sla', function: 'absent' });
    expect(set.map((f) => [f.line, f.column, f.message])).toEqual([[32, 21, 'service "payments-api" sets continuity.x-legacy-sla to "gold", which must be absent; policy acme/check requires that continuity.x-legacy-sla is absent.']]);
  });
});

describe('pattern', () => {
  const plan = (p: string): string => swap(CLEAN_CRITICAL, 'plan: docs/dr/payments.md', `plan: ${p}`);
  it('match: holds when the pattern is found, fails with the value and the pattern', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'plan', function: 'pattern', options: { match: '^docs/dr/' } })).toEqual([]);
    const wiki = judge(plan('https://wiki.example/dr'), { field: 'plan', function: 'pattern', options: { match: '^docs/dr/' } });
    expect(wiki.map((f) => [f.line, f.column, f.message])).toEqual([[35, 13, 'service "payments-api" has continuity.plan "https://wiki.example/dr", which does not match ^docs/dr/; policy acme/check requires that continuity.plan matches ^docs/dr/.']]);
  });

  it('notMatch: fails when the pattern is found; both may be given', () => {
    const check = { field: 'plan', function: 'pattern', options: { match: '\\.md$', notMatch: '(?i)draft' } };
    expect(judge(CLEAN_CRITICAL, check)).toEqual([]);
    expect(judge(plan('docs/dr/DRAFT-payments.md'), check).map((f) => f.message)).toEqual([
      'service "payments-api" has continuity.plan "docs/dr/DRAFT-payments.md", which matches (?i)draft; policy acme/check requires that continuity.plan matches \\.md$ and does not match (?i)draft.',
    ]);
  });

  it('tests only the first 1,000 characters of a value', () => {
    const long = (tail: string): string => plan(`"docs/${'x'.repeat(1000)}${tail}"`);
    expect(judge(long('END'), { field: 'plan', function: 'pattern', options: { notMatch: 'END' } })).toEqual([]);
    expect(judge(plan(`"${'x'.repeat(995)}END"`), { field: 'plan', function: 'pattern', options: { notMatch: 'END' } })).toHaveLength(1);
  });

  it('ends at once on patterns that make a backtracking engine run for ever', () => {
    const evil = plan(`"${'a'.repeat(900)}!"`);
    for (const match of ['^(a+)+$', '^(a|aa)*$', 'a*a*a*a*a*a*b', '^(.*a){20}$']) {
      expect(judge(evil, { field: 'plan', function: 'pattern', options: { match } }), match).toHaveLength(1);
    }
  });

  it('a number is matched as text; a list is not text', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'target', function: 'pattern', options: { match: '^99\\.9' } }, { area: 'availability' })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, { field: 'controls', function: 'pattern', options: { match: 'x' } }, { area: 'security' }).map((f) => f.message)[0]).toContain('which is not text to match');
  });
});

describe('enum', () => {
  it('holds for one of the values; a list holds when every item does', () => {
    const check = { field: 'recoveryOption', function: 'enum', options: { values: ['hot-standby', 'active-active'] } };
    expect(judge(swap(CLEAN_CRITICAL, 'recoveryOption: warm-standby', 'recoveryOption: active-active'), check)).toEqual([]);
    expect(judge(CLEAN_CRITICAL, check).map((f) => [f.line, f.column, f.message])).toEqual([
      [34, 23, 'service "payments-api" has continuity.recoveryOption "warm-standby", not one of hot-standby, active-active; policy acme/check requires that continuity.recoveryOption is one of hot-standby, active-active.'],
    ]);
    const types = { field: 'dataTypes', function: 'enum', options: { values: ['pii', 'none'] } };
    expect(judge(CLEAN_CRITICAL, types, { area: 'security' })).toEqual([]);
    expect(judge(swap(CLEAN_CRITICAL, 'dataTypes: [pii]', 'dataTypes: [pii, pci]'), types, { area: 'security' }).map((f) => f.message)[0]).toMatch(/^service "payments-api" has "pci" in security.dataTypes, not one of pii, none/);
  });

  it('names at most five items a list has wrong', () => {
    const many = swap(CLEAN_CRITICAL, 'dataTypes: [pii]', `dataTypes: [${Array.from({ length: 40 }, (_, i) => `x${i}`).join(', ')}]`);
    const [message] = judge(many, { field: 'dataTypes', function: 'enum', options: { values: ['pii'] } }, { area: 'security' }).map((f) => f.message);
    expect(message).toMatch(/^service "payments-api" has "x0", "x1", "x2", "x3", "x4" and 35 more in security.dataTypes, not one of pii;/);
  });

  it('compares numbers and text as written: 99.95 is one of [99.95, 99.99]', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'target', function: 'enum', options: { values: [99.95, 99.99] } }, { area: 'availability' })).toEqual([]);
  });
});

describe('min and max', () => {
  const maxRto = { field: 'rto', function: 'max', options: { value: '1h' } };
  it('compares durations with units: max 1h holds for 45m, PT1H and 1h, fails for 2h and 90m', () => {
    for (const ok of ['45m', 'PT1H', '1h', '3600s']) expect(judge(RTO(ok), maxRto), ok).toEqual([]);
    expect(judge(RTO('2h'), maxRto).map((f) => [f.line, f.column, f.message])).toEqual([[31, 12, 'service "payments-api" has continuity.rto "2h", above the maximum of 1h; policy acme/check requires that continuity.rto is at most 1h.']]);
    expect(judge(RTO('90m'), maxRto)).toHaveLength(1);
  });

  it('compares numbers and percentages: min 99.9 holds for 99.95 and "99.95%", fails for 99.5', () => {
    const minTarget = { field: 'target', function: 'min', options: { value: 99.9 } };
    expect(judge(CLEAN_CRITICAL, minTarget, { area: 'availability' })).toEqual([]);
    expect(judge(swap(CLEAN_CRITICAL, 'target: 99.95', 'target: "99.95%"'), minTarget, { area: 'availability' })).toEqual([]);
    expect(judge(swap(CLEAN_CRITICAL, 'target: 99.95', 'target: 99.5'), { field: 'target', function: 'min', options: { value: '99.9%' } }, { area: 'availability' }).map((f) => f.message)).toEqual([
      'service "payments-api" has availability.target 99.5, below the minimum of 99.9%; policy acme/check requires that availability.target is at least 99.9%.',
    ]);
    expect(judge(CLEAN_CRITICAL, { field: 'headroom', function: 'min', options: { value: 40 } }, { area: 'capacity' })).toHaveLength(1);
  });

  it('compares dates', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'lastReview', function: 'min', options: { value: '2026-01-01' } }, { area: 'security' })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, { field: 'lastReview', function: 'min', options: { value: '2026-06-01' } }, { area: 'security' })).toHaveLength(1);
  });

  it('a value of another kind fails, saying so; a missing one fails', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'recoveryOption', function: 'max', options: { value: '1h' } }).map((f) => f.message)[0]).toContain('"warm-standby", which is not a duration such as 45m to compare with 1h');
    expect(judge(swap(CLEAN_CRITICAL, '      rto: 15m\n', ''), maxRto).map((f) => f.message)[0]).toMatch(/^service "payments-api" has no continuity.rto;/);
  });
});

describe('includes', () => {
  const mfa = { field: 'controls', function: 'includes', options: { values: ['MFA', 'access-logging'] } };
  it('compares case-insensitively, as security controls are, and names what is missing', () => {
    expect(judge(swap(CLEAN_CRITICAL, 'controls: [authn,', 'controls: [Mfa, authn,'), mfa, { area: 'security' })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, mfa, { area: 'security' }).map((f) => [f.line, f.column, f.message])).toEqual([
      [43, 17, 'service "payments-api" does not list MFA in security.controls; policy acme/check requires that security.controls includes MFA and access-logging.'],
    ]);
  });

  it('reads a single text as a list of one, and fails a mapping', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'policy', function: 'includes', options: { values: ['isp-2024'] } }, { area: 'security' })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, { field: 'lastTest', function: 'includes', options: { values: ['x'] } }).map((f) => f.message)[0]).toContain('continuity.lastTest a mapping, which is not a list');
  });
});

describe('maxAgeDays', () => {
  const age = (days: number) => ({ field: 'lastTest.date', function: 'maxAgeDays', options: { value: days } });
  it('holds for a date at most that many days before --now, and fails past it', () => {
    // lastTest.date is 2026-10-01: 56 days before 2026-11-26.
    expect(judge(CLEAN_CRITICAL, age(56))).toEqual([]);
    expect(judge(CLEAN_CRITICAL, age(55)).map((f) => [f.line, f.column, f.message])).toEqual([
      [36, 25, 'service "payments-api" has continuity.lastTest.date 2026-10-01, 56 days before today: older than the 55 days allowed; policy acme/check requires that continuity.lastTest.date is a date at most 55 days old.'],
    ]);
    const later = lintYaml(CLEAN_CRITICAL, { now: '2027-01-01', config: { policies: [{ id: 'acme/check', area: 'continuity', then: [age(60)] }] } });
    expect(later.findings.filter((f) => f.ruleId === 'acme/check')).toHaveLength(1);
  });

  it('a missing date fails at its nearest parent; a value that is not a date fails', () => {
    expect(judge(swap(CLEAN_CRITICAL, '      lastTest: { date: 2026-10-01, type: partial-failover, result: pass }\n', ''), age(90)).map((f) => [f.line, f.column])).toEqual([[27, 5]]);
    expect(judge(CLEAN_CRITICAL, { field: 'rto', function: 'maxAgeDays', options: { value: 1 } }).map((f) => f.message)[0]).toContain('which is not a date written YYYY-MM-DD');
  });
});

describe('options written loosely', () => {
  it('a single value where a list is expected is a list of one; numbers may be written as text', () => {
    expect(judge(CLEAN_CRITICAL, { field: 'controls', function: 'includes', options: { values: 'RBAC' } }, { area: 'security' })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, { field: 'recoveryOption', function: 'enum', options: { values: 'warm-standby' } })).toEqual([]);
    expect(judge(CLEAN_CRITICAL, { field: 'lastTest.date', function: 'maxAgeDays', options: { value: '55' } })).toHaveLength(1);
    expect(judge(CLEAN_CRITICAL, { field: 'target', function: 'min', options: { value: '99.99' } }, { area: 'availability' }).map((f) => f.message)[0]).toContain('below the minimum of 99.99');
  });
});

describe('where', () => {
  const present = { field: 'x-oncall', function: 'present' };
  const count = (where: PolicyData['where'], yaml = CLEAN_CRITICAL): number => judge(yaml, present, { area: 'availability', where }).length;
  it('tier, stage and kind each select services; all must hold; none means every service', () => {
    expect(count(undefined)).toBe(1);
    expect(count({ tier: ['critical'] })).toBe(1);
    expect(count({ tier: ['high', 'medium'] })).toBe(0);
    expect(count({ stage: ['design'] })).toBe(1);
    expect(count({ stage: ['operation'] })).toBe(0);
    expect(count({ kind: ['native'] })).toBe(1);
    expect(count({ kind: ['backstage'] })).toBe(0);
    expect(count({ tier: ['critical'], stage: ['operation'] })).toBe(0);
  });

  it('kind backstage selects Backstage Components, whose areas are under spec.warranty', () => {
    const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-api }
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
  warranty:
    tier: high
    availability: { target: 99.9, window: 30d, serviceHours: 24x7 }
`;
    const found = judge(component, present, { area: 'availability', where: { kind: ['backstage'], tier: ['high'], stage: ['operation'] } });
    expect(found.map((f) => [f.line, f.column, f.pointer])).toEqual([[10, 5, '/spec/warranty/availability/x-oncall']]);
    expect(judge(component, present, { area: 'availability', where: { kind: ['native'] } })).toEqual([]);
  });
});

describe('a policy with no area reads metadata', () => {
  it('checks metadata fields, and reports with area null', () => {
    const found = judge(CLEAN_CRITICAL, { field: 'description', function: 'present' }, { area: null });
    expect(found).toEqual([{ line: 3, column: 1, pointer: '/metadata/description', area: null, severity: 'warning', message: 'service "payments-api" has no metadata.description; policy acme/check requires that metadata.description is present.' }]);
    expect(judge(swap(CLEAN_CRITICAL, '  tier: critical\n', '  tier: critical\n  labels: { domain: payments }\n'), { field: 'labels.domain', function: 'enum', options: { values: ['payments'] } }, { area: null })).toEqual([]);
  });

  it('a placeholder in an x- key or metadata counts as missing', () => {
    const yaml = swap(CLEAN_CRITICAL, '  tier: critical\n', '  tier: critical\n  x-business-owner: TBD\n');
    expect(judge(yaml, { field: 'x-business-owner', function: 'present' }, { area: null }).map((f) => f.message)[0]).toContain('has no usable metadata.x-business-owner ("TBD")');
  });
});

describe('severity, messages and descriptions', () => {
  it('uses the policy severity, warning by default; off is off until configured', () => {
    const missing = swap(CLEAN_CRITICAL, '      rto: 15m\n', '');
    const check = { field: 'rto', function: 'present' };
    expect(judge(missing, check, { severity: 'error' }).map((f) => f.severity)).toEqual(['error']);
    expect(judge(missing, check, { severity: 'info' }).map((f) => f.severity)).toEqual(['info']);
    expect(judge(missing, check, { severity: 'off' })).toEqual([]);
    expect(judge(missing, check, { severity: 'off' }, { rules: { 'acme/check': 'warning' } }).map((f) => f.severity)).toEqual(['warning']);
    expect(judge(missing, check, {}, { extends: 'strict' }).map((f) => f.severity)).toEqual(['error']);
  });

  it('fills a message template, leaving unknown names as written', () => {
    const message = '{service} ({name}, {tier}, {stage}, {kind}) breaks {id}: {path} / {field} / {area} is {value}, expected {expected}; {problem}. {unknown}';
    expect(judge(RTO('2h'), { field: 'rto', function: 'max', options: { value: '1h' } }, { message }).map((f) => f.message)).toEqual([
      'service "payments-api" (payments-api, critical, design, native) breaks acme/check: continuity.rto / rto / continuity is 2h, expected is at most 1h; has continuity.rto "2h", above the maximum of 1h. {unknown}',
    ]);
  });

  it('with a description, the default message is what is wrong, then the description; each failing check is one finding', () => {
    const two = [
      { field: 'rto', function: 'max', options: { value: '10m' } },
      { field: 'rpo', function: 'max', options: { value: '1m' } },
      { field: 'mtpd', function: 'max', options: { value: '1d' } },
    ];
    const result = lintYaml(CLEAN_CRITICAL, { config: { policies: [{ id: 'acme/tight', area: 'continuity', description: 'Critical services recover fast', then: two }] } });
    expect(result.findings.filter((f) => f.ruleId === 'acme/tight').map((f) => [f.line, f.message])).toEqual([
      [31, 'service "payments-api" has continuity.rto "15m", above the maximum of 10m. Critical services recover fast.'],
      [32, 'service "payments-api" has continuity.rpo "5m", above the maximum of 1m. Critical services recover fast.'],
    ]);
  });
});

describe('the functions', () => {
  it('are the ones the config schema names (one list for the editor and the engine)', () => {
    const defs = (loadSchemaFile('config.schema.json') as { definitions: Record<string, { properties: Record<string, { enum?: string[] }> }> }).definitions;
    expect(defs.policyCheck?.properties.function?.enum).toEqual([...FUNCTION_NAMES]);
  });
});
