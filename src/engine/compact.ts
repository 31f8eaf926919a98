// What a run keeps of a file once it is done: its findings and its small Service models. Strings
// taken from a file (names, owners, values) are slices of the whole file's text in V8, so keeping one
// keeps the text: 100k files would keep 100k texts. Each string is replaced by a flat copy, shared
// by every equal string of the run (tiers, stages, pointers, keys repeat in every service), and small
// leaves (keys lists, ranges) are shared the same way. Models are read-only once built (rules are
// pure), so shared leaves are frozen: a mutation would throw, not leak into another service.
// Findings are packed (see PackedFinding): their messages kept as pieces shared between findings.
import type { FileResult } from './process-file.js';
import { messagePieces, packFinding, type KeptFinding } from './finding.js';

/** What a run keeps of a file: FileResult with its findings as kept (packed on large runs). */
export interface KeptFile extends Omit<FileResult, 'findings'> {
  findings: KeptFinding[];
}

/** Leaves larger than this are rarely equal: not worth a key. */
const LEAF_MAX = 12;

/** Strings longer than this are not pooled. */
const POOL_MAX_LENGTH = 64;

/**
 * From this many files lint() compacts what each file keeps. Below it a run keeps little (10k files:
 * ~200 MiB peak) and compaction would cost ~90 µs a file, about two thirds of linting it (bench/stages.js).
 */
export const COMPACT_MIN_FILES = 30_000;

/**
 * A new sequential string with the text of `s`: never a slice of a larger string (which would keep
 * it alive) nor a rope (a string built by concatenation is a tree of its pieces in V8, which can take
 * two or three times the memory of the text). The JSON round trip is the copy.
 */
export function flatCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * One primitive in a leaf's key: typed and length-prefixed, so no value can forge another leaf's key.
 * A string is `s<length>:<text>`; any other primitive the first letter of its type and its text
 * (`n12;`, `btrue;`, `onull;`, `uundefined;`), -0 apart from 0 (String(-0) is "0").
 */
function part(v: unknown): string {
  if (typeof v === 'string') return `s${v.length}:${v}`;
  // Stryker disable next-line StringLiteral,UnaryOperator: any text but a number's tells -0 from 0; with +0 their texts swap, still apart.
  const text = Object.is(v, -0) ? '-0' : String(v);
  return `${(typeof v)[0]}${text};`;
}

export class StringPool {
  private readonly pool = new Map<string, string>();
  private readonly leaves = new Map<string, object>();

  /** Set while compacting results whose strings are already flat copies (they crossed from a worker). */
  // Stryker disable next-line BooleanLiteral: which copy of equal text a model holds cannot be seen (README, "Mutation testing").
  private fresh = false;

  /** A flat copy of `s` shared by the whole run. */
  intern(s: string): string {
    // Long strings (long values, deep pointers) are seldom equal: flattened, not pooled.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pooled or not, flat or not, the text is the same (a string's identity cannot be seen).
    if (s.length > POOL_MAX_LENGTH) return this.fresh ? s : flatCopy(s);
    const known = this.pool.get(s);
    // Stryker disable next-line ConditionalExpression: not taken, the same text is pooled again (which copy a model holds cannot be seen).
    if (known !== undefined) return known;
    // Stryker disable next-line ConditionalExpression: a flat copy or the string itself, the same text.
    const flat = this.fresh ? s : flatCopy(s);
    this.pool.set(flat, flat);
    return flat;
  }

  /**
   * Replaces, in place, every string inside plain data (objects and arrays) by its pooled copy, and
   * every small leaf (an array or object of at most LEAF_MAX primitives: area keys, ranges, pointer
   * tables) by a frozen instance shared with its equals. Models are read-only once built.
   */
  compact<T>(value: T): T {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string not interned comes back as it is, the same text.
    if (typeof value === 'string') return this.intern(value) as T;
    if (value === null || typeof value !== 'object') return value;
    let leaf = true;
    if (Array.isArray(value)) {
      // Stryker disable next-line StringLiteral: an array's key is told from an object's ('o' and a digit) by its first part anyway, a letter.
      let key = 'a';
      for (let i = 0; i < value.length; i++) {
        const v = this.compact(value[i]);
        value[i] = v;
        // (The key of an array that is not a leaf is never used.)
        if (v !== null && typeof v === 'object') leaf = false;
        else key += part(v);
      }
      return leaf && value.length <= LEAF_MAX ? (this.share(key, value) as T) : value;
    }
    const record = value as Record<string, unknown>;
    // Stryker disable next-line StringLiteral: an object's key is told from an array's ('a...') by its first part anyway, a digit.
    let key = 'o';
    let size = 0;
    for (const k in record) {
      let v = record[k];
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: other primitives come back from compact() as they are, and a string's identity cannot be seen.
      if (v !== null && (typeof v === 'string' || typeof v === 'object')) record[k] = v = this.compact(v);
      if (leaf && v !== null && typeof v === 'object') leaf = false;
      else if (leaf && ++size <= LEAF_MAX) key += `${k.length}:${k}${part(v)}`;
    }
    return leaf && size <= LEAF_MAX ? (this.share(key, record) as T) : value;
  }

  private share(key: string, leaf: object): object {
    const known = this.leaves.get(key);
    if (known) return known;
    // The key was built piece by piece: as a rope it took ~3x its text, kept for the whole run once
    // per distinct leaf (140,000 on the 100k catalog, most of them dependencies).
    this.leaves.set(flatCopy(key), Object.freeze(leaf));
    return leaf;
  }

  /** The pieces of a message around its service's name, each pooled, and the list shared with every equal one (frozen). */
  private pieces(message: string, service: string | null): readonly string[] {
    const pieces = messagePieces(message, service);
    // Stryker disable next-line StringLiteral: as in compact(), the first part (a string's "s") tells a list from an object anyway.
    let key = 'a';
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i] as string;
      let known = this.pool.get(p);
      // A piece from split() may be a slice of the message: the pool keeps a copy of its own.
      // Stryker disable next-line ConditionalExpression: copied again, a known piece is the same text.
      if (known === undefined) this.pool.set((known = flatCopy(p)), known);
      pieces[i] = known;
      key += part(known);
    }
    return pieces.length <= LEAF_MAX ? (this.share(key, pieces) as string[]) : pieces;
  }

  /** The findings and services of a file, compacted; the result object itself is dropped by the caller. */
  // Stryker disable next-line BooleanLiteral: strings taken as flat copies or copied, the same text.
  compactResult(result: FileResult, fresh = false): KeptFile {
    this.fresh = fresh;
    // Findings are packed, not shared or frozen: waivers mark them later.
    const intern = (s: string): string => this.intern(s);
    const pieces = (message: string, service: string | null): readonly string[] => this.pieces(message, service);
    const out = { file: this.intern(result.file), findings: result.findings.map((f) => packFinding(f, intern, pieces)), services: this.compact(result.services), brokenDocuments: result.brokenDocuments, ...(result.catalog ? { catalog: result.catalog } : {}), ...(result.slos ? { slos: this.compact(result.slos) } : {}) };
    // Stryker disable next-line BooleanLiteral: as above.
    this.fresh = false;
    return out;
  }
}
