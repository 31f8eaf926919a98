import { describe, expect, it } from 'vitest';
import { securitySensitiveDataUnderclassified } from '../../src/rules/security-sensitive-data-underclassified.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'security-sensitive-data-underclassified';
const CLASSIFICATION: [number, number, string] = [41, 23, '/spec/warranty/security/classification'];
const security = (classification: string, dataTypes: string): string =>
  swap(swap(CLEAN_CRITICAL, 'classification: confidential', `classification: ${classification}`), 'dataTypes: [pii]', `dataTypes: [${dataTypes}]`);

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(securitySensitiveDataUnderclassified.meta.id).toBe(ID);
    expect(securitySensitiveDataUnderclassified.meta.severity).toBe('error');
    expectExamples(securitySensitiveDataUnderclassified);
  });

  it('accepts each data type at its lowest classification and flags one level below, at classification', () => {
    for (const [type, lowest, below] of [
      ['pii', 'confidential', 'internal'],
      ['phi', 'restricted', 'confidential'],
      ['pci', 'restricted', 'confidential'],
      ['credentials', 'restricted', 'confidential'],
    ] as const) {
      expect([type, positionsOf(lintYaml(security(lowest, type)), ID)]).toEqual([type, []]);
      expect([type, positionsOf(lintYaml(security(below, type)), ID)]).toEqual([type, [CLASSIFICATION]]);
    }
  });

  it('names each under-classified data type and the classification the most sensitive needs', () => {
    const findings = findingsOf(security('internal', 'pii, pci, none'), ID);
    expect(findings.map((f) => [f.line, f.column, f.area])).toEqual([[41, 23, 'security']]);
    expect(findings[0]?.message).toBe('service "payments-api" handles pii (at least confidential) and pci (at least restricted) but security.classification is internal; classify it restricted.');
  });

  it('asks for the most sensitive classification whatever the order of the data types', () => {
    expect(findingsOf(security('internal', 'phi, pii'), ID)[0]?.message).toBe(
      'service "payments-api" handles phi (at least restricted) and pii (at least confidential) but security.classification is internal; classify it restricted.',
    );
  });

  it('flags sensitive data classified public, the lowest level', () => {
    const findings = findingsOf(security('public', 'pii'), ID);
    expect(findings.map((f) => [f.line, f.column, f.pointer])).toEqual([CLASSIFICATION]);
    expect(findings[0]?.message).toBe('service "payments-api" handles pii (at least confidential) but security.classification is public; classify it confidential.');
  });

  it('says nothing of data that is not sensitive, or without both fields', () => {
    expect(positionsOf(lintYaml(security('public', 'none')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(security('TBD', 'pci')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(swap(CLEAN_CRITICAL, '      dataTypes: [pii]\n', '')), ID)).toEqual([]);
  });
});
