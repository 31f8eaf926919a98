// A deterministic synthetic catalog: realistic ~50-line service definitions (SPEC §2), about 30%
// with gaps (missing fields and areas, placeholders, deferrals to Operation, typos, bare numbers),
// some multi-document files, and dependencies between services. Same seed, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const DOMAINS = ['payments', 'identity', 'search', 'catalog', 'orders', 'billing', 'shipping', 'media', 'ledger', 'risk', 'crm', 'hr'];
const PARTS = ['api', 'worker', 'gateway', 'store', 'sync', 'index', 'events', 'auth', 'cache', 'export', 'reports', 'web'];
const TIERS = ['critical', 'high', 'medium', 'low'];
const STAGES = ['strategy', 'design', 'design', 'transition', 'operation'];
const RECOVERY = ['backup-restore', 'pilot-light', 'warm-standby', 'hot-standby', 'active-active'];
const CLASSES = ['public', 'internal', 'confidential', 'restricted'];
const DATA = ['pii', 'phi', 'pci', 'credentials', 'none'];
const CONTROLS = ['authn', 'rbac', 'encryption-in-transit', 'encryption-at-rest', 'access-logging', 'encrypted-backups', 'mfa', 'key-management'];
const PEOPLE = ['jane.doe', 'raj.patel', 'mei.lin', 'ciso-office', 'omar.haddad', 'ana.silva', 'li.wei', 'ops'];
const GAPS = ['drop-area', 'placeholder', 'deferral', 'typo', 'bare-number', 'drop-field', 'vague', 'planned-in-operation', 'bad-enum'];

export function serviceName(i) {
  return `${DOMAINS[i % DOMAINS.length]}-${PARTS[Math.floor(i / DOMAINS.length) % PARTS.length]}-${i}`;
}

