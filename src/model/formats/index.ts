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

const MARKERS = FORMATS.flatMap((f) => f.markers);
const MARKER_BYTES = MARKERS.flatMap((m) => {
  const le = Buffer.from(m, 'utf16le');
  return [Buffer.from(m), le, Buffer.from(le.map((_, i) => le[i ^ 1] as number))];
});

/** Whether text that cannot be parsed mentions any format's marker (is possibly ours). */
export function mentionsAFormat(text: string): boolean {
  return MARKERS.some((m) => text.includes(m));
}

/** `mentionsAFormat` over bytes that could not be decoded: UTF-8 and both UTF-16 byte orders. */
export function bytesMentionAFormat(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return MARKER_BYTES.some((m) => b.includes(m));
}

/** "a warranty-lint/v1 Service or a Backstage Component of a service type": what a file must hold. */
export function formatTitles(): string {
  const titles = FORMATS.map((f) => f.title);
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
}

export type { InputFormat, ServiceLayout } from './types.js';
