// The rule registry: explicit and sorted by id. A meta test keeps it in step with the rule files,
// the generated reference (docs/rules.md) and the tests.
import type { Rule } from './types.js';
import { availabilityTargetUnmeasurable } from './availability-target-unmeasurable.js';
import { capacityDemandUndefined } from './capacity-demand-undefined.js';
import { continuityObjectivesMissing } from './continuity-objectives-missing.js';
import { duplicateService } from './duplicate-service.js';
import { fileUnreadable } from './file-unreadable.js';
import { noService } from './no-service.js';
import { portfolioReactiveProvider } from './portfolio-reactive-provider.js';
import { schema } from './schema.js';
import { securityClassificationMissing } from './security-classification-missing.js';
import { tooManyFindings } from './too-many-findings.js';
import { warrantyAreaMissing } from './warranty-area-missing.js';
import { warrantyDeferredToOperation } from './warranty-deferred-to-operation.js';
import { warrantyPlaceholderValue } from './warranty-placeholder-value.js';
import { yamlSyntax } from './yaml-syntax.js';

export const RULES: readonly Rule[] = [
  availabilityTargetUnmeasurable,
  capacityDemandUndefined,
  continuityObjectivesMissing,
  duplicateService,
  fileUnreadable,
  noService,
  portfolioReactiveProvider,
  schema,
  securityClassificationMissing,
  tooManyFindings,
  warrantyAreaMissing,
  warrantyDeferredToOperation,
  warrantyPlaceholderValue,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const DOCS_BASE = 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules.md';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId}`;
}
