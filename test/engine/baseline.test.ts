// Baselines in-process (baseline.ts): reading a file, the messages of a file that cannot be used,
// the file written from findings, and a baseline applied to a result's findings and counts.
import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  BASELINE_VERSION,
  BaselineError,
  baselineFrom,
  fingerprintsOf,
  fixedEntries,
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
} from '../../src/engine/baseline.js';
import { makeFinding, messagePieces, packFinding } from '../../src/engine/finding.js';
import { UserError } from '../../src/errors.js';
import type { Area, Finding, Severity, Summary } from '../../src/types.js';

const FP = '0123456789abcdef0123456789abcdef';

const entry = (over: Partial<BaselineEntry> = {}): BaselineEntry => ({
  fingerprint: FP,
  ruleId: 'schema',
  service: 'checkout',
  area: 'availability',
  pointer: '/spec',
  file: 'a.yaml',
  message: 'm',
  ...over,
});

const thrown = (text: string, name = 'wl-baseline.json'): Error => {
  try {
    parseBaseline(text, name);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`parsed: ${text}`);
};

describe('parseBaseline', () => {
  it('reads the entries of a baseline file, a byte order mark before it or not', () => {
    const text = JSON.stringify({ version: 1, entries: [entry()] });
    expect(parseBaseline(text, 'b.json')).toEqual({ version: 1, entries: [entry()] });
    expect(parseBaseline(`\uFEFF${text}`, 'b.json')).toEqual({ version: 1, entries: [entry()] });
    expect(parseBaseline('{"version": 1, "entries": []}', 'b.json')).toEqual({ version: BASELINE_VERSION, entries: [] });
  });

  it('keeps only the known fields, in their order, and fills those missing or of the wrong type', () => {
    const b = parseBaseline(JSON.stringify({ version: 1, extra: true, entries: [{ message: 'last', extra: 1, fingerprint: 'abcdef01' }, { fingerprint: FP, ruleId: 7, service: 1, area: false, pointer: [], file: {}, message: null }] }), 'b.json');
    expect(b).toEqual({
      version: 1,
      entries: [
        { fingerprint: 'abcdef01', ruleId: '', service: null, area: null, pointer: null, file: null, message: 'last' },
        { fingerprint: FP, ruleId: '', service: null, area: null, pointer: null, file: null, message: '' },
      ],
    });
    expect(Object.keys(b)).toEqual(['version', 'entries']);
    expect(Object.keys(b.entries[0] as object)).toEqual(['fingerprint', 'ruleId', 'service', 'area', 'pointer', 'file', 'message']);
    const full = parseBaseline(JSON.stringify({ version: 1, entries: [{ file: 'a.yaml', pointer: '/spec', area: 'availability', service: 'checkout', ruleId: 'schema', fingerprint: FP, message: 'm' }] }), 'b.json');
    expect(full.entries).toEqual([entry()]);
    expect(Object.keys(full.entries[0] as object)).toEqual(['fingerprint', 'ruleId', 'service', 'area', 'pointer', 'file', 'message']);
  });

  it('refuses text that is not JSON, naming the file and what to do', () => {
    const e = thrown('{"version": 1, "entries": [', 'base.json');
    expect(e).toBeInstanceOf(BaselineError);
    expect(e).toBeInstanceOf(UserError);
    expect(e.name).toBe('BaselineError');
    expect(e.message).toMatch(/^the baseline base\.json is not valid JSON \(.+\); restore it from version control, or delete it and run with --update-baseline$/);
    expect(e.message).toContain(`(${(() => {
      try {
        JSON.parse('{"version": 1, "entries": [');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })()})`);
    // A byte order mark anywhere but first is not skipped.
    expect(thrown('{"version": 1, "entries": []}\uFEFF')).toBeInstanceOf(BaselineError);
  });

  it('refuses JSON that is not a baseline of this version', () => {
    const message = 'b.json is not a warranty-lint baseline (expected {"version": 1, "entries": [...]}); restore it, or delete it and run with --update-baseline';
    for (const text of ['null', '[]', '[{"version": 1, "entries": []}]', '1', '"x"', 'true', '{}', '{"entries": []}', '{"version": 2, "entries": []}', '{"version": "1", "entries": []}', '{"version": 1}', '{"version": 1, "entries": {}}', '{"version": 1, "entries": "[]"}']) {
      const e = thrown(text, 'b.json');
      expect(e, text).toBeInstanceOf(BaselineError);
      expect(e.message, text).toBe(message);
    }
  });

  it('refuses an entry without a fingerprint of 8 to 64 lowercase hex digits, naming it by its place', () => {
    const good = entry();
    const bad = [null, 'x', 7, [], {}, { fingerprint: 12345678 }, { fingerprint: '0123456' }, { fingerprint: '0123456789ABCDEF' }, { fingerprint: 'g1234567' }, { fingerprint: `${'a'.repeat(64)}0` }, { fingerprint: ` ${FP}` }, { fingerprint: `${FP} ` }, { fingerprint: `${FP}\n` }, { fingerprint: `x${FP}` }];
    for (const e of bad) {
      const err = thrown(JSON.stringify({ version: 1, entries: [good, good, e] }), 'b.json');
      expect(err, JSON.stringify(e)).toBeInstanceOf(BaselineError);
      expect(err.message).toBe('the baseline b.json: entry 3 has no valid "fingerprint"; restore the file, or delete it and run with --update-baseline');
    }
    for (const fingerprint of ['01234567', 'a'.repeat(64), FP]) expect(parseBaseline(JSON.stringify({ version: 1, entries: [{ fingerprint }] }), 'b.json').entries[0]?.fingerprint).toBe(fingerprint);
  });
});

