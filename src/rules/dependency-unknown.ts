import { didYouMean } from '../schema/suggest.js';
import type { CatalogContext, CatalogRule } from './types.js';
import { named, reported } from './types.js';
import type { Service } from '../model/types.js';

/** Its key in CatalogContext.memo: the names that get a hint depend on names and dependencies alone. */
const HINTED = 'dependency-unknown:hinted';
/** The hints themselves (a comparison with every name each), kept with them: an editor asks at every change. */
const HINTS = 'dependency-unknown:hints';

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
  *check(ctx) {
    const { byName, catalog } = ctx;
    // Hints cost a comparison with every known name: cached per unknown name, and given up past a
    // budget, so that a catalog of 100,000 services with many unknown dependencies stays linear.
    // Which names get one depends on the whole catalog (the first unknown names met, in file order,
    // while the budget lasts), so it is settled over every service, even when only some are reported
    // about; the hints themselves are computed only for the names a report needs.
    const hinted = (ctx.memo?.get(HINTED) as Set<string> | undefined) ?? hintedNames(ctx.services, byName, catalog);
    ctx.memo?.set(HINTED, hinted);
    let known: string[] | undefined;
    const hints = (ctx.memo?.get(HINTS) as Map<string, string | undefined> | undefined) ?? new Map<string, string | undefined>();
    ctx.memo?.set(HINTS, hints);
    const hintFor = (name: string): string | undefined => {
      if (!hinted.has(name)) return undefined;
      // Stryker disable next-line ConditionalExpression: a cache; computing the hint again gives the same one.
      if (!hints.has(name)) hints.set(name, didYouMean(name, (known ??= [...byName.keys()])));
      return hints.get(name);
    };
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      for (const d of service.dependsOn) {
        // An external reference (a Backstage resource, say) is not a service: never unknown; nor is a
        // Component that is known but not a service (a library), here or in the catalog export.
        if (d.external || catalog.knows(d)) continue;
        const hint = hintFor(d.service);
        yield {
          service,
          pointer: d.pointer,
          message: `${named(service)} depends on "${d.service}", which is not a service in the linted files${hint ? `; did you mean "${hint}"?` : '.'}`,
        };
      }
    }
  },
};

/**
 * The unknown names that get a did-you-mean: the first ones met in file order while the budget
 * (HINT_COMPARISONS, one comparison per known name) lasts. A cheap pass (no comparison is made).
 */
function hintedNames(services: readonly Service[], byName: ReadonlyMap<string, Service>, catalog: CatalogContext['catalog']): Set<string> {
  const hinted = new Set<string>();
  let budget = HINT_COMPARISONS;
  const cost = byName.size;
  if (
    // Stryker disable next-line ConditionalExpression: with no known name (cost 0) a hinted name still gets no hint, didYouMean having nothing to offer; the budget below is tested.
    cost === 0 ||
    budget < cost
  )
    return hinted;
  for (const service of services) {
    if (service.name === null) continue;
    for (const d of service.dependsOn) {
      if (d.external || catalog.knows(d) || hinted.has(d.service)) continue;
      hinted.add(d.service);
      budget -= cost;
      if (budget < cost) return hinted;
    }
  }
  return hinted;
}
