// The cache codec: a per-file result written as JSON text and read back field for field; anything
// read back that is not exactly what encodeResult writes (a wrong type, a missing or unknown field,
// a value out of range, another file's result) is no result, so the file is linted again.
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../src/engine/cache-codec.js';
import type { FileResult } from '../../src/lint-types.js';
import type { Service } from '../../src/model/types.js';
import type { Finding } from '../../src/types.js';

const FILE = 'services/search.yaml';

const range = (line: number) => ({ line, column: 3, endLine: line + 1, endColumn: 9 });

/** A service with every field, optional ones included, set. */
function fullService(): Service {
  return {
    name: 'search',
    file: FILE,
    doc: 1,
    source: 'native',
    owner: 'team-search',
    tier: 'high',
    stage: 'transition',
    pointers: { name: '/name', owner: '/owner', tier: '/tier', stage: '/stage', spec: '/spec', warranty: '/warranty', dependsOn: '/dependsOn', waivers: '/waivers' },
    dependsOn: [
      { service: 'db', kind: 'hard', pointer: '/dependsOn/0', external: false },
      { service: 'cdn', kind: 'soft', pointer: '/dependsOn/1', external: true },
    ],
    areas: {
      availability: {
        name: 'availability',
        pointer: '/warranty/availability',
        present: true,
        placeholder: false,
        status: 'defined',
        keys: ['target', 'window', 'serviceHours', 'mttr'],
        reported: [],
        owner: 'sre',
        plannedIn: 'design',
        agreement: 'agreed',
        values: { target: 99.9, window: 2_592_000, serviceHours: '24x7', mttr: 3600 },
      },
      capacity: {
        name: 'capacity',
        pointer: '/warranty/capacity',
        present: true,
        placeholder: false,
        status: 'defined',
        keys: ['peak'],
        reported: ['headroom'],
        values: {
          peak: { value: 50, unit: 'rps' },
          forecast: { growthPercentPerYear: 10, horizonMonths: 12, driver: 'users' },
          headroom: 30,
          thresholds: { warn: 70, critical: 90 },
          loadTest: { date: 20_000, multipleOfPeak: 2, report: 'docs/load.md' },
        },
      },
      continuity: {
        name: 'continuity',
        pointer: '/warranty/continuity',
        present: true,
        placeholder: false,
        status: 'defined',
        keys: ['rto', 'rpo'],
        reported: [],
        agreement: 'draft',
        values: { stateful: true, rto: 3600, rpo: 600, mtpd: 86_400, recoveryOption: 'warm-standby', plan: 'https://wiki/dr', lastTest: { date: 19_900, type: 'failover', result: 'pass', report: 'https://wiki/t' } },
      },
      security: {
        name: 'security',
        pointer: '/warranty/security',
        present: false,
        placeholder: true,
        status: 'deferred',
        deferral: { reason: 'plannedIn', pointer: '/warranty/security/plannedIn', phrase: 'operation' },
        keys: [],
        reported: [],
        plannedIn: 'operation',
        values: { classification: 'internal', dataTypes: ['pii'], controls: ['authn', 'rbac'], policy: 'https://wiki/sec', lastReview: 19_800 },
      },
    },
    waivers: [
      { index: 0, pointer: '/waivers/0', rule: 'schema', area: 'capacity', reason: 'later', approvedBy: 'cto', expires: 21_000 },
      { index: 1, pointer: '/waivers/1' },
    ],
    placeholders: [
      { pointer: '/warranty/capacity/headroom', value: 'TBD', kind: 'placeholder', field: 'capacity.headroom', area: 'capacity' },
      { pointer: '/owner', value: null, kind: 'empty', field: 'metadata.owner', area: null },
    ],
    evidence: [
      { pointer: '/warranty/continuity/plan', field: 'continuity.plan', area: 'continuity', reference: 'https://wiki/dr', status: 'url' },
      { pointer: '/warranty/capacity/loadTest/report', field: 'capacity.loadTest.report', area: 'capacity', reference: 'docs/load.md', status: 'missing', looked: ['docs/load.md'] },
    ],
    anchors: { name: range(2), '/dependsOn/0': range(7) },
  };
}

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'continuity-rto-exceeds-tier',
    severity: 'warning',
    message: 'service "search" has an RTO of 1h',
    file: FILE,
    line: 4,
    column: 5,
    endLine: 6,
    endColumn: 7,
    service: 'search',
    area: 'continuity',
    pointer: '/warranty/continuity/rto',
    fingerprint: '0123456789abcdef0123456789abcdef',
    docsUrl: 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules/continuity-rto-exceeds-tier.md',
    waived: false,
    document: 1,
    ...over,
  };
}

