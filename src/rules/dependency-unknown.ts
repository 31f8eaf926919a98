import { didYouMean } from '../schema/suggest.js';
import type { CatalogRule } from './types.js';
import { named } from './types.js';

/** How many name comparisons the did-you-mean hints of one run may make (some 30 ms). */
export const HINT_COMPARISONS = 500_000;

export const dependencyUnknown: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'dependency-unknown',
    area: null,
    severity: 'warning',
    description: 'dependsOn names a service that is not in the linted set, nor an entity of the linted files or the catalog export (--catalog).',
    rationale:
      "The warranty of a service rests on the services it depends on; a dependency with no definition has no agreed availability, recovery objectives or tier, so nobody can check that it supports what this service promises. Often it is simply a typo, and then every cross-service check silently skips the real dependency.",
    remediation:
      'Correct the name (the message suggests the closest known one), add the missing service definition to the linted set, or lint the directory that holds it together with this one.',
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: medium, lifecycleStage: design }\nspec:\n  dependsOn: [paymnets]  # <-- flagged\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: medium, lifecycleStage: design }\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: medium, lifecycleStage: design }\nspec:\n  dependsOn: [payments]\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: medium, lifecycleStage: design }\n',
    },
  },
  positions: (service) => service.dependsOn.map((d) => d.pointer),
  *check({ services, byName, catalog }) {
    let known: string[] | undefined;
    // Hints cost a comparison with every known name: cached per unknown name, and given up past a
    // budget, so that a catalog of 100,000 services with many unknown dependencies stays linear.
    const hints = new Map<string, string | undefined>();
    let budget = HINT_COMPARISONS;
    for (const service of services) {
      if (service.name === null) continue;
      for (const d of service.dependsOn) {
        // An external reference (a Backstage resource, say) is not a service: never unknown; nor is a
        // Component that is known but not a service (a library), here or in the catalog export.
        if (d.external || catalog.knows(d)) continue;
        known ??= [...byName.keys()];
        if (!hints.has(d.service) && budget >= known.length) {
          budget -= known.length;
          hints.set(d.service, didYouMean(d.service, known));
        }
        const hint = hints.get(d.service);
        yield {
          service,
          pointer: d.pointer,
          message: `${named(service)} depends on "${d.service}", which is not a service in the linted files${hint ? `; did you mean "${hint}"?` : '.'}`,
        };
      }
    }
  },
};
