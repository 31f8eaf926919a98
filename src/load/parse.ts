import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Range } from '../types.js';
import { LineIndex } from './lines.js';
import { joinPointer, splitPointer } from './pointer.js';
import { effectiveMaxDepth, preflight, type Refusal } from './preflight.js';
import { scanDocuments, setOwn, type ScanMap, type ScanNode, type ScannedDocument } from './scan.js';

export interface ParseLimits {
  maxDepth: number;
  maxAliases: number;
  /** Bounds the values a file may hold (see `maxValues` in preflight.ts); none when absent. */
  maxFileSize?: number;
}

/** A parse problem: it becomes a `yaml-syntax` finding. */
export interface SyntaxProblem {
  message: string;
  range: Range;
}

/** A structural problem a parser accepts but a service definition cannot hold: a `schema` finding. */
export interface ShapeProblem {
  pointer: string;
  message: string;
  at: 'key' | 'value';
  /** Set when the pointer cannot name the node (a key that is not a string). */
  range?: Range;
}

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /** Plain data (objects, arrays, strings, numbers, booleans, null); undefined when `syntax` is not empty. */
  value: unknown;
  /** When not empty the document is unusable and gets only these findings. */
  syntax: SyntaxProblem[];
  /** Non-string keys and the like, reported as `schema` findings. */
  shape: ShapeProblem[];
  /** Where the document's content starts (for findings about the document as a whole). */
  start: Range;
  /** Maps a JSON pointer to the node's range; a missing node maps to its nearest existing parent key. */
  locate(pointer: string, at?: 'key' | 'value'): Range;
}

const require = createRequire(import.meta.url);

/**
 * `yaml`, loaded on first use (~50 ms): a run whose files the scanner reads never needs it, and
 * start-up counts for a one-file run. Everything below that uses `Y` runs after `parseWithYaml`.
 */
let Y: typeof Yaml;

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  // The parser's own duplicate check compares every key with every earlier one: a flat mapping
  // of 40,000 keys took 40 s. The walker checks duplicates in linear time instead.
  uniqueKeys: false,
  // Otherwise `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` are honoured (YAML 1.1
  // types) even under the core schema; unresolved, they are reported as unknown tags.
  resolveKnownTags: false,
  strict: true,
  prettyErrors: false,
  merge: false,
  intAsBigInt: false,
} as const;

/** Values an alias may expand to, per allowed alias: a bomb built within `maxAliases` still stops. */
const EXPANSION_PER_ALIAS = 1000;

const MERGE_KEY = '<<';

class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Turns text into documents with positions. Never throws on any input. Text in the part of YAML
 * service definitions are written in is read by the scanner (`scan.ts`, several times faster);
 * anything else, and every error, by `yaml`. Both give the same values and positions.
 */
export function parseDocuments(text: string, limits: ParseLimits): ParsedDocument[] {
  return scanned(text, limits) ?? parseWithYaml(text, limits);
}

/**
 * `parseDocuments` behind the preflight (preflight.ts), which refuses what would exhaust the
 * parser. What the scanner reads needs none: it reads no deeper than `limits.maxDepth` and no more
 * values than the preflight allows, so the preflight could not refuse it.
 */
export function readDocuments(text: string, limits: ParseLimits): ParsedDocument[] | Refusal {
  return scanned(text, limits) ?? preflight(text, limits) ?? parseWithYaml(text, limits);
}

/** The documents as the scanner reads them; undefined when it leaves the text to `yaml`. */
function scanned(text: string, limits: ParseLimits): ParsedDocument[] | undefined {
  const docs = scanDocuments(text, limits);
  if (!docs) return undefined;
  const lines = new LineIndex(text);
  return docs.map((doc, index) => fromScan(doc, index, lines));
}

