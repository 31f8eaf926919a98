import { reactiveShare } from '../model/portfolio.js';
import type { CatalogRule } from './types.js';

const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

export const portfolioReactiveProvider: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'portfolio-reactive-provider',
    area: null,
    severity: 'error',
    description: 'The tier-weighted share of (service, area) pairs that are missing or deferred to Operation reaches portfolio.reactiveThreshold (80%).',
    rationale:
      'ITIL warns that if 80% or more of the activity for warranty is performed in Service Operation, the service provider is likely very reactive: availability, capacity, continuity and security are handled after incidents rather than designed in. Counted over the whole portfolio, weighted by tier, this is that test.',
    remediation: 'Define the missing and deferred areas in design, critical and high tiers first (they weigh most), until the share is below the threshold.',
    examples: {
      fail: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: operation }\nspec:\n  warranty:\n    availability: { plannedIn: operation, target: 99.5, window: 30d, serviceHours: 24x7 }\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n',
    },
  },
  // Stryker disable next-line ArrayDeclaration: no report of this rule has a service, so no position it declared is ever looked up.
  positions: () => [],
  check({ services, config, scope }) {
    // About the portfolio, not a service: made only when the whole catalog is reported about.
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: the engine drops every report without a service in scope (settle.ts inScope), so under a scope this early return only saves work.
    if (scope) return [];
    const share = reactiveShare(services, config);
    const threshold = config.portfolio.reactiveThreshold;
    if (share === null || share < threshold) return [];
    return [
      {
        service: null,
        // Stryker disable next-line StringLiteral: a report without a service becomes a finding with a null pointer (settle.ts catalogFinding), so this string is never shown.
        pointer: '',
        area: null,
        message: `The portfolio is reactive: ${percent(share)} of its warranty (service areas weighted by tier) is missing or deferred to Operation, at or above the ${percent(threshold)} threshold; a provider that leaves 80% or more of its warranty work to Operation handles it after incidents.`,
      },
    ];
  },
};
