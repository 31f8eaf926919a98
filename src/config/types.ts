import type { SeveritySetting, Stage, Tier } from '../types.js';

export interface TierPolicy {
  /** Percent. */
  minAvailability: number;
  /** Seconds. */
  maxRto: number;
  /** Seconds. */
  maxRpo: number;
  maxDaysSinceTest: number;
  /** Percent; null when the tier sets no minimum. */
  minHeadroom: number | null;
}

export interface Limits {
  /** Bytes. */
  maxFileSize: number;
  maxDepth: number;
  maxAliases: number;
  maxFindingsPerDocument: number;
}

export interface RuleOverride {
  files: string[];
  rules: Record<string, SeveritySetting>;
}

/** The configuration in effect: defaults, preset and the user's file merged. Plain data (it crosses to workers). */
export interface ResolvedConfig {
  extends: 'recommended' | 'strict';
  rules: Record<string, SeveritySetting>;
  overrides: RuleOverride[];
  ignore: string[];
  tiers: Record<Tier, TierPolicy>;
  portfolio: { reactiveThreshold: number; weights: Record<Tier, number> };
  waivers: { maxDays: number };
  genericOwners: string[];
  /** Extra placeholder words, added to the built-in list. */
  placeholders: string[];
  limits: Limits;
  backstage: BackstageConfig;
}

/** How Backstage entities are read (README "Backstage"). */
export interface BackstageConfig {
  /** Component `spec.type` values that are services. */
  serviceTypes: string[];
  /** `spec.lifecycle` (lower case) → the stage a service is in when `spec.warranty.lifecycleStage` is absent; other values are design. */
  lifecycle: Record<string, Stage>;
  tier: {
    /** JSON pointers into the entity, tried in order: the first that holds a value gives the tier. */
    from: string[];
    /** Words an organisation uses for tiers (lower case: `tier-1` → critical), besides the four tiers themselves. */
    values: Record<string, Tier>;
  };
}
