import { describe, expect, it } from 'vitest';
import { securityControlsInsufficient } from '../../src/rules/security-controls-insufficient.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'security-controls-insufficient';
const CONTROLS_LINE = '      controls: [authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups]\n';
const CONTROLS: [number, number, string] = [43, 17, '/spec/warranty/security/controls'];
const withControls = (list: string, classification = 'confidential'): string =>
  swap(swap(CLEAN_CRITICAL, CONTROLS_LINE, `      controls: [${list}]\n`), 'classification: confidential', `classification: ${classification}`);

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(securityControlsInsufficient.meta.id).toBe(ID);
    expect(securityControlsInsufficient.meta.severity).toBe('error');
    expectExamples(securityControlsInsufficient);
  });

  it('accepts exactly the controls the classification requires and flags one fewer, at controls', () => {
    expect(positionsOf(lintYaml(CLEAN_CRITICAL), ID)).toEqual([]);
    const findings = findingsOf(withControls('authn, rbac, encryption-in-transit, encryption-at-rest, access-logging'), ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer, f.area])).toEqual([[...CONTROLS, 'security']]);
    expect(findings[0]?.message).toBe('service "payments-api" classifies its data as confidential but security.controls lacks encrypted-backups, which confidential requires.');
  });

  it('lists every missing control of each classification', () => {
    expect(findingsOf(withControls('authn', 'internal'), ID)[0]?.message).toContain('lacks rbac and encryption-in-transit, which internal requires');
    const restricted = findingsOf(swap(withControls('authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups', 'restricted'), 'dataTypes: [pii]', 'dataTypes: [pci]'), ID);
    expect(restricted.map((f) => [f.line, f.column])).toEqual([[43, 17]]);
    expect(restricted[0]?.message).toContain('lacks mfa and key-management, which restricted requires');
    expect(positionsOf(lintYaml(withControls('authn, rbac, encryption-in-transit', 'internal')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(withControls('', 'public'), 'dataTypes: [pii]', 'dataTypes: [none]')), ID)).toEqual([]);
  });

  it('compares control names case-insensitively', () => {
    expect(positionsOf(lintYaml(withControls('AuthN, RBAC, Encryption-In-Transit', 'internal')), ID)).toEqual([]);
  });

  it('ignores spaces around a control name', () => {
    expect(positionsOf(lintYaml(withControls('" authn", "RBAC ", " encryption-in-transit "', 'internal')), ID)).toEqual([]);
  });

  it('leaves a classification outside the vocabulary to the schema', () => {
    const result = lintYaml(withControls('authn', 'secret'));
    expect(positionsOf(result, 'schema')).toEqual([[41, 23, '/spec/warranty/security/classification']]);
    expect(positionsOf(result, ID)).toEqual([]);
  });

  it('points at the area key when there are no controls at all; tier-detail-missing names the field too', () => {
    const result = lintYaml(swap(CLEAN_CRITICAL, CONTROLS_LINE, ''));
    const findings = result.findings.filter((f) => f.ruleId === ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([[37, 5, '/spec/warranty/security']]);
    expect(findings[0]?.message).toBe(
      'service "payments-api" classifies its data as confidential but lists no security.controls; confidential requires authn, rbac, encryption-in-transit, encryption-at-rest, access-logging and encrypted-backups.',
    );
    expect(positionsOf(result, 'tier-detail-missing')).toEqual([[37, 5, '/spec/warranty/security']]);
  });

  it('leaves controls reported as a placeholder, and a missing classification, to their own findings', () => {
    const placeholder = lintYaml(swap(CLEAN_CRITICAL, CONTROLS_LINE, '      controls: TBD\n'));
    expect(positionsOf(placeholder, 'warranty-placeholder-value')).toEqual([CONTROLS]);
    expect(positionsOf(placeholder, ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, 'classification: confidential', 'classification: TBD')), ID)).toEqual([]);
  });
});
