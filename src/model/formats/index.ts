// The input formats, in the order a document is offered to them: the first that recognises it
// owns it. Adding a format: a module like native.ts, its schema in schemas/, one line here.
import type { ResolvedConfig } from '../../config/types.js';
import { backstage } from './backstage.js';
import { native } from './native.js';
import type { InputFormat } from './types.js';

export const FORMATS: readonly InputFormat[] = [native, backstage];

/** What a document is: a service or another document of some format, empty, or someone else's YAML. */
export type DocumentKind = { kind: 'service' | 'other'; format: InputFormat } | { kind: 'empty' | 'foreign'; format?: undefined };

export function recognise(value: unknown, config: ResolvedConfig): DocumentKind {
  if (value === null || value === undefined) return { kind: 'empty' };
  for (const format of FORMATS) {
    const r = format.recognise(value, config);
    if (r !== undefined) return { kind: r, format };
  }
  return { kind: 'foreign' };
}

/**
 * Top-level `apiVersion` lines: at column 1 (a key of a document's root mapping), its key and
 * value plain or quoted; in JSON, the key quoted wherever it is indented. An `apiVersion:` that is
 * indented in YAML belongs to something nested (a Helm value, an embedded manifest) and is not the
 * document's.
 */
const API_LINE = /^(?:(["']?)apiVersion\1|[ \t]*[[{]*[ \t]*"apiVersion")[ \t]*:[ \t]*(["']?)([^\s"'#,}]+)/gm;

/** Whether a text (that may not parse) has a top-level apiVersion of one of the formats: the only sign that a file is ours. */
export function hasOurApiVersion(text: string): boolean {
  API_LINE.lastIndex = 0;
  const json = /^\s*[{[]/.test(text);
  for (let m = API_LINE.exec(text); m !== null; m = API_LINE.exec(text)) {
    // An indented "apiVersion" counts only in a JSON file.
    if (!json && /^[ \t{[]/.test(m[0])) continue;
    const version = m[3] as string;
    if (FORMATS.some((f) => f.apiVersion.test(version))) return true;
  }
  return false;
}

/** `hasOurApiVersion` over bytes that could not be decoded: read as Latin-1 and as UTF-16 in both byte orders. */
export function bytesHaveOurApiVersion(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasOurApiVersion(b.toString('latin1'))) return true;
  if (!b.includes(0)) return false;
  const even = b.subarray(0, b.length - (b.length % 2));
  const swapped = Buffer.from(even);
  swapped.swap16();
  return hasOurApiVersion(even.toString('utf16le')) || hasOurApiVersion(swapped.toString('utf16le'));
}

/** "a warranty-lint/v1 Service or a Backstage Component of a service type": what a file must hold. */
export function formatTitles(): string {
  const titles = FORMATS.map((f) => f.title);
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
}

export type { DocumentFacts, InputFormat, LocationTarget, ServiceLayout } from './types.js';
