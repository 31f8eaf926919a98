// A run as the JSON output records it for a later `--compare`: besides the findings and the
// summary, the date and each service's tier, owner and area states, so that the next run can tell
// services added and removed and the reactive share per area before and after. The JSON writer and
// the reader of a previous run share this file, so they cannot drift apart.
import { UserError } from '../errors.js';
import type { AreaStatus, Service } from '../model/types.js';
import { AREAS, TIERS, type Area, type Severity, type Tier } from '../types.js';

/** One service of a run, as `-f json` writes it under `services`. */
export interface ServiceRecord {
  name: string | null;
  file: string;
  /** 0-based index of the document in its file. */
  doc: number;
  tier: Tier;
  stage: string;
  owner: string | null;
  /** The model's state of each area: what the reactive share counts. */
  areas: Record<Area, AreaStatus>;
}

export function serviceRecord(s: Service): ServiceRecord {
  const areas = {} as Record<Area, AreaStatus>;
  for (const a of AREAS) areas[a] = s.areas[a].status;
  return { name: s.name, file: s.file, doc: s.doc, tier: s.tier, stage: s.stage, owner: s.owner ?? null, areas };
}

/** What `--compare` reads of a finding of the previous run. */
export interface RecordedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string | null;
  line: number | null;
  service: string | null;
  area: Area | null;
  fingerprint: string;
  waived: boolean;
}

/** A previous run, read from its JSON result. */
export interface PreviousRun {
  /** Where it was read from, as the user named it. */
  source: string;
  /** The date it was linted on (`YYYY-MM-DD`); null from a result written before runs recorded it. */
  today: string | null;
  findings: RecordedFinding[];
  reactiveShare: number | null;
  /** Null from a result written before runs recorded their services. */
  services: ServiceRecord[] | null;
}

/** The file given to `--compare` is not a JSON result this version can compare with: exit 2. */
export class CompareError extends UserError {
  override name = 'CompareError';
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const STATUSES: readonly string[] = ['defined', 'deferred', 'missing'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * Reads the JSON result of an earlier run (`-f json=previous.json`). Anything else (SARIF, a
 * baseline, a result of another version, a damaged file) is a CompareError saying what it is.
 */
export function parsePreviousRun(text: string, source: string): PreviousRun {
  const fail = (why: string): never => {
    throw new CompareError(`--compare ${source}: ${why}. Compare with the JSON result of an earlier run, written with -f json=FILE.`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(doc)) return fail('not a warranty-lint JSON result (not an object)');
  if ('runs' in doc && '$schema' in doc) return fail('a SARIF log, not a warranty-lint JSON result');
  if ('entries' in doc && !('findings' in doc)) return fail('a baseline, not a warranty-lint JSON result');
  if (!('version' in doc)) return fail('not a warranty-lint JSON result (it has no "version")');
  if (doc.version !== 1) return fail(`a JSON result of version ${JSON.stringify(doc.version)}; this warranty-lint reads version 1`);
  if (!Array.isArray(doc.findings)) return fail('"findings" is not a list');
  const findings = doc.findings.map((f, i): RecordedFinding => {
    const at = `findings[${i}]`;
    if (!isObject(f)) return fail(`${at} is not an object`);
    if (typeof f.fingerprint !== 'string' || f.fingerprint === '') return fail(`${at} has no fingerprint`);
    if (typeof f.ruleId !== 'string') return fail(`${at} has no ruleId`);
    if (typeof f.severity !== 'string' || !SEVERITIES.includes(f.severity)) return fail(`${at} has no valid severity`);
    if (typeof f.waived !== 'boolean') return fail(`${at} has no "waived"`);
    return {
      ruleId: f.ruleId,
      severity: f.severity as Severity,
      message: typeof f.message === 'string' ? f.message : '',
      file: stringOrNull(f.file) ? f.file : null,
      line: typeof f.line === 'number' ? f.line : null,
      service: stringOrNull(f.service) ? f.service : null,
      area: typeof f.area === 'string' && (AREAS as readonly string[]).includes(f.area) ? (f.area as Area) : null,
      fingerprint: f.fingerprint,
      waived: f.waived,
    };
  });
  if (!isObject(doc.summary)) return fail('"summary" is not an object');
  const share = doc.summary.reactiveShare;
  if (share !== null && (typeof share !== 'number' || share < 0 || share > 1)) return fail('"summary.reactiveShare" is not a share between 0 and 1');
  let services: ServiceRecord[] | null = null;
  if (doc.services !== undefined) {
    if (!Array.isArray(doc.services)) return fail('"services" is not a list');
    services = doc.services.map((s, i): ServiceRecord => {
      const at = `services[${i}]`;
      if (!isObject(s) || !stringOrNull(s.name) || typeof s.file !== 'string') return fail(`${at} has no name or file`);
      if (typeof s.tier !== 'string' || !(TIERS as readonly string[]).includes(s.tier)) return fail(`${at} has no valid tier`);
      if (!isObject(s.areas)) return fail(`${at} has no areas`);
      const areas = {} as Record<Area, AreaStatus>;
      for (const a of AREAS) {
        const st = s.areas[a];
        if (typeof st !== 'string' || !STATUSES.includes(st)) return fail(`${at}.areas.${a} is not defined, deferred or missing`);
        areas[a] = st as AreaStatus;
      }
      return { name: s.name, file: s.file, doc: typeof s.doc === 'number' ? s.doc : 0, tier: s.tier as Tier, stage: typeof s.stage === 'string' ? s.stage : '', owner: stringOrNull(s.owner) ? s.owner : null, areas };
    });
  }
  const today = typeof doc.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(doc.today) ? doc.today : null;
  return { source, today, findings, reactiveShare: share as number | null, services };
}