/** The documents as `yaml` reads them: the path for everything the scanner leaves. */
export function parseWithYaml(text: string, limits: ParseLimits, lines = new LineIndex(text)): ParsedDocument[] {
  let docs: Document.Parsed[];
  try {
    Y ??= require('yaml') as typeof Yaml;
    docs = Y.parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch (error) {
    // The parser is not expected to throw; if it does, the file is still a finding, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return [brokenDocument(0, `the YAML parser failed: ${message}`, lines.range(0, 0))];
  }
  return docs.map((doc, index) => toParsed(doc, index, lines, limits, text));
}

function fromScan(doc: ScannedDocument, index: number, lines: LineIndex): ParsedDocument {
  const tree = new ScanTree(doc.node);
  const locate = (pointer: string, at: 'key' | 'value' = 'value'): Range => {
    const [s, e] = locateIn(tree, pointer, at);
    return lines.range(s, e);
  };
  return { index, value: doc.value, syntax: [], shape: [], start: lines.range(doc.node.start, doc.node.start), locate };
}

function brokenDocument(index: number, message: string, range: Range): ParsedDocument {
  return { index, value: undefined, syntax: [{ message, range }], shape: [], start: range, locate: () => range };
}

function toParsed(doc: Document.Parsed, index: number, lines: LineIndex, limits: ParseLimits, text: string): ParsedDocument {
  const contents = doc.contents as YamlNode | null;
  const startOffset = contents?.range?.[0] ?? doc.range[0];
  const start = lines.range(startOffset, startOffset);
  const syntax: SyntaxProblem[] = [];
  for (const e of doc.errors) syntax.push({ message: describeYamlError(e.code, e.message), range: lines.range(e.pos[0], e.pos[1]) });
  for (const w of doc.warnings) {
    // An unknown tag is not silently turned into a string: the author meant something we cannot honour.
    if (w.code === 'TAG_RESOLVE_FAILED') syntax.push({ message: describeYamlError(w.code, w.message), range: lines.range(w.pos[0], w.pos[1]) });
  }
  if (doc.directives?.yaml?.explicit && doc.directives.yaml.version !== '1.2') {
    // The directive sits before the document's `---`: point at it.
    const at = Math.max(0, text.lastIndexOf('%YAML', doc.range[0]));
    syntax.unshift({
      message: `the %YAML ${doc.directives.yaml.version} directive is not supported; warranty-lint reads YAML 1.2 only (remove the directive)`,
      range: lines.range(at, at + 5),
    });
  }
  const tree = new Lookup(contents);
  const locate = (pointer: string, at: 'key' | 'value' = 'value'): Range => {
    const [s, e] = locateIn(tree, pointer, at);
    return lines.range(s, e);
  };
  if (syntax.length > 0) return { index, value: undefined, syntax, shape: [], start, locate };

  const found: Array<ShapeProblem & { offset?: number }> = [];
  try {
    const walker = new Walker(limits, found);
    const value = walker.toValue(contents, null, 0);
    if (walker.duplicates.length > 0) {
      const dups = walker.duplicates.map(([s, e]) => ({ message: describeYamlError('DUPLICATE_KEY', ''), range: lines.range(s, e) }));
      return { index, value: undefined, syntax: dups, shape: [], start, locate };
    }
    const shape = found.map(({ offset, ...p }) => (offset === undefined ? p : { ...p, range: lines.range(offset, offset) }));
    return { index, value, syntax, shape, start, locate };
  } catch (error) {
    if (error instanceof LimitExceeded) {
      const r = lines.range(error.offset, error.offset);
      return { index, value: undefined, syntax: [{ message: error.message, range: r }], shape: [], start, locate };
    }
    if (error instanceof RangeError) {
      // Stack exhaustion on pathological nesting that slipped past the depth pre-check.
      return { index, value: undefined, syntax: [{ message: `the document is nested too deeply to read`, range: start }], shape: [], start, locate };
    }
    throw error;
  }
}

/** Plain-English wording for the parser's error codes. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: a mapping may hold each key once (the later one would silently win)';
    case 'TAG_RESOLVE_FAILED':
      return `${first.replace(/^Unresolved tag/, 'unknown tag')}; tags are not supported in service definitions (remove it)`;
    case 'BAD_INDENT':
      return `bad indentation: ${first}`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line (is a colon or quote missing on the line above?)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a nested block cannot be used as a key (is a colon missing?)';
    default:
      return first.charAt(0).toLowerCase() + first.slice(1);
  }
}

/**
 * Converts the yaml AST to plain data, enforcing the limits the parser does not: depth and alias
 * expansion. `<<` merge keys are applied as YAML 1.1 defined them (explicit keys win), because
 * hand-written catalogs share warranty defaults that way.
 */
class Walker {
  private readonly anchors = new Map<string, YamlNode>();
  private aliases = 0;
  /** Nesting of alias expansions at the current node, and how many values they produced. */
  private inAlias = 0;
  private expanded = 0;
  /** Where the outermost alias being expanded is written: the place to blame for an expansion bomb. */
  private aliasAt = 0;
  private readonly maxDepth: number;
  /** Key ranges of keys that repeat an earlier key of the same mapping. */
  readonly duplicates: Array<[number, number]> = [];

  constructor(
    private readonly limits: ParseLimits,
    private readonly shape: Array<ShapeProblem & { offset?: number }>,
  ) {
    this.maxDepth = effectiveMaxDepth(limits);
  }

  toValue(node: unknown, pointer: Path, depth: number): unknown {
    if (node === null || node === undefined) return null;
    const n = node as YamlNode;
    if (depth > this.maxDepth) {
      const capped = this.maxDepth < this.limits.maxDepth ? `, the most warranty-lint reads (limits.maxDepth is capped at ${this.maxDepth})` : ' (limits.maxDepth)';
      throw new LimitExceeded(`the document is nested more than ${this.maxDepth} levels deep${capped}`, n.range?.[0] ?? 0);
    }
    if (this.inAlias > 0 && ++this.expanded > this.limits.maxAliases * EXPANSION_PER_ALIAS) {
      throw new LimitExceeded(
        `the document's aliases expand to more than ${this.limits.maxAliases * EXPANSION_PER_ALIAS} values (${EXPANSION_PER_ALIAS} per alias allowed by limits.maxAliases); refusing to expand them`,
        this.aliasAt,
      );
    }
    if (n.anchor) this.anchors.set(n.anchor, n);
    if (Y.isAlias(n)) {
      this.aliases += 1;
      if (this.aliases > this.limits.maxAliases) {
        throw new LimitExceeded(
          `the document uses more than ${this.limits.maxAliases} aliases (limits.maxAliases); refusing to expand it`,
          n.range?.[0] ?? 0,
        );
      }
      const target = this.anchors.get(n.source);
      if (!target) throw new LimitExceeded(`unknown alias *${n.source}: its anchor must be defined before it`, n.range?.[0] ?? 0);
      if (this.inAlias === 0) this.aliasAt = n.range?.[0] ?? 0;
      this.inAlias++;
      try {
        return this.toValue(target, pointer, depth + 1);
      } finally {
        this.inAlias--;
      }
    }
    if (Y.isScalar(n)) return scalarValue(n.value);
    if (Y.isSeq(n)) {
      const out: unknown[] = [];
      n.items.forEach((item, i) => out.push(this.toValue(item, { parent: pointer, key: i }, depth + 1)));
      return out;
    }
    if (Y.isMap(n)) {
      const out: Record<string, unknown> = {};
      const merges: unknown[] = [];
      const seen = new Set<string>();
      for (const pair of n.items) {
        const key = this.keyOf(pair, pointer);
        if (key === undefined) continue;
        if (seen.has(key)) {
          const r = (pair.key as YamlNode).range;
          if (this.inAlias === 0 && r) this.duplicates.push([r[0], r[1]]);
          continue;
        }
        seen.add(key);
        if (key === MERGE_KEY) {
          merges.push(pair.value);
          continue;
        }
        setOwn(out, key, this.toValue(pair.value, { parent: pointer, key }, depth + 1));
      }
      for (const source of merges) this.merge(out, source, pointer, depth + 1);
      return out;
    }
    return null;
  }

  private keyOf(pair: Pair, path: Path): string | undefined {
    const k = pair.key as YamlNode | null;
    if (Y.isScalar(k) && typeof k.value === 'string') return k.value;
    const shown = Y.isScalar(k) ? String(k.value) : k === null ? '' : Y.isSeq(k) ? 'a list' : Y.isMap(k) ? 'a mapping' : 'an alias';
    if (this.inAlias > 0) return undefined;
    const pointer = pointerOf(path);
    this.shape.push({
      pointer: Y.isScalar(k) ? joinPointer(pointer, shown) : pointer,
      message: Y.isScalar(k)
        ? `the key ${JSON.stringify(shown)} is not a string; keys must be strings (quote it: "${shown}")`
        : k === null
          ? 'a key is empty; keys must be strings'
          : `a key is ${shown}; keys must be strings`,
      at: 'key',
      offset: k?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0],
    });
    return undefined;
  }

  private merge(out: Record<string, unknown>, source: unknown, pointer: Path, depth: number): void {
    const resolved = this.toValue(source, pointer, depth);
    const maps = Array.isArray(resolved) ? resolved : [resolved];
    for (const m of maps) {
      if (m === null || typeof m !== 'object' || Array.isArray(m)) {
        const node = source as YamlNode;
        throw new LimitExceeded('a << merge key must refer to a mapping or a list of mappings', node?.range?.[0] ?? 0);
      }
      for (const [k, v] of Object.entries(m)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v);
    }
  }
}

