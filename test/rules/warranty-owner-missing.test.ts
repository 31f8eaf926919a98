import { describe, expect, it } from 'vitest';
import { warrantyOwnerMissing } from '../../src/rules/warranty-owner-missing.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'warranty-owner-missing';
const NO_CONTINUITY_OWNER = swap(CLEAN_CRITICAL, '      owner: mei.lin\n', '');

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(warrantyOwnerMissing.meta.id).toBe(ID);
    expect(warrantyOwnerMissing.meta.severity).toBe('warning');
    expectExamples(warrantyOwnerMissing);
  });

  it('flags an area with no owner of its own, at the area key', () => {
    const findings = findingsOf(NO_CONTINUITY_OWNER, ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[27, 5, '/spec/warranty/continuity', 'continuity']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" is critical tier but its continuity has no owner of its own (metadata.owner "team-payments" is accountable for the whole service); name the owner accountable for continuity in continuity.owner.',
    );
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
  });

  it('names no service-wide owner when the service has none either', () => {
    const findings = findingsOf(swap(NO_CONTINUITY_OWNER, '  owner: team-payments\n', ''), ID);
    expect(findings.map((f) => f.message)).toEqual([
      'service "payments-api" is critical tier but its continuity has no owner of its own; name the owner accountable for continuity in continuity.owner.',
    ]);
  });

  it('asks an owner per area of critical and high tiers only', () => {
    expect(positionsOf(lintYaml(swap(NO_CONTINUITY_OWNER, 'tier: critical', 'tier: high')), ID)).toEqual([[27, 5, '/spec/warranty/continuity']]);
    expect(positionsOf(lintYaml(swap(NO_CONTINUITY_OWNER, 'tier: critical', 'tier: medium')), ID)).toEqual([]);
  });

  it('does not add a finding to a placeholder owner, a missing area or a deferred one', () => {
    const placeholder = lintYaml(swap(CLEAN_CRITICAL, 'owner: mei.lin', 'owner: TBD'));
    expect(positionsOf(placeholder, 'warranty-placeholder-value')).toEqual([[28, 14, '/spec/warranty/continuity/owner']]);
    expect(positionsOf(placeholder, ID)).toEqual([]);
    const deferred = swap(NO_CONTINUITY_OWNER, '      plannedIn: design\n      status: agreed\n      rto: 15m', '      plannedIn: operation\n      status: agreed\n      rto: 15m');
    expect(positionsOf(lintYaml(deferred), ID)).toEqual([]);
    const noSecurity = lintYaml(CLEAN_CRITICAL.slice(0, CLEAN_CRITICAL.indexOf('    security:')));
    expect(positionsOf(noSecurity, 'warranty-area-missing')).toHaveLength(1);
    expect(positionsOf(noSecurity, ID)).toEqual([]);
  });

  it('counts a generic owner as an owner (that is warranty-owner-generic\'s finding)', () => {
    const result = lintYaml(swap(CLEAN_CRITICAL, 'owner: mei.lin', 'owner: oncall'));
    expect(positionsOf(result, ID)).toEqual([]);
    expect(positionsOf(result, 'warranty-owner-generic')).toEqual([[28, 14, '/spec/warranty/continuity/owner']]);
  });
});

describe(`${ID} on a Backstage entity`, () => {
  it('names the owner field where Backstage keeps it', () => {
    const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
spec:
  type: service
  lifecycle: production
  owner: group:default/team-ledger
  warranty:
    tier: high
    availability: { owner: ana.silva, target: 99.9, window: 30d, serviceHours: 24x7, mttr: 20m }
`;
    const findings = findingsOf(yaml, ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([]);
    const noOwner = findingsOf(swap(yaml, 'owner: ana.silva, ', ''), ID);
    expect(noOwner.map((f) => [f.line, f.column, f.pointer])).toEqual([[11, 5, '/spec/warranty/availability']]);
    expect(noOwner[0]?.message).toContain('(spec.owner "group:default/team-ledger" is accountable for the whole service)');
  });
});