function fullResult(): FileResult {
  return {
    file: FILE,
    findings: [
      finding(),
      finding({ ruleId: 'schema', severity: 'error', line: null, column: null, endLine: null, endColumn: null, service: null, area: null, pointer: null, document: null, message: 'broken' }),
      finding({ ruleId: 'warranty-placeholder-value', severity: 'info', file: 'shared/values.yaml', documentFile: FILE }),
    ],
    services: [fullService()],
    brokenDocuments: 2,
    catalog: { entities: ['component:default/search'], locations: [{ target: './more/*.yaml', pointer: '/spec/targets/0', document: 0, range: range(3) }], skeletons: ['/abs/skeleton'], explicit: true },
  };
}

/** The docs URL of a rule, as makeFinding gives it. */
const withDocs = (r: FileResult): FileResult => ({ ...r, findings: r.findings.map((f) => ({ ...f, docsUrl: decodeResult(encodeResult({ ...r, findings: [f] }), r.file)?.findings[0]?.docsUrl ?? '' })) });

type Json = unknown;
const encoded = (r: FileResult = fullResult()): Json[] => JSON.parse(encodeResult(r)) as Json[];
const decode = (data: Json, file = FILE): FileResult | undefined => decodeResult(JSON.stringify(data), file);

/** Sets the value at `path` (keys and indexes) in a copy of `data`; `undefined` deletes it. */
function edit(data: Json, path: Array<string | number>, value: Json): Json {
  const copy = structuredClone(data) as Record<string | number, Json>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

/** Every leaf (a primitive) of `data`, with its path. */
function leaves(data: Json, path: Array<string | number> = []): Array<[Array<string | number>, Json]> {
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(data) ? Number(k) : k]));
  return [[path, data]];
}

/** Every object (not array) of `data`, with its path. */
function records(data: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (data === null || typeof data !== 'object') return [];
  const own = Array.isArray(data) ? [] : [path];
  return [...own, ...Object.entries(data).flatMap(([k, v]) => records(v, [...path, Array.isArray(data) ? Number(k) : k]))];
}

describe('encodeResult and decodeResult', () => {
  it('give back every field of every finding, service and catalog entry', () => {
    const result = fullResult();
    const back = decodeResult(encodeResult(result), FILE);
    expect(back).toEqual(withDocs(result));
    expect(back?.findings.map((f) => f.docsUrl)).toEqual([
      expect.stringMatching(/continuity-rto-exceeds-tier/),
      expect.stringMatching(/schema/),
      expect.stringMatching(/warranty-placeholder-value/),
    ]);
    // The finding's own file only when it is another (a value substituted from it), and its document's file.
    expect(back?.findings.map((f) => [f.file, f.documentFile])).toEqual([
      [FILE, undefined],
      [FILE, undefined],
      ['shared/values.yaml', FILE],
    ]);
    expect(back?.findings.every((f) => f.waived === false && !('documentFile' in f) === (f.file === FILE))).toBe(true);
  });

  it('writes findings as arrays: no field names, the file only when it is another, no docs URL', () => {
    const [findings] = encoded() as [Json[][]];
    expect(findings[0]).toEqual(['continuity-rto-exceeds-tier', 'warning', 'service "search" has an RTO of 1h', 4, 5, 6, 7, 'search', 'continuity', '/warranty/continuity/rto', '0123456789abcdef0123456789abcdef', 1, null, null]);
    expect(findings[2]?.slice(12)).toEqual(['shared/values.yaml', FILE]);
    expect(encodeResult(fullResult())).not.toContain('docs/rules');
  });

  it('does not store waived (finish() sets it) and reads every finding back unwaived', () => {
    const r = fullResult();
    r.findings = r.findings.map((f) => ({ ...f, waived: true }));
    expect(decodeResult(encodeResult(r), FILE)?.findings.map((f) => f.waived)).toEqual([false, false, false]);
  });

  it('keeps a result with no catalog, no findings and no services', () => {
    const r: FileResult = { file: FILE, findings: [], services: [], brokenDocuments: 0 };
    const back = decodeResult(encodeResult(r), FILE);
    expect(back).toEqual(r);
    expect(back && 'catalog' in back).toBe(false);
    expect(encoded(r)[3]).toBeNull();
  });

  it('keeps a service with only its required fields', () => {
    const s = fullService();
    delete s.owner;
    delete s.evidence;
    for (const a of ['availability', 'capacity', 'continuity', 'security'] as const) {
      const area = s.areas[a] as unknown as Record<string, unknown>;
      for (const k of ['owner', 'plannedIn', 'agreement', 'deferral']) delete area[k];
    }
    s.areas.availability.values = {};
    s.areas.capacity.values = { peak: {}, forecast: {}, thresholds: {}, loadTest: {} };
    s.areas.continuity.values = { stateful: false, lastTest: {} };
    s.areas.security.values = {};
    s.anchors = {};
    s.name = null;
    const r: FileResult = { file: FILE, findings: [], services: [s], brokenDocuments: 0 };
    expect(decodeResult(encodeResult(r), FILE)).toEqual(r);
  });

  it('keeps a catalog that is not explicit, with no locations', () => {
    const r: FileResult = { file: FILE, findings: [], services: [], brokenDocuments: 0, catalog: { entities: [], locations: [], skeletons: [], explicit: false } };
    expect(decodeResult(encodeResult(r), FILE)).toEqual(r);
  });
});

