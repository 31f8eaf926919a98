// A finding's fields, its fingerprint, and the packed form a large run keeps it in (finding.ts):
// packed and unpacked again, a finding is the one makeFinding made, field for field and in order.
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCS_BASE, POLICIES_DOCS } from '../../src/docs/url.js';
import {
  compareFindings,
  distinguish,
  fingerprint,
  fingerprintOf,
  isPacked,
  makeFinding,
  messagePieces,
  packFinding,
  rangeOfFinding,
  sha256With,
  unpack,
  type FindingInput,
  type KeptFinding,
} from '../../src/engine/finding.js';
import type { Finding } from '../../src/types.js';

const reference = (parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

const input = (over: Partial<FindingInput> = {}): FindingInput => ({
  ruleId: 'warranty-placeholder-value',
  severity: 'error',
  message: 'service "checkout" has a placeholder target; checkout needs a number',
  file: 'services/checkout.yaml',
  range: { line: 7, column: 13, endLine: 7, endColumn: 16 },
  service: 'checkout',
  area: 'availability',
  pointer: '/spec/warranty/availability/target',
  document: 2,
  ...over,
});

const ORDER = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'service', 'area', 'pointer', 'fingerprint', 'docsUrl', 'waived', 'document'];

/** Packs with copies of each string (as a string pool would), pieces by messagePieces. */
const pack = (f: Finding) => packFinding(f, (s) => `${s}`, messagePieces);

describe('fingerprint', () => {
  it('adds the instance after the service name, and only to a finding with a service', () => {
    const base = { ruleId: 'schema', service: 'checkout', area: 'continuity' as const, pointer: '/spec', file: 'a.yaml' };
    expect(fingerprint({ ...base, instance: 'b.yaml#1' })).toBe(reference(['schema', 'service:checkout\u0000b.yaml#1', 'continuity', '/spec']));
    expect(fingerprint({ ...base, instance: undefined })).toBe(reference(['schema', 'service:checkout', 'continuity', '/spec']));
    // A file finding ignores the instance.
    expect(fingerprint({ ...base, service: null, instance: 'b.yaml#1' })).toBe(reference(['schema', 'file:a.yaml', 'continuity', '/spec']));
    expect(fingerprint({ ...base, service: null, file: null })).toBe(reference(['schema', 'file:', 'continuity', '/spec']));
    expect(fingerprint({ ...base, area: null, pointer: null })).toBe(reference(['schema', 'service:checkout', '', '']));
  });
});

