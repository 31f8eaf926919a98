// The catalog-wide steps after the per-file work, shared by a whole run (finish.ts) and by an
// editor that re-lints a few files of a large catalog (workspace.ts): catalog rules, then waivers,
// waiver rules, severities, the sort and the per-document cap. Every step is either about one
// service (waivers, severities), one file (the cap) or orders findings file by file (the sort), so
// running them over the findings of some files gives exactly those files' findings of a whole run.
import { rangeAfterParse, type Locate } from '../load/locate.js';
import type { ServicesByDocument } from '../model/documents.js';
import type { Service } from '../model/types.js';
import type { RuleSet } from '../policies/index.js';
import type { CatalogContext, CatalogReport, CatalogRule, Place, WaiverRule } from '../rules/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Range } from '../types.js';
import { RuleCrash } from '../errors.js';
import { flatCopy } from './compact.js';
import { compareFindings, distinguish, makeFinding, type KeptFinding } from './finding.js';
import { capPerDocument } from './limits.js';
import { addSloEvidence } from './slo-evidence.js';
import { severityFor } from './severity.js';
import { applyWaivers } from './waivers.js';

/** Called with each catalog finding and the report it came from (what `--changed-since` keeps). */
export type NoteReport = (f: KeptFinding, r: CatalogReport) => void;

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
export function addCatalogFindings(findings: KeptFinding[], ctx: CatalogContext, locators: Locators, rules: RuleSet, note?: NoteReport): void {
  const place = placer(locators);
  const wanted = inScope(ctx);
  for (const rule of rules.catalog) {
    runChecked(rule, () => {
      for (const r of rule.check(ctx)) {
        if (!wanted(r)) continue;
        const f = catalogFinding(rule, r, ctx.config, place);
        note?.(f, r);
        findings.push(f);
      }
    });
  }
}

/**
 * Waivers, then the waiver rules, severities (rules turned off are dropped), the sort and the
 * per-document cap, over `findings`: the per-file and catalog findings of the services of
 * `ctx.scope` (or of every service). Marks waived findings in place.
 */
export function settle(findings: KeptFinding[], ctx: CatalogContext, documents: ServicesByDocument, locators: Locators, rules: RuleSet, options: { note?: NoteReport; keep?: (f: KeptFinding) => boolean } = {}): KeptFinding[] {
  const { config, today } = ctx;
  const place = placer(locators);
  const wanted = inScope(ctx);
  addSloEvidence(findings, documents, ctx.slos);
  const used = applyWaivers(findings, documents, today, config.waivers.maxDays, new Set(rules.waivers.map((r) => r.meta.id)));
  const ruleIds = [...rules.byId.keys()];
  for (const rule of rules.waivers) {
    runChecked(rule, () => {
      for (const r of rule.check({ ...ctx, used, ruleIds })) {
        if (!wanted(r)) continue;
        const f = catalogFinding(rule, r, config, place);
        options.note?.(f, r);
        findings.push(f);
      }
    });
  }
  markDuplicates(findings, documents, ctx.byName, ctx.services);
  // Whether a rule is off does not depend on the tier (a tier picks only among error, warning and info).
  let kept = findings.filter((f) => severityFor(f.ruleId, f.file, null, config) !== 'off');
  kept.sort(compareFindings);
  if (options.keep) kept = kept.filter(options.keep);
  return capPerDocument(kept, config);
}

/**
 * The findings of a later document that repeats a service's name get what tells them apart from the
 * first's (its file and document) into their fingerprints: else a baseline would hold one entry for
 * both, and fixing one would hide the other.
 */
function markDuplicates(findings: readonly KeptFinding[], documents: ServicesByDocument, byName: ReadonlyMap<string, Service>, services: readonly Service[]): void {
  // Most catalogs have none: then no finding needs a look.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut; the loop below makes the same test of each finding's service.
  if (!services.some((s) => s.name !== null && byName.get(s.name) !== s)) return;
  for (const f of findings) {
    const s = documents.of(f);
    if (s && s.name !== null && byName.get(s.name) !== s) distinguish(f, `${s.file}#${s.doc}`);
  }
}

function inScope(ctx: CatalogContext): (r: CatalogReport) => boolean {
  if (!ctx.scope) return () => true;
  // Reports about the portfolio (service null) are never in a scope.
  const scope = new Set<Service | null>(ctx.scope);
  return (r) => scope.has(r.service);
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
  // Stryker disable next-line StringLiteral: anchorKey and locate read anything but 'key' as the value.
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
  // Stryker disable next-line ConditionalExpression,StringLiteral: a string's characters, put together again, are the string (this is the short way).
  if (typeof message === 'string') return flatCopy(message);
  let text = '';
  for (const part of message) text += typeof part === 'string' ? part : where(part, place);
  return flatCopy(text);
}

const where = (p: Place, place: Placer): string => `${p.service.file}:${place(p.service, p.pointer).line}`;
