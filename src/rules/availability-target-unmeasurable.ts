import { joinPointer } from '../load/pointer.js';
import { ESSENTIALS } from '../model/vocabulary.js';
import type { Report } from '../types.js';
import { completenessReports, fieldList } from './support/completeness.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n';

export const availabilityTargetUnmeasurable: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'availability-target-unmeasurable',
    area: 'availability',
    severity: 'error',
    description: 'Availability has no target, window or serviceHours, or a target of 100% (no error budget).',
    rationale:
      'Availability Management agrees a target that can be measured: a percentage over a measurement window within agreed service hours. Without all three the SLA cannot be verified, and breaches are argued about after incidents instead of prevented in Design. A target of 100% leaves no error budget for change or maintenance, so no service can be agreed at it.',
    remediation: 'Give availability a target below 100 (e.g. 99.9), a measurement window (30d) and the agreed serviceHours (24x7 or the business hours).',
    examples: {
      fail: `${HEAD}    availability: { target: 99.5, serviceHours: 24x7 }  # <-- flagged\n`,
      pass: `${HEAD}    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n`,
    },
  },
  check({ service }) {
    const area = service.areas.availability;
    const reports: Report[] = completenessReports(service, 'availability', ESSENTIALS.availability.every, (gaps) =>
      `${named(service)} has no ${fieldList('availability', gaps)}, so its availability cannot be measured or agreed.`,
    );
    // A value the area does have is still judged, even when the area is deferred.
    if (area.values.target === 100) {
      reports.push({
        pointer: joinPointer(area.pointer, 'target'),
        message: `${named(service)} sets availability.target to 100%, which leaves no error budget: no service can be agreed at 100%.`,
      });
    }
    return reports;
  },
};
