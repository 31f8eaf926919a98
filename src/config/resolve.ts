import { TIERS, type SeveritySetting, type Stage, type Tier } from '../types.js';
import { parseDuration, parseSize } from '../model/units.js';
import { defaultConfig } from './defaults.js';
import type { Extensions, PolicyData, ResolvedConfig, TierPolicy } from './types.js';

/** The presets built in: severity baselines. Any other `extends` entry names a data file (loaded by load.ts). */
export const BUILT_IN_PRESETS = ['recommended', 'strict'] as const;
export type BuiltInPreset = (typeof BUILT_IN_PRESETS)[number];

export const isBuiltInPreset = (name: unknown): name is BuiltInPreset => (BUILT_IN_PRESETS as readonly unknown[]).includes(name);

/** The shape a user writes (SPEC §5); validated against schemas/config.schema.json before it gets here. */
export interface UserConfig {
  /** `recommended`, `strict`, a relative path to a preset file, a package name; or a list of them. */
  extends?: string | string[];
  rules?: Record<string, SeveritySetting | 'warn'>;
  overrides?: Array<{ files: string[]; rules?: Record<string, SeveritySetting | 'warn'> }>;
  ignore?: string[];
  tiers?: Partial<Record<string, Partial<Record<keyof TierPolicy, number | string | null>>>>;
  portfolio?: { reactiveThreshold?: number; weights?: Partial<Record<string, number>> };
  waivers?: { maxDays?: number };
  genericOwners?: string[];
  placeholders?: string[];
  deferral?: { phrases?: string[]; ignore?: string[] };
  limits?: Partial<Record<'maxFileSize' | 'maxDepth' | 'maxAliases' | 'maxFindingsPerDocument', number | string>>;
  backstage?: {
    serviceTypes?: string[];
    lifecycle?: Record<string, Stage>;
    tier?: { from?: string | string[]; values?: Record<string, Tier> };
  };
  extensions?: Extensions;
  policies?: PolicyData[];
}

/** `warn` is accepted for `warning`, as ESLint users write it. */
export function severitySetting(value: SeveritySetting | 'warn'): SeveritySetting {
  return value === 'warn' ? 'warning' : value;
}

function severities(rules: Record<string, SeveritySetting | 'warn'>): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const [id, s] of Object.entries(rules)) out[id] = severitySetting(s);
  return out;
}

/** Defaults, then the user's config on top. Durations and sizes become seconds and bytes. */
export function resolveConfig(user: UserConfig = {}): ResolvedConfig {
  const c = defaultConfig();
  // Preset files are merged in by the loader; here only the built-in baselines count, the last one named winning.
  for (const name of typeof user.extends === 'string' ? [user.extends] : (user.extends ?? [])) if (isBuiltInPreset(name)) c.extends = name;
  if (user.rules) c.rules = severities(user.rules);
  if (user.overrides) c.overrides = user.overrides.map((o) => ({ files: [...o.files], rules: severities(o.rules ?? {}) }));
  if (user.ignore) c.ignore = [...user.ignore];
  for (const tier of TIERS) {
    const t = user.tiers?.[tier];
    if (!t) continue;
    const p = c.tiers[tier];
    if (typeof t.minAvailability === 'number') p.minAvailability = t.minAvailability;
    if (t.maxRto !== undefined) p.maxRto = parseDuration(t.maxRto) ?? p.maxRto;
    if (t.maxRpo !== undefined) p.maxRpo = parseDuration(t.maxRpo) ?? p.maxRpo;
    if (typeof t.maxDaysSinceTest === 'number') p.maxDaysSinceTest = t.maxDaysSinceTest;
    if (t.minHeadroom !== undefined) p.minHeadroom = typeof t.minHeadroom === 'number' ? t.minHeadroom : null;
  }
  if (user.portfolio?.reactiveThreshold !== undefined) c.portfolio.reactiveThreshold = user.portfolio.reactiveThreshold;
  for (const tier of TIERS) {
    const w = user.portfolio?.weights?.[tier];
    if (typeof w === 'number') c.portfolio.weights[tier] = w;
  }
  if (user.waivers?.maxDays !== undefined) c.waivers.maxDays = user.waivers.maxDays;
  if (user.genericOwners) c.genericOwners = [...user.genericOwners];
  if (user.placeholders) c.placeholders = [...user.placeholders];
  if (user.deferral?.phrases) c.deferral.phrases = [...user.deferral.phrases];
  if (user.deferral?.ignore) c.deferral.ignore = [...user.deferral.ignore];
  const l = user.limits ?? {};
  if (l.maxFileSize !== undefined) c.limits.maxFileSize = parseSize(l.maxFileSize) ?? c.limits.maxFileSize;
  for (const k of ['maxDepth', 'maxAliases', 'maxFindingsPerDocument'] as const) {
    const v = l[k];
    if (typeof v === 'number') c.limits[k] = v;
  }
  const b = user.backstage;
  if (b?.serviceTypes) c.backstage.serviceTypes = [...b.serviceTypes];
  // Written words are compared in lower case, as spec.lifecycle and labels are read.
  for (const [word, stage] of Object.entries(b?.lifecycle ?? {})) c.backstage.lifecycle[word.trim().toLowerCase()] = stage;
  if (b?.tier?.from !== undefined) c.backstage.tier.from = (Array.isArray(b.tier.from) ? b.tier.from : [b.tier.from]).map(fieldPointer);
  for (const [word, tier] of Object.entries(b?.tier?.values ?? {})) c.backstage.tier.values[word.trim().toLowerCase()] = tier;
  // Plain data copied whole: the config crosses to worker threads, where the policies are compiled.
  if (user.policies) c.policies = structuredClone(user.policies);
  if (user.extensions) c.extensions = structuredClone(user.extensions);
  return c;
}

/**
 * A field of an entity as config names it: a JSON pointer (`/metadata/labels/tier`), or a dotted
 * path (`metadata.labels.tier`) in which the key under `labels` or `annotations` is taken whole,
 * dots and slashes included (`metadata.annotations.acme.com/tier`), as Backstage keys are written.
 */
export function fieldPointer(path: string): string {
  if (path.startsWith('/')) return path;
  const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const m = /^metadata\.(labels|annotations)\.(.+)$/.exec(path);
  if (m) return `/metadata/${m[1]}/${escape(m[2] as string)}`;
  return '/' + path.split('.').map(escape).join('/');
}
