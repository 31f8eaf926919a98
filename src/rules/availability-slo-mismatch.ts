import type { Slo } from '../model/slo/index.js';
import { formatDuration } from '../model/units.js';
import { sloPlace, sloTarget, sloWindow } from './support/slo.js';
import type { CatalogReport, CatalogRule } from './types.js';
import { named, reported } from './types.js';

/** Floating point slack: 0.999 read as a percent must not fall below 99.9. */
const EPSILON = 1e-9;

const SLO =
  '---\napiVersion: openslo/v1\nkind: SLO\nmetadata: { name: checkout-availability }\nspec:\n  service: checkout\n  budgetingMethod: Occurrences\n  timeWindow: [{ duration: 4w, isRolling: true }]\n';

const service = (target: string, window: string, flag = ''): string =>
  `apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: checkout, owner: team-shop, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability:\n      target: ${target}${flag}\n      window: ${window}${flag}\n      serviceHours: 24x7\n`;

export const availabilitySloMismatch: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'availability-slo-mismatch',
    area: 'availability',
    severity: 'warning',
    tierSeverity: { critical: 'error' },
    description:
      "An SLO as code (OpenSLO, Sloth) for the service sets a target below the warranty's availability target, or measures it over another window than availability.window.",
    rationale:
      'The availability the warranty promises is only as real as the objective the team measures and alerts on. An SLO below the target lets the service breach the warranty without burning its error budget; an SLO over another window counts its budget over another period, so that the two can never be compared. Either way Operation manages to one number while the customer was promised another.',
    remediation:
      'Make the two agree: raise the SLO to at least the warranty target and measure it over availability.window, or lower the warranty target to what is measured and agreed.',
    notes: [
      'SLO files are found by the same walk and limits as definitions: an OpenSLO document (`apiVersion: openslo/v1` or `v1alpha`, `kind: SLO`) or a Sloth file (`version: prometheus/v1` with `service` and `slos`). They are never reported as files without a service; OpenSLO documents of other kinds (Service, SLI) are read silently, and the fields compared are checked by a small schema (`schemas/openslo.schema.json`, `schemas/sloth.schema.json`), whose findings are about the SLO file.',
      '',
      '- **Which service:** OpenSLO `spec.service` or Sloth `service` is compared with the service\'s name (`metadata.name`; for a Backstage entity outside the default namespace, `namespace/name`), in any case. An SLO naming no linted service is not reported.',
      '- **Which objectives:** each OpenSLO objective (`target` as a ratio, `targetPercent`) and each Sloth SLO (`objective`, percent) that measures availability. One that its own words name as latency, duration, freshness, throughput and the like, or that compares a value with a threshold (OpenSLO `op`), is not compared; its document\'s name decides only when the objective\'s own words do not.',
      '- **Windows** are compared as durations: `28d` = `4w` = `P28D`; OpenSLO `1M` is 30 days, `1Q` 90, `1Y` 365 (as ISO durations are counted elsewhere); v1alpha `{ unit: Week, count: 4 }` is 28 days. A Sloth file names no window: Sloth measures over the period it runs with, 30 days unless set otherwise, so 30 days is compared. An SLO without a window, or a value the schema refused, is not compared.',
      '- **Targets:** an SLO below the warranty target is flagged; one at or above it agrees (a stricter internal objective is fine).',
      '- **Several SLOs for one service** (in one file or many): each is compared, with at most one finding at `availability.target`, naming the weakest SLO below it, and one at `availability.window`, naming the first (by file) over another window; each says how many more disagree.',
      '- **No availability area:** an SLO found for a service that defines none is named in the message of `warranty-area-missing` (and `warranty-missing`) as evidence to adopt: "An SLO of 99.9% over 28d exists in slos/checkout.yaml: adopt it as the availability target and window."',
    ].join('\n'),
    examples: {
      fail: `${service('99.95', '30d', '  # <-- flagged')}${SLO}  objectives: [{ displayName: requests succeed, target: 0.999 }]\n`,
      pass: `${service('99.9', '28d')}${SLO}  objectives: [{ displayName: requests succeed, target: 0.999 }]\n`,
    },
  },
  // The target and window, when they can be compared with something.
  positions: (service) => {
    const { pointer, values } = service.areas.availability;
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a position declared for an absent field places nothing: no finding points at it.
    return [...(values.target !== undefined ? [`${pointer}/target`] : []), ...(values.window !== undefined ? [`${pointer}/window`] : [])];
  },
  *check(ctx) {
    const { slos } = ctx;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; the engine always sets slos, and with none every service's objectives below are empty.
    if (!slos || slos.all.length === 0) return;
    for (const service of reported(ctx)) {
      const objectives = slos.of(service.name);
      // Stryker disable next-line ConditionalExpression: a shortcut; with no objective nothing below is found.
      if (objectives.length === 0) continue;
      const { pointer, values } = service.areas.availability;
      // Stryker disable next-line ConditionalExpression: with no target, no objective compares below undefined (NaN).
      if (values.target !== undefined) {
        const target = values.target;
        // The weakest first: it is the one the warranty is furthest from.
        // Stryker disable next-line ConditionalExpression,EqualityOperator: an undefined target compares false anyway; EPSILON only absorbs float noise, no written percent lies within it.
        const below = objectives.filter((s) => s.target !== undefined && s.target < target - EPSILON).sort((a, b) => (a.target as number) - (b.target as number));
        const weakest = below[0];
        if (weakest) {
          yield {
            service,
            pointer: `${pointer}/target`,
            involvesFiles: below.map((s) => s.file),
            message: `${named(service)} promises availability.target ${target}%, but ${sloPlace(weakest)} sets ${sloTarget(weakest)}${others(below)}: the objective Operation measures and alerts on is below the warranty.`,
          } satisfies CatalogReport;
        }
      }
      if (values.window !== undefined) {
        const window = values.window;
        const differ = objectives.filter((s) => s.window !== undefined && s.window !== window);
        const first = differ[0];
        if (first) {
          yield {
            service,
            pointer: `${pointer}/window`,
            involvesFiles: differ.map((s) => s.file),
            message: `${named(service)} has availability.window ${formatDuration(window)}, but ${sloPlace(first)} is measured over ${sloWindow(first)}${others(differ)}: an error budget over another period cannot show whether the warranty is kept.`,
          } satisfies CatalogReport;
        }
      }
    }
  },
};

/** ` (and 2 more SLOs)` when more than the named one disagree. */
function others(list: readonly Slo[]): string {
  const n = list.length - 1;
  return n === 0 ? '' : ` (and ${n} more SLO${n === 1 ? '' : 's'})`;
}
