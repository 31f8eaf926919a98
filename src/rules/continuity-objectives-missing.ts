import { ESSENTIALS } from '../model/vocabulary.js';
import { completenessReports, fieldList } from './support/completeness.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n';

export const continuityObjectivesMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'continuity-objectives-missing',
    area: 'continuity',
    severity: 'error',
    description: 'Continuity has no rto, no rpo for a stateful service, or no recoveryOption.',
    rationale:
      'IT Service Continuity Management starts from the business impact: how long the service may be down (RTO), how much data may be lost (RPO) and the recovery option that meets both. Without them no recovery can be designed, funded or tested, and the first disaster decides them.',
    remediation: 'Give continuity an rto and, unless the service keeps no state (stateful: false), an rpo, with the recoveryOption that meets them (backup-restore, pilot-light, warm-standby, hot-standby, active-active, manual-workaround).',
    examples: {
      fail: `${HEAD}    continuity: { rto: 24h, recoveryOption: backup-restore }  # <-- flagged\n`,
      pass: `${HEAD}    continuity: { rto: 24h, rpo: 12h, recoveryOption: backup-restore }\n`,
    },
  },
  check({ service }) {
    return completenessReports(service, 'continuity', ESSENTIALS.continuity.every, (gaps) =>
      `${named(service)} has no ${fieldList('continuity', gaps)}, so its recovery cannot be designed or tested${gaps.includes('rpo') ? ' (a service that keeps no state says stateful: false and needs no rpo)' : ''}.`,
    );
  },
};
