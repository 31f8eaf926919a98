import type { Service } from '../model/types.js';
import { pointerToPath } from '../load/pointer.js';
import { AREAS } from '../types.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';
import { tierExtras, warrantySnippet } from './support/warranty-snippet.js';
import { FLAGGED } from './support/example.js';

/**
 * A service whose format groups "no warranty at all" into one finding (a Backstage Component with
 * no spec.warranty: the team registered the service before warranty-lint came along).
 */
export function missingAltogether(service: Service): boolean {
  return service.warrantyAbsent === true && AREAS.every((a) => !service.areas[a].present && !service.areas[a].placeholder);
}

const COMPONENT = (warranty: string, mark = ''): string =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: search\nspec:${mark}\n  type: service\n  lifecycle: production\n  owner: group:default/team-search\n${warranty}`;

export const warrantyMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-missing',
    area: null,
    severity: 'error',
    tierSeverity: { low: 'warning' },
    description: 'A Backstage Component of a service type has no spec.warranty at all: one finding for the four areas, with a snippet for its tier.',
    rationale:
      'A service registered in the catalog without any warranty has availability, capacity, continuity and security all left to Operation: the reactive provider ITIL warns about. One finding that says what to add is more use to its team than four that say the same thing.',
    remediation:
      'Add spec.warranty to the Component, beside spec.owner: its tier and the four areas with their essential fields, planned in design; the message gives a snippet for its tier to start from.',
    examples: {
      fail: COMPONENT('', FLAGGED),
      pass: COMPONENT(
        '  warranty:\n    tier: low\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n',
      ),
    },
  },
  check({ service, config }) {
    if (!missingAltogether(service)) return [];
    return [
      {
        pointer: service.pointers.warranty,
        at: 'key',
        message: `${named(service)} has no ${pointerToPath(service.pointers.warranty)}, so none of availability, capacity, continuity and security is defined. Add it under ${pointerToPath(service.pointers.spec)}, for a ${service.tier} tier: ${warrantySnippet(service, config)} (fill in the <…> values).${tierExtras(service)}`,
      },
    ];
  },
};
