// Rereader: a file read again to place a catalog finding at a pointer its rule did not declare.
// Texts given (standard input, an editor's) come before the disk; the last 32 files stay parsed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rereader } from '../../src/engine/reread.js';
import type { Service } from '../../src/model/types.js';

const cwd = mkdtempSync(join(tmpdir(), 'wl-reread-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const LIMITS = { maxDepth: 64, maxAliases: 100, maxFileSize: 1024 * 1024 };
const svc = (file: string, doc = 0) => ({ file, doc }) as Service;

/** The line of `/name` in the file's document, as read now. */
const lineOfName = (r: Rereader, file: string, doc = 0): number | undefined => r.locatorOf(svc(file, doc))?.('/name').line;

describe('Rereader', () => {
  it('places a pointer in the document of the service, read from the disk relative to the working directory', () => {
    writeFileSync(join(cwd, 'two.yaml'), 'name: a\n---\n\n\nname: b\n');
    const r = new Rereader(cwd, LIMITS);
    expect(lineOfName(r, 'two.yaml', 0)).toBe(1);
    expect(lineOfName(r, 'two.yaml', 1)).toBe(5);
    expect(r.locatorOf(svc('two.yaml', 1))?.('/name', 'value')).toMatchObject({ line: 5, column: 7 });
    expect(r.locatorOf(svc('two.yaml', 2))).toBeUndefined();
  });

  it('reads the texts it is given before the disk, strings (a byte-order mark dropped) and bytes alike', () => {
    writeFileSync(join(cwd, 'open.yaml'), 'name: disk\n');
    const texts = new Map<string, string | Uint8Array>([
      ['open.yaml', '\n\nname: editor\n'],
      ['bom.yaml', '\uFEFFname: x\n'],
      ['inner.yaml', 'name: a\uFEFFb\n'],
      ['bytes.yaml', new TextEncoder().encode('\n\n\nname: y\n')],
    ]);
    const r = new Rereader(cwd, LIMITS, texts);
    expect(lineOfName(r, 'open.yaml')).toBe(3);
    expect(r.locatorOf(svc('bom.yaml'))?.('/name', 'value')).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 8 });
    expect(lineOfName(r, 'bytes.yaml')).toBe(4);
    // Only a leading mark is dropped.
    expect(r.locatorOf(svc('inner.yaml'))?.('/name', 'value')).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 10 });
  });

  it('gives no locator for a file that cannot be read, decoded or parsed', () => {
    const texts = new Map<string, string | Uint8Array>([
      ['utf32.yaml', new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61])],
      ['deep.yaml', '['.repeat(100)],
    ]);
    const r = new Rereader(cwd, LIMITS, texts);
    expect(r.locatorOf(svc('gone.yaml'))).toBeUndefined();
    expect(r.locatorOf(svc('utf32.yaml'))).toBeUndefined();
    expect(r.locatorOf(svc('deep.yaml'))).toBeUndefined();
    writeFileSync(join(cwd, 'big.yaml'), `name: ${'x'.repeat(100)}\n`);
    expect(new Rereader(cwd, { ...LIMITS, maxFileSize: 50 }).locatorOf(svc('big.yaml'))).toBeUndefined();
    expect(new Rereader(cwd, LIMITS).locatorOf(svc('big.yaml'))).toBeDefined();
  });

  it('keeps the last 32 files parsed: a file changed since is read again only once 32 others were', () => {
    const file = (i: number): string => `keep-${i}.yaml`;
    for (let i = 0; i <= 33; i++) writeFileSync(join(cwd, file(i)), 'name: a\n');
    const r = new Rereader(cwd, LIMITS);
    expect(lineOfName(r, file(0))).toBe(1);
    writeFileSync(join(cwd, file(0)), '\nname: a\n');
    for (let i = 1; i <= 31; i++) lineOfName(r, file(i));
    // 32 files kept: the first is still as it was read.
    expect(lineOfName(r, file(0))).toBe(1);
    lineOfName(r, file(32));
    // The 33rd pushed out the oldest: read again, changed.
    expect(lineOfName(r, file(0))).toBe(2);
    // A file that could not be read is remembered too (until pushed out).
    expect(r.locatorOf(svc('later.yaml'))).toBeUndefined();
    writeFileSync(join(cwd, 'later.yaml'), 'name: a\n');
    expect(r.locatorOf(svc('later.yaml'))).toBeUndefined();
  });
});
