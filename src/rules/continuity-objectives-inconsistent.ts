import type { Report } from '../types.js';
import { joinPointer } from '../load/pointer.js';
import { formatDuration } from '../model/units.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

export const continuityObjectivesInconsistent: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'continuity-objectives-inconsistent',
    // Both findings are about the continuity objectives, so both carry the continuity area, even
    // the one that points at availability.mttr (SPEC §4: the area is the area the rule names).
    area: 'continuity',
    severity: 'error',
    description: 'The rto is not shorter than the mtpd, or the availability mttr is longer than the rto.',
    rationale:
      'IT service continuity objectives nest: the service must be recovered (rto) well before the disruption becomes intolerable to the business (mtpd), and the usual time to restore service after a failure (mttr, agreed in availability) must fit within the recovery objective. Objectives that contradict each other cannot all be agreed, so one of them will be broken the first time it is tested, in Operation.',
    remediation: 'Make rto shorter than mtpd and availability.mttr no longer than rto: tighten the recovery design or agree looser objectives.',
    examples: {
      fail: serviceExample({ marked: ['continuity'], tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 99.0, window: 30d, serviceHours: 24x7, mttr: 2h }', continuity: '{ rto: 6h, rpo: 4h, mtpd: 6h, recoveryOption: backup-restore }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, availability: '{ target: 99.0, window: 30d, serviceHours: 24x7, mttr: 2h }', continuity: '{ rto: 6h, rpo: 4h, mtpd: 24h, recoveryOption: backup-restore }' } }),
    },
  },
  check({ service }) {
    const { rto, mtpd } = service.areas.continuity.values;
    const { mttr } = service.areas.availability.values;
    const out: Report[] = [];
    if (
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with undefined is false, so these guards (there for the types) change no result; the comparison below keeps its mutants.
      rto !== undefined && mtpd !== undefined &&
      rto >= mtpd
    ) {
      out.push({
        pointer: joinPointer(service.areas.continuity.pointer, 'rto'),
        message: `${named(service)} sets continuity.rto to ${formatDuration(rto)}, ${rto === mtpd ? 'equal to' : 'longer than'} its continuity.mtpd of ${formatDuration(mtpd)}; recovery must end before the disruption becomes intolerable.`,
      });
    }
    if (
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with undefined is false, so these guards (there for the types) change no result.
      mttr !== undefined && rto !== undefined &&
      mttr > rto
    ) {
      out.push({
        pointer: joinPointer(service.areas.availability.pointer, 'mttr'),
        message: `${named(service)} sets availability.mttr to ${formatDuration(mttr)}, longer than its continuity.rto of ${formatDuration(rto)}; an ordinary restore would already miss the recovery objective.`,
      });
    }
    return out;
  },
};
