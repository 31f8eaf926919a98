// The config's JSON Schema as shipped: schemas/config.schema.json with one property per registered
// rule, so that editors following `init`'s `$schema` comment complete and check rule ids. The rule
// list comes from the registry; `npm run docs` writes it into the file and a test keeps the two equal.
import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';

/** Ids of an organisation's own policies hold a "/" (`acme/oncall-named`): they never clash with built-in rules. */
export const POLICY_ID_PATTERN = '/';

type Schema = { definitions: Record<string, unknown> } & Record<string, unknown>;

/** `schema` with its `ruleSettings` listing `rules` (default: the registry). */
export function withRuleIds(schema: Schema, rules: ReadonlyArray<{ meta: RuleMeta }> = RULES): Schema {
  const properties: Record<string, unknown> = {};
  for (const r of rules) properties[r.meta.id] = { $ref: '#/definitions/severity', description: `${r.meta.description} (default: ${r.meta.severity})` };
  return {
    ...schema,
    definitions: {
      ...schema.definitions,
      ruleSettings: {
        type: 'object',
        description: 'Severity per rule id: off | info | warning (or warn) | error. Ids holding a "/" are policies of your own.',
        properties,
        patternProperties: { [POLICY_ID_PATTERN]: { $ref: '#/definitions/severity' } },
        additionalProperties: false,
      },
    },
  };
}

/** The file's text: two-space JSON and a final newline. */
export const schemaFileText = (schema: object): string => JSON.stringify(schema, null, 2) + '\n';
