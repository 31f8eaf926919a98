import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { isGenericOwner } from '../../src/model/vocabulary.js';
import { warrantyOwnerGeneric } from '../../src/rules/warranty-owner-generic.js';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'warranty-owner-generic';
const ALIASES = defaultConfig().genericOwners;

describe('isGenericOwner', () => {
  it('knows an alias of the list, whatever its case, and a name made only of aliases and filler words', () => {
    for (const owner of ['ops', 'OPS', 'Operations', 'noc', 'oncall', 'On-Call', 'support', 'sre', 'IT', 'helpdesk', 'team-ops', 'ops-team', 'Ops Team', 'the-ops-group', 'it-support', 'IT_Support', 'ItSupport', 'sre-oncall', 'sre-on-call', 'NOC', 'group:default/ops', 'group:ops', 'default/sre', 'ops@example.com', '@oncall']) {
      expect([owner, isGenericOwner(owner, ALIASES)]).toEqual([owner, true]);
    }
  });

  it('accepts a name with a word of its own, even when it contains an alias', () => {
    for (const owner of ['payments-sre-guild', 'team-payments', 'it.jones', 'opsec', 'support-payments', 'group:default/payments-ops', 'jane.doe', 'ciso-office', 'team', '', '  ']) {
      expect([owner, isGenericOwner(owner, ALIASES)]).toEqual([owner, false]);
    }
  });

  it('uses the aliases it is given (config genericOwners)', () => {
    expect(isGenericOwner('team-ops', ['noc'])).toBe(false);
    expect(isGenericOwner('platform-team', ['platform'])).toBe(true);
  });
});

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(warrantyOwnerGeneric.meta.id).toBe(ID);
    expect(warrantyOwnerGeneric.meta.severity).toBe('warning');
    expectExamples(warrantyOwnerGeneric);
  });

  it('flags a generic service owner at metadata.owner, with no area', () => {
    const findings = findingsOf(swap(CLEAN_CRITICAL, 'owner: team-payments', 'owner: Team-Ops'), ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[5, 10, '/metadata/owner', null]]);
    expect(findings[0]?.message).toBe('service "payments-api" names "Team-Ops", a generic operations alias, as its service owner; name the team or person accountable for the service end to end.');
  });

  it('flags a generic area owner at its value, in its area', () => {
    const findings = findingsOf(swap(CLEAN_CRITICAL, 'owner: mei.lin', 'owner: sre-oncall'), ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[28, 14, '/spec/warranty/continuity/owner', 'continuity']]);
    expect(findings[0]?.message).toContain('"sre-oncall", a generic operations alias, as the owner of continuity (continuity.owner)');
  });

  it('reports each owner written once: an area without an owner of its own is not reported again', () => {
    const yaml = swap(CLEAN_LOW, 'owner: team-search', 'owner: ops');
    expect(positionsOf(lintYaml(yaml), ID)).toEqual([[5, 10, '/metadata/owner']]);
    expect(positionsOf(lintYaml(CLEAN_LOW), ID)).toEqual([]);
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
  });

  it('does not flag a team that merely contains an alias, and follows config genericOwners', () => {
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'owner: mei.lin', 'owner: payments-sre-guild')), ID)).toEqual([]);
    const yaml = swap(CLEAN_CRITICAL, 'owner: team-payments', 'owner: team-ops');
    expect(positionsOf(lintYaml(yaml, { config: { genericOwners: ['noc'] } }), ID)).toEqual([]);
    expect(positionsOf(lintYaml(yaml, { config: { rules: { [ID]: 'off' } } }), ID)).toEqual([]);
  });

  it('leaves a placeholder owner to warranty-placeholder-value', () => {
    const result = lintYaml(swap(CLEAN_CRITICAL, 'owner: team-payments', "owner: '?'"));
    expect(positionsOf(result, 'warranty-placeholder-value')).toEqual([[5, 10, '/metadata/owner']]);
    expect(positionsOf(result, ID)).toEqual([]);
  });

  it('reads a Backstage owner entity ref', () => {
    const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
spec:
  type: service
  lifecycle: production
  owner: group:default/ops
  warranty:
    tier: low
    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }
`;
    expect(positionsOf(lintYaml(yaml), ID)).toEqual([[8, 10, '/spec/owner']]);
    expect(positionsOf(lintYaml(swap(yaml, 'group:default/ops', 'group:default/search-team')), ID)).toEqual([]);
  });
});
