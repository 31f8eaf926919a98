import { ESSENTIALS } from '../model/vocabulary.js';
import { completenessReports, fieldList } from './support/completeness.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n';

export const capacityDemandUndefined: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'capacity-demand-undefined',
    area: 'capacity',
    severity: 'error',
    description: 'Capacity has no peak demand or no demand forecast.',
    rationale:
      'Capacity Management sizes a service for the demand the business expects, now (the peak) and over the planning horizon (the forecast). Without them capacity is bought by guesswork and found short in Operation, under load, when the fix is an emergency.',
    remediation: 'Give capacity the peak demand with its unit (peak: { value: 1200, unit: rps }) and a forecast (growthPercentPerYear and horizonMonths, with its business driver).',
    examples: {
      fail: `${HEAD}    capacity: { peak: { value: 50, unit: rps } }  # <-- flagged\n`,
      pass: `${HEAD}    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n`,
    },
  },
  check({ service }) {
    return completenessReports(service, 'capacity', ESSENTIALS.capacity.every, (gaps) =>
      `${named(service)} has no ${fieldList('capacity', gaps)}, so the demand it must be sized for is undefined.`,
    );
  },
};