/**
 * Where the walker is, as a linked list: the JSON pointer string is built only for the rare node
 * that needs one (a key that is not a string), not for every node of every document.
 */
type Path = { parent: Path; key: string | number } | null;

function pointerOf(path: Path): string {
  const keys: Array<string | number> = [];
  for (let p = path; p !== null; p = p.parent) keys.push(p.key);
  return joinPointer('', ...keys.reverse());
}

function scalarValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// --- positions ----------------------------------------------------------------------------------
//
// One algorithm (`locateIn`) maps a JSON pointer to offsets, over either tree: `yaml`'s nodes
// (`Lookup`) or the scanner's (`ScanTree`).

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
class Lookup implements NodeTree<YamlNode> {
  private readonly keys = new WeakMap<YamlNode, KeyIndex>();
  private anchors: Map<string, YamlNode[]> | undefined;
  readonly root: YamlNode | undefined;

  constructor(private readonly contents: YamlNode | null) {
    this.root = this.resolve(contents);
  }

  child(node: YamlNode, segment: string): { node: YamlNode | undefined; key: Span | undefined } | undefined {
    if (Y.isMap(node)) {
      const pair = this.findPair(node, segment);
      if (!pair) return undefined;
      const k = pair.key as YamlNode | null;
      return { node: this.resolve(pair.value as YamlNode | null), key: k ? (nodeSpan(k) ?? [0, 0]) : undefined };
    }
    if (Y.isSeq(node) && isIndex(segment, node.items.length)) {
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
    if (Y.isMap(contents) && contents.items.length > 0) {
      const r = nodeSpan(contents.items[0]?.key as YamlNode | null);
      if (r) return r;
    }
    const r = nodeSpan(contents);
    return r ? [r[0], r[0]] : [0, 0];
  }

  private findPair(map: YamlNode, key: string, seen = 0): Pair | undefined {
    if (!Y.isMap(map) || seen > 8) return undefined;
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
      if (!Y.isScalar(k)) continue;
      const name = String(k.value);
      if (k.value === MERGE_KEY) for (const m of (Y.isSeq(pair.value) ? pair.value.items : [pair.value]) as YamlNode[]) index.merges.push(m);
      if (!index.pairs.has(name)) index.pairs.set(name, pair);
    }
    this.keys.set(map, index);
    return index;
  }

  private resolve(node: YamlNode | null | undefined): YamlNode | undefined {
    if (!node) return undefined;
    if (!Y.isAlias(node)) return node;
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
    return found && !Y.isAlias(found) ? found : undefined;
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
      if (Y.isMap(n)) for (const p of n.items) stack.push(p.value, p.key);
      else if (Y.isSeq(n)) for (const item of n.items) stack.push(item);
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
