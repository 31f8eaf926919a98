import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES_BY_ID } from '../../src/rules/index.js';
import type { CatalogReport, CatalogRule } from '../../src/rules/types.js';
import { RuleCrash } from '../../src/errors.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const rule = RULES_BY_ID.get('dependency-tier-inversion') as CatalogRule;

describe('catalog rules that yield their reports', () => {
  afterEach(() => vi.restoreAllMocks());

  it('have each report made a finding, placed on its service', () => {
    vi.spyOn(rule, 'check').mockImplementation(function* ({ services }): Generator<CatalogReport> {
      for (const service of services) {
        yield { service, pointer: service.pointers.name, message: 'first' };
        yield { service, pointer: service.pointers.tier, message: 'second' };
      }
    });
    const found = lintYaml(CLEAN_LOW).findings.filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => [f.message, f.file, f.service, f.pointer]).sort()).toEqual([
      ['first', 'test.yaml', 'search', '/metadata/name'],
      ['second', 'test.yaml', 'search', '/metadata/tier'],
    ]);
  });

  it('crash as the rule, also when the throw comes while yielding', () => {
    vi.spyOn(rule, 'check').mockImplementation(function* ({ services }): Generator<CatalogReport> {
      yield { service: services[0] ?? null, pointer: '', message: 'one' };
      throw new Error('boom');
    });
    expect(() => lintYaml(CLEAN_LOW)).toThrow(RuleCrash);
    expect(() => lintYaml(CLEAN_LOW)).toThrow(`rule ${rule.meta.id} failed: boom`);
  });
});
