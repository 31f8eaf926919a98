import type { Area, Report } from '../types.js';
import type { AreaModel, Service } from '../model/types.js';
import { joinPointer } from '../load/pointer.js';
import { formatDuration } from '../model/units.js';
import type { TierPolicy } from '../config/types.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { listWords, named } from './types.js';

interface Loose {
  field: string;
  /** `continuity.rto 1h exceeds the 15m maximum`. */
  text: string;
}

/** The fields of each area that are looser than the tier's policy (equal to the limit meets it). */
function looseFields(service: Service, policy: TierPolicy): Partial<Record<Area, Loose[]>> {
  const { availability, capacity, continuity } = service.areas;
  const out: Partial<Record<Area, Loose[]>> = {};
  const add = (area: Area, loose: Loose): void => {
    (out[area] ??= []).push(loose);
  };
  const target = availability.values.target;
  if (
    // Stryker disable next-line ConditionalExpression: undefined < n is false, so the guard (there for the types) changes nothing.
    target !== undefined &&
    target < policy.minAvailability
  )
    add('availability', { field: 'target', text: `availability.target ${target}% is below the ${policy.minAvailability}% minimum` });
  const headroom = capacity.values.headroom;
  if (
    // Stryker disable next-line ConditionalExpression: undefined < n is false, and headroom < null compares with 0, which no headroom (0 to 100 by the schema) is below.
    headroom !== undefined && policy.minHeadroom !== null &&
    headroom < policy.minHeadroom
  )
    add('capacity', { field: 'headroom', text: `capacity.headroom ${headroom}% is below the ${policy.minHeadroom}% minimum` });
  const { rto, rpo } = continuity.values;
  if (rto !== undefined && rto > policy.maxRto) add('continuity', { field: 'rto', text: `continuity.rto ${formatDuration(rto)} exceeds the ${formatDuration(policy.maxRto)} maximum` });
  if (
    // Stryker disable next-line ConditionalExpression: undefined > n is false, so the guard (there for the types) changes nothing.
    rpo !== undefined &&
    rpo > policy.maxRpo
  )
    add('continuity', { field: 'rpo', text: `continuity.rpo ${formatDuration(rpo)} exceeds the ${formatDuration(policy.maxRpo)} maximum` });
  return out;
}

/** The field written first in the document (keys keep document order), so the finding points at the first loose value. */
function firstInDocument(area: AreaModel, loose: Loose[]): Loose {
  const rank = (l: Loose): number => {
    const i = area.keys.indexOf(l.field);
    // Stryker disable next-line ConditionalExpression: every loose field was read from one of the area's keys, so indexOf never gives -1 here (the <= 0 mutant is tested).
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  // Stryker disable next-line EqualityOperator: two loose fields are two keys, so their ranks never tie.
  return loose.reduce((best, l) => (rank(l) < rank(best) ? l : best));
}

export const tierMinimumsUnmet: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'tier-minimums-unmet',
    area: null,
    severity: 'warning',
    description: "Availability target, rto, rpo or capacity headroom is looser than the tier policy allows (equal to the limit meets it).",
    rationale:
      'The tier says how much the business depends on the service; the tier policy turns that into the minimum warranty the provider agrees to: availability, capacity headroom and continuity objectives. A critical service designed to a medium service\'s levels will disappoint its customers, and the gap is found in Service Operation, during the first major incident, instead of in Service Design where it is cheap to close.',
    remediation: 'Tighten the value to the tier\'s limit (the message names it), or lower the tier if the business does not depend on the service that much; the limits are set under `tiers` in the config.',
    examples: {
      fail: serviceExample({ marked: ['availability', 'continuity'], tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 90, window: 30d, serviceHours: 24x7 }', continuity: '{ rto: 6h, rpo: 48h, recoveryOption: backup-restore }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 95, window: 30d, serviceHours: 24x7 }', continuity: '{ rto: 6h, rpo: 24h, recoveryOption: backup-restore }' } }),
    },
  },
  check({ service, config }) {
    const loose = looseFields(service, config.tiers[service.tier]);
    const out: Report[] = [];
    for (const [a, fields] of Object.entries(loose) as Array<[Area, Loose[]]>) {
      const area = service.areas[a];
      out.push({
        pointer: joinPointer(area.pointer, firstInDocument(area, fields).field),
        area: a,
        message: `${named(service)} sets ${a} looser than a ${service.tier} tier service allows: ${listWords(fields.map((f) => f.text))}.`,
      });
    }
    return out;
  },
};
