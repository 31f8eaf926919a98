// `--catalog <file>`: entities as Backstage's catalog API returns them (`GET /api/catalog/entities`
// gives a JSON list; `/entities/by-query` an object with `items`), or YAML documents of entities.
// They are never linted: they only tell dependencies what exists, and the tier of the services
// among them (a repository usually holds one service of a larger catalog).
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { ResolvedConfig } from '../config/types.js';
import { decode } from '../load/decode.js';
import { offsetRange } from '../load/locate.js';
import { readDocuments } from '../load/parse.js';
import { describeIoError, readBounded } from '../load/read.js';
import { knownEntity, type KnownEntity } from '../model/catalog.js';

/** The entities of a catalog export, by key; a file that cannot be read or holds no entity stops the run (exit 2). */
export function readCatalogExport(path: string, cwd: string, config: ResolvedConfig): Map<string, KnownEntity> {
  const fail = (why: string): never => {
    throw new UserError(`--catalog ${path}: ${why}`);
  };
  let bytes: Buffer;
  try {
    bytes = readBounded(resolve(cwd, path), config.limits.maxFileSize);
  } catch (error) {
    // An error with no code (over the size limit) is described by its message.
    return fail(`cannot read it: ${describeIoError(error)}`);
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.message);
  const values: unknown[] = [];
  // The catalog API answers in JSON, often a large single line: JSON.parse reads it fastest; the
  // YAML reader is for YAML exports, and says where a broken file breaks.
  // Stryker disable next-line ConditionalExpression,Regex: a shortcut; JSON that does not start with [ or { is a scalar, no entity either way.
  if (/^\s*[[{]/.test(decoded.text)) {
    try {
      values.push(JSON.parse(decoded.text));
    } catch {
      /* placed by the YAML reader below */
    }
  }
  const docs = values.length > 0 ? [] : readDocuments(decoded.text, config.limits);
  if (!Array.isArray(docs)) {
    const at = offsetRange(decoded.text, docs.offset);
    return fail(`${at.line}:${at.column}: ${docs.message}`);
  }
  for (const d of docs) {
    const first = d.syntax[0];
    if (first) return fail(`${first.range.line}:${first.range.column}: ${first.message}`);
    values.push(d.value);
  }
  const out = new Map<string, KnownEntity>();
  for (const entity of values.flatMap(entitiesOf)) {
    const known = knownEntity(entity, config);
    if (known && !out.has(known.key)) out.set(known.key, known);
  }
  if (out.size === 0) return fail('it holds no entity (a list of entities, an object with "items", or YAML documents of entities, each with kind and metadata.name)');
  return out;
}

/** A list, `{ items: [...] }` (by-query), or one entity. */
function entitiesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const items = (value as { items?: unknown } | null | undefined)?.items;
  // An empty document (null) is no entity, as knownEntity() says.
  return Array.isArray(items) ? items : [value];
}
