// Everything after the per-file work, over the whole run: catalog rules, waivers, severities,
// the per-document limit (settle.ts, shared with the editor's incremental path), the baseline and
// the summary.
import { EntityCatalog, type KnownEntity } from '../model/catalog.js';
import { SloIndex } from '../model/slo/index.js';
import { ServicesByDocument } from '../model/documents.js';
import { reactiveShare } from '../model/portfolio.js';
import type { Service } from '../model/types.js';
import { rulesInEffect } from '../policies/index.js';
import type { CatalogContext, CatalogReport, RuleMeta } from '../rules/types.js';
import type { LintOptions } from '../lint-types.js';
import type { Summary } from '../types.js';
import { applyBaseline } from './baseline.js';
import type { KeptFile } from './compact.js';
import type { KeptFinding } from './finding.js';
import { addCatalogFindings, firstByName, settle, type Locators } from './settle.js';

/** What finish() gives: LintResult with the findings as the run kept them (packed on large runs). */
export interface Finished {
  findings: KeptFinding[];
  summary: Summary;
  services: Service[];
  files: string[];
  sloFiles: string[];
  /** The metadata of the rules in effect (built-in and policies), for the formatters. */
  rules: readonly RuleMeta[];
}

/** What finish() takes of a run's options: the entities of a catalog export (`--catalog`) besides. */
export type FinishOptions = Pick<LintOptions, 'config' | 'baseline' | 'changedFiles'> & { exported?: ReadonlyMap<string, KnownEntity> };

export function finish(results: KeptFile[], options: FinishOptions, today: number, reread: Locators): Finished {
  const { config } = options;
  const rules = rulesInEffect(config);
  // Stryker disable next-line EqualityOperator: one result a file, so no two are equal.
  results.sort((a, b) => (a.file < b.file ? -1 : 1));
  const services = results.flatMap((r) => r.services);
  const findings = results.flatMap((r) => r.findings);

  const known = new Set<string>();
  // Stryker disable next-line ArrayDeclaration: a key that names nothing is never asked for.
  for (const r of results) for (const k of r.catalog?.entities ?? []) known.add(k);
  const slos = new SloIndex(results.flatMap((r) => r.slos ?? []));
  const ctx: CatalogContext = { services, byName: firstByName(services), catalog: new EntityCatalog(services, known, options.exported), slos, config, today };
  const changes = options.changedFiles ? changedScope(options.changedFiles, services) : undefined;
  // Each report becomes a finding as the rule yields it (see CatalogRule).
  addCatalogFindings(findings, ctx, reread, rules, changes?.note);
  const kept = settle(findings, ctx, new ServicesByDocument(services), reread, rules, { note: changes?.note, keep: changes?.reported });

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
  const sloFiles = results.filter((r) => r.slos !== undefined && r.services.length === 0).map((r) => r.file);
  const done = { findings: kept, summary, services, files: results.map((r) => r.file), sloFiles, rules: rules.metas };
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
      // Stryker disable next-line ArrayDeclaration: a service or file that is no changed one is as good as none.
      if (r.service === null ? anyService : (r.involves ?? []).some((s) => changed.has(s.file)) || (r.involvesFiles ?? []).some((file) => changed.has(file))) involved.add(f);
    },
    // (A finding about the portfolio has no file: never a changed one.)
    reported: (f) => changed.has(f.file as string) || involved.has(f),
  };
}
