// yaml's AST to plain data, with the limits the parser does not enforce (depth, alias expansion)
// and YAML 1.1's `<<` merge keys, which hand-written catalogs use to share warranty defaults.
import type { Node as YamlNode, Pair } from 'yaml';
import type { ParseLimits, ShapeProblem } from './document.js';
import { joinPointer } from './pointer.js';
import { effectiveMaxDepth } from './preflight.js';
import { setOwn } from './scan.js';
import { yamlLib } from './yaml-lib.js';

/** Values an alias may expand to, per allowed alias: a bomb built within `maxAliases` still stops. */
const EXPANSION_PER_ALIAS = 1000;

export const MERGE_KEY = '<<';

export class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Converts the yaml AST to plain data, enforcing the limits the parser does not: depth and alias
 * expansion. `<<` merge keys are applied as YAML 1.1 defined them (explicit keys win), because
 * hand-written catalogs share warranty defaults that way.
 */
export class Walker {
  private readonly Y = yamlLib();
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
    if (this.Y.isAlias(n)) {
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
    if (this.Y.isScalar(n)) return scalarValue(n.value);
    if (this.Y.isSeq(n)) {
      const out: unknown[] = [];
      n.items.forEach((item, i) => out.push(this.toValue(item, { parent: pointer, key: i }, depth + 1)));
      return out;
    }
    if (this.Y.isMap(n)) {
      const out: Record<string, unknown> = {};
      // Merge sources are read where they stand, so that an anchor defined in one is known to the
      // keys after it (as `yaml` reads it), and applied after the explicit keys, which win.
      const merges: Array<{ node: unknown; value: unknown }> = [];
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
          merges.push({ node: pair.value, value: this.toValue(pair.value, pointer, depth + 1) });
          continue;
        }
        setOwn(out, key, this.toValue(pair.value, { parent: pointer, key }, depth + 1));
      }
      for (const { node: source, value } of merges) this.merge(out, source, value);
      return out;
    }
    return null;
  }

  private keyOf(pair: Pair, path: Path): string | undefined {
    const k = pair.key as YamlNode | null;
    if (this.Y.isScalar(k) && typeof k.value === 'string') return k.value;
    const shown = this.Y.isScalar(k) ? String(k.value) : k === null ? '' : this.Y.isSeq(k) ? 'a list' : this.Y.isMap(k) ? 'a mapping' : 'an alias';
    if (this.inAlias > 0) return undefined;
    const pointer = pointerOf(path);
    this.shape.push({
      pointer: this.Y.isScalar(k) ? joinPointer(pointer, shown) : pointer,
      message: this.Y.isScalar(k)
        ? `the key ${JSON.stringify(shown)} is not a string; keys must be strings (quote it: "${shown}")`
        : k === null
          ? 'a key is empty; keys must be strings'
          : `a key is ${shown}; keys must be strings`,
      at: 'key',
      offset: k?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0],
    });
    return undefined;
  }

  private merge(out: Record<string, unknown>, source: unknown, resolved: unknown): void {
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
export type Path = { parent: Path; key: string | number } | null;

function pointerOf(path: Path): string {
  const keys: Array<string | number> = [];
  for (let p = path; p !== null; p = p.parent) keys.push(p.key);
  return joinPointer('', ...keys.reverse());
}

function scalarValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

