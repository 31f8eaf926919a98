// The answers warranty-lint gives to what SPEC.md leaves open (issue 17, part 3), one test each,
// named by the id of its answer in src/docs/open-questions.ts (rendered in docs/rules.md).
import { describe, expect, it } from 'vitest';
import { OPEN_QUESTIONS } from '../../src/docs/open-questions.js';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';
import { edit, findingsOf } from './helpers.js';

const TESTED = ['target-100', 'backstage-other-kinds', 'deferral-block-scalar', 'owner-area', 'unnamed-service', 'one-yaml-syntax', 'empty-area', 'last-test-result', 'placeholder-case', 'waiver-expires-today'];

const CAPACITY = '    capacity:\n      peak: { value: 50, unit: rps }\n      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n';

describe('answers to questions SPEC leaves open', () => {
  it('every answer in the docs has its test here, and every test its answer', () => {
    expect(OPEN_QUESTIONS.map((q) => q.id)).toEqual(TESTED);
  });

  it('target-100: a target of 100% is availability-target-unmeasurable only, never also an rto budget conflict', () => {
    const r = lintYaml(edit(CLEAN_LOW, 'target: 99.0', 'target: 100'));
    expect(positionsOf(r, 'availability-target-unmeasurable')).toEqual([[11, 15, '/spec/warranty/availability/target']]);
    expect(rulesOf(r)).not.toContain('availability-rto-budget-conflict');
    // Below 100 the same rto is a conflict: the rule is not simply quiet.
    expect(rulesOf(lintYaml(edit(edit(CLEAN_LOW, 'target: 99.0', 'target: 99.99'), 'rto: 6h', 'rto: 1h')))).toContain('availability-rto-budget-conflict');
  });

  it('backstage-other-kinds: resource:, system:, api: and group: references are dependencies outside the catalog, never unknown', () => {
    const warranty = `  warranty:\n    tier: low\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 12h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n`;
    const text = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\nspec:\n  type: service\n  owner: team-shop\n  lifecycle: experimental\n  dependsOn:\n    - resource:default/orders-db\n    - system:payments\n    - api:default/prices\n    - group:team-x\n    - component:default/auth\n${warranty}`;
    const r = lintYaml(text);
    // Only the Component reference is looked up as a service.
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([['dependency-unknown', 14]]);
  });

  it('deferral-block-scalar: a deferral in a block scalar points at the line of the phrase, in literal and folded values', () => {
    const notes = (style: string) => edit(CLEAN_LOW, CAPACITY, `    capacity:\n      notes: ${style}\n        The service is small.\n        Traffic is low today.\n        Ops will monitor\n        and scale as needed.\n`);
    for (const style of ['|', '>-']) {
      const f = findingsOf(lintYaml(notes(style)), 'warranty-deferred-to-operation');
      expect(f.map((x) => [x.line, x.column, x.pointer]), style).toEqual([[18, 9, '/spec/warranty/capacity/notes']]);
      expect(f[0]?.endLine, style).toBeGreaterThanOrEqual(18);
    }
    // Written with escapes, the phrase is not in the text as such: the whole value.
    const quoted = edit(CLEAN_LOW, CAPACITY, '    capacity:\n      notes: "Small.\\nOps\\u0020will monitor and scale as needed."\n');
    expect(positionsOf(lintYaml(quoted), 'warranty-deferred-to-operation')).toEqual([[15, 14, '/spec/warranty/capacity/notes']]);
  });

  it('owner-area: findings about metadata.owner have no area; an area owner gives its area', () => {
    expect(lintYaml(edit(CLEAN_LOW, 'owner: team-search', 'owner: TBD')).findings.map((f) => [f.ruleId, f.pointer, f.area])).toEqual([['warranty-placeholder-value', '/metadata/owner', null]]);
    expect(lintYaml(edit(CLEAN_LOW, 'owner: team-search', 'owner: ops')).findings.map((f) => [f.ruleId, f.pointer, f.area])).toEqual([['warranty-owner-generic', '/metadata/owner', null]]);
    const areaOwner = edit(CLEAN_LOW, '    availability:\n', '    availability:\n      owner: ops\n');
    expect(lintYaml(areaOwner).findings.map((f) => [f.ruleId, f.pointer, f.area])).toEqual([['warranty-owner-generic', '/spec/warranty/availability/owner', 'availability']]);
  });

  it('unnamed-service: findings about a document without a usable name have service null, and say "document N" or "the unnamed service"', () => {
    const noName = edit(edit(CLEAN_LOW, '  name: search\n', ''), 'owner: team-search', 'owner: TBD');
    const r = lintYaml(`${CLEAN_LOW}---\n${noName}`);
    const second = r.findings.filter((f) => f.document === 1);
    expect(second.map((f) => [f.ruleId, f.service, f.message])).toEqual([
      ['schema', null, 'document 2: metadata.name is required'],
      ['warranty-placeholder-value', null, 'the unnamed service has the placeholder "TBD" in metadata.owner; replace it with an agreed value.'],
    ]);
    expect(lintYaml(edit(CLEAN_LOW, 'name: search', 'name: 42')).findings.map((f) => [f.ruleId, f.service])).toEqual([['schema', null]]);
  });

  it('one-yaml-syntax: one finding a broken document, at its first problem, naming the lines of the others', () => {
    const broken = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata:\n  name: x\n  name: y\n  owner: a\n  owner: b\n  tier: low\n  tier: high\n';
    const r = lintYaml(`${broken}---\n${broken}`);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.document])).toEqual([
      ['yaml-syntax', 5, 0],
      ['yaml-syntax', 15, 1],
    ]);
    expect(r.findings[0]?.message).toBe('duplicate key: a mapping may hold each key once (the later one would silently win); 2 more problems in this document, at lines 7 and 9');
    // A lost bracket: the parser reports on several lines; one finding.
    expect(rulesOf(lintYaml('apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: a\nspec: [x\nfoo: bar\n'))).toEqual(['yaml-syntax']);
  });

  it('empty-area: an empty area is warranty-area-missing at the area key, with no schema finding', () => {
    for (const empty of ['    capacity: {}\n', '    capacity:\n']) {
      const r = lintYaml(edit(CLEAN_LOW, CAPACITY, empty));
      expect(r.findings.map((f) => [f.ruleId, f.line, f.column, f.pointer]), empty).toEqual([['warranty-area-missing', 14, 5, '/spec/warranty/capacity']]);
    }
  });

  it('last-test-result: pass, fail and partial in lower case; only fail is stale; anything else is a schema finding', () => {
    const withResult = (result: string) => lintYaml(edit(CLEAN_LOW, 'recoveryOption: backup-restore', `recoveryOption: backup-restore\n      lastTest: { date: 2026-06-01, type: walkthrough, result: ${result} }`));
    expect(rulesOf(withResult('pass'))).toEqual([]);
    expect(rulesOf(withResult('partial'))).toEqual([]);
    expect(rulesOf(withResult('fail'))).toEqual(['continuity-test-stale']);
    for (const other of ['PASS', 'failed', 'success', 'ok']) {
      const r = withResult(other);
      expect(r.findings.map((f) => [f.ruleId, f.pointer]), other).toEqual([['schema', '/spec/warranty/continuity/lastTest/result']]);
      expect(r.findings[0]?.message, other).toContain('must be one of pass, fail, partial');
    }
  });

  it('placeholder-case: placeholders match in any case, and the message quotes the value as written', () => {
    const r = lintYaml(edit(edit(edit(CLEAN_LOW, 'rpo: 12h', 'rpo: N/A'), 'serviceHours: 24x7', 'serviceHours: Tbd'), 'recoveryOption: backup-restore', 'recoveryOption: tbc'));
    expect(findingsOf(r, 'warranty-placeholder-value').map((f) => [f.pointer, f.message.match(/placeholder ("[^"]+")/)?.[1]])).toEqual([
      ['/spec/warranty/availability/serviceHours', '"Tbd"'],
      ['/spec/warranty/continuity/rpo', '"N/A"'],
      ['/spec/warranty/continuity/recoveryOption', '"tbc"'],
    ]);
  });

  it('waiver-expires-today: in force on its expiry date, expired the day after', () => {
    const waived = `${edit(CLEAN_LOW, 'target: 99.0', 'target: 100')}  waivers:\n    - rule: availability-target-unmeasurable\n      reason: agreed with the business\n      expires: 2026-11-26\n`;
    const today = lintYaml(waived, { now: '2026-11-26' });
    expect(today.findings.map((f) => [f.ruleId, f.waived])).toEqual([['availability-target-unmeasurable', true]]);
    const tomorrow = lintYaml(waived, { now: '2026-11-27' });
    expect(tomorrow.findings.map((f) => [f.ruleId, f.waived])).toEqual([
      ['availability-target-unmeasurable', false],
      ['waiver-expired', false],
    ]);
  });
});
