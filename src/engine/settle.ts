// The catalog-wide steps after the per-file work, shared by a whole run (finish.ts) and by an
// editor that re-lints a few files of a large catalog (workspace.ts): catalog rules, then waivers,
// waiver rules, severities, the sort and the per-document cap. Every step is either about one
// service (waivers, severities), one file (the cap) or orders findings file by file (the sort), so
// running them over the findings of some files gives exactly those files' findings of a whole run.
import { rangeAfterParse, type Locate } from '../load/locate.js';
import type { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import type { CatalogContext, CatalogReport, CatalogRule, Place, WaiverRule } from '../rules/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Range } from '../types.js';
import { RuleCrash } from '../errors.js';
import { flatCopy } from './compact.js';
import { compareFindings, makeFinding, type KeptFinding } from './finding.js';
import { capPerDocument } from './limits.js';
import { severityFor } from './severity.js';
import { applyWaivers } from './waivers.js';

const CATALOG_RULES = RULES.filter((r): r is CatalogRule => r.scope === 'catalog');
const WAIVER_RULES = RULES.filter((r): r is WaiverRule => r.scope === 'waivers');
const WAIVER_RULE_IDS: ReadonlySet<string> = new Set(WAIVER_RULES.map((r) => r.meta.id));

/** Where a service's document is now, to place a catalog finding at a pointer its rule did not declare (reread.ts). */
export interface Locators {
  locatorOf(service: Service): Locate | undefined;
}

type Placer = (service: Service, pointer: string, at?: 'key' | 'value') => Range;

/** The first service of each name, in file order: what catalog rules look names up in. */
export function firstByName(services: readonly Service[]): Map<string, Service> {
  const byName = new Map<string, Service>();
  for (const s of services) if (s.name !== null && !byName.has(s.name)) byName.set(s.name, s);
  return byName;
}

/**
 * The catalog rules' findings about `ctx.scope` (every service when there is none), appended to
 * `findings` as each rule yields them. With a scope, a report about anything else is dropped.
 */
export function addCatalogFindings(findings: KeptFinding[], ctx: CatalogContext, locators: Locators): void {
  const place = placer(locators);
  const wanted = inScope(ctx);
  for (const rule of CATALOG_RULES) {
    runChecked(rule, () => {
      for (const r of rule.check(ctx)) if (wanted(r)) findings.push(catalogFinding(rule, r, ctx.config, place));
    });
  }
}

/**
 * Waivers, then the waiver rules, severities (rules turned off are dropped), the sort and the
 * per-document cap, over `findings`: the per-file and catalog findings of the services of
 * `ctx.scope` (or of every service). Marks waived findings in place.
 */
export function settle(findings: KeptFinding[], ctx: CatalogContext, documents: ServicesByDocument, locators: Locators): KeptFinding[] {
  const { config, today } = ctx;
  const place = placer(locators);
  const wanted = inScope(ctx);
  const used = applyWaivers(findings, documents, today, config.waivers.maxDays, WAIVER_RULE_IDS);
  for (const rule of WAIVER_RULES) {
    runChecked(rule, () => {
      for (const r of rule.check({ ...ctx, used, ruleIds: [...RULES_BY_ID.keys()] })) if (wanted(r)) findings.push(catalogFinding(rule, r, config, place));
    });
  }
  const kept = findings.filter((f) => severityFor(f.ruleId, f.file, documents.of(f)?.tier ?? null, config) !== 'off');
  kept.sort(compareFindings);
  return capPerDocument(kept, config);
}

function inScope(ctx: CatalogContext): (r: CatalogReport) => boolean {
  if (!ctx.scope) return () => true;
  const scope = new Set(ctx.scope);
  return (r) => r.service !== null && scope.has(r.service);
}

function runChecked<T>(rule: CatalogRule | WaiverRule, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new RuleCrash(rule.meta.id, error);
  }
}

/** Where a pointer of a service is, once its document is gone (locate.ts `rangeAfterParse`). */
function placer(locators: Locators): Placer {
  return (service, pointer, at = 'value') => rangeAfterParse(service.anchors, pointer, at, (): Locate | undefined => locators.locatorOf(service));
}

function catalogFinding(rule: CatalogRule | WaiverRule, r: CatalogReport, config: ResolvedConfig, place: Placer): Finding {
  const s = r.service;
  const area = r.area !== undefined ? r.area : rule.meta.area;
  const severity = severityFor(rule.meta.id, s?.file ?? null, s?.tier ?? null, config);
  return makeFinding({
    ruleId: rule.meta.id,
    severity: severity === 'off' ? 'info' : severity,
    message: messageText(r.message, place),
    file: s ? s.file : null,
    range: s ? place(s, r.pointer, r.at) : null,
    service: s ? s.name : null,
    area,
    pointer: s ? r.pointer : null,
    document: s ? s.doc : null,
  });
}

/**
 * The message, its places written as `file:line`. Catalog rules build messages from many pieces
 * (names, durations, lists): kept as ropes, the 130,000 of a 100k catalog took ~2.5x the memory of
 * their text, so the text is copied flat.
 */
function messageText(message: CatalogReport['message'], place: Placer): string {
  if (typeof message === 'string') return flatCopy(message);
  let text = '';
  for (const part of message) text += typeof part === 'string' ? part : where(part, place);
  return flatCopy(text);
}

const where = (p: Place, place: Placer): string => `${p.service.file}:${place(p.service, p.pointer).line}`;
