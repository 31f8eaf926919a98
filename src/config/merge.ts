// Presets and the config that extends them, merged into one config as a user would have written
// it, in order: each preset before the file that names it, later files winning (as ESLint's
// `extends`). Lists that add up (policies, overrides, ignore, placeholders) are joined; settings
// (rules, tiers, limits …) are replaced key by key; lists that replace a default (genericOwners,
// backstage.serviceTypes) are replaced whole.
import { isBuiltInPreset, type UserConfig } from './resolve.js';
import type { Extensions } from './types.js';

type Obj = Record<string, unknown>;

const assignDefined = <T extends Obj>(into: T, from: T | undefined): T => {
  for (const [k, v] of Object.entries(from ?? {})) if (v !== undefined) (into as Obj)[k] = v;
  return into;
};

const joined = (a: string[] | undefined, b: string[] | undefined): string[] | undefined => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);

/** Every key of a config this merge knows (test/config.test.ts holds it to the config schema's keys). */
export const MERGED_KEYS: ReadonlyArray<keyof UserConfig | '$schema'> = [
  '$schema',
  'extends',
  'rules',
  'overrides',
  'ignore',
  'placeholders',
  'genericOwners',
  'backstage',
  'tiers',
  'portfolio',
  'waivers',
  'limits',
  'extensions',
  'policies',
  'deferral',
];

/** `configs` in merge order (presets first); `extends` of the result is the built-in baseline in effect. */
export function mergeConfigs(configs: readonly UserConfig[]): UserConfig {
  const out: UserConfig = {};
  for (const c of configs) {
    // A file's own baseline (recommended | strict) comes after the presets it extends, so it wins over theirs.
    for (const name of typeof c.extends === 'string' ? [c.extends] : (c.extends ?? [])) if (isBuiltInPreset(name)) out.extends = name;
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.overrides) out.overrides = [...(out.overrides ?? []), ...c.overrides];
    out.ignore = joined(out.ignore, c.ignore);
    out.placeholders = joined(out.placeholders, c.placeholders);
    if (c.genericOwners) out.genericOwners = [...c.genericOwners];
    if (c.backstage) out.backstage = assignDefined({ ...out.backstage }, c.backstage);
    if (c.tiers) {
      const tiers: Obj = { ...out.tiers };
      for (const [tier, policy] of Object.entries(c.tiers)) tiers[tier] = assignDefined({ ...(tiers[tier] as Obj | undefined) }, policy as Obj);
      out.tiers = tiers as UserConfig['tiers'];
    }
    if (c.portfolio) {
      out.portfolio = {
        ...out.portfolio,
        ...(c.portfolio.reactiveThreshold !== undefined ? { reactiveThreshold: c.portfolio.reactiveThreshold } : {}),
        ...(c.portfolio.weights ? { weights: { ...out.portfolio?.weights, ...c.portfolio.weights } } : {}),
      };
    }
    if (c.waivers) out.waivers = assignDefined({ ...out.waivers }, c.waivers);
    if (c.limits) out.limits = assignDefined({ ...out.limits }, c.limits);
    if (c.extensions) out.extensions = mergeExtensions(out.extensions, c.extensions);
    if (c.policies) out.policies = [...(out.policies ?? []), ...c.policies];
    if (c.deferral) {
      const phrases = joined(out.deferral?.phrases, c.deferral.phrases);
      const ignore = joined(out.deferral?.ignore, c.deferral.ignore);
      out.deferral = { ...(phrases ? { phrases } : {}), ...(ignore ? { ignore } : {}) };
    }
  }
  for (const k of Object.keys(out) as Array<keyof UserConfig>) if (out[k] === undefined) delete out[k];
  return out;
}

/** Field by field: a later file's definition of the same field replaces the earlier one. */
export function mergeExtensions(base: Extensions | undefined, over: Extensions): Extensions {
  const out: Extensions = { ...base };
  for (const [place, fields] of Object.entries(over) as Array<[keyof Extensions, Extensions[keyof Extensions]]>) {
    out[place] = { ...out[place], ...fields };
  }
  return out;
}
