import type { Area, SeveritySetting, Stage, Tier } from '../types.js';

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
  backstage: BackstageConfig;
  /** The organisation's own rules, as data (compiled in each thread by src/policies/). */
  policies: PolicyData[];
  /** Extra fields merged into the service schema, by area (and `metadata`): field name → JSON Schema. */
  extensions: Extensions;
}

/** Where extra fields may be declared: the four areas, and `metadata` for policies with no area. */
export const EXTENSION_PLACES = ['availability', 'capacity', 'continuity', 'security', 'metadata'] as const;
export type ExtensionPlace = (typeof EXTENSION_PLACES)[number];
export type Extensions = Partial<Record<ExtensionPlace, Record<string, Record<string, unknown>>>>;

/** One check of a policy: a function applied to a field (SPEC: issue 15, docs/policies.md). */
export interface PolicyCheckData {
  /** A dot path under the area, or under metadata when the policy has no area. */
  field: string;
  function: string;
  options?: Record<string, unknown>;
}

/** A policy as written in a config or preset: plain data, never code. */
export interface PolicyData {
  /** Holds a "/" (`acme/oncall-named`), so it never clashes with a built-in rule. */
  id: string;
  description?: string;
  area?: Area | null;
  severity?: SeveritySetting;
  where?: { tier?: Tier[]; stage?: Stage[]; kind?: string[] };
  then: PolicyCheckData[];
  /** A template: {service}, {name}, {field}, {path}, {area}, {value}, {expected}, {tier}, {stage}, {id}. */
  message?: string;
  rationale?: string;
  remediation?: string;
  /** The file that defined it, relative to the working directory (set by the loader, for `explain`). */
  source?: string;
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
