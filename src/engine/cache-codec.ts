// A file's per-file result as a cache keeps it: its findings as arrays (no field names; the docs
// URL, which follows from the rule, and `waived`, which only finish() sets, left out) and its
// service models as they are. Read back, everything is checked, field by field, before it is used:
// a cache is a file anyone could have written, and a rule must never meet a model it cannot read.
// What does not check out is no result (the file is linted again).
import type { Dependency, Evidence, Service } from '../model/types.js';
import { AREAS, STAGES, TIERS, type Area, type Finding } from '../types.js';
import { docsUrl } from '../docs/url.js';
import type { FileCatalog, FileResult } from '../lint-types.js';

type Encoded = [findings: unknown[][], services: Service[], brokenDocuments: number, catalog: FileCatalog | null];

/** A result as JSON text, for the cache. */
export function encodeResult(result: FileResult): string {
  // A finding's own file is written only when it is not the result's (a value substituted from another file).
  const findings = result.findings.map((f) => [f.ruleId, f.severity, f.message, f.line, f.column, f.endLine, f.endColumn, f.service, f.area, f.pointer, f.fingerprint, f.document, f.file === result.file ? null : f.file, f.documentFile ?? null]);
  return JSON.stringify([findings, result.services, result.brokenDocuments, result.catalog ?? null] satisfies Encoded);
}

/** The result encoded for `file`, or undefined when the text is not one (malformed, or not this file's). */
export function decodeResult(text: string, file: string): FileResult | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: data stays undefined, which is no result (below)
  }
  if (!Array.isArray(data) || data.length !== 4 || !Array.isArray(data[0]) || !Array.isArray(data[1]) || !isCount(data[2])) return undefined;
  if (data[3] !== null && !isFileCatalog(data[3])) return undefined;
  const findings: Finding[] = [];
  for (const f of data[0] as unknown[]) {
    const finding = decodeFinding(f, file);
    if (!finding) return undefined;
    findings.push(finding);
  }
  const services = data[1] as unknown[];
  if (!services.every((s) => isService(s, file))) return undefined;
  const result: FileResult = { file, findings, services: services as Service[], brokenDocuments: data[2] as number };
  if (data[3] !== null) result.catalog = data[3] as FileCatalog;
  return result;
}

/** What a file tells the run (Backstage entities, Location targets, template skeletons), as written by encodeResult. */
function isFileCatalog(v: unknown): boolean {
  if (!isRecord(v) || !isBoolean(v.explicit) || !listOf(isString)(v.entities) || !listOf(isString)(v.skeletons) || !Array.isArray(v.locations)) return false;
  return v.locations.every((l) => isRecord(l) && isString(l.target) && isString(l.pointer) && isCount(l.document) && isRange(l.range));
}

// --- checks --------------------------------------------------------------------------------------

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const isCount: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
// The data comes from JSON.parse, whose objects are all plain (prototype Object.prototype).
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An object with these fields (optional ones may be absent, never anything else) and no other. */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const must = Object.entries(required);
  const known = new Map<string, Check | undefined>([...must.map(([k]) => [k, undefined] as const), ...Object.entries(optional)]);
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [k, check] of must) if (!Object.prototype.hasOwnProperty.call(v, k) || !check(v[k])) return false;
    for (const k in v) {
      if (!known.has(k)) return false;
      const check = known.get(k);
      if (check && !check(v[k])) return false;
    }
    return true;
  };
}

const isLine: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 1;
const isRange = shape({ line: isLine, column: isLine, endLine: isLine, endColumn: isLine });
const isArea = oneOf(AREAS);
const isStage = oneOf(STAGES);

const VALUES: Record<Area, Check> = {
  availability: shape({}, { target: isNumber, window: isNumber, serviceHours: isString, mttr: isNumber }),
  capacity: shape(
    {},
    {
      peak: shape({}, { value: isNumber, unit: isString }),
      forecast: shape({}, { growthPercentPerYear: isNumber, horizonMonths: isNumber, driver: isString }),
      headroom: isNumber,
      thresholds: shape({}, { warn: isNumber, critical: isNumber }),
      loadTest: shape({}, { date: isNumber, multipleOfPeak: isNumber, report: isString }),
    },
  ),
  continuity: shape(
    { stateful: isBoolean },
    { rto: isNumber, rpo: isNumber, mtpd: isNumber, recoveryOption: isString, plan: isString, lastTest: shape({}, { date: isNumber, type: isString, result: isString, report: isString }) },
  ),
  security: shape({}, { classification: isString, dataTypes: listOf(isString), controls: listOf(isString), policy: isString, lastReview: isNumber }),
};

