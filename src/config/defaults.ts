import type { Stage } from '../types.js';
import type { ResolvedConfig } from './types.js';

const H = 3600;

/**
 * Backstage `spec.lifecycle` values as ITIL stages (README "Backstage"). Backstage ships
 * experimental, production and deprecated; organisations add their own. A service on its way out
 * (deprecated, retired, end-of-life) is still run, so it is in operation; one being tried (beta,
 * preview) is in transition; anything unknown is design.
 */
export const DEFAULT_LIFECYCLE: Readonly<Record<string, Stage>> = {
  proposed: 'strategy',
  experimental: 'design',
  development: 'design',
  alpha: 'design',
  beta: 'transition',
  preview: 'transition',
  pilot: 'transition',
  production: 'operation',
  ga: 'operation',
  live: 'operation',
  mature: 'operation',
  maintenance: 'operation',
  deprecated: 'operation',
  sunset: 'operation',
  retired: 'operation',
  'end-of-life': 'operation',
  eol: 'operation',
};

/** SPEC §3 and §5 defaults. Every number here can be overridden by config. */
export function defaultConfig(): ResolvedConfig {
  return {
    extends: 'recommended',
    rules: {},
    overrides: [],
    ignore: [],
    tiers: {
      critical: { minAvailability: 99.95, maxRto: 15 * 60, maxRpo: 5 * 60, maxDaysSinceTest: 90, minHeadroom: 30 },
      high: { minAvailability: 99.9, maxRto: 4 * H, maxRpo: 2 * H, maxDaysSinceTest: 180, minHeadroom: 20 },
      medium: { minAvailability: 99.0, maxRto: 24 * H, maxRpo: 4 * H, maxDaysSinceTest: 365, minHeadroom: 20 },
      low: { minAvailability: 95.0, maxRto: 72 * H, maxRpo: 24 * H, maxDaysSinceTest: 365, minHeadroom: null },
    },
    portfolio: { reactiveThreshold: 0.8, weights: { critical: 4, high: 3, medium: 2, low: 1 } },
    waivers: { maxDays: 180 },
    genericOwners: ['ops', 'operations', 'noc', 'oncall', 'on-call', 'support', 'sre', 'it', 'helpdesk'],
    placeholders: [],
    deferral: { phrases: [], ignore: [] },
    limits: { maxFileSize: 10 * 1024 * 1024, maxDepth: 64, maxAliases: 100, maxFindingsPerDocument: 100 },
    backstage: { serviceTypes: ['service'], lifecycle: { ...DEFAULT_LIFECYCLE }, tier: { from: ['/spec/warranty/tier'], values: {} } },
    policies: [],
    extensions: {},
  };
}
