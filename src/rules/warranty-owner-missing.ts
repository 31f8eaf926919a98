import { AREAS } from '../types.js';
import { pointerToPath } from '../load/pointer.js';
import { DETAILED_TIERS } from '../model/vocabulary.js';
import { HIGH_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named, quote } from './types.js';

export const warrantyOwnerMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-owner-missing',
    area: null,
    severity: 'warning',
    description: 'A critical or high tier service has a warranty area with no owner of its own.',
    rationale:
      'Availability, Capacity, IT Service Continuity and Information Security Management are processes, and each process needs a process owner: the person accountable for it, who ensures it is defined, designed and documented and governed by policies. The service owner is accountable end to end, but for a critical or high service one name for all four areas means nobody in particular answers for, say, the continuity plan until the day it is needed.',
    remediation: 'Give the area an `owner`: the person or team accountable for that process for this service.',
    examples: {
      fail: serviceExample({ marked: ['continuity'], tier: 'high', areas: { ...HIGH_AREAS, continuity: HIGH_AREAS.continuity.replace('owner: mei.lin, ', '') } }),
      pass: serviceExample({ tier: 'high', areas: HIGH_AREAS }),
    },
  },
  check({ service }) {
    if (!DETAILED_TIERS.includes(service.tier)) return [];
    return AREAS.flatMap((a) => {
      const area = service.areas[a];
      // Missing or deferred areas have their one finding; an owner reported as a placeholder or by the schema has its own.
      if (area.status !== 'defined' || area.owner !== undefined || area.reported.includes('owner')) return [];
      const fallback = service.owner !== undefined ? ` (${pointerToPath(service.pointers.owner)} ${quote(service.owner)} is accountable for the whole service)` : '';
      return [
        {
          pointer: area.pointer,
          at: 'key' as const,
          area: a,
          message: `${named(service)} is ${service.tier} tier but its ${a} has no owner of its own${fallback}; name the owner accountable for ${a} in ${a}.owner.`,
        },
      ];
    });
  },
};
