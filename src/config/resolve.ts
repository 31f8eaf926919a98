import { TIERS, type SeveritySetting, type Stage, type Tier } from '../types.js';
import { parseDuration, parseSize } from '../model/units.js';
import { defaultConfig } from './defaults.js';
import type { ResolvedConfig, TierPolicy } from './types.js';

/** The shape a user writes (SPEC §5); validated against schemas/config.schema.json before it gets here. */
export interface UserConfig {
  extends?: 'recommended' | 'strict';
  rules?: Record<string, SeveritySetting>;
  overrides?: Array<{ files: string[]; rules?: Record<string, SeveritySetting> }>;
  ignore?: string[];
  tiers?: Partial<Record<string, Partial<Record<keyof TierPolicy, number | string | null>>>>;
  portfolio?: { reactiveThreshold?: number; weights?: Partial<Record<string, number>> };
  waivers?: { maxDays?: number };
  genericOwners?: string[];
  placeholders?: string[];
  limits?: Partial<Record<'maxFileSize' | 'maxDepth' | 'maxAliases' | 'maxFindingsPerDocument', number | string>>;
  backstage?: {
    serviceTypes?: string[];
    lifecycle?: Record<string, Stage>;
    tier?: { from?: string | string[]; values?: Record<string, Tier> };
  };
}

/** Defaults, then the user's config on top. Durations and sizes become seconds and bytes. */
export function resolveConfig(user: UserConfig = {}): ResolvedConfig {
  const c = defaultConfig();
  if (user.extends) c.extends = user.extends;
  if (user.rules) c.rules = { ...user.rules };
  if (user.overrides) c.overrides = user.overrides.map((o) => ({ files: [...o.files], rules: { ...(o.rules ?? {}) } }));
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
