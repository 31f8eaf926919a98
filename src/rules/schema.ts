import type { EngineRule } from './types.js';

/** Raised by the engine from the JSON Schema validation (src/schema/validate.ts), in plain English. */
export const schema: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'schema',
    area: null,
    severity: 'error',
    description: 'The document breaks the JSON Schema: a wrong type, value, unknown key or missing required field.',
    rationale: 'A misspelt key is a requirement nobody will measure: `targte: 99.9` reads as no target at all. The shape must be right before the content can be judged.',
    remediation: 'Correct the field as the message says (the hint names the key you probably meant); keys starting with x- are free for your own use.',
    examples: {
      fail: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { targte: 99.5, window: 30d, serviceHours: 24x7 }  # <-- flagged\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n',
    },
  },
};
