// Where a Backstage service's tier and stage come from: the organisation's own fields and words,
// as config `backstage.tier` and `backstage.lifecycle` say (README "Backstage").
import type { BackstageConfig } from '../../../config/types.js';
import { pointerToPath, valueAt } from '../../../load/pointer.js';
import { STAGES, TIERS, type Stage, type Tier } from '../../../types.js';

/** The stage a Backstage `spec.lifecycle` implies (config `backstage.lifecycle`); anything else (or nothing) is `design`. */
export function stageFromLifecycle(lifecycle: unknown, map: Readonly<Record<string, Stage>>): Stage {
  if (typeof lifecycle !== 'string') return 'design';
  // Only a stage counts: a word the map does not hold, or one it inherits ("constructor"), is none.
  const stage: unknown = map[lifecycle.trim().toLowerCase()];
  return (STAGES as readonly unknown[]).includes(stage) ? (stage as Stage) : 'design';
}

export interface TierReading {
  /** The tier, a word that is none (left to the schema or reported), or undefined when no field holds one. */
  value: unknown;
  /** Where it was read (the first configured field when none holds a value). */
  pointer: string;
  /** A field other than spec.warranty.tier that holds a word that is no tier: said once, at the value. */
  problem?: string;
}

const WARRANTY_TIER = '/spec/warranty/tier';

/** The tier of an entity: the first configured field that holds a value, its word mapped through `values`. */
export function readTier(entity: unknown, tier: BackstageConfig['tier']): TierReading {
  for (const pointer of tier.from) {
    const raw = valueAt(entity, pointer);
    if (raw === undefined || raw === null || raw === '') continue;
    const mapped = tierWord(raw, tier.values);
    if (mapped !== undefined) return { value: mapped, pointer };
    // spec.warranty.tier is the schema's to judge; the organisation's own fields are judged here.
    if (pointer === WARRANTY_TIER) return { value: raw, pointer };
    return {
      value: undefined,
      pointer,
      problem: `${pointerToPath(pointer)} is ${JSON.stringify(String(raw).slice(0, 40))}, which is not a tier (${TIERS.join(', ')}); name the word under backstage.tier.values in the config`,
    };
  }
  return { value: undefined, pointer: tier.from[0] ?? WARRANTY_TIER };
}

function tierWord(raw: unknown, values: Readonly<Record<string, Tier>>): Tier | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const word = String(raw).trim().toLowerCase();
  if ((TIERS as readonly string[]).includes(word)) return word as Tier;
  return Object.prototype.hasOwnProperty.call(values, word) ? values[word] : undefined;
}
