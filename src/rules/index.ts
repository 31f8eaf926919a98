// The rule registry: explicit and sorted by id. A meta test keeps it in step with the rule files,
// the generated reference (docs/rules.md) and the tests.
import type { Rule } from './types.js';
import { availabilityExceedsDependencyCeiling } from './availability-exceeds-dependency-ceiling.js';
import { availabilityRtoBudgetConflict } from './availability-rto-budget-conflict.js';
import { availabilityTargetUnmeasurable } from './availability-target-unmeasurable.js';
import { capacityDemandUndefined } from './capacity-demand-undefined.js';
import { continuityDependencyInversion } from './continuity-dependency-inversion.js';
import { continuityObjectivesInconsistent } from './continuity-objectives-inconsistent.js';
import { continuityObjectivesMissing } from './continuity-objectives-missing.js';
import { continuityRecoveryOptionMismatch } from './continuity-recovery-option-mismatch.js';
import { continuityTestStale } from './continuity-test-stale.js';
import { dependencyTierInversion } from './dependency-tier-inversion.js';
import { dependencyUnknown } from './dependency-unknown.js';
import { duplicateService } from './duplicate-service.js';
import { fileUnreadable } from './file-unreadable.js';
import { inputSkipped } from './input-skipped.js';
import { noService } from './no-service.js';
import { portfolioReactiveProvider } from './portfolio-reactive-provider.js';
import { schema } from './schema.js';
import { securityClassificationMissing } from './security-classification-missing.js';
import { securityControlsInsufficient } from './security-controls-insufficient.js';
import { securitySensitiveDataUnderclassified } from './security-sensitive-data-underclassified.js';
import { tierDetailMissing } from './tier-detail-missing.js';
import { tierMinimumsUnmet } from './tier-minimums-unmet.js';
import { tooManyFindings } from './too-many-findings.js';
import { waiverExpired } from './waiver-expired.js';
import { waiverUnused } from './waiver-unused.js';
import { warrantyAreaMissing } from './warranty-area-missing.js';
import { warrantyDeferredToOperation } from './warranty-deferred-to-operation.js';
import { warrantyMissing } from './warranty-missing.js';
import { warrantyNotAgreed } from './warranty-not-agreed.js';
import { warrantyOverspecified } from './warranty-overspecified.js';
import { warrantyOwnerGeneric } from './warranty-owner-generic.js';
import { warrantyOwnerMissing } from './warranty-owner-missing.js';
import { warrantyPlaceholderValue } from './warranty-placeholder-value.js';
import { yamlSyntax } from './yaml-syntax.js';

export const RULES: readonly Rule[] = [
  availabilityExceedsDependencyCeiling,
  availabilityRtoBudgetConflict,
  availabilityTargetUnmeasurable,
  capacityDemandUndefined,
  continuityDependencyInversion,
  continuityObjectivesInconsistent,
  continuityObjectivesMissing,
  continuityRecoveryOptionMismatch,
  continuityTestStale,
  dependencyTierInversion,
  dependencyUnknown,
  duplicateService,
  fileUnreadable,
  inputSkipped,
  noService,
  portfolioReactiveProvider,
  schema,
  securityClassificationMissing,
  securityControlsInsufficient,
  securitySensitiveDataUnderclassified,
  tierDetailMissing,
  tierMinimumsUnmet,
  tooManyFindings,
  waiverExpired,
  waiverUnused,
  warrantyAreaMissing,
  warrantyDeferredToOperation,
  warrantyMissing,
  warrantyNotAgreed,
  warrantyOverspecified,
  warrantyOwnerGeneric,
  warrantyOwnerMissing,
  warrantyPlaceholderValue,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
