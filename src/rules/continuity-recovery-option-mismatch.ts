import { joinPointer } from '../load/pointer.js';
import { formatDuration } from '../model/units.js';
import { RECOVERY_OPTION_MIN_RTO, RECOVERY_OPTIONS_BY_SPEED } from '../model/vocabulary.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

/** The cheapest recovery option that can meet `rto`: there is one, as hot-standby has no minimum. */
function cheapestOptionFor(rto: number): string {
  return RECOVERY_OPTIONS_BY_SPEED.find((o) => rto >= (RECOVERY_OPTION_MIN_RTO[o] ?? 0)) as string;
}

export const continuityRecoveryOptionMismatch: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'continuity-recovery-option-mismatch',
    area: 'continuity',
    severity: 'warning',
    description: 'The recovery option cannot meet the rto (backup-restore needs at least 4h, pilot-light 1h, warm-standby 5m).',
    rationale:
      'IT service continuity is designed, not hoped for: the recovery option chosen in Service Design decides how fast the service can come back. Restoring from backup takes hours, starting a pilot light takes about an hour, a warm standby minutes. An rto shorter than the option can deliver is an agreement the design cannot keep, and it is found during the first disaster, or the first honest test.',
    remediation: 'Choose a recovery option that can meet the rto (the message suggests the cheapest one), or agree a longer rto.',
    examples: {
      fail: serviceExample({ marked: ['continuity'], tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 1h, rpo: 1h, recoveryOption: backup-restore }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 1h, rpo: 1h, recoveryOption: pilot-light }' } }),
    },
  },
  check({ service }) {
    const { rto, recoveryOption } = service.areas.continuity.values;
    if (rto === undefined || recoveryOption === undefined) return [];
    const needs = RECOVERY_OPTION_MIN_RTO[recoveryOption];
    if (needs === undefined || rto >= needs) return [];
    return [
      {
        pointer: joinPointer(service.areas.continuity.pointer, 'recoveryOption'),
        message: `${named(service)} relies on ${recoveryOption}, which needs at least ${formatDuration(needs)} to recover, but its continuity.rto is ${formatDuration(rto)}; choose ${cheapestOptionFor(rto)} or faster, or agree a longer rto.`,
      },
    ];
  },
};
