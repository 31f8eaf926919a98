// Positions: the one place a JSON pointer becomes a line and column. Rules, the schema and the
// engine name places by pointer only; every range a finding carries is computed here, from the
// node offsets of whichever reader parsed the document (`yaml`'s nodes or the scanner's), so that
// both give the same answer (test/load/scan.test.ts). A missing node maps to the key of its nearest
// existing parent (SPEC §4); a pointer that names nothing in the document, to its first key.
import type { Node as YamlNode, Pair } from 'yaml';
import type { Range } from '../types.js';
import type { Locate } from './document.js';
import { LineIndex } from './lines.js';
import { splitPointer } from './pointer.js';
import type { ScanMap, ScanNode } from './scan.js';
import { MERGE_KEY } from './walker.js';
import { yamlLib } from './yaml-lib.js';

export type { Locate } from './document.js';

/** The position of line 1, column 1: for findings about a whole file. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Where a document read by `yaml` puts each pointer. */
export function yamlLocator(contents: YamlNode | null, lines: LineIndex): Locate {
  return locator(new YamlTree(contents), lines);
}

/** Where a document read by the scanner puts each pointer. */
export function scanLocator(root: ScanNode, lines: LineIndex): Locate {
  return locator(new ScanTree(root), lines);
}

/** A document that could not be read: everything is at `range`. */
export function fixedLocator(range: Range): Locate {
  return () => range;
}

function locator<N>(tree: NodeTree<N>, lines: LineIndex): Locate {
  return (pointer, at = 'value') => {
    const [s, e] = locateIn(tree, pointer, at);
    return lines.range(s, e);
  };
}

/**
 * Narrows a value's range to where `phrase` is written inside it: a deferral in the middle of a
 * multi-line block scalar is reported at its own line, not at the `|` that opens the value. Words
 * are matched in any case, across any run of spaces or line breaks (a folded `>` value reads its
 * line breaks as spaces). The value's range when the phrase is not written as such (escapes in a
 * quoted string) or the value comes from another file.
 */
export function textRange(source: string, lines: LineIndex, value: Range, phrase: string): Range {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (value.file !== undefined || words.length === 0 || phrase.length > 1000) return value;
  const start = lines.offset(value.line, value.column);
  const end = lines.offset(value.endLine, value.endColumn);
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'iu');
  const m = pattern.exec(source.slice(start, end));
  return m ? lines.range(start + m.index, start + m.index + m[0].length) : value;
}

/** The range of one offset of a text. */
export function offsetRange(text: string, offset: number): Range {
  return new LineIndex(text).range(offset, offset);
}

/** The line and column of a byte offset in undecodable bytes; columns count characters (UTF-16 units), as elsewhere. */
export function byteRange(bytes: Uint8Array, offset: number): Range {
  let line = 1;
  let column = 1;
  const end = Math.min(offset, bytes.length);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = bom; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column += b >= 0xf0 ? 2 : 1;
  }
  return { line, column, endLine: line, endColumn: column };
}

// --- positions kept past the document ------------------------------------------------------------
//
// Rules over the whole catalog run after every file has been read and its document dropped (a
// catalog of 100k documents cannot keep them). Each catalog rule declares the pointers it may
// report at (`positions`); they are resolved while the document is at hand and kept on the service
// as `anchors`. A finding at any other pointer is still placed exactly: the engine reads the file
// again (`relocate`). The walk up the anchors is the last resort, when the file cannot be read again.

/** The key under which `anchors` keeps the range of a pointer (`key:` for the key's own range). */
export function anchorKey(pointer: string, at: 'key' | 'value' = 'value'): string {
  return at === 'key' ? `key:${pointer}` : pointer;
}

/** The range kept for exactly this pointer, if it was declared. */
export function keptRange(anchors: Readonly<Record<string, Range>>, pointer: string, at: 'key' | 'value' = 'value'): Range | undefined {
  return anchors[anchorKey(pointer, at)];
}

/** The nearest kept range on the way up from `pointer`; the document's first key, else its first line. */
export function nearestKeptRange(anchors: Readonly<Record<string, Range>>, pointer: string, at: 'key' | 'value' = 'value'): Range {
  const exact = keptRange(anchors, pointer, at);
  if (exact) return exact;
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const r = anchors[anchorKey(p, 'key')] ?? anchors[p];
    if (r) return r;
  }
  return anchors[''] ?? FILE_START;
}

