import type { Area, Report, Severity, Tier } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Service } from '../model/types.js';
import type { EntityCatalog } from '../model/catalog.js';
import type { SloIndex } from '../model/slo/index.js';

export interface RuleMeta {
  id: string;
  /** The area the rule is about; null for rules about files, documents, the catalog or waivers. */
  area: Area | null;
  /** One line, for `warranty-lint rules`. */
  description: string;
  /** Why it matters, in the terms of ITIL's warranty (for `explain` and the rules reference). */
  rationale: string;
  /** How to fix it, one sentence. */
  remediation: string;
  /** What the rule decides that its description cannot say (how it matches, compares, counts): a "Details" section of the docs. */
  notes?: string;
  /** The `recommended` severity. */
  severity: Severity;
  /** Tier-dependent defaults that replace `severity` for services of that tier. */
  tierSeverity?: Partial<Record<Tier, Severity>>;
  /** YAML that breaks the rule and YAML that passes it (for `explain`, the docs and the meta test); empty for a policy. */
  examples: { fail: string; pass: string };
  /** Off unless the config turns it on (a policy written with `severity: off`). */
  defaultOff?: boolean;
  /** Set for an organisation's policy (docs/policies.md), which `explain` shows instead of examples. */
  policy?: PolicyInfo;
}

export interface PolicyInfo {
  /** The config or preset file that defines it; null when it came from code. */
  source: string | null;
  /** Which services it judges, in words ("critical and high tier services"). */
  applies: string;
  /** What each check requires ("availability.oncall is present"). */
  checks: string[];
}

export interface ServiceContext {
  service: Service;
  config: ResolvedConfig;
  /** Today (or `--now`) in days since the epoch. */
  today: number;
  /**
   * The document as read, and the pointers whose values are unusable (placeholders, `schema`
   * findings): for policies, which read fields the model does not keep (`availability.oncall`).
   */
  document?: { value: unknown; unusable: ReadonlySet<string> };
}

export interface CatalogContext {
  /** Every service in file order; duplicates (later documents with a name already seen) included. */
  services: readonly Service[];
  /**
   * The services to report about, in file order (default: all of `services`). An editor re-lints a
   * few open files in a catalog of thousands: a rule still judges each of these against the whole
   * catalog, but iterates only these (`reported(ctx)`). Reports about the portfolio (service null)
   * are made only without a scope. The engine drops any report outside the scope, so a rule that
   * ignores it is slower, never wrong.
   */
  scope?: readonly Service[];
  /**
   * Where a rule may keep what it computed over the whole catalog from the services' names and
   * dependencies alone, for the next call: the engine empties it whenever a service is added or
   * removed, or its name or dependencies change (an editor's workspace; absent in a run).
   */
  memo?: Map<string, unknown>;
  /** The first service of each name. */
  byName: ReadonlyMap<string, Service>;
  /** What dependencies name: services, other entities of the linted files, a catalog export (`--catalog`). */
  catalog: EntityCatalog;
  /** The objectives of the run's SLO documents (OpenSLO, Sloth) by the service they name; absent: none. */
  slos?: SloIndex;
  config: ResolvedConfig;
  today: number;
}

export interface WaiverContext extends CatalogContext {
  /** Every registered rule id (a waiver naming anything else is a mistake worth a hint). */
  ruleIds: readonly string[];
  /** For each service, the indexes of its waivers that suppressed at least one finding. */
  used: ReadonlyMap<Service, ReadonlySet<number>>;
}

/** A node of a service's document that a message names as `file:line` ("already defined in …"). */
export interface Place {
  service: Service;
  pointer: string;
}

/** A report about a service of the catalog, or (service null) about the portfolio. */
export interface CatalogReport extends Omit<Report, 'message'> {
  service: Service | null;
  /** A sentence, or its pieces around places in documents, which the engine writes as `file:line`. */
  message: string | ReadonlyArray<string | Place>;
  /**
   * Other services the finding depends on (a dependency, the first definition of a name): a change
   * to them can make or fix it. `--changed-since` reports it when any of them changed.
   */
  involves?: readonly Service[];
  /** Files besides services' that the finding depends on (an SLO file): `--changed-since` reports it when any of them changed. */
  involvesFiles?: readonly string[];
}

/** Rules the loader and engine raise themselves (parse, files, schema, limits): metadata only lives here. */
export interface EngineRule {
  meta: RuleMeta;
  scope: 'engine';
}

export interface ServiceRule {
  meta: RuleMeta;
  scope: 'service';
  check(ctx: ServiceContext): Report[];
}

/**
 * A rule over the whole catalog. Its reports may be yielded one at a time (a generator): the engine
 * makes each a finding as it comes. The 100k catalog has 130,000 catalog reports, whose messages are
 * built of many pieces; collected in an array, all of them outlived the young generation first.
 */
export interface CatalogRule {
  meta: RuleMeta;
  scope: 'catalog';
  /**
   * The pointers of a service this rule may report at or name as a Place. They are located while
   * the service's document is still parsed (catalog rules run after every document is dropped);
   * a report at any other pointer is still placed exactly, by reading the file again (slower).
   */
  positions(service: Service): Iterable<string>;
  check(ctx: CatalogContext): Iterable<CatalogReport>;
}

export interface WaiverRule {
  meta: RuleMeta;
  scope: 'waivers';
  /** As CatalogRule's. */
  positions(service: Service): Iterable<string>;
  check(ctx: WaiverContext): Iterable<CatalogReport>;
}

export type Rule = EngineRule | ServiceRule | CatalogRule | WaiverRule;

/** The services a catalog rule reports about: the scope when there is one, else every service. */
export function reported(ctx: Pick<CatalogContext, 'services' | 'scope'>): readonly Service[] {
  return ctx.scope ?? ctx.services;
}

/** `service "payments-api"` — how every message names its service. */
export function named(service: { name: string | null }): string {
  return service.name === null ? 'the unnamed service' : `service ${quote(service.name)}`;
}

/**
 * A value from a file, quoted for a message and cut to `max` characters: a 5 MB value must not
 * make a 5 MB message. Escaping for display is the formatters' job.
 */
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** `a`, `a and b`, `a, b and c`: how messages list the fields they name. */
export { listWords } from '../model/list-words.js';