describe('decodeResult refuses what encodeResult does not write', () => {
  it('refuses text that is not JSON, or not a result', () => {
    expect(decodeResult('', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 0, null', FILE)).toBeUndefined();
    expect(decodeResult('{}', FILE)).toBeUndefined();
    expect(decodeResult('null', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 0]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 0, null, null]', FILE)).toBeUndefined();
    expect(decodeResult('[{}, [], 0, null]', FILE)).toBeUndefined();
    expect(decodeResult('[[], {}, 0, null]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], -1, null]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 1.5, null]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], "1", null]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 0, 0]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 0, []]', FILE)).toBeUndefined();
    expect(decodeResult('[[], [], 3, null]', FILE)).toEqual({ file: FILE, findings: [], services: [], brokenDocuments: 3 });
  });

  it("refuses another file's result", () => {
    expect(decodeResult(encodeResult(fullResult()), 'services/other.yaml')).toBeUndefined();
  });

  it('refuses any leaf of any finding, service or catalog changed to a value of another type', () => {
    const data = encoded();
    expect(decode(data)).toBeDefined();
    const all = leaves(data).filter(([path]) => path.length > 1);
    expect(all.length).toBeGreaterThan(150);
    for (const [path, value] of all) {
      const wrong = typeof value === 'string' ? 7 : typeof value === 'number' ? 'x' : typeof value === 'boolean' ? 1 : value === null ? true : 'x';
      expect(decode(edit(data, path, wrong)), `${path.join('.')} = ${JSON.stringify(wrong)}`).toBeUndefined();
      // An object or a list where a leaf was is no better.
      expect(decode(edit(data, path, { x: 1 })), `${path.join('.')} = {x: 1}`).toBeUndefined();
      expect(decode(edit(data, path, [value])), `${path.join('.')} = [${JSON.stringify(value)}]`).toBeUndefined();
    }
  });

  it('refuses an object with a field it does not know, or without one it needs', () => {
    const data = encoded();
    const objects = records(data);
    expect(objects.length).toBeGreaterThan(30);
    for (const path of objects) {
      // (The catalog and its locations are checked for the fields they need only.)
      const loose = path.length === 1 || (path[1] === 'locations' && path.length === 3);
      if (!loose) expect(decode(edit(data, [...path, 'extra'], 'x')), `${path.join('.')}.extra`).toBeUndefined();
      expect(decode(edit(data, path, 'x')), `${path.join('.')} = "x"`).toBeUndefined();
      expect(decode(edit(data, path, [])), `${path.join('.')} = []`).toBeUndefined();
      expect(decode(edit(data, path, 7)), `${path.join('.')} = 7`).toBeUndefined();
      expect(decode(edit(data, path, '')), `${path.join('.')} = ""`).toBeUndefined();
      if (path.length > 1) expect(decode(edit(data, path, null)), `${path.join('.')} = null`).toBeUndefined();
    }
    const s = [1, 0];
    for (const required of ['name', 'file', 'doc', 'source', 'tier', 'stage', 'pointers', 'dependsOn', 'areas', 'waivers', 'placeholders', 'anchors']) {
      expect(decode(edit(data, [...s, required], undefined)), required).toBeUndefined();
    }
    for (const optional of ['owner', 'evidence']) expect(decode(edit(data, [...s, optional], undefined)), optional).toBeDefined();
    for (const required of ['name', 'pointer', 'present', 'placeholder', 'status', 'keys', 'reported', 'values']) {
      expect(decode(edit(data, [...s, 'areas', 'capacity', required], undefined)), required).toBeUndefined();
    }
    for (const area of ['availability', 'capacity', 'continuity', 'security']) expect(decode(edit(data, [...s, 'areas', area], undefined)), area).toBeUndefined();
    expect(decode(edit(data, [...s, 'areas', 'continuity', 'values', 'stateful'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'pointers', 'waivers'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'dependsOn', 0, 'external'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'waivers', 0, 'index'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'waivers', 0, 'pointer'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'placeholders', 1, 'area'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'evidence', 0, 'status'], undefined))).toBeUndefined();
    expect(decode(edit(data, [...s, 'areas', 'security', 'deferral', 'phrase'], undefined))).toBeUndefined();
    expect(decode(edit(data, [3, 'explicit'], undefined))).toBeUndefined();
    expect(decode(edit(data, [3, 'locations', 0, 'range', 'endColumn'], undefined))).toBeUndefined();
    expect(decode(edit(data, [3, 'locations', 0, 'document'], undefined))).toBeUndefined();
  });

  it('refuses words that are not among the values a field takes', () => {
    const data = encoded();
    const s = [1, 0];
    const words: Array<Array<string | number>> = [
      [...s, 'tier'],
      [...s, 'stage'],
      [...s, 'dependsOn', 0, 'kind'],
      [...s, 'areas', 'availability', 'name'],
      [...s, 'areas', 'availability', 'status'],
      [...s, 'areas', 'availability', 'plannedIn'],
      [...s, 'areas', 'availability', 'agreement'],
      [...s, 'areas', 'security', 'deferral', 'reason'],
      [...s, 'waivers', 0, 'area'],
      [...s, 'placeholders', 0, 'kind'],
      [...s, 'placeholders', 0, 'area'],
      [...s, 'evidence', 0, 'area'],
      [...s, 'evidence', 0, 'status'],
      [0, 0, 1],
      [0, 0, 8],
    ];
    for (const path of words) expect(decode(edit(data, path, 'bogus')), path.join('.')).toBeUndefined();
    // An area's model is for its own area only.
    expect(decode(edit(data, [...s, 'areas', 'availability', 'name'], 'capacity'))).toBeUndefined();
    // Each value its field takes is read back.
    for (const tier of ['critical', 'high', 'medium', 'low']) expect(decode(edit(data, [...s, 'tier'], tier))?.services[0]?.tier).toBe(tier);
    for (const stage of ['strategy', 'design', 'transition', 'operation']) expect(decode(edit(data, [...s, 'stage'], stage))?.services[0]?.stage).toBe(stage);
    for (const status of ['defined', 'deferred', 'missing']) expect(decode(edit(data, [...s, 'areas', 'capacity', 'status'], status))).toBeDefined();
    for (const reason of ['plannedIn', 'text']) expect(decode(edit(data, [...s, 'areas', 'security', 'deferral', 'reason'], reason))).toBeDefined();
    for (const kind of ['placeholder', 'vague', 'empty']) expect(decode(edit(data, [...s, 'placeholders', 0, 'kind'], kind))).toBeDefined();
    for (const status of ['exists', 'url', 'missing', 'outside', 'file-url', 'special']) expect(decode(edit(data, [...s, 'evidence', 0, 'status'], status))).toBeDefined();
    for (const severity of ['error', 'warning', 'info']) expect(decode(edit(data, [0, 0, 1], severity))?.findings[0]?.severity).toBe(severity);
    for (const area of ['availability', 'capacity', 'continuity', 'security']) expect(decode(edit(data, [0, 0, 8], area))?.findings[0]?.area).toBe(area);
  });

  it('refuses numbers out of range: counts below 0 or not whole, lines below 1, infinities', () => {
    const data = encoded();
    const s = [1, 0];
    const text = JSON.stringify(data);
    expect(decodeResult(text.replace('"target":99.9', '"target":1e999'), FILE)).toBeUndefined();
    expect(decodeResult(text.replace('"target":99.9', '"target":-1e999'), FILE)).toBeUndefined();
    expect(decodeResult(text.replace('"target":99.9', '"target":-5.5'), FILE)?.services[0]?.areas.availability.values.target).toBe(-5.5);
    for (const [path, bad] of [
      [[...s, 'doc'], -1],
      [[...s, 'doc'], 0.5],
      [[...s, 'waivers', 0, 'index'], -1],
      [[...s, 'anchors', 'name', 'line'], 0],
      [[...s, 'anchors', 'name', 'column'], 1.5],
      [[3, 'locations', 0, 'document'], -1],
      [[3, 'locations', 0, 'range', 'endLine'], 0],
      [[0, 0, 3], 0],
      [[0, 0, 4], 0],
      [[0, 0, 5], 2.5],
      [[0, 0, 6], -1],
      [[0, 0, 11], -1],
      [[0, 0, 11], 0.5],
    ] as Array<[Array<string | number>, number]>) {
      expect(decode(edit(data, path, bad)), `${path.join('.')} = ${bad}`).toBeUndefined();
    }
    expect(decode(edit(data, [...s, 'doc'], 0))?.services[0]?.doc).toBe(0);
    expect(decode(edit(data, [0, 0, 3], 1))?.findings[0]?.line).toBe(1);
    expect(decode(edit(data, [0, 0, 11], 0))?.findings[0]?.document).toBe(0);
  });

  it('reads a position whole or not at all: four lines, or four nulls', () => {
    const data = encoded();
    for (let i = 3; i <= 6; i++) expect(decode(edit(data, [0, 0, i], null)), `field ${i}`).toBeUndefined();
    const none = decode(edit(edit(edit(edit(data, [0, 0, 3], null), [0, 0, 4], null), [0, 0, 5], null), [0, 0, 6], null));
    expect(none?.findings[0]).toMatchObject({ line: null, column: null, endLine: null, endColumn: null });
  });

  it('takes null where a finding may have none, and nowhere else', () => {
    const data = encoded();
    const nullable = [7, 8, 9, 11, 12, 13];
    for (let i = 0; i < 14; i++) {
      if (i >= 3 && i <= 6) continue;
      const back = decode(edit(data, [0, 0, i], null));
      if (nullable.includes(i)) expect(back, `field ${i}`).toBeDefined();
      else expect(back, `field ${i}`).toBeUndefined();
    }
    expect(decode(edit(data, [0, 0], [...(data[0] as Json[][])[0]!, null]))).toBeUndefined();
    expect(decode(edit(data, [0, 0], (data[0] as Json[][])[0]!.slice(0, 13)))).toBeUndefined();
    expect(decode(edit(data, [0, 0], 'x'))).toBeUndefined();
    expect(decode(edit(data, [0, 0], { 0: 'x' }))).toBeUndefined();
  });

  it('takes null in a service only for its name, a placeholder value and a placeholder area', () => {
    const data = encoded();
    const s = [1, 0];
    expect(decode(edit(data, [...s, 'name'], null))?.services[0]?.name).toBeNull();
    expect(decode(edit(data, [...s, 'placeholders', 0, 'value'], null))).toBeDefined();
    expect(decode(edit(data, [...s, 'placeholders', 0, 'area'], null))).toBeDefined();
    for (const [path, value] of leaves(data)) {
      if (path[0] !== 1 || value === null) continue;
      const key = path[path.length - 1];
      if (key === 'name' && path.length === 3) continue;
      if (path.includes('placeholders') && (key === 'value' || key === 'area')) continue;
      expect(decode(edit(data, path, null)), path.join('.')).toBeUndefined();
    }
  });
});
