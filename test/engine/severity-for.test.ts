// The severity a finding gets: overrides (the last match wins), then `rules`, then the rule's own
// default for the service's tier, raised one step by the `strict` preset; policies written `off`.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { configuredFinding, severityFor } from '../../src/engine/severity.js';

const policy = (severity?: 'off' | 'warning' | 'info' | 'error') => ({
  id: 'acme/owner-named',
  area: 'continuity' as const,
  ...(severity === undefined ? {} : { severity }),
  then: [{ field: 'rto', function: 'present' }],
});

describe('severityFor', () => {
  it('takes `rules` over the default, for every file, none included', () => {
    const config = resolveConfig({ rules: { schema: 'info' } });
    expect(severityFor('schema', 'a.yaml', null, config)).toBe('info');
    expect(severityFor('schema', null, null, config)).toBe('info');
    expect(severityFor('schema', 'a.yaml', null, resolveConfig({}))).toBe('error');
  });

  it('lets the last matching override win, and ignores overrides that do not name the rule or match the file', () => {
    const config = resolveConfig({
      rules: { schema: 'info' },
      overrides: [
        { files: ['services/**'], rules: { schema: 'warning' } },
        { files: ['services/legacy/**'], rules: { schema: 'off' } },
        { files: ['services/**'], rules: { 'warranty-missing': 'info' } },
        { files: ['other/**'], rules: { schema: 'error' } },
      ],
    });
    expect(severityFor('schema', 'services/a.yaml', null, config)).toBe('warning');
    expect(severityFor('schema', 'services/legacy/a.yaml', null, config)).toBe('off');
    expect(severityFor('schema', 'elsewhere/a.yaml', null, config)).toBe('info');
    // A finding with no file (a run-level one) takes no override.
    expect(severityFor('schema', null, null, config)).toBe('info');
    expect(severityFor('warranty-missing', 'services/a.yaml', 'low', config)).toBe('info');
    expect(severityFor('warranty-missing', 'other/a.yaml', 'low', config)).toBe('warning');
  });

  it('gives the same answers when asked again with the same config (its matchers are kept)', () => {
    const config = resolveConfig({ overrides: [{ files: ['a/**'], rules: { schema: 'warning' } }, { files: ['b/**'], rules: { schema: 'info' } }] });
    for (let i = 0; i < 2; i++) {
      expect(severityFor('schema', 'a/x.yaml', null, config)).toBe('warning');
      expect(severityFor('schema', 'b/x.yaml', null, config)).toBe('info');
      expect(severityFor('schema', 'c/x.yaml', null, config)).toBe('error');
    }
    const other = resolveConfig({ overrides: [{ files: ['c/**'], rules: { schema: 'info' } }] });
    expect(severityFor('schema', 'a/x.yaml', null, other)).toBe('error');
    expect(severityFor('schema', 'c/x.yaml', null, other)).toBe('info');
  });

  it("uses the rule's severity for the service's tier, its plain one for other tiers and for no tier", () => {
    const config = resolveConfig({});
    expect(severityFor('warranty-missing', 'a.yaml', 'low', config)).toBe('warning');
    expect(severityFor('warranty-missing', 'a.yaml', 'critical', config)).toBe('error');
    expect(severityFor('warranty-missing', 'a.yaml', null, config)).toBe('error');
    expect(severityFor('warranty-deferred-to-operation', 'a.yaml', 'medium', config)).toBe('warning');
    // A rule with one severity for every tier.
    expect(severityFor('schema', 'a.yaml', 'low', config)).toBe('error');
    expect(severityFor('too-many-findings', 'a.yaml', 'critical', config)).toBe('info');
  });

  it('raises every default one step under `strict` (info to warning, warning to error), never past error', () => {
    const strict = resolveConfig({ extends: 'strict' });
    expect(severityFor('warranty-missing', 'a.yaml', 'low', strict)).toBe('error');
    expect(severityFor('warranty-missing', 'a.yaml', 'high', strict)).toBe('error');
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ extends: 'strict', policies: [policy('info')] }))).toBe('warning');
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ extends: 'recommended', policies: [policy('info')] }))).toBe('info');
    // `rules` and overrides are taken as written, not raised.
    expect(severityFor('warranty-missing', 'a.yaml', 'low', resolveConfig({ extends: 'strict', rules: { 'warranty-missing': 'info' } }))).toBe('info');
  });

  it('keeps a policy written `off` off until `rules` or an override turns it on', () => {
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ policies: [policy('off')] }))).toBe('off');
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ extends: 'strict', policies: [policy('off')] }))).toBe('off');
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ policies: [policy('off')], rules: { 'acme/owner-named': 'warning' } }))).toBe('warning');
    expect(
      severityFor('acme/owner-named', 'x/a.yaml', null, resolveConfig({ policies: [policy('off')], overrides: [{ files: ['x/**'], rules: { 'acme/owner-named': 'info' } }] })),
    ).toBe('info');
    expect(severityFor('acme/owner-named', 'a.yaml', null, resolveConfig({ policies: [policy('warning')] }))).toBe('warning');
  });

  it('treats a rule it does not know as an error', () => {
    expect(severityFor('no-such-rule', 'a.yaml', 'low', resolveConfig({}))).toBe('error');
    expect(severityFor('no-such-rule', 'a.yaml', 'low', resolveConfig({ extends: 'strict' }))).toBe('error');
  });
});

describe('configuredFinding', () => {
  const input = (ruleId: string) => ({ ruleId, message: 'm', file: 'svc/a.yaml', range: null, service: 's', area: null, pointer: '/x', document: 0 });

  it('makes the finding at the configured severity for its file and tier', () => {
    const config = resolveConfig({ overrides: [{ files: ['svc/**'], rules: { schema: 'warning' } }] });
    const f = configuredFinding(input('schema'), null, config);
    expect(f).toMatchObject({ ruleId: 'schema', severity: 'warning', message: 'm', file: 'svc/a.yaml', service: 's', pointer: '/x', waived: false, document: 0 });
    expect(configuredFinding(input('warranty-missing'), 'low', resolveConfig({})).severity).toBe('warning');
    expect(configuredFinding(input('warranty-missing'), 'high', resolveConfig({})).severity).toBe('error');
  });

  it('keeps a finding of a rule turned off as info', () => {
    expect(configuredFinding(input('schema'), null, resolveConfig({ rules: { schema: 'off' } })).severity).toBe('info');
  });
});
