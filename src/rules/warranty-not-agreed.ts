import { AREAS } from '../types.js';
import { joinPointer } from '../load/pointer.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

export const warrantyNotAgreed: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-not-agreed',
    area: null,
    severity: 'warning',
    description: 'The service is in transition or operation but a warranty area is still `status: draft`.',
    rationale:
      'Warranty is what the provider agrees with the customer during the negotiation and acceptance of Service Level Agreements: specified levels of availability, capacity, continuity and security. A service that is being transitioned or already operated on draft requirements has no agreed expectation, so the customer forms one of their own, and every breach is argued after the incident instead of measured against an agreement.',
    remediation: 'Agree the area with the customer and set `status: agreed` with `agreedOn`, or move the service back to design until it is agreed.',
    examples: {
      fail: serviceExample({ marked: ['availability'], tier: 'low', stage: 'operation', areas: { ...LOW_AREAS, availability: '{ status: draft, target: 99.0, window: 30d, serviceHours: 24x7 }' } }),
      pass: serviceExample({ tier: 'low', stage: 'operation', areas: { ...LOW_AREAS, availability: '{ status: agreed, agreedOn: 2026-03-01, target: 99.0, window: 30d, serviceHours: 24x7 }' } }),
    },
  },
  check({ service }) {
    if (service.stage !== 'transition' && service.stage !== 'operation') return [];
    return AREAS.filter((a) => service.areas[a].agreement === 'draft').map((a) => ({
      pointer: joinPointer(service.areas[a].pointer, 'status'),
      area: a,
      message: `${named(service)} is in ${service.stage} but its ${a} requirements are still a draft (${a}.status: draft); agree them before the service goes further.`,
    }));
  },
};
