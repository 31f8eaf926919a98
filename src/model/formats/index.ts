// The input formats, in the order a document is offered to them: the first that recognises it
// owns it. Adding a format: a module like native.ts, its schema in schemas/, one line here. After
// them, the SLO formats (../slo/): documents that are not services but that the rules read.
import type { ResolvedConfig } from '../../config/types.js';
import { recogniseSlo, SLO_FORMATS, type SloFormat } from '../slo/index.js';
import { backstage } from './backstage.js';
import { native } from './native.js';
import { listWords } from '../list-words.js';
import type { InputFormat } from './types.js';

export const FORMATS: readonly InputFormat[] = [native, backstage];

/**
 * What a document is: a service or another document of some format; an SLO document (`objectives`:
 * it states some; an OpenSLO Service or SLI states none); empty; or someone else's YAML.
 */
export type DocumentKind =
  | { kind: 'service' | 'other'; format: InputFormat }
  | { kind: 'slo'; format?: undefined; slo: SloFormat; objectives: boolean }
  | { kind: 'empty' | 'foreign'; format?: undefined };

export function recognise(value: unknown, config: ResolvedConfig): DocumentKind {
  if (value === null || value === undefined) return { kind: 'empty' };
  for (const format of FORMATS) {
    const r = format.recognise(value, config);
    if (r !== undefined) return { kind: r, format };
  }
  const slo = recogniseSlo(value);
  if (slo) return { kind: 'slo', slo: slo.format, objectives: slo.kind === 'slo' };
  return { kind: 'foreign' };
}

/** The top-level keys that say whose a document is: `apiVersion`, and the SLO formats' (Sloth's `version`). */
const MARKER_KEYS = [...new Set(['apiVersion', ...SLO_FORMATS.map((f) => f.marker.key)])].join('|');

/**
 * Top-level marker lines (`apiVersion: …`, Sloth's `version: …`): at column 1 (a key of a
 * document's root mapping), key and value plain or quoted; in JSON, the key quoted wherever it is
 * indented. An `apiVersion:` that is indented in YAML belongs to something nested (a Helm value,
 * an embedded manifest) and is not the document's.
 */
// The JSON form's lead-in is one class, spaces and brackets mixed: as `[ \t]*[[{]*[ \t]*` it
// backtracked quadratically over each deeply indented line of a refused file.
const MARKER_LINE = new RegExp(`^(?:(["']?)(${MARKER_KEYS})\\1|[ \\t[{]*"(${MARKER_KEYS})")[ \\t]*:[ \\t]*(["']?)([^\\s"'#,}]+)`, 'gm');

/** Which formats' documents a text (that may not parse) holds, by its top-level markers: the only sign that a file is ours. */
export function markersIn(text: string): { service: boolean; slo: boolean } {
  const found = { service: false, slo: false };
  MARKER_LINE.lastIndex = 0;
  const json = /^\s*[{[]/.test(text);
  for (let m = MARKER_LINE.exec(text); m !== null; m = MARKER_LINE.exec(text)) {
    // An indented key counts only in a JSON file.
    if (!json && /^[ \t{[]/.test(m[0])) continue;
    const key = (m[2] ?? m[3]) as string;
    const value = m[5] as string;
    if (key === 'apiVersion' && FORMATS.some((f) => f.apiVersion.test(value))) found.service = true;
    else if (SLO_FORMATS.some((f) => f.marker.key === key && f.marker.value.test(value))) found.slo = true;
  }
  return found;
}

/** Whether a text (that may not parse) holds a document of one of the formats, services' or SLOs'. */
export function hasOurApiVersion(text: string): boolean {
  const m = markersIn(text);
  return m.service || m.slo;
}

/** A byte order mark at the start, UTF-16's or (read as Latin-1) UTF-8's: the first line's marker follows it. */
const BOM = /^(?:\ufeff|\u00ef\u00bb\u00bf)/;
const bomless = (text: string): string => text.replace(BOM, '');

/**
 * `hasOurApiVersion` over bytes that could not be decoded (or the head of a file too large to read):
 * read as Latin-1 and as UTF-16 in both byte orders, after a byte order mark.
 */
export function bytesHaveOurApiVersion(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasOurApiVersion(bomless(b.toString('latin1')))) return true;
  // A shortcut: UTF-16 of ASCII text holds zero bytes, so without one, neither reading holds a marker.
  // Stryker disable next-line ConditionalExpression: without the shortcut, both readings find no marker all the same
  if (!b.includes(0)) return false;
  const even = b.subarray(0, b.length - (b.length % 2));
  const swapped = Buffer.from(even);
  swapped.swap16();
  return hasOurApiVersion(bomless(even.toString('utf16le'))) || hasOurApiVersion(bomless(swapped.toString('utf16le')));
}

/** "a warranty-lint/v1 Service or a Backstage Component of a service type": what a file must hold. */
export function formatTitles(): string {
  return listWords(FORMATS.map((f) => f.title), 'or');
}

export type { DocumentFacts, InputFormat, LocationTarget, ServiceLayout } from './types.js';
