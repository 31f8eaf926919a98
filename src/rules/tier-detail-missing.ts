import { AREAS } from '../types.js';
import type { AreaModel } from '../model/types.js';
import { DETAILED_TIERS, ESSENTIALS } from '../model/vocabulary.js';
import { HIGH_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { listWords, named } from './types.js';

/**
 * The critical/high fields (second column of SPEC §2's essentials table) the area lacks. A field
 * already reported by `schema` or `warranty-placeholder-value` is not named again.
 */
function missingTierDetail(area: AreaModel): string[] {
  const values = area.values as unknown as Record<string, unknown>;
  return ESSENTIALS[area.name].tier.filter((f) => values[f] === undefined && !area.reported.includes(f));
}

export const tierDetailMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'tier-detail-missing',
    area: null,
    severity: 'warning',
    description: 'A critical or high tier service lacks the detail its tier needs (mttr; headroom, thresholds, loadTest; mtpd, plan, lastTest; controls, policy, lastReview).',
    rationale:
      'Warranty means agreeing specified levels of availability, capacity, IT service continuity and information security, with the same rigour as the functional requirements. For a critical or high service a target alone is not a design: without a restore time, headroom and thresholds, a tested continuity plan and a reviewed security policy, the levels cannot be verified before go-live and the work falls to Service Operation, reactively. For lower tiers this detail would be more than "just enough", so it is asked of critical and high tiers only.',
    remediation: 'Add the fields the message names to the area, agreed in design (see the passing example).',
    examples: {
      fail: serviceExample({ tier: 'high', areas: { ...HIGH_AREAS, capacity: '{ owner: ana.silva, peak: { value: 300, unit: rps }, forecast: { growthPercentPerYear: 15, horizonMonths: 12 } }' } }),
      pass: serviceExample({ tier: 'high', areas: HIGH_AREAS }),
    },
  },
  check({ service }) {
    if (!DETAILED_TIERS.includes(service.tier)) return [];
    return AREAS.flatMap((a) => {
      const area = service.areas[a];
      // A missing or deferred area has its one finding already (SPEC §2, "One problem, one finding").
      if (area.status !== 'defined') return [];
      const missing = missingTierDetail(area);
      if (missing.length === 0) return [];
      return [
        {
          pointer: area.pointer,
          at: 'key' as const,
          area: a,
          message: `${named(service)} is ${service.tier} tier but its ${a} lacks ${listWords(missing.map((f) => `${a}.${f}`))}, which its tier needs.`,
        },
      ];
    });
  },
};