/**
 * The range of a pointer in a service's document after the document is gone: a kept range, else
 * the document read again (`reread`, when it can be), else the nearest kept range above it.
 */
export function rangeAfterParse(anchors: Readonly<Record<string, Range>>, pointer: string, at: 'key' | 'value', reread: () => Locate | undefined): Range {
  return keptRange(anchors, pointer, at) ?? reread()?.(pointer, at) ?? nearestKeptRange(anchors, pointer, at);
}

// --- one algorithm over either tree ----------------------------------------------------------------
//
// `locateIn` maps a pointer to offsets over `yaml`'s nodes (`YamlTree`) or the scanner's (`ScanTree`).

type Span = [number, number];

interface NodeTree<N> {
  readonly root: N | undefined;
  /**
   * The node a segment names under `node`, with its key's span for a mapping entry (`node` is then
   * undefined when the entry's value cannot be resolved); undefined when there is no such child.
   */
  child(node: N, segment: string): { node: N | undefined; key: Span | undefined } | undefined;
  span(node: N | undefined): Span | undefined;
  /** Where findings about the document as a whole go: its first key, else where it starts. */
  documentStart(): Span;
}

/** Offsets of the node a pointer names, or of the key of its nearest existing parent. */
function locateIn<N>(tree: NodeTree<N>, pointer: string, at: 'key' | 'value'): Span {
  const segments = splitPointer(pointer);
  let node = tree.root;
  let key: Span | undefined;
  let consumed = 0;
  for (const seg of segments) {
    const next = node === undefined ? undefined : tree.child(node, seg);
    if (!next) break;
    node = next.node;
    key = next.key;
    consumed += 1;
  }
  if (consumed === 0) return tree.documentStart();
  const value = tree.span(node);
  const complete = consumed === segments.length;
  const emptyValue = !value || value[0] === value[1];
  // Missing below, asked for the key, or an empty `key:`: the key is the place.
  if (key && (!complete || at === 'key' || emptyValue)) return key;
  return value ?? tree.documentStart();
}

const isIndex = (seg: string, length: number): boolean => /^\d+$/.test(seg) && Number(seg) < length;

