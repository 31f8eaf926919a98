import type { ServiceRule } from './types.js';
import { named, quote } from './types.js';

export const warrantyPlaceholderValue: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-placeholder-value',
    area: null,
    severity: 'error',
    description: 'A warranty field or metadata.owner holds a placeholder (TBD, TODO, ?, n/a, empty) or a vague word where a measure is needed.',
    rationale:
      '"TBD" in a design is a decision deferred to Operation in disguise, and "high" or "best effort" cannot be measured, so it cannot be agreed in an SLA or verified afterwards.',
    remediation: 'Replace the placeholder with an agreed, measurable value (a number with its unit, a date, a named owner), or remove the field and own the gap.',
    examples: {
      fail: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    continuity: { rto: TBD, rpo: 12h, recoveryOption: backup-restore }  # <-- flagged\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    continuity: { rto: 24h, rpo: 12h, recoveryOption: backup-restore }\n',
    },
  },
  check({ service }) {
    return service.placeholders.map((p) => {
      // Stryker disable next-line StringLiteral: a vague or placeholder value is the string itself (placeholderKind reads strings only), never null, and an empty one has its own message, so the fallback is never shown.
      const value = quote(p.value ?? '');
      return {
        pointer: p.pointer,
        area: p.area,
        message:
          p.kind === 'empty'
            ? `${named(service)} leaves ${p.field} empty; give it an agreed value.`
            : p.kind === 'vague'
              ? `${named(service)} gives ${p.field} the vague value ${value}; a measurable value is needed.`
              : `${named(service)} has the placeholder ${value} in ${p.field}; replace it with an agreed value.`,
      };
    });
  },
};