const finding = (service: string | null, ruleId: string, area: Area | null, pointer: string | null, more: { file?: string; message?: string; severity?: Severity; waived?: boolean } = {}): Finding => ({
  ...makeFinding({ ruleId, severity: more.severity ?? 'error', message: more.message ?? `${ruleId} of ${service}`, file: more.file ?? 'a.yaml', range: null, service, area, pointer, document: 0 }),
  waived: more.waived ?? false,
});

describe('baselineFrom', () => {
  it('holds one entry per fingerprint (the first finding’s), leaves waived findings out, and records where each was', () => {
    const first = finding('checkout', 'schema', 'availability', '/spec', { file: 'a.yaml', message: 'first' });
    const again = finding('checkout', 'schema', 'availability', '/spec', { file: 'b.yaml', message: 'again' });
    const waived = finding('search', 'schema', null, '/spec', { waived: true });
    const b = baselineFrom([first, waived, again]);
    expect(b).toEqual({
      version: BASELINE_VERSION,
      entries: [{ fingerprint: first.fingerprint, ruleId: 'schema', service: 'checkout', area: 'availability', pointer: '/spec', file: 'a.yaml', message: 'first' }],
    });
    expect(Object.keys(b.entries[0] as object)).toEqual(['fingerprint', 'ruleId', 'service', 'area', 'pointer', 'file', 'message']);
    expect(baselineFrom([])).toEqual({ version: 1, entries: [] });
    // A waived finding does not take the place of an unwaived one with its fingerprint.
    const w = { ...first, waived: true, message: 'waived' };
    expect(baselineFrom([w, again]).entries.map((e) => e.message)).toEqual(['again']);
  });

  it('sorts a missing service, area or pointer as an empty one, before any other', () => {
    const entries = baselineFrom([
      finding('b', 'schema', 'security', '/b'),
      finding('b', 'schema', 'security', '/a'),
      finding('b', 'schema', 'capacity', '/z'),
      finding('b', 'schema', null, '/z'),
      finding('b', 'schema', null, null),
      finding('b', 'a-rule', 'security', '/z'),
      finding('a', 'z-rule', 'security', '/z'),
      finding(null, 'z-rule', 'security', '/z'),
    ]).entries;
    expect(entries.map((e) => [e.service, e.ruleId, e.area, e.pointer])).toEqual([
      [null, 'z-rule', 'security', '/z'],
      ['a', 'z-rule', 'security', '/z'],
      ['b', 'a-rule', 'security', '/z'],
      ['b', 'schema', null, null],
      ['b', 'schema', null, '/z'],
      ['b', 'schema', 'capacity', '/z'],
      ['b', 'schema', 'security', '/a'],
      ['b', 'schema', 'security', '/b'],
    ]);
  });

  it('puts an entry without a field before one with it, whichever fingerprint sorts first', () => {
    const withFingerprint = (f: Finding, fp: string): Finding => ({ ...f, fingerprint: fp });
    for (const [field, value] of [
      ['service', 'a'],
      ['area', 'capacity'],
      ['pointer', '/a'],
    ] as const) {
      const without = withFingerprint(finding('s', 'schema', 'security', '/z'), 'ffffffff');
      const withIt = withFingerprint(finding('s', 'schema', 'security', '/z'), '00000000');
      (without as unknown as Record<string, unknown>)[field] = null;
      (withIt as unknown as Record<string, unknown>)[field] = value;
      for (const order of [
        [without, withIt],
        [withIt, without],
      ]) {
        expect(baselineFrom(order).entries.map((e) => e.fingerprint), field).toEqual(['ffffffff', '00000000']);
      }
    }
  });
});

