// The fast path of parsing. `yaml` composes a full document (tokens, CST, nodes with comments and
// ranges) for every file: ~95% of a run's cost. Service definitions are nearly always written in
// a small part of YAML: block mappings and sequences, one-line plain and quoted scalars, one-line
// flow collections, comments. This scanner reads exactly that part, in one pass, into the same
// plain data and the same node offsets `yaml` gives; the moment it meets anything else (an anchor,
// a tag, a block scalar, a multi-line scalar, a tab, a duplicate key, a comment whose place could
// change a node's end, ...) it gives up and the file goes through `yaml` as before. Giving up is
// always correct, only slower: the scanner decides nothing `yaml` would decide differently
// (test/load/scan.test.ts holds the two to the same values and positions on the generated catalog,
// the fixtures and randomly built documents; test/load/yaml-test-suite.test.ts on the official YAML
// test suite and mutations of it).
// Why this file is long: it is one state machine over one text, whose states share the cursor and
// the line table; split into files, every piece would need all of them.
import type { ParseLimits } from './document.js';
import { effectiveMaxDepth, maxValues } from './preflight.js';

/** A node's offsets, as `yaml`'s `range[0]` and `range[1]`: where its value starts and ends. */
export type ScanNode = ScanScalar | ScanMap | ScanSeq;

interface Spanned {
  start: number;
  end: number;
}

export interface ScanScalar extends Spanned {
  kind: 'scalar';
}

export interface ScanMap extends Spanned {
  kind: 'map';
  keys: string[];
  /** Start and end offsets of each key, flat: key i is at [keySpans[2i], keySpans[2i+1]). */
  keySpans: number[];
  values: ScanNode[];
}

export interface ScanSeq extends Spanned {
  kind: 'seq';
  items: ScanNode[];
}

export interface ScannedDocument {
  value: unknown;
  node: ScanNode;
}

/** Thrown to give up: the caller parses the text with `yaml` instead. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 0x20;
const NL = 0x0a;
const CR = 0x0d;
/** A line break starts here: `\n`, or `\r` (always before `\n`: see UNREAD). */
const isBreak = (c: number): boolean => c === NL || c === CR;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

/**
 * Characters the scanner never reads: tabs, a carriage return but before a line feed, other controls,
 * byte-order marks and non-characters, lone surrogates, line and paragraph separators. `yaml` has
 * rules for each.
 */
