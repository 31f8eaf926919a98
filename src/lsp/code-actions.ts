// Quick fixes that are safe and honest:
// - a waiver skeleton for a finding: its rule and area, the latest expiry waivers.maxDays allows, and
//   a reason and an approver left empty for a person to fill in (until then they are `schema`
//   errors, so the run still fails: nothing is accepted without a reason and an approver);
// - the empty skeleton of a missing area: its essential keys for the service's tier, each left empty
//   with the tier's policy limit or the allowed values as a comment. No value is ever made up.
// The edit is computed on the document's current text; where it cannot be placed safely
// (yaml-edits.ts) there is no action.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../config/types.js';
import { withPlainEnv } from '../engine/pool.js';
import { lintText } from '../engine/process-file.js';
import { readDocuments } from '../load/parse.js';
import { formatDay, formatDuration } from '../model/units.js';
import { CLASSIFICATION_ORDER, DETAILED_TIERS, ESSENTIALS } from '../model/vocabulary.js';
import type { Service } from '../model/types.js';
import { RULES_BY_ID } from '../rules/index.js';
import { AREAS, type Area, type Finding, type Tier } from '../types.js';
import { SOURCE, type DiagnosticData } from './diagnostics.js';
import { appendItem, editable, fillOrInsert, type EditableDocument, type Insertion } from './yaml-edits.js';

export interface ActionContext {
  uri: string;
  text: string;
  /** The file as findings name it (relative to the workspace folder). */
  file: string;
  config: ResolvedConfig;
  today: number;
  /** The findings the server shows for the document: a diagnostic's data must name one of them. */
  shown: readonly Finding[];
}

/** The quick fixes for the warranty-lint diagnostics of a request, each once. */
export function codeActions(ctx: ActionContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  // The client sends the diagnostics back with their data: trusted only when they name a finding shown.
  const ours = diagnostics.filter((d) => d.source === SOURCE && isData(d.data) && ctx.shown.some((f) => f.ruleId === (d.data as DiagnosticData).ruleId && f.document === (d.data as DiagnosticData).document && f.area === (d.data as DiagnosticData).area));
  if (ours.length === 0) return [];
  const { services } = withPlainEnv(() => lintText(ctx.text, { path: ctx.file, file: ctx.file, explicit: false }, { config: ctx.config, today: ctx.today }));
  const docs = readDocuments(ctx.text, ctx.config.limits);
  if (!Array.isArray(docs)) return [];
  const actions = new Map<string, CodeAction>();
  for (const d of ours) {
    const data = d.data as DiagnosticData;
    const service = services.find((s) => s.doc === data.document);
    const doc = docs[data.document as number];
    if (!service || !doc || doc.syntax.length > 0) continue;
    const e = editable(ctx.text, doc);
    for (const action of [waiverAction(e, service, data, ctx), areaAction(e, service, data, ctx)]) {
      if (!action || actions.has(action.title)) continue;
      actions.set(action.title, { ...action, diagnostics: [d] });
    }
  }
  return [...actions.values()];
}

function isData(v: unknown): v is DiagnosticData {
  if (v === null || typeof v !== 'object') return false;
  const d = v as Partial<DiagnosticData>;
  return typeof d.ruleId === 'string' && Number.isSafeInteger(d.document) && (d.document as number) >= 0 && (d.area === null || (AREAS as readonly unknown[]).includes(d.area));
}

function quickFix(title: string, uri: string, at: Insertion | undefined): Omit<CodeAction, 'diagnostics'> | undefined {
  if (!at) return undefined;
  const position = { line: at.line, character: at.character };
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: at.text }] } } };
}

const who = (s: Service): string => (s.name === null ? 'this service' : `service "${s.name}"`);

/** Key, empty value and comment, the comments aligned. */
function commented(entries: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...entries.map(([k]) => k.length)) + 2;
  return entries.map(([key, comment]) => `${`${key}:`.padEnd(width)}# ${comment}`);
}

