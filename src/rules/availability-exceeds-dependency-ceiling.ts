import type { Service } from '../model/types.js';
import type { CatalogRule } from './types.js';
import { named, reported } from './types.js';

/** Floating point slack: 99.9 × 1 must not read as above 99.9. */
const EPSILON = 1e-9;

export const availabilityExceedsDependencyCeiling: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'availability-exceeds-dependency-ceiling',
    area: 'availability',
    severity: 'warning',
    description: "The availability target is above the product of its hard dependencies' targets (dependencies without a target are left out).",
    rationale:
      'A service is available only when everything it hard-depends on is available too, so its availability can be no better than the product of their targets. A target above that ceiling is a warranty promise that Design cannot keep: it will be breached in Operation through no fault of the service itself, and the customer was told something Availability Management never planned for.',
    remediation:
      'Lower the target to at most the ceiling named in the message, raise the dependencies\' agreed targets, or make a dependency soft (cached, queued, degraded mode) so that its outage no longer takes the service down.',
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: high, lifecycleStage: design }\nspec:\n  dependsOn: [payments, stock]\n  warranty:\n    availability: { target: 99.95, window: 30d, serviceHours: 24x7 }  # <-- flagged\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.95, window: 30d, serviceHours: 24x7 }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: stock, owner: team-stock, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.95, window: 30d, serviceHours: 24x7 }\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: high, lifecycleStage: design }\nspec:\n  dependsOn: [payments, stock]\n  warranty:\n    availability: { target: 99.9, window: 30d, serviceHours: 24x7 }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: payments, owner: team-pay, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.95, window: 30d, serviceHours: 24x7 }\n---\napiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: stock, owner: team-stock, tier: high, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.95, window: 30d, serviceHours: 24x7 }\n',
    },
  },
  // The target, when a hard dependency may cap it.
  // Stryker disable next-line all: availability-slo-mismatch declares the same target position whenever the target is defined, which this rule's finding needs, so what this declares changes no position.
  positions: (service) => (service.dependsOn.some((d) => d.kind === 'hard' && !d.external) ? [`${service.areas.availability.pointer}/target`] : []),
  *check(ctx) {
    const { catalog } = ctx;
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      const target = service.areas.availability.values.target;
      if (target === undefined) continue;
      // One level deep: each dependency's own target already answers for what lies beneath it.
      const counted: Array<{ dep: Service; target: number }> = [];
      const seen = new Set<string>();
      for (const d of service.dependsOn) {
        if (d.kind !== 'hard' || d.external || seen.has(d.service)) continue;
        seen.add(d.service);
        const dep = catalog.service(d);
        const t = dep?.areas.availability.values.target;
        if (dep && t !== undefined) counted.push({ dep, target: t });
      }
      // Stryker disable next-line ConditionalExpression: a shortcut; with no dependency counted the ceiling is 100%, which no target exceeds.
      if (counted.length === 0) continue;
      const ceiling = counted.reduce((p, c) => p * (c.target / 100), 1) * 100;
      // Stryker disable next-line EqualityOperator: EPSILON only absorbs float noise, no written percent lies on its edge.
      if (target <= ceiling + EPSILON) continue;
      const which = counted.map((c) => `"${c.dep.name}" ${formatPercent(c.target)}`).join(', ');
      yield {
        service,
        pointer: `${service.areas.availability.pointer}/target`,
        involves: counted.map((c) => c.dep),
        message: `${named(service)} has availability.target ${formatPercent(target)}, above the ${formatCeiling(ceiling, target)} that its hard ${counted.length === 1 ? 'dependency allows' : 'dependencies allow together'} (${which}).`,
      };
    }
  },
};

function formatPercent(n: number): string {
  return `${n}%`;
}

/** Two decimals, or more when two would round the ceiling up to the target it is below. */
function formatCeiling(ceiling: number, target: number): string {
  let decimals = 2;
  while (decimals < 6 && Number(ceiling.toFixed(decimals)) >= target) decimals++;
  return `${ceiling.toFixed(decimals)}%`;
}
