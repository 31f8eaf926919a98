import { formatDuration } from '../model/units.js';
import type { CatalogRule } from './types.js';
import { named, reported } from './types.js';

export const continuityDependencyInversion: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'continuity-dependency-inversion',
    area: 'continuity',
    severity: 'error',
    description: "A hard dependency's rto or rpo is looser than the service's own.",
    rationale:
      'IT Service Continuity is only as good as its weakest hard dependency: a service cannot be restored within 15 minutes if a service it cannot run without takes 4 hours, nor lose at most 5 minutes of data if that dependency may lose an hour. The recovery objectives agreed with the business are then a promise the continuity plan cannot keep.',
    remediation:
      "Tighten the dependency's rto/rpo to at least the service's own (agree it with its owner), relax the service's objectives to what the dependency can deliver, or make the dependency soft with a documented degraded mode.",
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: high, lifecycleStage: design }\nspec:\n  dependsOn: [payments]  # <-- flagged\n  warranty:\n    continuity: { rto: 1h, rpo: 15m, recoveryOption: warm-standby }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    continuity: { rto: 4h, rpo: 15m, recoveryOption: pilot-light }\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: high, lifecycleStage: design }\nspec:\n  dependsOn: [payments]\n  warranty:\n    continuity: { rto: 1h, rpo: 15m, recoveryOption: warm-standby }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    continuity: { rto: 30m, rpo: 15m, recoveryOption: warm-standby }\n',
    },
  },
  positions: (service) => service.dependsOn.map((d) => d.pointer),
  *check(ctx) {
    const { catalog } = ctx;
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      const own = service.areas.continuity.values;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: without either objective, the field loop below finds nothing to compare and the dependency is skipped anyway.
      if (own.rto === undefined && own.rpo === undefined) continue;
      for (const d of service.dependsOn) {
        if (d.kind !== 'hard' || d.external) continue;
        const dep = catalog.service(d);
        if (
          !dep ||
          // Stryker disable next-line ConditionalExpression: a service compared with itself has no looser objective (other <= mine), so it is skipped anyway.
          dep === service
        )
          continue;
        const theirs = dep.areas.continuity.values;
        const theirsText: string[] = [];
        const ownText: string[] = [];
        for (const field of ['rto', 'rpo'] as const) {
          const mine = own[field];
          const other = theirs[field];
          if (mine === undefined || other === undefined || other <= mine) continue;
          theirsText.push(`continuity.${field} ${formatDuration(other)}`);
          ownText.push(formatDuration(mine));
        }
        if (theirsText.length === 0) continue;
        yield {
          service,
          pointer: d.pointer,
          involves: [dep],
          message: `${named(service)} hard-depends on "${dep.name}", whose ${theirsText.join(' and ')} ${theirsText.length === 1 ? 'is' : 'are'} looser than its own ${ownText.join(' and ')}; it cannot recover faster than what it cannot run without.`,
        };
      }
    }
  },
};
