// The rule registry: explicit and sorted by id. A meta test keeps it in step with the rule files,
// the generated reference (docs/rules.md) and the tests.
import type { Rule } from './types.js';
import { availabilityExceedsDependencyCeiling } from './availability-exceeds-dependency-ceiling.js';
import { continuityDependencyInversion } from './continuity-dependency-inversion.js';
import { dependencyTierInversion } from './dependency-tier-inversion.js';
import { dependencyUnknown } from './dependency-unknown.js';
import { fileUnreadable } from './file-unreadable.js';
import { noService } from './no-service.js';
import { schema } from './schema.js';
import { tooManyFindings } from './too-many-findings.js';
import { waiverExpired } from './waiver-expired.js';
import { setKnownRuleIds, waiverUnused } from './waiver-unused.js';
import { warrantyAreaMissing } from './warranty-area-missing.js';
import { warrantyPlaceholderValue } from './warranty-placeholder-value.js';
import { yamlSyntax } from './yaml-syntax.js';

export const RULES: readonly Rule[] = [
  availabilityExceedsDependencyCeiling,
  continuityDependencyInversion,
  dependencyTierInversion,
  dependencyUnknown,
  fileUnreadable,
  noService,
  schema,
  tooManyFindings,
  waiverExpired,
  waiverUnused,
  warrantyAreaMissing,
  warrantyPlaceholderValue,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

setKnownRuleIds(() => [...RULES_BY_ID.keys()]);

export const DOCS_BASE = 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules.md';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId}`;
}
