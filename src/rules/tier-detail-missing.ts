import { AREAS } from '../types.js';
import { completenessReports } from './support/completeness.js';
import { DETAILED_TIERS, ESSENTIALS } from '../model/vocabulary.js';
import { HIGH_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { listWords, named } from './types.js';

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
      fail: serviceExample({ marked: ['capacity'], tier: 'high', areas: { ...HIGH_AREAS, capacity: '{ owner: ana.silva, peak: { value: 300, unit: rps }, forecast: { growthPercentPerYear: 15, horizonMonths: 12 } }' } }),
      pass: serviceExample({ tier: 'high', areas: HIGH_AREAS }),
    },
  },
  check({ service }) {
    if (!DETAILED_TIERS.includes(service.tier)) return [];
    // Missing, deferred and already-reported fields are handled by the shared completeness check.
    return AREAS.flatMap((a) =>
      completenessReports(service, a, ESSENTIALS[a].tier, (gaps) => `${named(service)} is ${service.tier} tier but its ${a} lacks ${listWords(gaps.map((f) => `${a}.${f}`))}, which its tier needs.`),
    );
  },
};
