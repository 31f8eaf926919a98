// parsePreviousRun, field by field: what `--compare` accepts of an earlier JSON result, what it
// makes of a missing or odd value, and the message of each refusal. serviceRecord: what -f json
// records of a service.
import { describe, expect, it } from 'vitest';
import { CompareError, parsePreviousRun, serviceRecord } from '../../src/formatters/run-record.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const FINDING = { ruleId: 'warranty-placeholder-value', severity: 'warning', message: 'm', file: 'a.yaml', line: 3, service: 's', area: 'security', fingerprint: 'fp1', waived: false };
const AREAS_OK = { availability: 'defined', capacity: 'deferred', continuity: 'missing', security: 'defined' };
const SERVICE = { name: 's', file: 'a.yaml', doc: 2, tier: 'high', stage: 'live', owner: 'team-s', areas: AREAS_OK };

const doc = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ version: 1, findings: [FINDING], summary: { reactiveShare: 0.5 }, today: '2026-10-26', services: [SERVICE], ...over });
const parse = (value: unknown): ReturnType<typeof parsePreviousRun> => parsePreviousRun(JSON.stringify(value), 'prev.json');
const refusal = (why: string): CompareError => new CompareError(`--compare prev.json: ${why}. Compare with the JSON result of an earlier run, written with -f json=FILE.`);

describe('parsePreviousRun: what it reads', () => {
  it('reads a whole result as it was written', () => {
    expect(parse(doc())).toEqual({
      source: 'prev.json',
      today: '2026-10-26',
      reactiveShare: 0.5,
      findings: [{ ...FINDING }],
      services: [{ ...SERVICE }],
    });
  });

  it('skips a byte order mark before the JSON', () => {
    expect(parsePreviousRun(`\uFEFF${JSON.stringify(doc())}`, 'prev.json').today).toBe('2026-10-26');
    // Only a mark that opens the file: one inside a value is the value's.
    expect(parse(doc({ findings: [{ ...FINDING, message: '\uFEFFm' }] })).findings[0]!.message).toBe('\uFEFFm');
  });

  it('fills what a finding lacks or holds wrongly: empty message, null file, line, service and area', () => {
    const odd = { ruleId: 'r', severity: 'info', fingerprint: 'fp', waived: true, message: 7, file: 3, line: '4', service: false, area: 'uptime' };
    expect(parse(doc({ findings: [odd] })).findings).toEqual([{ ruleId: 'r', severity: 'info', message: '', file: null, line: null, service: null, area: null, fingerprint: 'fp', waived: true }]);
    const nulls = { ruleId: 'r', severity: 'error', fingerprint: 'fp', waived: false, file: null, service: null };
    expect(parse(doc({ findings: [nulls] })).findings[0]).toMatchObject({ file: null, service: null, message: '', area: null, line: null });
    for (const area of ['availability', 'capacity', 'continuity', 'security']) expect(parse(doc({ findings: [{ ...FINDING, area }] })).findings[0]!.area).toBe(area);
  });

  it('fills what a service lacks: document 0, no stage, no owner; a service may have no name', () => {
    const bare = { name: null, file: 'b.yaml', tier: 'low', areas: AREAS_OK };
    expect(parse(doc({ services: [bare] })).services).toEqual([{ name: null, file: 'b.yaml', doc: 0, tier: 'low', stage: '', owner: null, areas: AREAS_OK }]);
    expect(parse(doc({ services: [{ ...bare, owner: 5, stage: 5, doc: '1' }] })).services![0]).toMatchObject({ owner: null, stage: '', doc: 0 });
  });

  it('has no services from a result that did not record them, and no date unless a day is recorded', () => {
    const { services: _s, today: _t, ...old } = doc();
    expect(parse(old)).toMatchObject({ services: null, today: null });
    for (const today of ['2026-10-26T10:00:00Z', '26/10/2026', 20261026, 'x2026-10-26']) expect(parse(doc({ today })).today).toBeNull();
  });

  it('takes a share of 0, 1 or null', () => {
    for (const reactiveShare of [0, 1, null]) expect(parse(doc({ summary: { reactiveShare } })).reactiveShare).toBe(reactiveShare);
  });
});

