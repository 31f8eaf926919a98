// Encodings: what is decoded, and what is a clear yaml-syntax finding at the right place.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintBytes } from '../../src/engine/process-file.js';
import { decode } from '../../src/load/decode.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const config = resolveConfig({});
const lint = (bytes: Uint8Array) => lintBytes(bytes, { path: 'enc.yaml', file: 'enc.yaml', explicit: true }, { config, today: 0 }).findings;
const summary = (bytes: Uint8Array) => lint(bytes).map((f) => [f.ruleId, f.line, f.column, f.message]);

/** A service with one placeholder on line 5, so a decoded file has exactly one known finding. */
const SERVICE = CLEAN_LOW.replace('owner: team-search', 'owner: TBD');
const EXPECTED = [['warranty-placeholder-value', 5, 10]];
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};
const positions = (bytes: Uint8Array) => lint(bytes).map((f) => [f.ruleId, f.line, f.column]);

describe('decoded encodings give the same findings at the same places', () => {
  it.each([
    ['UTF-8', Buffer.from(SERVICE, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SERVICE, 'utf8')])],
    ['UTF-16 LE with a BOM', utf16le(SERVICE)],
    ['UTF-16 BE with a BOM', utf16be(SERVICE)],
  ])('%s', (_name, bytes) => {
    expect(positions(bytes)).toEqual(EXPECTED);
  });

  it('keeps non-ASCII text intact in every encoding', () => {
    const text = CLEAN_LOW.replace('owner: team-search', 'owner: équipe-recherche-検索-🚀');
    for (const bytes of [Buffer.from(text), utf16le(text), utf16be(text)]) {
      const d = decode(bytes);
      expect(d).toEqual({ ok: true, text });
    }
  });
});

describe('anything else is a yaml-syntax finding, never "root must be an object"', () => {
  it('UTF-32 (either order)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a: 1\n', 'utf16le')]);
    const be = Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]);
    for (const b of [le, be]) expect(summary(b)).toEqual([['yaml-syntax', 1, 1, 'the file is UTF-32, which is not supported; save it as UTF-8']]);
  });

  it('UTF-16 without a BOM', () => {
    expect(summary(Buffer.from(SERVICE, 'utf16le'))).toEqual([
      ['yaml-syntax', 1, 1, 'the file looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a BOM'],
    ]);
  });

  it('a UTF-16 BOM before bytes that are not UTF-16 (odd length, lone surrogate)', () => {
    const odd = Buffer.concat([utf16le('a: 1\n'), Buffer.from([0x41])]);
    const lone = Buffer.concat([utf16le('a: '), Buffer.from([0x00, 0xd8]), utf16le('\n')]);
    for (const b of [odd, lone]) expect(lint(b).map((f) => [f.ruleId, f.message])).toEqual([['yaml-syntax', expect.stringMatching(/^the file starts with a UTF-16 byte order mark but is not valid UTF-16/)]]);
  });

  it('Latin-1 (invalid UTF-8) is reported at the offending byte, on its line and column', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: Service\nmetadata:\n  name: café-'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(summary(bytes)).toEqual([
      ['yaml-syntax', 4, 14, `the file is not valid UTF-8 (invalid byte 0xe9 at byte ${bytes.indexOf(0xe9)}); save it as UTF-8, or as UTF-16 with a BOM`],
    ]);
  });

  it('counts columns in characters after multi-byte text and ignores a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 🚀é'), Buffer.from([0xff]), Buffer.from('\n')]);
    // "a: " is 3 columns, the rocket 2 (UTF-16 units, as editors count), é 1: the bad byte is column 7.
    expect(lint(bytes).map((f) => [f.line, f.column])).toEqual([[1, 7]]);
  });

  it('a truncated multi-byte sequence at the end of the file', () => {
    const bytes = Buffer.concat([Buffer.from('a: b\nc: '), Buffer.from([0xe2, 0x82])]);
    expect(lint(bytes).map((f) => [f.ruleId, f.line, f.column])).toEqual([['yaml-syntax', 2, 4]]);
  });

  it('a NUL character in text is named, at its place', () => {
    expect(summary(Buffer.from('a: b\nc: d\u0000e\n'))).toEqual([['yaml-syntax', 2, 5, 'the file contains a NUL character, which YAML does not allow']]);
    // The place is counted in characters, also after non-ASCII text.
    expect(lint(Buffer.from('a: ééé\u0000\n')).map((f) => [f.line, f.column])).toEqual([[1, 7]]);
  });

  it('a binary file with a YAML name is "not a text file", and none of its bytes are echoed', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x1b, 0x5b, 0x33, 0x31, 0x6d]);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const bytes of [png, random, Buffer.alloc(100)]) {
      const found = lint(bytes);
      expect(found.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([['yaml-syntax', 1, 1, 'not a text file: the file holds binary data, not YAML']]);
      // eslint-disable-next-line no-control-regex
      expect(found[0]?.message).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('an invalid byte is shown as hex, never raw', () => {
    const [f] = lint(Buffer.from([0x61, 0x3a, 0x20, 0x9b, 0x0a]));
    expect(f?.message).toContain('0x9b');
    // eslint-disable-next-line no-control-regex
    expect(f?.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('an empty file and a BOM alone are empty, not broken', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe])]) {
      expect(lint(bytes).map((f) => f.ruleId)).toEqual(['no-service']);
    }
  });
});
