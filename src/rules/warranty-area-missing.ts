import { AREAS } from '../types.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';
import { missingAltogether } from './warranty-missing.js';

export const warrantyAreaMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-area-missing',
    area: null,
    severity: 'error',
    tierSeverity: { low: 'warning' },
    description: 'One of the four warranty areas (availability, capacity, continuity, security) is absent or empty.',
    rationale:
      'ITIL asks for warranty to be designed with the same rigour as utility: availability, capacity, continuity and security agreed in Strategy and Design. An area left out is an area that will be handled reactively, in Operation, after the first incident.',
    remediation: 'Add the area under spec.warranty with its essential fields, planned in design (see the example).',
    examples: {
      fail: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:  # <-- flagged\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n',
    },
  },
  check({ service }) {
    // A Backstage Component that has not started its warranty has one finding for the four (warranty-missing).
    if (missingAltogether(service)) return [];
    return AREAS.filter((a) => {
      const area = service.areas[a];
      return !area.present && !area.placeholder;
    }).map((a) => ({
      pointer: service.areas[a].pointer,
      at: 'key' as const,
      area: a,
      message: `${named(service)} defines no ${a} requirements (spec.warranty.${a} is absent or empty).`,
    }));
  },
};
