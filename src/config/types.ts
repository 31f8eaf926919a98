import type { SeveritySetting, Tier } from '../types.js';

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
  /** Deferral to Operation: phrases that defer (added to the built-in matcher), text that never counts. */
  deferral: { phrases: string[]; ignore: string[] };
  limits: Limits;
  backstage: { serviceTypes: string[] };
}
