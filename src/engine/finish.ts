// Everything after the per-file work, over the whole run: catalog rules, waivers, severities,
// the per-document limit, the baseline and the summary.
import { rangeAfterParse, type Locate } from '../load/locate.js';
import { EntityCatalog, type KnownEntity } from '../model/catalog.js';
import { ServicesByDocument } from '../model/documents.js';
import { reactiveShare } from '../model/portfolio.js';
import type { Service } from '../model/types.js';
import { rulesInEffect } from '../policies/index.js';
import type { CatalogContext, CatalogReport, CatalogRule, Place, RuleMeta, WaiverRule } from '../rules/types.js';
import type { LintOptions } from '../lint-types.js';
import type { Finding, Range, Summary } from '../types.js';
import { RuleCrash } from '../errors.js';
import { applyBaseline } from './baseline.js';
import { flatCopy, type KeptFile } from './compact.js';
import { compareFindings, distinguish, makeFinding, type KeptFinding } from './finding.js';
import { capPerDocument } from './limits.js';
import type { Rereader } from './reread.js';
import { severityFor } from './severity.js';
import { applyWaivers } from './waivers.js';

/** What finish() gives: LintResult with the findings as the run kept them (packed on large runs). */
export interface Finished {
  findings: KeptFinding[];
  summary: Summary;
  services: Service[];
  files: string[];
  /** The metadata of the rules in effect (built-in and policies), for the formatters. */
  rules: readonly RuleMeta[];
}

/** What finish() takes of a run's options: the entities of a catalog export (`--catalog`) besides. */
export type FinishOptions = Pick<LintOptions, 'config' | 'baseline' | 'changedFiles'> & { exported?: ReadonlyMap<string, KnownEntity> };

export function finish(results: KeptFile[], options: FinishOptions, today: number, reread: Rereader): Finished {
  const { config } = options;
  const rules = rulesInEffect(config);
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const services = results.flatMap((r) => r.services);
  const findings = results.flatMap((r) => r.findings);

  const byName = new Map<string, Service>();
  for (const s of services) if (s.name !== null && !byName.has(s.name)) byName.set(s.name, s);
  const known = new Set<string>();
  for (const r of results) for (const k of r.catalog?.entities ?? []) known.add(k);
  const ctx: CatalogContext = { services, byName, catalog: new EntityCatalog(services, known, options.exported), config, today };
  const place = placer(reread);
  const changes = options.changedFiles ? changedScope(options.changedFiles, services) : undefined;
  const add = (rule: CatalogRule | WaiverRule, r: CatalogReport): void => {
    const f = catalogFinding(rule, r, options, place);
    changes?.note(f, r);
    findings.push(f);
  };

  // Each report becomes a finding as the rule yields it (see CatalogRule).
  for (const rule of rules.catalog) {
    runChecked(rule, () => {
      for (const r of rule.check(ctx)) add(rule, r);
    });
  }

  const documents = new ServicesByDocument(services);
  const used = applyWaivers(findings, documents, today, config.waivers.maxDays, new Set(rules.waivers.map((r) => r.meta.id)));
  const ruleIds = [...rules.byId.keys()];
  for (const rule of rules.waivers) {
    runChecked(rule, () => {
      for (const r of rule.check({ ...ctx, used, ruleIds })) add(rule, r);
    });
  }

  markDuplicates(findings, documents, byName, services);
  let kept = findings.filter((f) => severityFor(f.ruleId, f.file, documents.of(f)?.tier ?? null, config) !== 'off');
  kept.sort(compareFindings);
  if (changes) kept = kept.filter((f) => changes.reported(f));
  kept = capPerDocument(kept, config);

  // Counted in one pass: on a large catalog every filtered copy is an array of half a million.
  const count = { error: 0, warning: 0, info: 0 };
  let waived = 0;
  for (const f of kept) {
    if (f.waived) waived++;
    else count[f.severity]++;
  }
  const summary: Summary = {
    files: results.length,
    services: services.length,
    errors: count.error,
    warnings: count.warning,
    infos: count.info,
    waived,
    baselined: 0,
    reactiveShare: reactiveShare(services, config),
  };
  const done = { findings: kept, summary, services, files: results.map((r) => r.file), rules: rules.metas };
  return options.baseline ? applyBaseline(done, options.baseline) : done;
}

/**
 * What `--changed-since` reports: findings in changed files, and catalog findings that involve a
 * service of a changed file (the portfolio's involves every service: it is reported when any changed).
 */
function changedScope(changed: ReadonlySet<string>, services: readonly Service[]): { note(f: KeptFinding, r: CatalogReport): void; reported(f: KeptFinding): boolean } {
  const involved = new WeakSet<KeptFinding>();
  const anyService = services.some((s) => changed.has(s.file));
  return {
    note(f, r) {
      if (r.service === null ? anyService : (r.involves ?? []).some((s) => changed.has(s.file))) involved.add(f);
    },
    reported: (f) => (f.file !== null && changed.has(f.file)) || involved.has(f),
  };
}

/**
 * The findings of a later document that repeats a service's name get what tells them apart from the
 * first's (its file and document) into their fingerprints: else a baseline would hold one entry for
 * both, and fixing one would hide the other.
 */
function markDuplicates(findings: readonly KeptFinding[], documents: ServicesByDocument, byName: ReadonlyMap<string, Service>, services: readonly Service[]): void {
  // Most catalogs have none: then no finding needs a look.
  if (!services.some((s) => s.name !== null && byName.get(s.name) !== s)) return;
  for (const f of findings) {
    const s = documents.of(f);
    if (s && s.name !== null && byName.get(s.name) !== s) distinguish(f, `${s.file}#${s.doc}`);
  }
}

function runChecked<T>(rule: CatalogRule | WaiverRule, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new RuleCrash(rule.meta.id, error);
  }
}

type Placer = (service: Service, pointer: string, at?: 'key' | 'value') => Range;

/** Where a pointer of a service is, once its document is gone (locate.ts `rangeAfterParse`). */
function placer(reread: Rereader): Placer {
  return (service, pointer, at = 'value') => rangeAfterParse(service.anchors, pointer, at, (): Locate | undefined => reread.locatorOf(service));
}

function catalogFinding(rule: CatalogRule | WaiverRule, r: CatalogReport, options: Pick<LintOptions, 'config'>, place: Placer): Finding {
  const s = r.service;
  const area = r.area !== undefined ? r.area : rule.meta.area;
  const severity = severityFor(rule.meta.id, s?.file ?? null, s?.tier ?? null, options.config);
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