function nodeSpan(node: YamlNode | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

interface KeyIndex {
  pairs: Map<string, Pair>;
  merges: YamlNode[];
}

/**
 * `yaml`'s nodes, with lookups that stay cheap on hostile documents: a mapping's keys are indexed
 * once (a scan per lookup made a flood of findings in a wide mapping quadratic), and an alias is
 * resolved through an index of anchors (yaml's `Alias.resolve` walks the whole document on every
 * call). `<<` merge keys are followed, as the walker applies them.
 */
class YamlTree implements NodeTree<YamlNode> {
  private readonly Y = yamlLib();
  private readonly keys = new WeakMap<YamlNode, KeyIndex>();
  private anchors: Map<string, YamlNode[]> | undefined;
  readonly root: YamlNode | undefined;

  constructor(private readonly contents: YamlNode | null) {
    this.root = this.resolve(contents);
  }

  child(node: YamlNode, segment: string): { node: YamlNode | undefined; key: Span | undefined } | undefined {
    if (this.Y.isMap(node)) {
      const pair = this.findPair(node, segment);
      if (!pair) return undefined;
      const k = pair.key as YamlNode | null;
      return { node: this.resolve(pair.value as YamlNode | null), key: k ? (nodeSpan(k) ?? [0, 0]) : undefined };
    }
    if (this.Y.isSeq(node) && isIndex(segment, node.items.length)) {
      const item = this.resolve(node.items[Number(segment)] as YamlNode);
      return item ? { node: item, key: undefined } : undefined;
    }
    return undefined;
  }

  span(node: YamlNode | undefined): Span | undefined {
    return nodeSpan(node);
  }

  documentStart(): Span {
    const contents = this.contents;
    if (this.Y.isMap(contents) && contents.items.length > 0) {
      const r = nodeSpan(contents.items[0]?.key as YamlNode | null);
      if (r) return r;
    }
    const r = nodeSpan(contents);
    return r ? [r[0], r[0]] : [0, 0];
  }

  private findPair(map: YamlNode, key: string, seen = 0): Pair | undefined {
    if (!this.Y.isMap(map) || seen > 8) return undefined;
    const index = this.keyIndex(map);
    const pair = index.pairs.get(key);
    if (pair) return pair;
    for (const s of index.merges) {
      const target = this.resolve(s);
      const found = target ? this.findPair(target, key, seen + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private keyIndex(map: YamlNode): KeyIndex {
    let index = this.keys.get(map);
    if (index) return index;
    index = { pairs: new Map(), merges: [] };
    for (const pair of (map as YamlNode & { items: Pair[] }).items) {
      const k = pair.key as YamlNode | null;
      if (!this.Y.isScalar(k)) continue;
      const name = String(k.value);
      if (k.value === MERGE_KEY) for (const m of (this.Y.isSeq(pair.value) ? pair.value.items : [pair.value]) as YamlNode[]) index.merges.push(m);
      if (!index.pairs.has(name)) index.pairs.set(name, pair);
    }
    this.keys.set(map, index);
    return index;
  }

  private resolve(node: YamlNode | null | undefined): YamlNode | undefined {
    if (!node) return undefined;
    if (!this.Y.isAlias(node)) return node;
    // The anchor an alias names is the last one of that name defined before it.
    const candidates = this.anchorIndex().get(node.source) ?? [];
    const at = node.range?.[0] ?? Infinity;
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (((candidates[mid] as YamlNode).range?.[0] ?? Infinity) < at) lo = mid + 1;
      else hi = mid;
    }
    const found = candidates[lo - 1];
    return found && !this.Y.isAlias(found) ? found : undefined;
  }

  private anchorIndex(): Map<string, YamlNode[]> {
    if (this.anchors) return this.anchors;
    const anchors = new Map<string, YamlNode[]>();
    const stack: unknown[] = [this.contents];
    while (stack.length > 0) {
      const n = stack.pop() as YamlNode | null | undefined;
      if (!n || typeof n !== 'object') continue;
      if (n.anchor) {
        const list = anchors.get(n.anchor);
        if (list) list.push(n);
        else anchors.set(n.anchor, [n]);
      }
      if (this.Y.isMap(n)) for (const p of n.items) stack.push(p.value, p.key);
      else if (this.Y.isSeq(n)) for (const item of n.items) stack.push(item);
    }
    for (const list of anchors.values()) list.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
    this.anchors = anchors;
    return anchors;
  }
}

/** Up to this many keys a mapping is searched, not indexed. */
const SCAN_KEYS = 16;

/** The scanner's nodes: no aliases, no merges, no duplicate keys. */
class ScanTree implements NodeTree<ScanNode> {
  private readonly keys = new WeakMap<ScanMap, Map<string, number>>();

  constructor(readonly root: ScanNode) {}

  child(node: ScanNode, segment: string): { node: ScanNode | undefined; key: Span | undefined } | undefined {
    if (node.kind === 'map') {
      const i = this.indexOf(node, segment);
      if (i === -1) return undefined;
      return { node: node.values[i], key: [node.keySpans[2 * i] as number, node.keySpans[2 * i + 1] as number] };
    }
    if (node.kind === 'seq' && isIndex(segment, node.items.length)) return { node: node.items[Number(segment)], key: undefined };
    return undefined;
  }

  span(node: ScanNode | undefined): Span | undefined {
    return node ? [node.start, node.end] : undefined;
  }

  /** A key's position in a mapping: a scan of a small mapping, an index built once for a wide one. */
  private indexOf(map: ScanMap, key: string): number {
    if (map.keys.length <= SCAN_KEYS) return map.keys.indexOf(key);
    let index = this.keys.get(map);
    if (!index) {
      index = new Map(map.keys.map((k, i) => [k, i]));
      this.keys.set(map, index);
    }
    return index.get(key) ?? -1;
  }

  documentStart(): Span {
    const root = this.root;
    if (root.kind === 'map' && root.keys.length > 0) return [root.keySpans[0] as number, root.keySpans[1] as number];
    return [root.start, root.start];
  }
}
