import { AREAS, STAGES, TIERS, type Area, type Stage, type Tier } from '../types.js';
import { joinPointer, pointerToPath } from '../load/pointer.js';
import type { ServiceLayout } from './formats/types.js';
import type { AreaModel, AreaValues, Deferral, Dependency, Placeholder, Service, Waiver } from './types.js';
import { ESSENTIALS, PROSE_FIELDS, placeholderKind } from './vocabulary.js';
import { findDeferralPhrase, type DeferralMatcher } from './deferral.js';
import { parseDay, parseDuration, parsePercent } from './units.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
// Number.isFinite takes no text for a number (unlike the global isFinite).
const num = (v: unknown): number | undefined => (Number.isFinite(v) ? (v as number) : undefined);

/**
 * Placeholders and vague values (SPEC §2) in `metadata.owner` and the warranty areas. Found
 * before schema validation, so that a placeholder gets its own finding and no schema finding.
 */
export function findPlaceholders(layout: ServiceLayout, extraWords: readonly string[]): Placeholder[] {
  const out: Placeholder[] = [];
  const ownerKind = placeholderKind(layout.owner, extraWords);
  if (ownerKind) out.push({ pointer: layout.pointers.owner, value: rawText(layout.owner), kind: ownerKind, field: pointerToPath(layout.pointers.owner), area: null });
  // `warranty: TBD` is one placeholder: its four areas count as missing without a finding each.
  const warrantyKind = layout.warranty === null ? undefined : placeholderKind(layout.warranty, extraWords);
  if (warrantyKind) out.push({ pointer: layout.pointers.warranty, value: rawText(layout.warranty), kind: warrantyKind, field: pointerToPath(layout.pointers.warranty), area: null });
  const warranty = isObj(layout.warranty) ? layout.warranty : {};
  for (const a of AREAS) collectPlaceholders(warranty[a], { parent: null, key: a }, layout.pointers.warranty, a, extraWords, out);
  return out;
}

/** Where collectPlaceholders is below an area, as a linked list: a pointer is built only for a placeholder found. */
type Path = { parent: Path; key: string | number } | null;

/**
 * Builds the service model. `reported` holds every pointer already reported by `schema` or
 * `warranty-placeholder-value`: those fields count as missing for every rule, and get no second
 * finding (SPEC §2, "One problem, one finding").
 */
export function buildService(layout: ServiceLayout, placeholders: Placeholder[], reported: ReadonlySet<string>, deferral: DeferralMatcher = findDeferralPhrase): Service {
  const bad = new Set(reported);
  for (const p of placeholders) bad.add(p.pointer);
  // Called for every field a rule may read: no string is built per call.
  const usable = (pointer: string): boolean => {
    for (const p of bad) if (pointer.startsWith(p) && (pointer.length === p.length || pointer.charCodeAt(p.length) === 0x2f)) return false;
    return true;
  };
  const warranty = isObj(layout.warranty) ? layout.warranty : {};
  const tier = (TIERS as readonly unknown[]).includes(layout.tier) ? (layout.tier as Tier) : (layout.defaultTier ?? 'medium');
  const stage = (STAGES as readonly unknown[]).includes(layout.stage) ? (layout.stage as Stage) : (layout.defaultStage ?? 'design');
  const owner = usable(layout.pointers.owner) ? str(layout.owner) : undefined;

  const areas = {} as Service['areas'];
  for (const a of AREAS) {
    (areas as Record<Area, AreaModel>)[a] = buildArea(a, warranty[a], joinPointer(layout.pointers.warranty, a), usable, bad, deferral);
  }

  const service: Service = {
    name: typeof layout.name === 'string' && layout.name !== '' ? layout.name : null,
    file: layout.file,
    doc: layout.doc,
    source: layout.source,
    owner,
    tier,
    stage,
    pointers: layout.pointers,
    dependsOn: buildDependencies(layout, usable),
    areas,
    waivers: buildWaivers(layout.waivers, layout.pointers.waivers, usable),
    placeholders,
    anchors: {},
  };
  if (layout.warrantyAbsent) service.warrantyAbsent = true;
  return service;
}

/** A placeholder's value as written: placeholderKind finds them in strings and null only. */
const rawText = (v: unknown): string | null => v as string | null;