const date = (r) => `2026-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

/** One service document (no leading `---`), about 50 lines. */
export function serviceYaml(i, r) {
  const tier = r.pick(TIERS);
  const gaps = new Set();
  if (r.chance(0.3)) {
    gaps.add(r.pick(GAPS));
    if (r.chance(0.3)) gaps.add(r.pick(GAPS));
  }
  const name = serviceName(i);
  const deps = [];
  const nDeps = i === 0 ? 0 : r.int(0, 3);
  for (let d = 0; d < nDeps; d++) {
    const target = r.chance(0.03) ? `legacy-${r.int(1, 50)}` : serviceName(r.int(0, i - 1));
    deps.push(r.chance(0.3) ? `    - { service: ${target}, kind: soft }` : `    - ${target}`);
  }
  const area = (key, lines) => [`    ${key}:`, ...lines.map((l) => `      ${l}`)];
  const stage = gaps.has('planned-in-operation') ? 'operation' : 'design';
  const value = (v) => (gaps.has('placeholder') && r.chance(0.3) ? r.pick(['TBD', '"?"', '<fill me>', 'TODO']) : v);
  const availability = area('availability', [
    `owner: ${r.pick(PEOPLE)}`,
    `plannedIn: ${stage}`,
    `status: ${r.pick(['draft', 'agreed'])}`,
    `agreedOn: ${date(r)}`,
    `${gaps.has('typo') ? 'targte' : 'target'}: ${value(r.pick(['99.95', '99.9', '"99.5%"', '99.0', '99.99']))}`,
    `window: ${gaps.has('bare-number') ? '30' : '30d'}`,
    `serviceHours: ${gaps.has('vague') ? 'standard' : r.pick(['24x7', 'Mon-Fri 08:00-18:00 Europe/Paris'])}`,
    `mttr: ${r.pick(['10m', '30m', '1h'])}`,
    `notes: SLI is the share of successful requests to ${name}.`,
  ]);
  const capacity = area('capacity', [
    `owner: ${r.pick(PEOPLE)}`,
    `plannedIn: design`,
    `peak: { value: ${r.int(10, 5000)}, unit: rps }`,
    `forecast: { growthPercentPerYear: ${r.int(5, 40)}, horizonMonths: 12, driver: ${r.pick(DOMAINS)} volume }`,
    `headroom: ${value(String(r.int(10, 50)))}`,
    `thresholds: { warn: 70, critical: 85 }`,
    `loadTest: { date: ${date(r)}, multipleOfPeak: ${r.int(1, 3)} }`,
    gaps.has('deferral') ? 'notes: ops will tune the autoscaler after go-live.' : 'notes: Sized from last year\'s peak plus forecast growth.',
  ]);
  const continuity = area('continuity', [
    `owner: ${r.pick(PEOPLE)}`,
    `plannedIn: design`,
    `stateful: ${r.chance(0.8) ? 'true' : 'false'}`,
    ...(gaps.has('drop-field') ? [] : [`rto: ${value(r.pick(['15m', '1h', '4h', '24h']))}`]),
    `rpo: ${r.pick(['5m', '1h', '2h', '12h'])}`,
    `mtpd: ${r.pick(['4h', '24h', '72h'])}`,
    `recoveryOption: ${gaps.has('bad-enum') ? 'warm-stanby' : r.pick(RECOVERY)}`,
    // A link (not fetched): a path would name a document that the generated catalog does not hold (evidence-missing).
    `plan: https://dr.example.com/plans/${name}`,
    `lastTest: { date: ${date(r)}, type: ${r.pick(['tabletop', 'partial-failover', 'full-failover'])}, result: ${r.chance(0.9) ? 'pass' : 'fail'} }`,
  ]);
  const cls = r.pick(CLASSES);
  const security = area('security', [
    `owner: ${r.pick(PEOPLE)}`,
    `plannedIn: design`,
    `classification: ${value(cls)}`,
    `dataTypes: [${r.pick(DATA)}]`,
    `controls: [${CONTROLS.filter(() => r.chance(0.7)).join(', ')}]`,
    `policy: ISP-2024`,
    `lastReview: ${date(r)}`,
  ]);
  const areas = { availability, capacity, continuity, security };
  if (gaps.has('drop-area')) delete areas[r.pick(Object.keys(areas))];
  const lines = [
    '# yaml-language-server: $schema=../schemas/service.schema.json',
    'apiVersion: warranty-lint/v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    `  owner: ${gaps.has('placeholder') && r.chance(0.3) ? 'TBD' : `team-${name.split('-')[0]}`}`,
    `  tier: ${tier}`,
    `  lifecycleStage: ${r.pick(STAGES)}`,
    `  description: "${name.replace(/-/g, ' ')} service"`,
    `  labels: { domain: ${name.split('-')[0]} }`,
    'spec:',
    ...(deps.length > 0 ? ['  dependsOn:', ...deps] : []),
    '  warranty:',
    ...Object.values(areas).flat(),
  ];
  if (r.chance(0.05)) {
    lines.push('  waivers:', '    - rule: continuity-test-stale', '      reason: Failover rig rebuilt; drill booked.', '      approvedBy: cio-office', `      expires: 2027-0${r.int(1, 5)}-15`);
  }
  return lines.join('\n') + '\n';
}

/** Yields `{ file, text }` for `count` services, 100 files a folder, about 5% of files holding two or three documents. */
export function* catalogFiles(count, seed = 42) {
  const r = rng(seed);
  let files = 0;
  for (let i = 0; i < count; ) {
    const docs = r.chance(0.05) ? Math.min(r.int(2, 3), count - i) : 1;
    const parts = [];
    for (let d = 0; d < docs; d++) parts.push(serviceYaml(i + d, r));
    yield { file: `d${String(Math.floor(files / 100)).padStart(4, '0')}/${serviceName(i)}.yaml`, text: parts.join('---\n') };
    i += docs;
    files++;
  }
}

/** Writes the catalog under `dir`; returns the number of files written. */
export function generateCatalog(dir, count, seed = 42) {
  let files = 0;
  for (const { file, text } of catalogFiles(count, seed)) {
    if (files % 100 === 0) mkdirSync(join(dir, file.slice(0, file.indexOf('/'))), { recursive: true });
    writeFileSync(join(dir, file), text);
    files++;
  }
  return files;
}

/** The same catalog in memory, for tests. */
export function generateTexts(count, seed = 42) {
  return [...catalogFiles(count, seed)];
}
