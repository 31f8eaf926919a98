// One service document: schema, placeholders, the model, then every service rule. Positions are
// resolved while the document is at hand, including those the catalog rules will need later.
import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Range, Report } from '../types.js';
import type { ParsedDocument } from '../load/document.js';
import { anchorKey } from '../load/locate.js';
import { buildService, findPlaceholders } from '../model/build.js';
import { deferralMatcher } from '../model/deferral.js';
import type { InputFormat, ServiceLayout } from '../model/formats/index.js';
import type { Placeholder, Service } from '../model/types.js';
import { crossFieldProblems } from '../schema/cross-field.js';
import { validateWith, type SchemaProblem } from '../schema/validate.js';
import { extendedValidator } from '../schema/extend.js';
import { BUILT_IN_RULES, rulesInEffect } from '../policies/index.js';
import { RuleCrash } from '../errors.js';
import { configuredFinding, severityFor } from './severity.js';
import { evidenceOf } from './evidence.js';
import { AREAS } from '../types.js';
import type { CatalogRule, WaiverRule } from '../rules/types.js';

/** What linting a file needs besides the file: the same for every file of a run (it crosses to worker threads). */
export interface FileOptions {
  config: ResolvedConfig;
  /** Today (or `--now`) in days since the epoch. */
  today: number;
  /** The working directory: the bound of substitutions in a tree that is not a git repository. */
  cwd?: string;
}

/**
 * Schema, placeholders, model, then every service rule, with positions resolved while the document is
 * at hand. `path` is where the document's file is read from (its evidence is looked for beside it).
 */
export function lintService(doc: ParsedDocument, format: InputFormat, layout: ServiceLayout, options: FileOptions, path: string = layout.file): { service: Service; findings: Finding[] } {
  const { config } = options;
  const subject = typeof layout.name === 'string' && layout.name !== '' ? `service "${layout.name}"` : `document ${doc.index + 1}`;
  const placeholders = findPlaceholders(layout, config.placeholders);
  const substituted = doc.substitutions;
  // A set and a walk up the pointer: thousands of placeholders beside thousands of schema errors must
  // stay linear. A substitution not made is reported once: nothing below it is reported again.
  const placeholderAt = new Set([...placeholders.map((p) => p.pointer), ...(substituted?.spoiled ?? [])]);
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
    ...(layout.problems ?? []).map((p) => ({ pointer: p.pointer, at: 'value' as const, spoils: p.pointer, message: `${subject}: ${p.message}` })),
    ...validateWith(extendedValidator(format.schema, config.extensions), doc.value, subject).filter((p) => !covered(p.pointer) && !emptyAreas.has(p.pointer)),
    ...crossFieldProblems(layout.warranty, layout.pointers.warranty, subject).filter((p) => !covered(p.pointer)),
  ];
  const reported = new Set(problems.map((p) => p.spoils));
  for (const p of problems) reported.add(p.pointer);
  for (const p of substituted?.spoiled ?? []) reported.add(p);
  for (const p of substituted?.problems ?? []) if (p.ruleId === 'schema') reported.add(p.pointer);
  const service = buildService(layout, placeholders, reported, deferralMatcher(config.deferral));
  // A stat or two per reference: not made when nothing would read them.
  if (severityFor('evidence-missing', layout.file, service.tier, config) !== 'off') service.evidence = evidenceOf(service, path, options.cwd);
  const rules = rulesInEffect(config);

  const findings: Finding[] = [];
  const base = { file: layout.file, service: service.name, document: doc.index };
  for (const p of substituted?.problems ?? []) {
    findings.push(configuredFinding({ ...base, ruleId: p.ruleId, message: p.message, range: p.range, area: null, pointer: p.pointer }, service.tier, config));
  }
  for (const p of problems) {
    findings.push(configuredFinding({ ...base, ruleId: 'schema', message: p.message, range: p.range ?? doc.locate(p.pointer, p.at), area: null, pointer: p.pointer }, service.tier, config));
  }
  // Policies read fields the model does not keep: they get the document, and what is unusable in it.
  const document = rules !== BUILT_IN_RULES ? { value: doc.value, unusable: unusableIn(reported, placeholders) } : undefined;
  for (const rule of rules.service) {
    if (severityFor(rule.meta.id, layout.file, service.tier, config) === 'off') continue;
    let reports;
    try {
      reports = rule.check({ service, config, today: options.today, document });
    } catch (error) {
      throw new RuleCrash(rule.meta.id, error);
    }
    for (const r of reports) {
      const area = r.area !== undefined ? r.area : rule.meta.area;
      findings.push(configuredFinding({ ...base, ruleId: rule.meta.id, message: r.message, range: rangeOf(doc, r), area, pointer: r.pointer }, service.tier, config));
    }
  }
  service.anchors = anchorsFor(service, doc, rules.positioned);
  return { service, findings };
}

/** Where a report is: its node, narrowed to the text it names inside the value (a phrase in a block scalar). */
function rangeOf(doc: ParsedDocument, r: Report): Range {
  const range = doc.locate(r.pointer, r.at);
  return r.text !== undefined && doc.locateText ? doc.locateText(range, r.text) : range;
}

/** Pointers whose values count as missing: reported by `schema`, or placeholders. */
function unusableIn(reported: ReadonlySet<string>, placeholders: readonly Placeholder[]): Set<string> {
  const out = new Set(reported);
  for (const p of placeholders) out.add(p.pointer);
  return out;
}

/**
 * The positions catalog rules declared for this service (`positions`), resolved now: they run
 * when the document is gone. The document's first key too, the last resort of any position.
 */
function anchorsFor(service: Service, doc: ParsedDocument, catalogRules: ReadonlyArray<CatalogRule | WaiverRule>): Record<string, Range> {
  const anchors: Record<string, Range> = { [anchorKey('')]: doc.locate('') };
  for (const rule of catalogRules) {
    for (const p of rule.positions(service)) {
      const key = anchorKey(p);
      // Stryker disable next-line ConditionalExpression: locating a position again gives the same range (the test saves the work).
      if (!(key in anchors)) anchors[key] = doc.locate(p);
    }
  }
  return anchors;
}