describe('sha256With', () => {
  it('gives the same digest with crypto.hash and without it (Node before 20.12)', () => {
    const text = 'schema\u0000service:checkout\u0000\u0000';
    const expected = createHash('sha256').update(text).digest('hex');
    expect(sha256With(crypto.hash)(text).toString('hex')).toBe(expected);
    expect(sha256With(undefined)(text).toString('hex')).toBe(expected);
    expect(sha256With(undefined)('').toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('makeFinding', () => {
  it('takes its place from the range, its fingerprint and docs link from the rule, and is not waived', () => {
    const f = makeFinding(input());
    expect(f).toEqual({
      ruleId: 'warranty-placeholder-value',
      severity: 'error',
      message: 'service "checkout" has a placeholder target; checkout needs a number',
      file: 'services/checkout.yaml',
      line: 7,
      column: 13,
      endLine: 7,
      endColumn: 16,
      service: 'checkout',
      area: 'availability',
      pointer: '/spec/warranty/availability/target',
      fingerprint: reference(['warranty-placeholder-value', 'service:checkout', 'availability', '/spec/warranty/availability/target']),
      docsUrl: `${DOCS_BASE}#warranty-placeholder-value`,
      waived: false,
      document: 2,
    });
    expect(Object.keys(f)).toEqual(ORDER);
    expect(makeFinding(input({ ruleId: 'acme/owner-team' })).docsUrl).toBe(POLICIES_DOCS);
  });

  it('has no place without a range', () => {
    const f = makeFinding(input({ range: null, document: null }));
    expect([f.line, f.column, f.endLine, f.endColumn, f.document]).toEqual([null, null, null, null, null]);
    expect(f.file).toBe('services/checkout.yaml');
    expect('documentFile' in f).toBe(false);
  });

  it('is reported in the file a substituted node came from, naming the document it belongs to', () => {
    const f = makeFinding(input({ range: { line: 2, column: 3, endLine: 2, endColumn: 9, file: 'shared/warranty.yaml' } }));
    expect(f.file).toBe('shared/warranty.yaml');
    expect(f.documentFile).toBe('services/checkout.yaml');
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([2, 3, 2, 9]);
    // The fingerprint stays the service's.
    expect(f.fingerprint).toBe(makeFinding(input()).fingerprint);
    expect(Object.keys(f)).toEqual([...ORDER, 'documentFile']);
  });

  it('names no other file when the range is in the document’s own file, or the finding has none', () => {
    const same = makeFinding(input({ range: { line: 2, column: 3, endLine: 2, endColumn: 9, file: 'services/checkout.yaml' } }));
    expect(same.file).toBe('services/checkout.yaml');
    expect('documentFile' in same).toBe(false);
    const none = makeFinding(input({ file: null, range: { line: 2, column: 3, endLine: 2, endColumn: 9, file: 'shared/warranty.yaml' } }));
    expect(none.file).toBe('shared/warranty.yaml');
    expect('documentFile' in none).toBe(false);
  });
});

describe('distinguish', () => {
  it('gives a finding of a repeated service its instance, and a fingerprint with it', () => {
    const f = makeFinding(input());
    const before = f.fingerprint;
    distinguish(f, 'services/copy.yaml#1');
    expect(f.instance).toBe('services/copy.yaml#1');
    expect(f.fingerprint).not.toBe(before);
    expect(f.fingerprint).toBe(fingerprint({ ...input(), instance: 'services/copy.yaml#1' }));
  });

  it('gives a packed finding only the instance: its fingerprint is made when asked for', () => {
    const p = pack(makeFinding(input()));
    distinguish(p, 'services/copy.yaml#1');
    expect(p.instance).toBe('services/copy.yaml#1');
    expect('fingerprint' in p).toBe(false);
    expect(fingerprintOf(p)).toBe(fingerprint({ ...input(), instance: 'services/copy.yaml#1' }));
    expect(unpack(p).fingerprint).toBe(fingerprintOf(p));
  });
});

describe('packFinding and unpack', () => {
  it('packs every field through `str`, the message into pieces around the service name, without fingerprint or docs link', () => {
    const seen: string[] = [];
    const f = makeFinding(input());
    f.waived = true;
    const p = packFinding(
      f,
      (s) => {
        seen.push(s);
        return s;
      },
      messagePieces,
    );
    expect(p).toEqual({
      ruleId: 'warranty-placeholder-value',
      severity: 'error',
      message: ['service "', '" has a placeholder target; ', ' needs a number'],
      file: 'services/checkout.yaml',
      line: 7,
      column: 13,
      endLine: 7,
      endColumn: 16,
      service: 'checkout',
      area: 'availability',
      pointer: '/spec/warranty/availability/target',
      waived: true,
      document: 2,
    });
    expect(seen).toEqual(['warranty-placeholder-value', 'error', 'services/checkout.yaml', 'checkout', 'availability', '/spec/warranty/availability/target']);
    expect(isPacked(p)).toBe(true);
    expect(isPacked(f)).toBe(false);
  });

  it('keeps null fields null without asking `str`', () => {
    const seen: string[] = [];
    const f = makeFinding(input({ file: null, service: null, area: null, pointer: null, range: null, document: null, message: 'no reactive provider' }));
    const p = packFinding(
      f,
      (s) => {
        seen.push(s);
        return s;
      },
      messagePieces,
    );
    expect([p.file, p.service, p.area, p.pointer]).toEqual([null, null, null, null]);
    expect(p.message).toEqual(['no reactive provider']);
    expect(seen).toEqual(['warranty-placeholder-value', 'error']);
  });

  it('unpacks to the finding makeFinding made, fields in its order, internal fields kept only when set', () => {
    const plain = makeFinding(input());
    const back = unpack(pack(plain));
    expect(back).toEqual(plain);
    expect(Object.keys(back)).toEqual(ORDER);

    const elsewhere = makeFinding(input({ range: { line: 2, column: 3, endLine: 2, endColumn: 9, file: 'shared/warranty.yaml' } }));
    distinguish(elsewhere, 'services/copy.yaml#3');
    const p = pack(elsewhere);
    expect(p.documentFile).toBe('services/checkout.yaml');
    expect(p.instance).toBe('services/copy.yaml#3');
    const again = unpack(p);
    expect(again).toEqual(elsewhere);
    expect(Object.keys(again)).toEqual([...ORDER, 'documentFile', 'instance']);

    const portfolio = makeFinding(input({ ruleId: 'portfolio-reactive-provider', file: null, service: null, area: null, pointer: null, range: null, document: null, message: 'm' }));
    const unpackedPortfolio = unpack(pack(portfolio));
    expect(unpackedPortfolio).toEqual(portfolio);
    expect(Object.keys(unpackedPortfolio)).toEqual(ORDER);
  });

  it('gives an unpacked finding back as it is', () => {
    const f = makeFinding(input());
    expect(unpack(f)).toBe(f);
    expect(fingerprintOf(f)).toBe(f.fingerprint);
    // The kept fingerprint, not one made again: a finding distinguished by hand keeps the one it has.
    const odd: KeptFinding = { ...f, fingerprint: 'feedfacefeedface' };
    expect(fingerprintOf(odd)).toBe('feedfacefeedface');
  });
});

describe('messagePieces', () => {
  it('splits at each mention of the service, and keeps the message whole without one', () => {
    expect(messagePieces('checkout: checkout is down', 'checkout')).toEqual(['', ': ', ' is down']);
    expect(messagePieces('checkout is down', null)).toEqual(['checkout is down']);
    // Not split at the text "null" (nor "undefined") when there is no service.
    expect(messagePieces('a null or undefined value', null)).toEqual(['a null or undefined value']);
    expect(messagePieces('checkout is down', '')).toEqual(['checkout is down']);
    expect(messagePieces('nothing here', 'checkout')).toEqual(['nothing here']);
  });
});

describe('rangeOfFinding', () => {
  it('is the finding’s place, or line 1 column 1 without one', () => {
    const f = makeFinding(input());
    expect(rangeOfFinding(f)).toEqual({ line: 7, column: 13, endLine: 7, endColumn: 16 });
    expect(rangeOfFinding(pack(f))).toEqual({ line: 7, column: 13, endLine: 7, endColumn: 16 });
    expect(rangeOfFinding(makeFinding(input({ range: null })))).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});

describe('compareFindings', () => {
  const at = (file: string | null, line: number | null, column: number | null, ruleId = 'schema'): Finding => ({
    ...makeFinding(input({ ruleId, file, range: null })),
    line,
    column,
  });

  it('is negative, zero or positive as the order says, in both directions', () => {
    const pairs: Array<[Finding, Finding]> = [
      [at('a.yaml', 9, 9), at('b.yaml', 1, 1)],
      [at('a.yaml', 1, 1), at(null, 1, 1)],
      [at('a.yaml', 2, 9), at('a.yaml', 3, 1)],
      [at('a.yaml', 3, 1), at('a.yaml', 3, 2)],
      [at('a.yaml', 3, 2, 'a-rule'), at('a.yaml', 3, 2, 'b-rule')],
      [at('a.yaml', null, null), at('a.yaml', 1, 1)],
      [at('a.yaml', 1, null), at('a.yaml', 1, 1)],
    ];
    for (const [lo, hi] of pairs) {
      expect(Math.sign(compareFindings(lo, hi)), `${lo.file}:${lo.line}:${lo.column} ${lo.ruleId}`).toBe(-1);
      expect(Math.sign(compareFindings(hi, lo))).toBe(1);
    }
    expect(compareFindings(at('a.yaml', 3, 2), at('a.yaml', 3, 2))).toBe(0);
    expect(compareFindings(at(null, null, null), at(null, null, null))).toBe(0);
    // Portfolio findings last, beside a file whose name reads as a number too.
    for (const file of ['10', '0', 'Infinity', '-1']) {
      expect(Math.sign(compareFindings(at(null, 1, 1), at(file, 1, 1))), file).toBe(1);
      expect(Math.sign(compareFindings(at(file, 1, 1), at(null, 1, 1))), file).toBe(-1);
    }
    // Lines and columns by number, not as text.
    expect(Math.sign(compareFindings(at('a.yaml', 9, 1), at('a.yaml', 10, 1)))).toBe(-1);
  });
});