const areaModel = (area: Area): Check =>
  shape(
    {
      name: (v) => v === area,
      pointer: isString,
      present: isBoolean,
      placeholder: isBoolean,
      status: oneOf(['defined', 'deferred', 'missing']),
      keys: listOf(isString),
      reported: listOf(isString),
      values: VALUES[area],
    },
    { deferral: shape({ reason: oneOf(['plannedIn', 'text']), pointer: isString, phrase: isString }), owner: isString, plannedIn: isStage, agreement: oneOf(['draft', 'agreed']) },
  );

const isAreas = shape(Object.fromEntries(AREAS.map((a) => [a, areaModel(a)])));
const isDependency: Check = shape({ service: isString, kind: oneOf(['hard', 'soft'] satisfies Array<Dependency['kind']>), pointer: isString, external: isBoolean });
const isWaiver = shape({ index: isCount, pointer: isString }, { rule: isString, area: isArea, reason: isString, approvedBy: isString, expires: isNumber });
const isPlaceholder = shape({ pointer: isString, value: nullable(isString), kind: oneOf(['placeholder', 'vague', 'empty']), field: isString, area: nullable(isArea) });
const isPointers = shape(Object.fromEntries(['name', 'owner', 'tier', 'stage', 'spec', 'warranty', 'dependsOn', 'waivers'].map((k) => [k, isString])));
const isEvidence = shape(
  { pointer: isString, field: isString, area: isArea, reference: isString, status: oneOf(['exists', 'url', 'missing', 'outside', 'file-url', 'special'] satisfies Array<Evidence['status']>) },
  { looked: listOf(isString) },
);
const isAnchors: Check = (v) => isRecord(v) && Object.values(v).every(isRange);

const isServiceShape = shape(
  {
    name: nullable(isString),
    file: isString,
    doc: isCount,
    source: isString,
    tier: oneOf(TIERS),
    stage: isStage,
    pointers: isPointers,
    dependsOn: listOf(isDependency),
    areas: isAreas,
    waivers: listOf(isWaiver),
    placeholders: listOf(isPlaceholder),
    anchors: isAnchors,
  },
  { owner: isString, evidence: listOf(isEvidence) },
);

const isService = (v: unknown, file: string): boolean => isServiceShape(v) && (v as Service).file === file;

function decodeFinding(v: unknown, file: string): Finding | undefined {
  if (!Array.isArray(v) || v.length !== 14) return undefined;
  const [ruleId, severity, message, line, column, endLine, endColumn, service, area, pointer, fingerprint, document, elsewhere, documentFile] = v as unknown[];
  const position = [line, column, endLine, endColumn];
  const ok =
    typeof ruleId === 'string' &&
    oneOf(['error', 'warning', 'info'])(severity) &&
    typeof message === 'string' &&
    (position.every(isLine) || position.every((p) => p === null)) &&
    nullable(isString)(service) &&
    nullable(isArea)(area) &&
    nullable(isString)(pointer) &&
    typeof fingerprint === 'string' &&
    nullable(isCount)(document) &&
    nullable(isString)(elsewhere) &&
    nullable(isString)(documentFile);
  if (!ok) return undefined;
  const finding: Finding = {
    ruleId,
    severity: severity as Finding['severity'],
    message,
    file: (elsewhere as string | null) ?? file,
    line: line as number | null,
    column: column as number | null,
    endLine: endLine as number | null,
    endColumn: endColumn as number | null,
    service: service as string | null,
    area: area as Finding['area'],
    pointer: pointer as string | null,
    fingerprint,
    docsUrl: docsUrl(ruleId),
    waived: false,
    document: document as number | null,
  };
  if (typeof documentFile === 'string') finding.documentFile = documentFile;
  return finding;
}

