import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';

const RULE = 'warranty-placeholder-value';

describe(RULE, () => {
  it('reports a placeholder, a vague word and an empty value at the value, with no second finding', () => {
    const r = lintYaml(CLEAN_LOW.replace('rto: 24h', 'rto: TBD').replace('serviceHours: 24x7', 'serviceHours: best effort').replace('owner: team-search', "owner: ''"));
    expect(positionsOf(r, RULE)).toEqual([
      [5, 10, '/metadata/owner'],
      [13, 21, '/spec/warranty/availability/serviceHours'],
      [18, 12, '/spec/warranty/continuity/rto'],
    ]);
    expect(r.findings.map((f) => f.message)).toEqual([
      'service "search" leaves metadata.owner empty; give it an agreed value or remove it.',
      'service "search" gives availability.serviceHours the vague value "best effort"; a measurable value is needed.',
      'service "search" has the placeholder "TBD" in continuity.rto; replace it with an agreed value.',
    ]);
    expect(r.findings.map((f) => f.area)).toEqual([null, 'availability', 'continuity']);
    expect(new Set(rulesOf(r))).toEqual(new Set([RULE]));
  });

  it('leaves notes and rationale alone', () => {
    const r = lintYaml(CLEAN_LOW.replace('      target: 99.5', '      target: 99.5\n      notes: TBD\n      rationale: "?"'));
    expect(positionsOf(r, RULE)).toEqual([]);
  });
});
