import type { EngineRule } from './types.js';

/** Raised by the engine when a file named explicitly holds no service definition. */
export const noService: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'no-service',
    area: null,
    severity: 'error',
    description: 'A file named explicitly holds no service definition (empty, comments only, or other YAML).',
    rationale: 'Naming a file asks for its services to be checked; if it holds none, the check you meant to run did not happen.',
    remediation: 'Name a file that holds a `warranty-lint/v1` Service or a Backstage Component of type service, or stop naming this one.',
    examples: {
      fail: '# only a comment: no service here  # <-- flagged\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\n',
    },
  },
};
