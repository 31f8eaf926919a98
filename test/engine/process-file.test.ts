// What linting one file gives back (src/engine/process-file.ts): the documents that could not be
// read are counted, and a file's own findings stay open beside a service's waivers.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintText } from '../../src/engine/process-file.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const waived = `${CLEAN_LOW}  waivers:\n    - { rule: warranty-placeholder-value, reason: Agreed until the rebuild., approvedBy: ciso, expires: 2027-01-31 }\n`;

describe('lintText', () => {
  it('counts the documents it could not parse, and reads the others', () => {
    const text = `${CLEAN_LOW}---\nkey: [unclosed\n---\n${CLEAN_LOW.replace('name: search', 'name: other')}---\n{ also: broken\n`;
    const result = lintText(text, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config: resolveConfig({}), today: 20_783 });
    expect(result.brokenDocuments).toBe(2);
    expect(result.services.map((s) => s.name)).toEqual(['search', 'other']);
  });
});

describe('waivers', () => {
  it('waive a service finding, never the findings of a document that is not a service', () => {
    const result = lintYaml(`${waived.replace('target: 99.0', 'target: TBD')}---\nkey: [unclosed\n`);
    expect(result.findings.map((f) => [f.ruleId, f.waived])).toEqual([
      ['warranty-placeholder-value', true],
      ['yaml-syntax', false],
    ]);
  });
});
