// The scanner (src/load/scan.ts) against `yaml`: when the scanner reads a text, the documents it
// gives must be `yaml`'s, value for value and offset for offset. Shared by the scanner's tests on
// generated documents and by the YAML test suite's differential test.
import { expect } from 'vitest';
import { parseWithYaml } from '../../src/load/parse.js';
import { parseDocuments } from './parse.js';
import { escapeSegment } from '../../src/load/pointer.js';
import { scanDocuments } from '../../src/load/scan.js';

export const LIMITS = { maxDepth: 64, maxAliases: 100 };

/** Every pointer into a value, and a missing child of each (it resolves to its nearest parent). */
export function pointers(value: unknown, base = '', out: string[] = []): string[] {
  out.push(base, `${base}/missing`);
  if (Array.isArray(value)) value.forEach((v, i) => pointers(v, `${base}/${i}`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pointers(v, `${base}/${escapeSegment(k)}`, out);
  return out;
}

/** Whether the scanner read `text`; when it did, asserts it read it as `yaml` does. */
export function sameAsYaml(text: string): boolean {
  if (scanDocuments(text, LIMITS) === undefined) return false;
  const fast = parseDocuments(text, LIMITS);
  const slow = parseWithYaml(text, LIMITS);
  expect(fast.length, text).toBe(slow.length);
  fast.forEach((f, i) => {
    const s = slow[i]!;
    // The scanner reads only what is valid: `yaml` found nothing wrong either.
    expect(s.syntax, text).toEqual([]);
    expect(s.shape, text).toEqual([]);
    expect(f.value, text).toEqual(s.value);
    expect(f.start, text).toEqual(s.start);
    for (const p of pointers(s.value)) {
      expect(f.locate(p, 'value'), `${p} in ${JSON.stringify(text)}`).toEqual(s.locate(p, 'value'));
      expect(f.locate(p, 'key'), `${p} (key) in ${JSON.stringify(text)}`).toEqual(s.locate(p, 'key'));
    }
  });
  return true;
}