/** A waiver of a rule a service or the catalog rules raise (engine findings are not risks to accept; waivers cannot waive waiver rules). */
function waiverAction(e: EditableDocument, service: Service, data: DiagnosticData, ctx: ActionContext): Omit<CodeAction, 'diagnostics'> | undefined {
  const scope = RULES_BY_ID.get(data.ruleId)?.scope;
  if (scope !== 'service' && scope !== 'catalog') return undefined;
  const maxDays = ctx.config.waivers.maxDays;
  const fields = commented([
    ['reason', 'required: why this risk is accepted, and what will fix it'],
    ['approvedBy', 'who accepted the risk (the service owner or above)'],
  ]);
  const lines = [
    `- rule: ${data.ruleId}`,
    ...(data.area ? [`  area: ${data.area}`] : []),
    ...fields.map((l) => `  ${l}`),
    `  expires: ${formatDay(ctx.today + maxDays)}  # at most ${maxDays} days from today (waivers.maxDays); sooner is better`,
  ];
  return quickFix(`Waive ${data.ruleId}${data.area ? ` (${data.area})` : ''} for ${who(service)}: add a waiver to fill in`, ctx.uri, appendItem(e, service.pointers.waivers, lines));
}

function areaAction(e: EditableDocument, service: Service, data: DiagnosticData, ctx: ActionContext): Omit<CodeAction, 'diagnostics'> | undefined {
  if (data.ruleId !== 'warranty-area-missing' || data.area === null) return undefined;
  const content = areaSkeleton(data.area, service.tier, ctx.config);
  const title = `Add an empty ${data.area} area to ${who(service)}: the essential fields of a ${service.tier} tier service, to fill in`;
  return quickFix(title, ctx.uri, fillOrInsert(e, service.areas[data.area].pointer, content));
}

/** Each essential field of the area for the tier, empty, with what it must hold as a comment. */
export function areaSkeleton(area: Area, tier: Tier, config: ResolvedConfig): string[] {
  const policy = config.tiers[tier];
  const limit = (what: string, key: string): string => `${what} (tiers.${tier}.${key})`;
  const about: Record<string, string> = {
    target: `percent below 100, at least ${policy.minAvailability}` + ` for a ${tier} service (tiers.${tier}.minAvailability)`,
    window: 'the measurement window, a duration',
    serviceHours: '24x7, or the agreed service hours and their time zone',
    mttr: 'mean time to restore service, a duration no longer than continuity.rto',
    peak: '{ value, unit }: the demand at peak',
    forecast: '{ growthPercentPerYear, horizonMonths, driver }',
    headroom: policy.minHeadroom !== null ? `percent spare at peak, ${limit(`at least ${policy.minHeadroom}`, 'minHeadroom')}` : 'percent spare at peak',
    thresholds: '{ warn, critical }: utilisation percent, warn < critical <= 100',
    loadTest: '{ date, multipleOfPeak }',
    rto: `a duration, ${limit(`at most ${formatDuration(policy.maxRto)}`, 'maxRto')}`,
    rpo: `a duration, ${limit(`at most ${formatDuration(policy.maxRpo)}`, 'maxRpo')}; none needed with stateful: false`,
    recoveryOption: 'backup-restore | pilot-light | warm-standby | hot-standby | active-active | manual-workaround',
    mtpd: 'maximum tolerable period of disruption, a duration longer than the rto',
    plan: 'where the continuity plan is',
    lastTest: `{ date, type, result }, ${limit(`at most ${policy.maxDaysSinceTest} days ago`, 'maxDaysSinceTest')}`,
    classification: CLASSIFICATION_ORDER.join(' | '),
    dataTypes: 'a list of pii, phi, pci, credentials or none',
    controls: 'the controls the classification requires (warranty-lint explain security-controls-insufficient)',
    policy: 'the security policy that applies',
    lastReview: 'the date of the last review, YYYY-MM-DD',
  };
  const detailed = DETAILED_TIERS.includes(tier);
  const fields = [...(detailed ? ['owner'] : []), ...ESSENTIALS[area].every, ...(detailed ? ESSENTIALS[area].tier : [])];
  return commented(fields.map((f) => [f, f === 'owner' ? `who is accountable for ${area} (a ${tier} tier service needs an owner per area)` : (about[f] ?? '')] as const));
}
