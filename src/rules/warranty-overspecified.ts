import type { Report } from '../types.js';
import { joinPointer } from '../load/pointer.js';
import { OVERSPECIFIED_TARGET, OVERSPECIFIED_TARGET_TIERS } from '../model/vocabulary.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

export const warrantyOverspecified: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-overspecified',
    area: null,
    severity: 'info',
    description: `More than is needed: an rto or rpo of 0, or a target of ${OVERSPECIFIED_TARGET} or more on a medium or low tier service.`,
    rationale:
      'ITIL warns against excessive bureaucracy: put just enough definition, measurement and control in place, and no more. Zero downtime or zero data loss cannot be agreed or verified, and five nines on a medium or low tier service buys redundancy the business has not asked to pay for. Warranty that is over-specified is ignored in Operation just like warranty that is missing.',
    remediation: 'Agree a measurable objective the business needs: a small non-zero rto or rpo, or a target that fits the tier.',
    examples: {
      fail: serviceExample({ marked: ['availability', 'continuity'], tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 99.999, window: 365d, serviceHours: 24x7 }', continuity: '{ rto: 5m, rpo: 0s, recoveryOption: warm-standby }' } }),
      pass: serviceExample({ tier: 'low', areas: LOW_AREAS }),
    },
  },
  check({ service }) {
    const out: Report[] = [];
    const { availability, continuity } = service.areas;
    const target = availability.values.target;
    // 100 is availability-target-unmeasurable's finding (no error budget), not a second one here.
    if (target !== undefined && target >= OVERSPECIFIED_TARGET && target < 100 && OVERSPECIFIED_TARGET_TIERS.includes(service.tier)) {
      out.push({
        pointer: joinPointer(availability.pointer, 'target'),
        area: 'availability',
        message: `${named(service)} is ${service.tier} tier but asks for ${target}% availability (availability.target); ${OVERSPECIFIED_TARGET}% or more is more than a ${service.tier} tier service needs.`,
      });
    }
    const zeros = (['rto', 'rpo'] as const).filter((f) => continuity.values[f] === 0);
    if (zeros.length > 0) {
      // One finding for the area, at the first zero in document order.
      const first = [...zeros].sort((a, b) => continuity.keys.indexOf(a) - continuity.keys.indexOf(b))[0] as 'rto' | 'rpo';
      out.push({
        pointer: joinPointer(continuity.pointer, first),
        area: 'continuity',
        message: `${named(service)} sets ${zeros.map((f) => `continuity.${f}`).join(' and ')} to 0, which no recovery can meet or verify; agree the smallest non-zero objective the business needs.`,
      });
    }
    return out;
  },
};
