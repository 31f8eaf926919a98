// The rules in effect for a config: the built-in registry, then the config's policies compiled.
// The engine, the commands and the formatters ask here instead of reading the static registry.
// Compiled once per config object, in each thread (the config crosses to workers as data).
import type { ResolvedConfig } from '../config/types.js';
import { RULES } from '../rules/index.js';
import type { CatalogRule, Rule, RuleMeta, ServiceRule, WaiverRule } from '../rules/types.js';
import { compilePolicy } from './compile.js';

export interface RuleSet {
  /** Built-in rules in registry order, then policies in config order. */
  all: readonly Rule[];
  byId: ReadonlyMap<string, Rule>;
  service: readonly ServiceRule[];
  catalog: readonly CatalogRule[];
  waivers: readonly WaiverRule[];
  /** Catalog and waiver rules: those that declare positions to keep while a document is parsed. */
  positioned: ReadonlyArray<CatalogRule | WaiverRule>;
  /** Every rule's metadata, for the formatters (SARIF's rule list, the report's remediations). */
  metas: readonly RuleMeta[];
}

function ruleSet(all: readonly Rule[]): RuleSet {
  return {
    all,
    byId: new Map(all.map((r) => [r.meta.id, r])),
    service: all.filter((r): r is ServiceRule => r.scope === 'service'),
    catalog: all.filter((r): r is CatalogRule => r.scope === 'catalog'),
    waivers: all.filter((r): r is WaiverRule => r.scope === 'waivers'),
    positioned: all.filter((r): r is CatalogRule | WaiverRule => r.scope === 'catalog' || r.scope === 'waivers'),
    metas: all.map((r) => r.meta),
  };
}

export const BUILT_IN_RULES: RuleSet = ruleSet(RULES);

const compiled = new WeakMap<ResolvedConfig, RuleSet>();

/** The rules in effect for `config`. Throws UserError for a policy the loader would have refused. */
export function rulesInEffect(config: ResolvedConfig): RuleSet {
  const policies = config.policies ?? [];
  if (policies.length === 0) return BUILT_IN_RULES;
  let set = compiled.get(config);
  if (!set) {
    set = ruleSet([...RULES, ...policies.map(compilePolicy)]);
    compiled.set(config, set);
  }
  return set;
}

export { checkPolicy, POLICY_ID, type PolicyProblem } from './check.js';
export { FUNCTION_NAMES } from './functions.js';
