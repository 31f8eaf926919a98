// JSON pointers (RFC 6901): the only way rules and the schema name a place in a document.

export function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  // Nearly every key needs no escaping: skip the two regex passes (a hot path of every document).
  if (segment.indexOf('~') === -1 && segment.indexOf('/') === -1) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const parts = pointer.slice(1).split('/');
  return pointer.indexOf('~') === -1 ? parts : parts.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/spec/warranty/continuity/rto` → `spec.warranty.continuity.rto`; `/spec/dependsOn/0` → `spec.dependsOn[0]`. */
export function pointerToPath(pointer: string): string {
  let out = '';
  for (const s of splitPointer(pointer)) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else out += (out ? '.' : '') + s;
  }
  return out || '(document)';
}

/** The value a pointer names in plain data; undefined when there is none. */
export function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) node = /^\d+$/.test(seg) ? node[Number(seg)] : undefined;
    else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}
