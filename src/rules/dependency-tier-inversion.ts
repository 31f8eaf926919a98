import { TIER_ORDER } from '../model/vocabulary.js';
import type { CatalogRule } from './types.js';
import { named, reported } from './types.js';

export const dependencyTierInversion: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'dependency-tier-inversion',
    area: null,
    severity: 'warning',
    description: 'A critical or high tier service hard-depends on a service of a lower tier.',
    rationale:
      "A service's tier sets how much warranty the business needs from it. A critical service that cannot run without a medium one inherits the medium one's weaker availability, recovery and test regime: the tier is a label, not a design, and the gap shows up in Operation as incidents the critical service cannot prevent.",
    remediation:
      'Raise the dependency to the same tier (with the warranty that tier requires), or make the dependency soft with a degraded mode, so that its failure no longer stops the more critical service.',
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: critical, lifecycleStage: design }\nspec:\n  dependsOn: [recommendations]  # <-- flagged\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: recommendations, owner: team-reco, tier: medium, lifecycleStage: design }\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: critical, lifecycleStage: design }\nspec:\n  dependsOn:\n    - { service: recommendations, kind: soft }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: recommendations, owner: team-reco, tier: medium, lifecycleStage: design }\n',
    },
  },
  positions: (service) => service.dependsOn.map((d) => d.pointer),
  *check(ctx) {
    const { catalog } = ctx;
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      if (service.tier !== 'critical' && service.tier !== 'high') continue;
      for (const d of service.dependsOn) {
        if (d.kind !== 'hard' || d.external) continue;
        // A service of the catalog export counts with its tier: a repository holds one service of many.
        const linted = catalog.service(d);
        const dep = linted ?? catalog.exportedService(d);
        if (!dep?.tier || TIER_ORDER[dep.tier] >= TIER_ORDER[service.tier]) continue;
        yield {
          service,
          pointer: d.pointer,
          involves: linted
            ? [linted]
            : // Stryker disable next-line ArrayDeclaration: involves is read for the files of its services; an entry that is no service has no file and, like the empty list, matches no changed file.
              [],
          message: `${named(service)} (tier ${service.tier}) hard-depends on "${dep.name}", which is only tier ${dep.tier}; it cannot be more dependable than what it cannot run without.`,
        };
      }
    }
  },
};
