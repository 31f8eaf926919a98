import { joinPointer } from '../load/pointer.js';
import { formatDay } from '../model/units.js';
import { LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { named } from './types.js';

export const continuityTestStale: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'continuity-test-stale',
    area: 'continuity',
    severity: 'warning',
    tierSeverity: { critical: 'error' },
    description: "The last continuity test failed, or is older than the tier allows (maxDaysSinceTest: critical 90, high 180, medium and low 365 days).",
    rationale:
      'An IT service continuity plan is only as good as its last test. A plan that failed its test, or has not been exercised for longer than the tier allows, protects the service on paper only; the business finds out during the disaster, in Operation, when it is too late to fix. Testing on a schedule set by the tier keeps "just enough" control: often for critical services, rarely for low ones.',
    remediation: 'Run a continuity test (walkthrough, simulation or failover) and record it in continuity.lastTest with its date and result; fix the plan first if the last test failed.',
    examples: {
      fail: serviceExample({ marked: ['continuity'], tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 6h, rpo: 4h, recoveryOption: backup-restore, lastTest: { date: 2026-10-01, type: simulation, result: fail } }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 6h, rpo: 4h, recoveryOption: backup-restore, lastTest: { date: 2026-10-01, type: simulation, result: pass } }' } }),
    },
  },
  check({ service, config, today }) {
    // No lastTest at all is tier-detail-missing's finding (critical/high), and no finding below.
    const test = service.areas.continuity.values.lastTest;
    if (test === undefined) return [];
    const maxDays = config.tiers[service.tier].maxDaysSinceTest;
    // Stryker disable next-line ConditionalExpression: without a date, today - undefined is NaN and NaN > maxDays is false, as for undefined: stale stays false.
    const age = test.date !== undefined ? today - test.date : undefined;
    // Stryker disable next-line ConditionalExpression: undefined > maxDays is false, so the undefined check changes nothing.
    const stale = age !== undefined && age > maxDays;
    const failed = test.result === 'fail';
    if (!stale && !failed) return [];
    const when = test.date !== undefined ? ` on ${formatDay(test.date)}` : '';
    const reasons = [
      ...(failed ? [`it failed`] : []),
      ...(stale ? [`it is ${age} days old, more than the ${maxDays} days a ${service.tier} tier service allows`] : []),
    ];
    return [
      {
        pointer: joinPointer(service.areas.continuity.pointer, 'lastTest'),
        message: `${named(service)} last tested its continuity plan${when} (continuity.lastTest), but ${reasons.join(', and ')}; run a test${failed ? ' after fixing the plan' : ''} and record it.`,
      },
    ];
  },
};
