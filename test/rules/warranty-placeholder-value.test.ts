import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf } from './helpers.js';

const RULE = 'warranty-placeholder-value';

describe(RULE, () => {
  it('passes real values', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
  });

  it('reports a placeholder at its own value, with no schema finding', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'rto: 6h', 'rto: TBD'));
    expect(positionsOf(result, RULE)).toEqual([[18, 12, '/spec/warranty/continuity/rto']]);
    expect(positionsOf(result, 'schema')).toEqual([]);
    const [f] = findingsOf(result, RULE);
    expect(f?.area).toBe('continuity');
    expect(f?.message).toBe('service "search" has the placeholder "TBD" in continuity.rto; replace it with an agreed value.');
  });

  it('reports a vague word where a measure is needed', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'serviceHours: 24x7', 'serviceHours: business hours'));
    expect(positionsOf(result, RULE)).toEqual([[13, 21, '/spec/warranty/availability/serviceHours']]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" gives availability.serviceHours the vague value "business hours"; a measurable value is needed.');
  });

  it('reports an empty value at its key', () => {
    const result = lintYaml(edit(CLEAN_LOW, 'rpo: 12h', 'rpo:'));
    expect(positionsOf(result, RULE)).toEqual([[19, 7, '/spec/warranty/continuity/rpo']]);
    expect(findingsOf(result, RULE)[0]?.message).toBe('service "search" leaves continuity.rpo empty; give it an agreed value.');
  });

  it('reports metadata.owner, list items and nested values, each at its own node', () => {
    const yaml = edit(edit(edit(CLEAN_LOW, 'owner: team-search', 'owner: "?"'), 'dataTypes: [none]', 'dataTypes: [pii, TBC]'), 'unit: rps', 'unit: <unit>');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([
      [5, 10, '/metadata/owner'],
      [15, 32, '/spec/warranty/capacity/peak/unit'],
      [23, 24, '/spec/warranty/security/dataTypes/1'],
    ]);
  });

  it('leaves notes, rationale and x- extensions alone', () => {
    const yaml = edit(CLEAN_LOW, '      rto: 6h\n', '      rto: 6h\n      notes: TBD\n      rationale: "?"\n      x-ticket: TODO\n');
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([]);
  });

  it('matches placeholders whatever their case, and the configured extra words', () => {
    expect(positionsOf(lintYaml(edit(CLEAN_LOW, 'rto: 6h', 'rto: tbd')), RULE)).toEqual([[18, 12, '/spec/warranty/continuity/rto']]);
    const pending = edit(CLEAN_LOW, 'rto: 6h', 'rto: Pending');
    expect(positionsOf(lintYaml(pending), RULE)).toEqual([]);
    expect(positionsOf(lintYaml(pending, { config: { placeholders: ['pending'] } }), RULE)).toEqual([[18, 12, '/spec/warranty/continuity/rto']]);
  });

  it('quotes a long placeholder cut short, so a huge value cannot make a huge message', () => {
    const huge = `<${'x'.repeat(100_000)}>`;
    const [f] = findingsOf(lintYaml(edit(CLEAN_LOW, 'rto: 6h', `rto: "${huge}"`)), RULE);
    expect(f?.message).toMatch(/^service "search" has the placeholder "<x+…" in continuity\.rto; replace it with an agreed value\.$/);
    expect(f?.message.length).toBeLessThan(200);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
