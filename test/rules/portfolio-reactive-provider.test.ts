import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf } from './helpers.js';

const RULE = 'portfolio-reactive-provider';
const WARRANTY = CLEAN_LOW.slice(CLEAN_LOW.indexOf('    availability:'));
/** A service with no warranty at all: its four areas are missing. */
const EMPTY = (name: string, tier: string): string => edit(edit(CLEAN_LOW, WARRANTY, '    x-notes: nothing yet\n'), 'name: search\n  owner: team-search\n  tier: low', `name: ${name}\n  owner: team-search\n  tier: ${tier}`);
const CLEAN = (name: string, tier: string): string => edit(edit(CLEAN_LOW, 'name: search', `name: ${name}`), 'tier: low', `tier: ${tier}`);

describe(RULE, () => {
  it('passes a portfolio whose warranty is defined in design', () => {
    const result = lintYaml(CLEAN_LOW);
    expect(positionsOf(result, RULE)).toEqual([]);
    expect(result.summary.reactiveShare).toBe(0);
  });

  it('flags a portfolio at or above the threshold, as one finding with no file, line or service', () => {
    const result = lintYaml(EMPTY('legacy-billing', 'medium'));
    const found = findingsOf(result, RULE);
    expect(positionsOf(result, RULE)).toEqual([[null, null, null]]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: null, service: null, area: null, column: null, severity: 'error' });
    expect(found[0]?.message).toBe(
      'The portfolio is reactive: 100% of its warranty (service areas weighted by tier) is missing or deferred to Operation, at or above the 80% threshold; a provider that leaves 80% or more of its warranty work to Operation handles it after incidents.',
    );
  });

  it('weights areas by tier: a missing critical service outweighs a defined low one', () => {
    const reactive = lintYaml([
      { file: 'a.yaml', text: EMPTY('core-ledger', 'critical') },
      { file: 'b.yaml', text: CLEAN('search', 'low') },
    ]);
    expect(reactive.summary.reactiveShare).toBe(0.8);
    expect(findingsOf(reactive, RULE)[0]?.message).toMatch(/reactive: 80% of its warranty/);
    const proactive = lintYaml([
      { file: 'a.yaml', text: CLEAN('core-ledger', 'critical') },
      { file: 'b.yaml', text: EMPTY('search', 'low') },
    ]);
    expect(proactive.summary.reactiveShare).toBe(0.2);
    expect(positionsOf(proactive, RULE)).toEqual([]);
  });

  it('counts deferred areas as reactive, and uses the configured threshold', () => {
    const yaml = edit(edit(CLEAN_LOW, '      target: 99.0\n', '      plannedIn: operation\n      target: 99.0\n'), '      rto: 6h\n', '      plannedIn: operation\n      rto: 6h\n');
    const result = lintYaml(yaml, { config: { portfolio: { reactiveThreshold: 0.5 } } });
    expect(result.summary.reactiveShare).toBe(0.5);
    expect(findingsOf(result, RULE)[0]?.message).toMatch(/50% of its warranty .* at or above the 50% threshold/);
    expect(positionsOf(lintYaml(yaml), RULE)).toEqual([]);
  });

  it('does not count a duplicate definition', () => {
    const result = lintYaml([
      { file: 'a.yaml', text: CLEAN_LOW },
      { file: 'b.yaml', text: EMPTY('search', 'low') },
    ]);
    expect(positionsOf(result, 'duplicate-service')).toHaveLength(1);
    expect(result.summary.reactiveShare).toBe(0);
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('says nothing about an empty portfolio', () => {
    const result = lintYaml([{ file: 'ci.yaml', text: 'on: push\njobs: {}\n' }], { explicit: false });
    expect(result.summary.services).toBe(0);
    expect(result.findings).toEqual([]);
    const anyShare = lintYaml([{ file: 'ci.yaml', text: 'on: push\njobs: {}\n' }], { explicit: false, config: { portfolio: { reactiveThreshold: 0 } } });
    expect(anyShare.findings).toEqual([]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});