function collectPlaceholders(value: unknown, path: { parent: Path; key: string | number }, warrantyPointer: string, area: Area, extra: readonly string[], out: Placeholder[]): void {
  const isAreaRoot = path.parent === null;
  if (isAreaRoot && value === null) return; // an empty area is `warranty-area-missing`'s (an absent one is no placeholder)
  if (isObj(value)) {
    for (const k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k) || PROSE_FIELDS.has(k) || k.startsWith('x-')) continue;
      collectPlaceholders(value[k], { parent: path, key: k }, warrantyPointer, area, extra, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectPlaceholders(v, { parent: path, key: i }, warrantyPointer, area, extra, out));
    return;
  }
  const kind = placeholderKind(value, extra);
  if (!kind) return;
  const keys: Array<string | number> = [];
  for (let p: Path = path; p !== null; p = p.parent) keys.push(p.key);
  const pointer = joinPointer(warrantyPointer, ...keys.reverse());
  // Fields read as `continuity.rto`; an area itself keeps its full path (`spec.warranty.continuity`).
  // Stryker disable next-line Regex: every format's warranty is at /spec/warranty, so the path starts with it.
  out.push({ pointer, value: rawText(value), kind, field: isAreaRoot ? pointerToPath(pointer) : pointerToPath(pointer).replace(/^spec\.warranty\./, ''), area });
}

function buildArea<K extends Area>(name: K, raw: unknown, pointer: string, usable: (p: string) => boolean, bad: Set<string>, deferral: DeferralMatcher): AreaModel<K> {
  const obj = isObj(raw) ? raw : {};
  const keys = Object.keys(obj).filter((k) => !k.startsWith('x-'));
  const present = keys.length > 0;
  // Reported already: the area's own value (`capacity: TBD`, `capacity: 5`), the warranty holding
  // it (`warranty: TBD`), or a substitution of either that was not made (`capacity: { $yaml: https://… }`).
  const placeholder = !usable(pointer);
  // Stryker disable next-line ConditionalExpression: a shortcut: an absent field is undefined either way, with no pointer built.
  const fieldOk = (k: string): boolean => obj[k] !== undefined && usable(joinPointer(pointer, k));
  const get = (k: string): unknown => (fieldOk(k) ? obj[k] : undefined);
  const sub = (k: string, f: string): unknown => {
    const v = get(k);
    return isObj(v) && usable(joinPointer(pointer, k, f)) ? v[f] : undefined;
  };
  const reported = keys.filter((k) => {
    const p = joinPointer(pointer, k);
    for (const b of bad) if (b === p || b.startsWith(p + '/')) return true;
    return false;
  });
  // A key misspelt with a hint ("did you mean target?") spoils the field it was meant to be.
  for (const b of bad) {
    const parent = b.slice(0, b.lastIndexOf('/'));
    const field = b.slice(b.lastIndexOf('/') + 1);
    // (`bad` holds each pointer once, and `reported` keys only: a field is never pushed twice.)
    if (parent === pointer && !keys.includes(field)) reported.push(field);
  }

  const values = normalise(name, get, sub) as AreaValues[K];
  const plannedIn = (STAGES as readonly unknown[]).includes(get('plannedIn')) ? (get('plannedIn') as Stage) : undefined;
  const agreement = get('status') === 'draft' || get('status') === 'agreed' ? (get('status') as 'draft' | 'agreed') : undefined;
  const model: AreaModel<K> = {
    name,
    pointer,
    present,
    placeholder,
    status: 'missing',
    keys,
    reported,
    owner: str(get('owner')),
    plannedIn,
    agreement,
    values,
  };
  if (present && !placeholder) {
    const deferred = findDeferral(model, obj, pointer, deferral);
    model.status = deferred ? 'deferred' : 'defined';
    if (deferred) model.deferral = deferred;
  }
  return model;
}

