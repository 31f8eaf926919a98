// Where to insert YAML into a service document so that it lands where it means what it should: a
// new key at the end of a block mapping (creating missing parents), an item at the end of a block
// sequence, or the content of a key left empty. Positions come from the document's `locate`
// (src/load/locate.ts); anything this cannot place safely — flow collections (`{ … }`, `[ … ]`),
// a key holding `null` or a scalar, entries that merge keys (`<<`) bring from elsewhere — gets no
// edit: no code action is better than one that breaks the file.
import type { ParsedDocument } from '../load/document.js';
import { joinPointer, splitPointer } from '../load/pointer.js';
import type { Range } from '../types.js';

/** Text to insert at a 0-based position. */
export interface Insertion {
  line: number;
  character: number;
  text: string;
}

/** A parsed document and the text of its file. */
export interface EditableDocument {
  doc: Pick<ParsedDocument, 'value' | 'locate'>;
  lines: readonly string[];
  eol: string;
}

export function editable(text: string, doc: Pick<ParsedDocument, 'value' | 'locate'>): EditableDocument {
  return { doc, lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const parentOf = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf('/'));
const lastSegment = (pointer: string): string => splitPointer(pointer).pop() ?? '';

function valueAt(root: unknown, pointer: string): { present: boolean; value: unknown } {
  let node = root;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return { present: false, value: undefined };
    node = (node as Record<string, unknown>)[segment];
  }
  return { present: true, value: node };
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const before = (a: Range, b: Range): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
const endsBefore = (a: Range, b: Range): boolean => a.endLine < b.endLine || (a.endLine === b.endLine && a.endColumn <= b.endColumn);

/** The text of a node, from its start: is it a flow collection (after any anchor or tag)? */
function isFlow(e: EditableDocument, r: Range): boolean {
  const rest = (e.lines[r.line - 1] ?? '').slice(r.column - 1).replace(/^(?:[&!]\S*\s+)*/, '');
  return rest.startsWith('{') || rest.startsWith('[');
}

/**
 * After the entry that ends last among `entries` (pointers inside the collection at `container`):
 * at the start of the line after it, or at the end of its own line. Undefined when no entry lies
 * inside the collection's own text.
 */
function afterLast(e: EditableDocument, container: string, entries: readonly string[]): { line: number; character: number; newlineFirst: boolean } | undefined {
  const outer = container === '' ? undefined : e.doc.locate(container);
  let last: Range | undefined;
  for (const p of entries) {
    const r = e.doc.locate(p);
    if (outer && !(before(outer, r) && endsBefore(r, outer))) continue;
    if (!last || endsBefore(last, r)) last = r;
  }
  if (!last) return undefined;
  if (last.endColumn === 1 && last.endLine > last.line) return { line: last.endLine - 1, character: 0, newlineFirst: false };
  return { line: last.endLine - 1, character: (e.lines[last.endLine - 1] ?? '').length, newlineFirst: true };
}

function insertion(e: EditableDocument, at: { line: number; character: number; newlineFirst: boolean }, indent: number, lines: readonly string[]): Insertion {
  const pad = ' '.repeat(indent);
  const body = lines.map((l) => pad + l).join(e.eol);
  return { line: at.line, character: at.character, text: at.newlineFirst ? e.eol + body : body + e.eol };
}

/** Under a key whose value is empty (`spec:` and nothing, or a comment): its content, indented two more. */
function underEmptyKey(e: EditableDocument, pointer: string, lines: readonly string[]): Insertion | undefined {
  const key = e.doc.locate(pointer, 'key');
  const line = e.lines[key.line - 1] ?? '';
  // The key, its colon and nothing else on the line (`key: null`, `key: ~` or `key: ""` are values).
  if (!/^\s*:\s*(?:#.*)?$/.test(line.slice(key.endColumn - 1))) return undefined;
  return insertion(e, { line: key.line - 1, character: line.length, newlineFirst: true }, key.column - 1 + 2, lines);
}

/**
 * Inserts `lines` (the key and its content, unindented) as the last entry of the mapping at
 * `parent`, creating the parents that are missing. Undefined when it cannot be done safely.
 */
export function insertEntry(e: EditableDocument, parent: string, lines: readonly string[]): Insertion | undefined {
  const { present, value } = valueAt(e.doc.value, parent);
  if (!present) {
    if (parent === '') return undefined;
    return insertEntry(e, parentOf(parent), [`${lastSegment(parent)}:`, ...lines.map((l) => `  ${l}`)]);
  }
  if (value === null) return parent === '' ? undefined : underEmptyKey(e, parent, lines);
  if (!isMapping(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined; // `{}`: a flow mapping
  if (parent !== '' && isFlow(e, e.doc.locate(parent))) return undefined;
  const entries = keys.map((k) => joinPointer(parent, k));
  const at = afterLast(e, parent, entries);
  // The indentation of its own first key (not one a merge key brought from elsewhere).
  const outer = parent === '' ? undefined : e.doc.locate(parent);
  const first = entries.map((p) => e.doc.locate(p, 'key')).find((r) => !outer || (before(outer, r) && endsBefore(r, outer)));
  // A block mapping's first key has only indentation before it (in a flow one, `{` or `,`).
  if (!at || !first || !/^\s*$/.test((e.lines[first.line - 1] ?? '').slice(0, first.column - 1))) return undefined;
  return insertion(e, at, first.column - 1, lines);
}

/**
 * Appends an item (`lines`, the first starting with `- `) to the block sequence at `pointer`,
 * creating it (and its parents) when it is missing, or filling it when its key is left empty.
 */
export function appendItem(e: EditableDocument, pointer: string, lines: readonly string[]): Insertion | undefined {
  const { present, value } = valueAt(e.doc.value, pointer);
  if (!present) return insertEntry(e, parentOf(pointer), [`${lastSegment(pointer)}:`, ...lines.map((l) => `  ${l}`)]);
  if (value === null) return underEmptyKey(e, pointer, lines);
  if (!Array.isArray(value) || value.length === 0 || isFlow(e, e.doc.locate(pointer))) return undefined;
  const items = value.map((_, i) => joinPointer(pointer, i));
  const first = e.doc.locate(items[0] as string);
  // The dash of the first item sets the indentation: `    - rule: …` → 4.
  const dash = /^(\s*)-\s+$/.exec((e.lines[first.line - 1] ?? '').slice(0, first.column - 1));
  const at = afterLast(e, pointer, items);
  if (!dash || !at) return undefined;
  return insertion(e, at, (dash[1] as string).length, lines);
}

/** The content of a missing area: under its key when the key is left empty, else a new entry of its parent. */
export function fillOrInsert(e: EditableDocument, pointer: string, content: readonly string[]): Insertion | undefined {
  const { present, value } = valueAt(e.doc.value, pointer);
  if (present) return value === null ? underEmptyKey(e, pointer, content) : undefined;
  return insertEntry(e, parentOf(pointer), [`${lastSegment(pointer)}:`, ...content.map((l) => `  ${l}`)]);
}
