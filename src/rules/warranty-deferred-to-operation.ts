import { AREAS } from '../types.js';
import type { Report } from '../types.js';
import type { ServiceRule } from './types.js';
import { named, quote } from './types.js';

const HEAD = 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: medium, lifecycleStage: design }\nspec:\n  warranty:\n';

export const warrantyDeferredToOperation: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'warranty-deferred-to-operation',
    area: null,
    severity: 'error',
    tierSeverity: { medium: 'warning', low: 'warning' },
    description:
      'A warranty area is deferred to Operation: plannedIn: operation, or text that hands it to those who run the service ("to be sized by the run team once live", "left to BAU", "scale as needed") while an essential is missing.',
    rationale:
      'ITIL places warranty in Service Strategy and Service Design, with the same rigour as utility. Requirements left to Service Operation are met reactively, after incidents; a provider that does 80% or more of its warranty work in Operation is very reactive. Deferring an area is that habit written down, in whatever words a team uses: who is to do it (ops, the run team, SRE, the NOC, support, BAU, the service desk, on-call, L1/L2/L3), when (after go-live, once live, post-launch, in production, during hypercare, later) or how (monitor and tune, as needed, when it breaks, reactively). Text counts only while an every-tier essential of the area is missing, so runbook prose beside a complete area is never a deferral; nor is text that is negated ("not left to ops"), done or agreed in design ("reviewed and agreed in design"), or an operational fact ("service hours follow the operating calendar"). Organisations add their own phrases and exceptions under deferral.phrases and deferral.ignore in the config.',
    remediation: 'Define and agree the area in design (plannedIn: design) with its essential fields; keep runbook prose for notes beside a complete area.',
    examples: {
      fail: `${HEAD}    capacity:\n      peak: { value: 50, unit: rps }\n      notes: Forecast to be sized by the run team once live.  # <-- flagged\n`,
      pass: `${HEAD}    capacity:\n      plannedIn: design\n      peak: { value: 50, unit: rps }\n      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n      notes: Ops will monitor the saturation dashboard.\n`,
    },
  },
  check({ service }) {
    const reports: Report[] = [];
    for (const a of AREAS) {
      const deferral = service.areas[a].deferral;
      if (!deferral) continue;
      const why = deferral.reason === 'plannedIn' ? 'plannedIn: operation' : quote(deferral.phrase);
      reports.push({
        pointer: deferral.pointer,
        area: a,
        message: `${named(service)} defers its ${a} requirements to Operation (${why}).`,
      });
    }
    return reports;
  },
};
