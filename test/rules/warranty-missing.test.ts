import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';
import { expectExamplesHold } from './helpers.js';

const RULE = 'warranty-missing';

const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec:
  type: service
  lifecycle: production
  owner: group:default/team-payments
`;

const services = (text: string) => rulesOf(lintYaml(text)).filter((r) => r !== 'portfolio-reactive-provider');

describe(RULE, () => {
  it('holds its examples', () => expectExamplesHold(RULE));

  it('gives a Component with no spec.warranty one finding at `spec`, instead of one per area', () => {
    const r = lintYaml(COMPONENT);
    expect(positionsOf(r, RULE)).toEqual([[5, 1, '/spec/warranty']]);
    expect(services(COMPONENT)).toEqual([RULE]);
    expect(r.findings[0]).toMatchObject({ severity: 'error', area: null, service: 'payments' });
    // The areas are missing all the same: the report's matrix and the reactive share count them.
    expect(Object.values(r.services[0]!.areas).map((a) => a.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
  });

  it('is a warning for a low tier, like a missing area', () => {
    const low = COMPONENT.replace('metadata:\n', 'metadata:\n  labels: { tier: low }\n');
    const r = lintYaml(low, { config: { backstage: { tier: { from: ['spec.warranty.tier', 'metadata.labels.tier'] } } } });
    expect(r.findings.find((f) => f.ruleId === RULE)?.severity).toBe('warning');
  });

  it('is not raised once spec.warranty exists, even empty: then each area is missing on its own', () => {
    expect(services(`${COMPONENT}  warranty:\n    tier: medium\n`)).toEqual(['warranty-area-missing', 'warranty-area-missing', 'warranty-area-missing', 'warranty-area-missing']);
    expect(services(`${COMPONENT}  warranty: {}\n`)).not.toContain(RULE);
  });

  it('is not raised for a native service, whose warranty-lint file is written for its warranty', () => {
    const native = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\n';
    expect(services(native)).toEqual(['warranty-area-missing', 'warranty-area-missing', 'warranty-area-missing', 'warranty-area-missing']);
  });

  it('gives a snippet that, filled in, passes every rule for its tier', () => {
    const message = lintYaml(COMPONENT).findings[0]!.message;
    const snippet = /for a medium tier: (warranty: \{.*\}) \(fill in/.exec(message)?.[1];
    expect(snippet).toBeDefined();
    const filled = snippet!
      .replace('<peak>', '120')
      .replace('<growth>', '10')
      .replace('<internal|confidential|restricted>', 'internal')
      .replace('<pii|pci|none>', 'none')
      .replace('dataTypes: [none] }', 'dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }');
    expect(rulesOf(lintYaml(`${COMPONENT}  ${filled}\n`))).toEqual([]);
  });

  it('names what a critical or high tier needs besides the essentials, and nothing more for a lower tier', () => {
    const tiered = (tier: string) => lintYaml(`${COMPONENT}`.replace('metadata:\n', `metadata:\n  labels: { tier: ${tier} }\n`), { config: { backstage: { tier: { from: ['metadata.labels.tier'] } } } });
    const extras = (tier: string) =>
      ` A ${tier} tier also needs availability.mttr, capacity.headroom, thresholds and loadTest, continuity.mtpd, plan and lastTest, and security.controls, policy and lastReview.`;
    for (const tier of ['critical', 'high']) expect(tiered(tier).findings.find((f) => f.ruleId === RULE)?.message.endsWith(`(fill in the <…> values).${extras(tier)}`)).toBe(true);
    for (const tier of ['medium', 'low']) expect(tiered(tier).findings.find((f) => f.ruleId === RULE)?.message).toMatch(/\(fill in the <…> values\)\.$/);
  });
});
