// One service document: schema, placeholders, the model, then every service rule. Positions are
// resolved while the document is at hand, including those the catalog rules will need later.
import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Range } from '../types.js';
import type { ParsedDocument } from '../load/document.js';
import { anchorKey } from '../load/locate.js';
import { buildService, findPlaceholders } from '../model/build.js';
import type { InputFormat, ServiceLayout } from '../model/formats/index.js';
import type { Service } from '../model/types.js';
import { crossFieldProblems } from '../schema/cross-field.js';
import { validateAgainst, type SchemaProblem } from '../schema/validate.js';
import { RULES } from '../rules/index.js';
import type { CatalogRule, ServiceRule, WaiverRule } from '../rules/types.js';
import { RuleCrash } from '../errors.js';
import { configuredFinding, severityFor } from './severity.js';
import { AREAS } from '../types.js';

/** What linting a file needs besides the file: the same for every file of a run (it crosses to worker threads). */
export interface FileOptions {
  config: ResolvedConfig;
  /** Today (or `--now`) in days since the epoch. */
  today: number;
}

const SERVICE_RULES = RULES.filter((r): r is ServiceRule => r.scope === 'service');
const CATALOG_RULES = RULES.filter((r): r is CatalogRule | WaiverRule => r.scope === 'catalog' || r.scope === 'waivers');

/** Schema, placeholders, model, then every service rule, with positions resolved while the document is at hand. */
export function lintService(doc: ParsedDocument, format: InputFormat, layout: ServiceLayout, options: FileOptions): { service: Service; findings: Finding[] } {
  const { config } = options;
  const subject = typeof layout.name === 'string' && layout.name !== '' ? `service "${layout.name}"` : `document ${doc.index + 1}`;
  const placeholders = findPlaceholders(layout, config.placeholders);
  // A set and a walk up the pointer: thousands of placeholders beside thousands of schema errors must stay linear.
  const placeholderAt = new Set(placeholders.map((p) => p.pointer));
  const covered = (pointer: string): boolean => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (placeholderAt.has(p)) return true;
      if (p === '') return false;
    }
  };
  const emptyAreas = new Set(AREAS.filter((a) => (layout.warranty as Record<string, unknown> | undefined)?.[a] === null).map((a) => `${layout.pointers.warranty}/${a}`));
  // A `warranty:` left empty is four missing areas (warranty-area-missing), not also a schema finding.
  if (layout.warranty === null) emptyAreas.add(layout.pointers.warranty);
  const problems: Array<SchemaProblem & { range?: Range }> = [
    ...doc.shape.map((s) => ({ ...s, spoils: s.pointer })),
    ...validateAgainst(format.schema, doc.value, subject).filter((p) => !covered(p.pointer) && !emptyAreas.has(p.pointer)),
    ...crossFieldProblems(layout.warranty, layout.pointers.warranty, subject).filter((p) => !covered(p.pointer)),
  ];
  const reported = new Set(problems.map((p) => p.spoils));
  for (const p of problems) reported.add(p.pointer);
  const service = buildService(layout, placeholders, reported);

  const findings: Finding[] = [];
  const base = { file: layout.file, service: service.name, document: doc.index };
  for (const p of problems) {
    findings.push(configuredFinding({ ...base, ruleId: 'schema', message: p.message, range: p.range ?? doc.locate(p.pointer, p.at), area: null, pointer: p.pointer }, service.tier, config));
  }
  for (const rule of SERVICE_RULES) {
    if (severityFor(rule.meta.id, layout.file, service.tier, config) === 'off') continue;
    let reports;
    try {
      reports = rule.check({ service, config, today: options.today });
    } catch (error) {
      throw new RuleCrash(rule.meta.id, error);
    }
    for (const r of reports) {
      const area = r.area !== undefined ? r.area : rule.meta.area;
      findings.push(configuredFinding({ ...base, ruleId: rule.meta.id, message: r.message, range: doc.locate(r.pointer, r.at), area, pointer: r.pointer }, service.tier, config));
    }
  }
  service.anchors = anchorsFor(service, doc);
  return { service, findings };
}

/**
 * The positions catalog rules declared for this service (`positions`), resolved now: they run
 * when the document is gone. The document's first key too, the last resort of any position.
 */
function anchorsFor(service: Service, doc: ParsedDocument): Record<string, Range> {
  const anchors: Record<string, Range> = { [anchorKey('')]: doc.locate('') };
  for (const rule of CATALOG_RULES) {
    for (const p of rule.positions(service)) {
      const key = anchorKey(p);
      // Stryker disable next-line ConditionalExpression: locating a position again gives the same range (the test saves the work).
      if (!(key in anchors)) anchors[key] = doc.locate(p);
    }
  }
  return anchors;
}
