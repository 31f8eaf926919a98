// Everything after the per-file work, over the whole run: catalog rules, waivers, severities,
// the per-document limit (settle.ts, shared with the editor's incremental path), the baseline and
// the summary.
import { ServicesByDocument } from '../model/documents.js';
import { reactiveShare } from '../model/portfolio.js';
import type { Service } from '../model/types.js';
import type { CatalogContext } from '../rules/types.js';
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
}

export function finish(results: KeptFile[], options: Pick<LintOptions, 'config' | 'baseline'>, today: number, reread: Locators): Finished {
  const { config } = options;
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const services = results.flatMap((r) => r.services);
  const findings = results.flatMap((r) => r.findings);

  const ctx: CatalogContext = { services, byName: firstByName(services), config, today };
  // Each report becomes a finding as the rule yields it (see CatalogRule).
  addCatalogFindings(findings, ctx, reread);
  const kept = settle(findings, ctx, new ServicesByDocument(services), reread);

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
  const done = { findings: kept, summary, services, files: results.map((r) => r.file) };
  return options.baseline ? applyBaseline(done, options.baseline) : done;
}