describe('serializeBaseline', () => {
  it('writes two-space JSON, version first, with a final newline', () => {
    const b: Baseline = { entries: [entry()], version: 1 } as Baseline;
    expect(serializeBaseline(b)).toBe(
      '{\n  "version": 1,\n  "entries": [\n    {\n      "fingerprint": "0123456789abcdef0123456789abcdef",\n      "ruleId": "schema",\n      "service": "checkout",\n      "area": "availability",\n      "pointer": "/spec",\n      "file": "a.yaml",\n      "message": "m"\n    }\n  ]\n}\n',
    );
    expect(serializeBaseline({ version: 1, entries: [], extra: 1 } as Baseline)).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
    expect(parseBaseline(serializeBaseline(b), 'b.json')).toEqual({ version: 1, entries: [entry()] });
  });
});

describe('fingerprintsOf and fixedEntries', () => {
  it('tells the entries the current findings no longer match, in the old baseline’s order', () => {
    const a = entry({ fingerprint: 'aaaaaaaa', service: 'a' });
    const b = entry({ fingerprint: 'bbbbbbbb', service: 'b' });
    const c = entry({ fingerprint: 'cccccccc', service: 'c' });
    expect([...fingerprintsOf({ version: 1, entries: [c, a, c] })]).toEqual(['cccccccc', 'aaaaaaaa']);
    expect(fixedEntries({ version: 1, entries: [c, a, b] }, { version: 1, entries: [b] })).toEqual([c, a]);
    expect(fixedEntries({ version: 1, entries: [a] }, { version: 1, entries: [a, b] })).toEqual([]);
  });
});

describe('applyBaseline', () => {
  const summary = (over: Partial<Summary> = {}): Summary => ({ files: 2, services: 3, errors: 2, warnings: 2, infos: 2, waived: 1, baselined: 0, reactiveShare: 0.5, ...over });

  it('drops the recorded findings, counting each as baselined instead of as what it was', () => {
    const error = finding('a', 'schema', null, '/e', { severity: 'error' });
    const otherError = finding('a', 'schema', null, '/e2', { severity: 'error' });
    const warning = finding('a', 'schema', null, '/w', { severity: 'warning' });
    const otherWarning = finding('a', 'schema', null, '/w2', { severity: 'warning' });
    const info = finding('a', 'schema', null, '/i', { severity: 'info' });
    const otherInfo = finding('a', 'schema', null, '/i2', { severity: 'info' });
    const waived = finding('a', 'schema', null, '/x', { severity: 'error', waived: true });
    const findings = [error, otherError, warning, otherWarning, info, otherInfo, waived];
    const result = { findings, summary: summary(), other: 'kept' };

    const none = applyBaseline(result, new Set());
    expect(none.findings).toEqual(findings);
    expect(none.summary).toEqual(summary());

    const some = applyBaseline(result, new Set([error.fingerprint, warning.fingerprint, info.fingerprint, 'ffffffff']));
    expect(some.findings).toEqual([otherError, otherWarning, otherInfo, waived]);
    expect(some.summary).toEqual(summary({ errors: 1, warnings: 1, infos: 1, baselined: 3 }));
    expect(some.other).toBe('kept');

    const waivedOnly = applyBaseline(result, new Set([waived.fingerprint]));
    expect(waivedOnly.summary).toEqual(summary({ waived: 0, baselined: 1 }));
    expect(waivedOnly.findings).toEqual(findings.slice(0, 6));

    // The result given is left as it was.
    expect(result.findings).toHaveLength(7);
    expect(result.summary).toEqual(summary());
  });

  it('matches packed findings by the fingerprint they would have', () => {
    const f = finding('a', 'schema', null, '/e', { severity: 'warning' });
    const packed = packFinding(f, (s) => s, messagePieces);
    const out = applyBaseline({ findings: [packed], summary: summary() }, new Set([f.fingerprint]));
    expect(out.findings).toEqual([]);
    expect(out.summary).toEqual(summary({ warnings: 1, baselined: 1 }));
  });
});
