// What to add to a service that has no warranty at all: one line of YAML for its tier, with the
// tier policy's own limits (so that it meets them) and `<…>` where only the team knows the value
// (which warranty-placeholder-value flags until it is filled in).
import type { ResolvedConfig } from '../../config/types.js';
import { formatDuration } from '../../model/units.js';
import type { Service } from '../../model/types.js';

/** The cheapest recovery option that can meet an rto (continuity-recovery-option-mismatch's thresholds). */
function recoveryFor(rto: number): string {
  if (rto >= 4 * 3600) return 'backup-restore';
  if (rto >= 3600) return 'pilot-light';
  if (rto >= 300) return 'warm-standby';
  return 'hot-standby';
}

/** The measurement window the snippet proposes (30d), in seconds. */
const WINDOW = 30 * 86400;

/** The last key of a pointer (`/spec/warranty` → `warranty`). */
const keyOf = (pointer: string): string => pointer.slice(pointer.lastIndexOf('/') + 1);

/**
 * `warranty: { tier: medium, availability: {…}, … }`: the every-tier essentials, for the service's
 * tier. The tier is written in the block only when the service reads it from there.
 */
export function warrantySnippet(service: Service, config: Pick<ResolvedConfig, 'tiers'>): string {
  const policy = config.tiers[service.tier];
  const tierInside = service.pointers.tier.startsWith(`${service.pointers.warranty}/`);
  // An rto within the tier's limit and within the downtime its target allows in the window
  // (availability-rto-budget-conflict), in whole hours or minutes.
  const budget = ((100 - policy.minAvailability) / 100) * WINDOW;
  const within = Math.min(policy.maxRto, budget);
  const rto = within >= 3600 ? Math.floor(within / 3600) * 3600 : Math.max(60, Math.floor(within / 60) * 60);
  const parts = [
    ...(tierInside ? [`${keyOf(service.pointers.tier)}: ${service.tier}`] : []),
    `availability: { target: ${policy.minAvailability}, window: 30d, serviceHours: 24x7 }`,
    'capacity: { peak: { value: <peak>, unit: rps }, forecast: { growthPercentPerYear: <growth>, horizonMonths: 12 } }',
    `continuity: { rto: ${formatDuration(rto)}, rpo: ${formatDuration(Math.min(policy.maxRpo, rto))}, recoveryOption: ${recoveryFor(rto)} }`,
    'security: { classification: <internal|confidential|restricted>, dataTypes: [<pii|pci|none>] }',
  ];
  return `${keyOf(service.pointers.warranty)}: { ${parts.join(', ')} }`;
}

/** What a critical or high tier needs besides the essentials (SPEC §2), in a sentence; empty for other tiers. */
export function tierExtras(service: Service): string {
  if (service.tier !== 'critical' && service.tier !== 'high') return '';
  return ` A ${service.tier} tier also needs availability.mttr, capacity.headroom, thresholds and loadTest, continuity.mtpd, plan and lastTest, and security.controls, policy and lastReview.`;
}
