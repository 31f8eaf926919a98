import { waiverInForce } from '../model/waiver.js';
import { didYouMean } from '../schema/suggest.js';
import type { WaiverRule } from './types.js';
import { named, reported } from './types.js';

export const waiverUnused: WaiverRule = {
  scope: 'waivers',
  meta: {
    id: 'waiver-unused',
    area: null,
    severity: 'warning',
    description: 'A waiver in force waives nothing (the finding it was written for is gone, or it names the wrong rule or area).',
    rationale:
      'A waiver records an accepted risk. Once the gap is fixed, a waiver left behind says a risk is accepted that no longer exists, and will silently hide the same gap if it comes back; a waiver that never matched (a misspelt rule, the wrong area) hides nothing while everyone believes the risk is managed.',
    remediation: 'Delete the waiver if the finding is fixed; otherwise correct its rule id or area so that it matches the finding it was approved for.',
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n  waivers:\n    - rule: warranty-area-missing  # <-- flagged\n      reason: Continuity was being written with the new platform team.\n      approvedBy: head-of-service\n      expires: 2027-01-31\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n  waivers:\n    - rule: warranty-area-missing\n      reason: Continuity is being written with the new platform team.\n      approvedBy: head-of-service\n      expires: 2027-01-31\n',
    },
  },
  positions: (service) => service.waivers.map((w) => w.pointer),
  *check(ctx) {
    const { used, today, config, ruleIds } = ctx;
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      const usedHere = used.get(service);
      for (const w of service.waivers) {
        // An expired waiver is waiver-expired's; one without a rule is the schema's.
        if (!waiverInForce(w, today, config.waivers.maxDays) || usedHere?.has(w.index)) continue;
        const rule = w.rule as string;
        const what = `${named(service)} has a waiver for ${rule}${w.area ? ` in ${w.area}` : ''}`;
        let message = `${what} that waives nothing: no such finding of this service matched it. Remove the waiver, or correct its rule or area.`;
        if (
          // Stryker disable next-line ConditionalExpression,EqualityOperator: the engine passes every rule in effect, this one included, so ruleIds is never empty.
          ruleIds.length > 0 &&
          !ruleIds.includes(rule)
        ) {
          const hint = didYouMean(rule, ruleIds);
          message = `${what}, which is not a rule${hint ? ` (did you mean "${hint}"?)` : ''}; it waives nothing.`;
        }
        yield { service, pointer: w.pointer, message };
      }
    }
  },
};
