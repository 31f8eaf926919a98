// `--cache`: a file whose content is unchanged since the last run is not linted again; its per-file
// result comes from the cache. The key of a result is the file's content (its hash), its name, and
// whether it was named; what else a per-file result depends on (the tool's version, the config,
// today's date) keys the whole cache (src/cli/cache.ts). A file whose size, times and inode are
// those it had when its content was hashed is not read again (as git does; see FileStamp). Catalog
// rules, waivers and everything after them always run (finish.ts), so results are the same with
// the cache as without it.
import * as crypto from 'node:crypto';
import type { FileRef } from '../load/document.js';
import { readBounded } from '../load/read.js';
import { statSync } from 'node:fs';
import type { FileCache, FileResult, FileStamp } from '../lint-types.js';
import { lintBytes, lintFile, type FileOptions } from './process-file.js';

export type { FileCache } from '../lint-types.js';

/** The hash that keys a file's content: SHA-1 is enough to tell contents apart, and fast on large catalogs. */
export function contentHash(bytes: Uint8Array): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: crypto.hash (Node 20.12 and later) is only a faster way to the digest createHash gives ('function' → '' takes the other way)
  if (typeof crypto.hash === 'function') return crypto.hash('sha1', bytes);
  // Stryker disable next-line StringLiteral,MethodExpression: run only on a Node before 20.12, which has no crypto.hash (test/engine/cache.test.ts pins the digest)
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

/** The file's stamp; undefined when it is not a regular file or cannot be seen (lintFile() says why). */
export function stampOf(path: string): FileStamp | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? { key: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`, changedAt: st.ctimeMs } : undefined;
  } catch {
    // cannot be seen: no stamp
  }
  return undefined;
}

/**
 * lintFile(), through the cache. A file whose stamp shows it unchanged is not even read; any other
 * is read and its content hashed. A file that cannot be read (or is over the size limit) is not
 * cached: lintFile() reads it and reports why, as without a cache.
 */
export function lintFileCached(ref: FileRef, options: FileOptions, cache: FileCache): FileResult {
  const stamp = stampOf(ref.path);
  if (!stamp) return lintFile(ref, options);
  const known = cache.unchanged(ref.file, stamp, ref.explicit);
  if (known) return known;
  let bytes: Uint8Array;
  try {
    bytes = readBounded(ref.path, options.config.limits.maxFileSize);
  } catch {
    return lintFile(ref, options);
  }
  const key = contentHash(bytes);
  const hit = cache.get(ref.file, key, ref.explicit, stamp);
  if (hit) return hit;
  const result = lintBytes(bytes, ref, options);
  // A file of SLOs is linted anew each run: there are few, and the codec keeps no objectives. So is
  // a definition that names evidence in the repository: whether that file exists is not in its content.
  if (!result.readsOtherFiles && !result.slos && !namesFiles(result)) cache.set(ref.file, key, ref.explicit, stamp, result);
  return result;
}

/** Whether a result's services name evidence looked up in the repository (a DR plan, a report): a URL is not looked up. */
function namesFiles(result: FileResult): boolean {
  return result.services.some((s) => s.evidence?.some((e) => e.status !== 'url' && e.status !== 'file-url') ?? false);
}
