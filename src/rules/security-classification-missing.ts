import { ESSENTIALS } from '../model/vocabulary.js';
import { completenessReports, fieldList } from './support/completeness.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n';

export const securityClassificationMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'security-classification-missing',
    area: 'security',
    severity: 'error',
    description: 'Security has no classification or no dataTypes.',
    rationale:
      'Information Security Management protects information according to its value: the classification and the kinds of data a service handles decide the controls it needs. Without them the controls are chosen by habit, and a gap is found in an audit or a breach.',
    remediation: 'Give security a classification (public, internal, confidential, restricted) and the dataTypes it handles (pii, phi, pci, credentials, or none).',
    examples: {
      fail: `${HEAD}    security: { dataTypes: [none], controls: [authn] }  # <-- flagged\n`,
      pass: `${HEAD}    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n`,
    },
  },
  check({ service }) {
    return completenessReports(service, 'security', ESSENTIALS.security.every, (gaps) =>
      `${named(service)} has no ${fieldList('security', gaps)}, so the controls its information needs cannot be decided.`,
    );
  },
};
