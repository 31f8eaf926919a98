import { AREAS } from '../types.js';
import type { Report } from '../types.js';
import { joinPointer } from '../load/pointer.js';
import { isGenericOwner } from '../model/vocabulary.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named, quote } from './types.js';

export const warrantyOwnerGeneric: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-owner-generic',
    area: null,
    severity: 'warning',
    description: 'An owner is a generic operations alias (ops, operations, noc, oncall, on-call, support, sre, it, helpdesk, or a name made only of them such as team-ops).',
    rationale:
      'An owner is accountable: the go-to person who ensures the requirements are defined, designed, documented and governed. "ops" or "support" is the function that runs the service in Service Operation, not someone accountable for its warranty in Design; naming it hands availability, capacity, continuity and security to Operation to be handled reactively, after incidents.',
    remediation: 'Name the accountable team or person (for example `team-payments` or `jane.doe`), not an operations alias; set the list of aliases with `genericOwners` in the config.',
    examples: {
      fail: serviceExample({ marked: ['metadata', 'continuity'], tier: 'low', owner: 'team-ops', areas: { ...LOW_AREAS, continuity: '{ owner: oncall, rto: 6h, rpo: 4h, recoveryOption: backup-restore }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, continuity: '{ owner: search-sre-guild, rto: 6h, rpo: 4h, recoveryOption: backup-restore }' } }),
    },
  },
  check({ service, config }) {
    const out: Report[] = [];
    const generic = (owner: string | undefined): owner is string => owner !== undefined && isGenericOwner(owner, config.genericOwners);
    if (generic(service.owner)) {
      out.push({
        pointer: service.pointers.owner,
        area: null,
        message: `${named(service)} names ${quote(service.owner)}, a generic operations alias, as its service owner; name the team or person accountable for the service end to end.`,
      });
    }
    for (const a of AREAS) {
      // Only an area's own owner: an area without one defaults to the service owner, reported above.
      const owner = service.areas[a].owner;
      if (!generic(owner)) continue;
      out.push({
        pointer: joinPointer(service.areas[a].pointer, 'owner'),
        area: a,
        message: `${named(service)} names ${quote(owner)}, a generic operations alias, as the owner of ${a} (${a}.owner); name the person or team accountable for ${a}.`,
      });
    }
    return out;
  },
};