const UNREAD = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A plain scalar may not start with these (they are indicators); `-`, `?` and `:` only before a space. */
const INDICATOR = new Set([...'[]{},#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/**
 * Farthest a key's colon may be from where `yaml` counts the key's start: it refuses an implicit key
 * whose `:` is more than 1024 characters after it (`KEY_OVER_1024_CHARS`), spaces before the colon
 * included. After an entry with an empty value, `yaml` counts from the line break before the key's
 * line, not from the key; the scanner counts a block key's column and a line break (`\r\n`: 2) always.
 */
const MAX_KEY_SPAN = 1024;

/**
 * A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it (null, booleans,
 * decimal, octal and hexadecimal integers, floats, infinities, NaN; everything else a string),
 * without loading `yaml`: start-up of a one-file run is the reason. test/load/scan.test.ts holds
 * it to `yaml` on generated scalars.
 */
export function resolvePlain(source: string): unknown {
  // Most scalars are words: nothing but a digit, sign, dot, `~`, `n`, `N`, `t`, `T`, `f` or `F` can start a non-string.
  const c = source.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return c === 0x74 || c === 0x54;
  if (OCT.test(source)) return parseInt(source.slice(2), 8);
  if (DEC.test(source)) return parseInt(source, 10);
  if (HEX.test(source)) return parseInt(source.slice(2), 16);
  if (INF_NAN.test(source)) return source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN') ? NaN : c === DASH ? -Infinity : Infinity;
  if (FLOAT.test(source)) return parseFloat(source);
  return source;
}

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const DEC = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Assigns without ever touching a prototype (`__proto__` stays an ordinary key). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** What a line holds, once blank and comment lines are skipped. */
interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its first non-space character. */
  content: number;
  indent: number;
}

const END_OF_TEXT: Line = { start: -1, content: -1, indent: -1 };

/** What reading a node gives: its value, its node, its `end2` (see `closes`) and the line after it. */
type Read = [unknown, ScanNode, number, Line];

/**
 * The documents of `text` with their values and node offsets, or undefined when the text uses
 * anything beyond what the scanner reads (the caller then parses it with `yaml`).
 */
export function scanDocuments(text: string, limits: ParseLimits): ScannedDocument[] | undefined {
  if (UNREAD.test(text)) return undefined;
  try {
    // Half the preflight's budget of values: whatever the preflight would refuse, the scanner leaves.
    return new Scanner(text, effectiveMaxDepth(limits), Math.floor(maxValues(limits) / 2)).documents();
  } catch {
    // Given up; or a fault of the scanner's own, which is not the user's problem: `yaml` reads the file.
    return undefined;
  }
}

class Scanner {
  private readonly len: number;
  /**
   * The comment lines the last `nextLine` skipped: their indent, where the last one ends, and
   * whether a node has been given them (`closes`).
   */
  private trail: { indent: number; end: number; taken: boolean } | undefined;

  /** Values read (entries, items, flow collections, two per document): as the preflight counts them. */
  private values = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly maxValues: number,
  ) {
    this.len = text.length;
  }

  documents(): ScannedDocument[] {
    const docs: ScannedDocument[] = [];
    let line = this.nextLine(0);
    if (this.isMarker(line)) line = this.nextLine(this.afterMarker(line));
    for (;;) {
      // An empty document (nothing, or nothing before the next `---`) is left to `yaml`.
      if (line === END_OF_TEXT || this.isMarker(line) || line.indent !== 0) giveUp();
      const [value, node, , next] = this.block(line, 0);
      docs.push({ value, node });
      this.count(2);
      if (next === END_OF_TEXT) return docs;
      if (!this.isMarker(next)) giveUp();
      line = this.nextLine(this.afterMarker(next));
    }
  }

  /** `---` alone on its line. `...`, and `---` followed by content or a comment, are left to `yaml`. */
  private isMarker(line: Line): boolean {
    if (line === END_OF_TEXT || line.indent !== 0) return false;
    const t = this.text;
    const s = line.start;
    const dashes = t.startsWith('---', s);
    if (!dashes && !t.startsWith('...', s)) return false;
    const c = t.charCodeAt(s + 3);
    if (s + 3 < this.len && c !== SPACE && !isBreak(c)) return false; // `---x` is a plain scalar
    const after = this.skipSpaces(s + 3);
    if (!dashes || (after < this.len && !isBreak(t.charCodeAt(after)))) giveUp();
    return true;
  }

  private afterMarker(line: Line): number {
    return this.lineEnd(line.start);
  }

  /**
   * The next line with content from `from` (a line start), skipping blank lines and comment lines.
   * The comment lines skipped are kept in `trail`: in `yaml` they extend the nodes they follow (see
   * `closes`). Only the simple cases are read: every comment of the run at one indent, not less
   * than the indent of the line that follows (0 at the end).
   */
  private nextLine(from: number): Line {
    const t = this.text;
    this.trail = undefined;
    let pos = from;
    while (pos < this.len) {
      const content = this.skipSpaces(pos);
      if (content >= this.len) break;
      const c = t.charCodeAt(content);
      if (isBreak(c)) {
        pos = this.lineEnd(content);
        continue;
      }
      const indent = content - pos;
      if (c === HASH) {
        if (this.trail !== undefined && this.trail.indent !== indent) giveUp();
        pos = this.lineEnd(content);
        this.trail = { indent, end: pos, taken: false };
        continue;
      }
      if (this.trail !== undefined && this.trail.indent < indent) giveUp();
      return { start: pos, content, indent };
    }
    return END_OF_TEXT;
  }

  /**
   * Where a collection at `indent`, ending before the line `next` just read, ends with what belongs
   * to it (`yaml`'s third offset; a parent's range runs to its last value's). Comment lines after
   * the last entry go to the deepest node that takes them: the last scalar when they are deeper
   * than its mapping's keys (`inlineValue`), else the deepest collection at their indent or above
   * it, and with them the blank lines after them and the next line's indentation (at the end of
   * the text, everything to the end). No collection at indent 0 takes them (the document's own, or a
   * sequence under a top-level key): `yaml` hands them up to the document, which keeps them apart.
   */
  private closes(end: number, indent: number, next: Line): number {
    const trail = this.trail;
    if (trail === undefined || trail.taken || indent === 0 || trail.indent < indent) return end;
    trail.taken = true;
    return Math.max(end, next === END_OF_TEXT ? this.len : next.content);
  }

  private skipSpaces(pos: number): number {
    const t = this.text;
    while (pos < this.len && t.charCodeAt(pos) === SPACE) pos++;
    return pos;
  }

  private count(values: number): void {
    this.values += values;
    if (this.values > this.maxValues) giveUp();
  }

  /** The offset after the line's newline (or the end of the text). */
  private lineEnd(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    return nl === -1 ? this.len : nl + 1;
  }

  /** A block node (mapping or sequence) starting on `line`; returns its value, node and the line after it. */
  private block(line: Line, depth: number): Read {
    if (depth > this.maxDepth) giveUp();
    if (this.isEntry(line.content)) return this.sequence(line, depth);
    return this.mapping(line.content, line.indent, depth);
  }

  /** `-` followed by a space or the end of its line. */
  private isEntry(pos: number): boolean {
    const t = this.text;
    if (t.charCodeAt(pos) !== DASH) return false;
    const c = t.charCodeAt(pos + 1);
    return c === SPACE || isBreak(c) || pos + 1 >= this.len;
  }

  private mapping(first: number, indent: number, depth: number): Read {
    const value: Record<string, unknown> = {};
    const node: ScanMap = { kind: 'map', start: first, end: first, keys: [], keySpans: [], values: [] };
    let pos = first;
    for (;;) {
      const key = this.key(pos, false, indent + 2);
      if (key === undefined) giveUp();
      const [name, keyStart, keyEnd, afterColon] = key;
      if (name === '<<' || Object.prototype.hasOwnProperty.call(value, name)) giveUp(); // merges and duplicates
      this.count(1);
      node.keys.push(name);
      node.keySpans.push(keyStart, keyEnd);
      const [v, child, end2, next] = this.valueAfter(afterColon, indent, depth + 1);
      setOwn(value, name, v);
      node.values.push(child);
      node.end = end2;
      if (next === END_OF_TEXT || next.indent < indent || this.isMarker(next)) return [value, node, this.closes(node.end, indent, next), next];
      if (next.indent > indent || this.isEntry(next.content)) giveUp();
      pos = next.content;
    }
  }

  private sequence(line: Line, depth: number): Read {
    const indent = line.indent;
    const value: unknown[] = [];
    const node: ScanSeq = { kind: 'seq', start: line.content, end: line.content, items: [] };
    let next = line;
    for (;;) {
      const dash = next.content;
      const at = this.skipSpaces(dash + 1);
      let item: Read;
      if (at >= this.len || isBreak(this.text.charCodeAt(at)) || (this.text.charCodeAt(at) === HASH && at > dash + 1)) {
        // `-` alone (or before a comment): the item is the block below it (an empty item is left to `yaml`).
        const below = this.nextLine(this.lineEnd(dash));
        if (below === END_OF_TEXT || below.indent <= indent || this.isMarker(below)) giveUp();
        item = this.block(below, depth + 1);
      } else if (this.isEntry(at)) {
        giveUp(); // `- - x`
      } else if (this.key(at, false, at - next.start + 2) !== undefined) {
        if (depth + 1 > this.maxDepth) giveUp();
        item = this.mapping(at, at - next.start, depth + 1);
      } else {
        item = this.inlineValue(at, indent, depth + 1);
      }
      const [v, child, end2, after] = item;
      value.push(v);
      node.items.push(child);
      this.count(1);
      node.end = end2;
      next = after;
      if (next === END_OF_TEXT || next.indent < indent || this.isMarker(next) || (next.indent === indent && !this.isEntry(next.content))) {
        return [value, node, this.closes(node.end, indent, next), next];
      }
      if (next.indent > indent) giveUp();
    }
  }

  /**
   * The value after `key:` in a mapping at `indent`: on the same line, or the block below, or
   * nothing (null). Returns the value, its node, its `end2` and the line after it.
   */
  private valueAfter(afterColon: number, indent: number, depth: number): Read {
    const t = this.text;
    const at = this.skipSpaces(afterColon);
    const c = t.charCodeAt(at);
    if (at >= this.len || isBreak(c) || (c === HASH && at > afterColon)) {
      const eol = this.lineEnd(at);
      const below = this.nextLine(eol);
      if (below !== END_OF_TEXT && !this.isMarker(below) && (below.indent > indent || (below.indent === indent && this.isEntry(below.content)))) {
        // A comment between the key and its block belongs to the key's separator in `yaml`: fine,
        // but `nextLine` only lets through comments at the block's own indent.
        return this.block(below, depth);
      }
      // Nothing: null, placed where the value would have started.
      if (depth > this.maxDepth) giveUp();
      // A comment line after an empty value becomes part of it in `yaml`.
      if (this.trail !== undefined) giveUp();
      // After a comment on its line, the empty value runs in `yaml` to the next line's content (or the end).
      const end2 = c !== HASH ? at : below === END_OF_TEXT ? this.len : below.content;
      return [null, { kind: 'scalar', start: at, end: at }, end2, below];
    }
    return this.inlineValue(at, indent, depth);
  }

  /** A scalar or flow collection that starts at `at` and must end its line. */
  private inlineValue(at: number, indent: number, depth: number): Read {
    const t = this.text;
    const [value, node, end] = this.single(at, depth, false);
    // Only spaces, then a comment or the end of the line, may follow.
    const rest = this.skipSpaces(end);
    const r = t.charCodeAt(rest);
    if (rest < this.len && !isBreak(r) && !(r === HASH && rest > end)) giveUp();
    const eol = this.lineEnd(rest);
    const next = this.nextLine(eol);
    // A more indented line would continue the scalar (or be an error): left to `yaml`.
    if (next !== END_OF_TEXT && next.indent > indent && !this.isMarker(next)) giveUp();
    // Comment lines below it, deeper than its mapping's keys, are the scalar's in `yaml`.
    const trail = this.trail;
    if (trail === undefined || trail.indent <= indent) return [value, node, eol, next];
    trail.taken = true;
    return [value, node, trail.end, next];
  }

  /**
   * A key at `pos`: its text, start and end offsets, and the offset after its colon; undefined when
   * what is at `pos` is not a key the scanner reads. `before`: how many characters before the key
   * `yaml` may count in its distance to the colon (see MAX_KEY_SPAN).
   */
  private key(pos: number, flow: boolean, before: number): [string, number, number, number] | undefined {
    const t = this.text;
    const c = t.charCodeAt(pos);
    let name: string;
    let end: number;
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(pos);
      name = q[0];
      end = q[1];
      const colon = this.skipSpaces(end);
      if (t.charCodeAt(colon) !== COLON) return undefined;
      const after = t.charCodeAt(colon + 1);
      if (after !== SPACE && !(isBreak(after) && !flow) && !(colon + 1 >= this.len && !flow)) return undefined;
      if (colon - pos + before > MAX_KEY_SPAN) giveUp();
      return [name, pos, end, colon + 1];
    }
    const p = this.plain(pos, flow, true);
    if (p === undefined) return undefined;
    [name, end] = p;
    const colon = this.skipSpaces(end);
    if (t.charCodeAt(colon) !== COLON) return undefined;
    if (colon - pos + before > MAX_KEY_SPAN) giveUp();
    // A key that is not a string (`1:`, `true:`, `~:`) is reported by the full parse.
    if (resolvePlain(name) !== name) giveUp();
    return [name, pos, end, colon + 1];
  }

  /**
   * A plain scalar on one line: its text and end offset. In a key it stops before `: `; in a value
   * a `: ` is left to `yaml` (a nested mapping on one line is an error there).
   */
  private plain(pos: number, flow: boolean, asKey = false): [string, number] | undefined {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (pos >= this.len || isBreak(c) || c === SPACE || INDICATOR.has(c)) return undefined;
    if (c === DASH || c === 0x3f /* ? */ || c === COLON) {
      const n = t.charCodeAt(pos + 1);
      if (n === SPACE || isBreak(n) || pos + 1 >= this.len || (flow && (n === COMMA || n === RBRACKET || n === RBRACE))) return undefined;
    }
    let i = pos;
    let end = pos;
    for (; i < this.len; i++) {
      const ch = t.charCodeAt(i);
      if (isBreak(ch)) break;
      if (ch === SPACE) continue;
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (ch === COLON) {
        const n = t.charCodeAt(i + 1);
        if (n === SPACE || isBreak(n) || i + 1 >= this.len || (flow && (n === COMMA || n === RBRACKET || n === RBRACE))) {
          if (asKey) break;
          giveUp(); // `a: b: c`
        }
        if (flow) giveUp(); // `{a:1}` and `[http://x]`: flow plain scalars with colons are left to `yaml`
      }
      if (flow && (ch === COMMA || ch === RBRACKET || ch === RBRACE || ch === LBRACKET || ch === LBRACE)) {
        if (ch === LBRACKET || ch === LBRACE) giveUp();
        break;
      }
      end = i + 1;
    }
    if (asKey && t.charCodeAt(this.skipSpaces(end)) !== COLON) return undefined;
    return [t.slice(pos, end), end];
  }

  /** A quoted scalar on one line (no escapes): its value and the offset after its closing quote. */
  private quoted(pos: number): [string, number] {
    const t = this.text;
    const q = t.charCodeAt(pos);
    let value = '';
    let from = pos + 1;
    for (let i = pos + 1; i < this.len; i++) {
      const ch = t.charCodeAt(i);
      if (isBreak(ch) || (ch === BACKSLASH && q === DQUOTE)) giveUp();
      if (ch !== q) continue;
      if (q === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
        value += t.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      return [value + t.slice(from, i), i + 1];
    }
    return giveUp();
  }

  /** A node on one line at `at`: a flow collection, a quoted or a plain scalar. Returns its value, node and end. */
  private single(at: number, depth: number, inFlow: boolean): [unknown, ScanNode, number] {
    if (depth > this.maxDepth) giveUp();
    const c = this.text.charCodeAt(at);
    if (c === LBRACKET || c === LBRACE) return this.flow(at, depth);
    if (c === DQUOTE || c === SQUOTE) {
      const [value, end] = this.quoted(at);
      return [value, { kind: 'scalar', start: at, end }, end];
    }
    const p = this.plain(at, inFlow);
    if (p === undefined) giveUp();
    return [resolvePlain(p[0]), { kind: 'scalar', start: at, end: p[1] }, p[1]];
  }

  /** A flow collection on one line, of scalars and flow collections. */
  private flow(pos: number, depth: number): [unknown, ScanNode, number] {
    if (depth > this.maxDepth) giveUp();
    this.count(1);
    const t = this.text;
    const isMap = t.charCodeAt(pos) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    const node: ScanMap | ScanSeq = isMap ? { kind: 'map', start: pos, end: pos, keys: [], keySpans: [], values: [] } : { kind: 'seq', start: pos, end: pos, items: [] };
    let i = this.skipSpaces(pos + 1);
    if (t.charCodeAt(i) === close) {
      node.end = i + 1;
      return [isMap ? map : list, node, i + 1];
    }
    for (;;) {
      let name = '';
      if (node.kind === 'map') {
        const key = this.key(i, true, 0);
        if (key === undefined) giveUp();
        name = key[0];
        if (name === '<<' || Object.prototype.hasOwnProperty.call(map, name)) giveUp(); // merges and duplicates
        node.keys.push(name);
        node.keySpans.push(key[1], key[2]);
        i = this.skipSpaces(key[3]);
      }
      const [v, child, end] = this.single(i, depth + 1, true);
      if (node.kind === 'map') {
        this.count(1);
        setOwn(map, name, v);
        node.values.push(child);
      } else {
        this.count(1);
        list.push(v);
        node.items.push(child);
      }
      i = this.skipSpaces(end);
      const d = t.charCodeAt(i);
      if (d === close) {
        node.end = i + 1;
        return [isMap ? map : list, node, i + 1];
      }
      if (d !== COMMA) giveUp();
      i = this.skipSpaces(i + 1);
      if (t.charCodeAt(i) === close) giveUp(); // a trailing comma
    }
  }
}
