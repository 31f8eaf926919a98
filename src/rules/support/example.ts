// Complete service documents for the rules' examples (`explain`, docs/rules.md, the meta test).
// Each example changes one or two areas of a clean service, so what breaks the rule stands out.
import type { Area, Stage, Tier } from '../../types.js';

export type ExampleAreas = Record<Area, string>;

/** A clean low tier service, one flow mapping per area. */
export const LOW_AREAS: ExampleAreas = {
  availability: '{ target: 99.0, window: 30d, serviceHours: 24x7 }',
  capacity: '{ peak: { value: 50, unit: rps }, forecast: { growthPercentPerYear: 10, horizonMonths: 12 } }',
  continuity: '{ rto: 6h, rpo: 4h, recoveryOption: backup-restore }',
  security: '{ classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit] }',
};

/** A clean high tier service (its tier's detail and an owner per area; tested recently enough for 2026-11-26). */
export const HIGH_AREAS: ExampleAreas = {
  availability: '{ owner: ana.silva, target: 99.9, window: 30d, serviceHours: 24x7, mttr: 20m }',
  capacity:
    '{ owner: ana.silva, peak: { value: 300, unit: rps }, forecast: { growthPercentPerYear: 15, horizonMonths: 12 }, headroom: 25, thresholds: { warn: 70, critical: 85 }, loadTest: { date: 2026-09-15, multipleOfPeak: 2 } }',
  continuity: '{ owner: mei.lin, rto: 30m, rpo: 15m, recoveryOption: warm-standby, mtpd: 4h, plan: docs/dr/ledger.md, lastTest: { date: 2026-10-01, type: tabletop, result: pass } }',
  security: '{ owner: ciso-office, classification: internal, dataTypes: [none], controls: [authn, rbac, encryption-in-transit], policy: ISP-2024, lastReview: 2026-05-10 }',
};

export interface ExampleService {
  tier: Tier;
  stage?: Stage;
  owner?: string;
  /** Every area, as the YAML after `area: ` (a flow mapping, or a block starting with a newline). */
  areas: ExampleAreas;
  /** The lines a failing example's finding is at, marked for the reader (and checked by the meta test). */
  marked?: ReadonlyArray<Area | 'metadata'>;
}

/** How an example marks the line its finding is at (test/meta.test.ts holds examples to it). */
export const FLAGGED = '  # <-- flagged';

/** A complete `warranty-lint/v1` document. */
export function serviceExample({ tier, stage = 'design', owner, areas, marked = [] }: ExampleService): string {
  const name = tier === 'low' ? 'search' : 'ledger';
  const mark = (line: Area | 'metadata'): string => (marked.includes(line) ? FLAGGED : '');
  const lines = [
    'apiVersion: warranty-lint/v1',
    'kind: Service',
    `metadata: { name: ${name}, owner: ${owner ?? `team-${name}`}, tier: ${tier}, lifecycleStage: ${stage} }${mark('metadata')}`,
    'spec:',
    '  warranty:',
    ...(Object.keys(areas) as Area[]).map((a) => `    ${a}: ${areas[a]}${mark(a)}`),
  ];
  return lines.join('\n') + '\n';
}

/** A security area that meets what pii and its confidential classification require. */
export const CONFIDENTIAL_PII = '{ classification: confidential, dataTypes: [pii], controls: [authn, rbac, encryption-in-transit, encryption-at-rest, access-logging, encrypted-backups] }';