function normalise(area: Area, get: (k: string) => unknown, sub: (k: string, f: string) => unknown): AreaValues[Area] {
  const has = (k: string): boolean => get(k) !== undefined;
  switch (area) {
    case 'availability':
      return {
        target: parsePercent(get('target')),
        window: parseDuration(get('window')),
        serviceHours: str(get('serviceHours')),
        mttr: parseDuration(get('mttr')),
      };
    case 'capacity':
      return {
        peak: has('peak') ? { value: num(sub('peak', 'value')), unit: str(sub('peak', 'unit')) } : undefined,
        forecast: has('forecast') ? { growthPercentPerYear: num(sub('forecast', 'growthPercentPerYear')), horizonMonths: num(sub('forecast', 'horizonMonths')), driver: str(sub('forecast', 'driver')) } : undefined,
        headroom: num(get('headroom')),
        thresholds: has('thresholds') ? { warn: num(sub('thresholds', 'warn')), critical: num(sub('thresholds', 'critical')) } : undefined,
        loadTest: has('loadTest') ? { date: parseDay(sub('loadTest', 'date')), multipleOfPeak: num(sub('loadTest', 'multipleOfPeak')), report: str(sub('loadTest', 'report')) } : undefined,
      };
    case 'continuity':
      return {
        stateful: get('stateful') !== false,
        rto: parseDuration(get('rto')),
        rpo: parseDuration(get('rpo')),
        mtpd: parseDuration(get('mtpd')),
        recoveryOption: str(get('recoveryOption')),
        plan: str(get('plan')),
        lastTest: has('lastTest') ? { date: parseDay(sub('lastTest', 'date')), type: str(sub('lastTest', 'type')), result: str(sub('lastTest', 'result')), report: str(sub('lastTest', 'report')) } : undefined,
      };
    case 'security': {
      const list = (k: string): string[] | undefined => {
        const v = get(k);
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
      };
      return {
        classification: str(get('classification')),
        dataTypes: list('dataTypes'),
        controls: list('controls'),
        policy: str(get('policy')),
        lastReview: parseDay(get('lastReview')),
      };
    }
  }
}

/**
 * Whether the area lacks a field: absent, malformed, a placeholder, or saying nothing (an empty
 * list or a mapping with no usable value). A stateless service lacks no RPO. One definition for
 * deferral, the completeness rules and the report.
 */
export function lacks(area: AreaModel, field: string): boolean {
  if (area.name === 'continuity' && field === 'rpo' && !(area.values as { stateful: boolean }).stateful) return false;
  const v = (area.values as unknown as Record<string, unknown>)[field];
  if (v === undefined) return true;
  // A list lacks its values when empty (its items are strings); a group, when none of its values is
  // there. Values are never null (see normalise).
  if (typeof v === 'object') return Object.values(v as object).every((x) => x === undefined);
  return false;
}

/** The fields of `fields` that the area lacks (see `lacks`), in the order given. */
export function missingFields(area: AreaModel, fields: readonly string[]): string[] {
  return fields.filter((f) => lacks(area, f));
}

/** The every-tier essentials the area lacks (absent, malformed or placeholders). */
export function missingEssentials(area: AreaModel): string[] {
  return missingFields(area, ESSENTIALS[area.name].every);
}

function findDeferral(area: AreaModel, raw: Obj, pointer: string, matcher: DeferralMatcher): Deferral | undefined {
  if (area.plannedIn === 'operation') return { reason: 'plannedIn', pointer: joinPointer(pointer, 'plannedIn'), phrase: 'operation' };
  if (missingEssentials(area).length === 0) return undefined;
  return findDeferralText(raw, pointer, matcher);
}

function findDeferralText(value: unknown, pointer: string, matcher: DeferralMatcher): Deferral | undefined {
  if (typeof value === 'string') {
    const phrase = matcher(value);
    return phrase ? { reason: 'text', pointer, phrase } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const d = findDeferralText(v, joinPointer(pointer, i), matcher);
      if (d) return d;
    }
  } else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('x-')) continue;
      const d = findDeferralText(v, joinPointer(pointer, k), matcher);
      if (d) return d;
    }
  }
  return undefined;
}

function buildDependencies(layout: ServiceLayout, usable: (p: string) => boolean): Dependency[] {
  if (!Array.isArray(layout.dependsOn)) return [];
  const out: Dependency[] = [];
  layout.dependsOn.forEach((raw, i) => {
    const pointer = joinPointer(layout.pointers.dependsOn, i);
    if (!usable(pointer)) return;
    const ref = layout.dependency(raw);
    if (ref) out.push({ ...ref, pointer });
  });
  return out;
}

function buildWaivers(raw: unknown, base: string, usable: (p: string) => boolean): Waiver[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((w, index) => {
    const pointer = joinPointer(base, index);
    const o = isObj(w) ? w : {};
    const ok = (k: string): unknown => (usable(joinPointer(pointer, k)) ? o[k] : undefined);
    const area = (AREAS as readonly unknown[]).includes(ok('area')) ? (ok('area') as Area) : undefined;
    return { index, pointer, rule: str(ok('rule')), area, reason: str(ok('reason')), approvedBy: str(ok('approvedBy')), expires: parseDay(ok('expires')) };
  });
}