describe('parsePreviousRun: what it refuses, and says so', () => {
  it.each([
    ['a SARIF log', { $schema: 'x', runs: [], version: 1, findings: [] }, 'a SARIF log, not a warranty-lint JSON result'],
    ['a baseline', { version: 1, entries: [] }, 'a baseline, not a warranty-lint JSON result'],
    ['no version', { findings: [] }, 'not a warranty-lint JSON result (it has no "version")'],
    ['version "1"', { version: '1', findings: [] }, 'a JSON result of version "1"; this warranty-lint reads version 1'],
    ['findings not a list', { version: 1, findings: {} }, '"findings" is not a list'],
    ['a finding not an object', doc({ findings: [FINDING, null] }), 'findings[1] is not an object'],
    ['a finding a list', doc({ findings: [[]] }), 'findings[0] is not an object'],
    ['an empty fingerprint', doc({ findings: [{ ...FINDING, fingerprint: '' }] }), 'findings[0] has no fingerprint'],
    ['a number fingerprint', doc({ findings: [{ ...FINDING, fingerprint: 1 }] }), 'findings[0] has no fingerprint'],
    ['no ruleId', doc({ findings: [{ ...FINDING, ruleId: 1 }] }), 'findings[0] has no ruleId'],
    ['an unknown severity', doc({ findings: [{ ...FINDING, severity: 'fatal' }] }), 'findings[0] has no valid severity'],
    ['a severity not a string', doc({ findings: [{ ...FINDING, severity: 0 }] }), 'findings[0] has no valid severity'],
    ['no waived', doc({ findings: [{ ...FINDING, waived: 'no' }] }), 'findings[0] has no "waived"'],
    ['no summary', doc({ summary: [] }), '"summary" is not an object'],
    ['a share above 1', doc({ summary: { reactiveShare: 1.5 } }), '"summary.reactiveShare" is not a share between 0 and 1'],
    ['a share below 0', doc({ summary: { reactiveShare: -0.1 } }), '"summary.reactiveShare" is not a share between 0 and 1'],
    ['a share as text', doc({ summary: { reactiveShare: '0.5' } }), '"summary.reactiveShare" is not a share between 0 and 1'],
    ['a missing share', doc({ summary: {} }), '"summary.reactiveShare" is not a share between 0 and 1'],
    ['services not a list', doc({ services: {} }), '"services" is not a list'],
    ['a service not an object', doc({ services: [SERVICE, 'x'] }), 'services[1] has no name or file'],
    ['a service named by a number', doc({ services: [{ ...SERVICE, name: 1 }] }), 'services[0] has no name or file'],
    ['a service without a file', doc({ services: [{ ...SERVICE, file: null }] }), 'services[0] has no name or file'],
    ['an unknown tier', doc({ services: [{ ...SERVICE, tier: 'gold' }] }), 'services[0] has no valid tier'],
    ['a tier not a string', doc({ services: [{ ...SERVICE, tier: 1 }] }), 'services[0] has no valid tier'],
    ['no areas', doc({ services: [{ ...SERVICE, areas: ['defined'] }] }), 'services[0] has no areas'],
    ['an unknown area state', doc({ services: [{ ...SERVICE, areas: { ...AREAS_OK, continuity: 'partial' } }] }), 'services[0].areas.continuity is not defined, deferred or missing'],
    ['an area left out', doc({ services: [{ ...SERVICE, areas: { ...AREAS_OK, security: undefined } }] }), 'services[0].areas.security is not defined, deferred or missing'],
  ])('refuses %s', (_name, value, why) => {
    expect(() => parse(value)).toThrow(refusal(why));
  });

  it('says what JSON.parse said of text that is not JSON', () => {
    expect(() => parsePreviousRun('{"version": ', 'prev.json')).toThrow(/^--compare prev\.json: not JSON \(.+\)\. Compare with/);
  });

  it('is a CompareError named so', () => {
    expect(() => parse({})).toThrow(expect.objectContaining({ name: 'CompareError' }));
  });
});

describe('serviceRecord', () => {
  it('records name, file, document, tier, stage, owner and each area state', () => {
    const r = lintYaml([{ file: 'services/a.yaml', text: `${CLEAN_LOW}---\n${CLEAN_LOW.replace('name: search', 'name: other').replace('  owner: team-search\n', '').replace(/ {4}security:[\s\S]*/, '')}` }]);
    expect(r.services.map(serviceRecord)).toEqual([
      { name: 'search', file: 'services/a.yaml', doc: 0, tier: 'low', stage: 'design', owner: 'team-search', areas: { availability: 'defined', capacity: 'defined', continuity: 'defined', security: 'defined' } },
      { name: 'other', file: 'services/a.yaml', doc: 1, tier: 'low', stage: 'design', owner: null, areas: { availability: 'defined', capacity: 'defined', continuity: 'defined', security: 'missing' } },
    ]);
  });
});
