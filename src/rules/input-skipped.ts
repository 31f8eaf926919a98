import type { EngineRule } from './types.js';
import { FLAGGED } from './support/example.js';

/**
 * Raised by the engine for what it deliberately does not read, so that nothing is skipped without a
 * word: an unrendered template named explicitly, a Location target or a substitution that is a URL,
 * an absolute path or outside the repository, or a Location target that matches no file.
 */
export const inputSkipped: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'input-skipped',
    area: null,
    severity: 'info',
    description:
      'Something named for linting is not read, and why: an unrendered template named explicitly, a Location target or a $yaml/$json/$text substitution that is a URL or outside the repository.',
    rationale:
      'A check that silently does not happen looks like a check that passed. Templates (scaffolder skeletons, cookiecutter, Helm) are not service definitions until rendered, and the linter never fetches URLs nor reads outside the repository it is given; saying so keeps the result honest.',
    remediation: 'Lint what the template renders, or the files the URL points at (with their own repository or a catalog export given to --catalog); nothing is wrong in the file itself.',
    examples: {
      fail: `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: \${{ values.name | dump }}${FLAGGED}\nspec:\n  type: service\n  owner: \${{ values.owner | dump }}\n  lifecycle: experimental\n`,
      pass: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  type: service\n  owner: group:default/team-payments\n  lifecycle: experimental\n  warranty:\n    tier: low\n    availability: { target: 99.0, window: 30d, serviceHours: 24x7 }\n    capacity: { peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }\n    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore }\n    security: { classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }\n',
    },
  },
};
