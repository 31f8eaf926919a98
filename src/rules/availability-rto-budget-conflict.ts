import { joinPointer } from '../load/pointer.js';
import { formatDuration } from '../model/units.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

/** Seconds of downtime a target allows in its window, rounded to the microsecond so that 99.95% of 30d is 1296s, not 1295.9999. */
export function downtimeBudget(target: number, window: number): number {
  return Math.round(((100 - target) * window * 1e6) / 100) / 1e6;
}

export const availabilityRtoBudgetConflict: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'availability-rto-budget-conflict',
    area: 'availability',
    severity: 'warning',
    description: 'The rto is longer than the downtime the availability target allows in its window: (100 − target)% × window.',
    rationale:
      'Availability and IT service continuity are agreed together: the availability target leaves an error budget of (100 − target)% of the window, and the rto says how long one recovery may take. When a single recovery within its agreed rto already spends more than the whole budget, the two agreed levels contradict each other, and the customer is promised something the design cannot keep.',
    remediation: 'Shorten continuity.rto to fit the budget the message gives, or agree a lower availability target or a longer window.',
    examples: {
      fail: serviceExample({ marked: ['availability'], tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 99.9, window: 30d, serviceHours: 24x7 }' } }),
      pass: serviceExample({ tier: 'low', areas: LOW_AREAS }),
    },
  },
  check({ service }) {
    const { target, window } = service.areas.availability.values;
    const { rto } = service.areas.continuity.values;
    // A target of 100 has no budget at all: that is availability-target-unmeasurable's finding, not a conflict.
    if (target === undefined || window === undefined || rto === undefined || target >= 100) return [];
    const budget = downtimeBudget(target, window);
    if (rto <= budget) return [];
    return [
      {
        pointer: joinPointer(service.areas.availability.pointer, 'target'),
        message: `${named(service)} allows ${formatDuration(budget)} of downtime in ${formatDuration(window)} at ${target}% (availability.target), but its continuity.rto is ${formatDuration(rto)}: one recovery within the rto would break the target.`,
      },
    ];
  },
};
