// The cache file of `--cache` (as ESLint's): `.warranty-lintcache` in the working directory, or
// where `--cache-location` says. It holds, for each file of the last run, the hash of its content
// and its per-file result (engine/cache-codec.ts); the whole file is keyed by what else those
// results depend on (the tool's version, the config that applies per file, today's date, the
// working directory), so a change to any of them starts a new cache. It is read whole, checked
// (a checksum over its entries, then each result used, field by field) and never trusted: a corrupt
// or foreign file is ignored with a notice. A foreign file (not a warranty-lint cache) is also
// left as it is: the run writes no cache rather than overwrite someone else's file. It is written
// atomically (a temporary file beside it, then a rename) when the run is over.
import * as crypto from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { decodeResult, encodeResult } from '../engine/cache-codec.js';
import type { FileCache, FileResult, FileStamp } from '../lint-types.js';
import { VERSION } from '../version.js';

export const CACHE_FILE = '.warranty-lintcache';
const MAGIC = '{"warranty-lint-cache":';
const FORMAT = 2;

const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');

/** The cache file: `--cache-location` (a file, or a directory to hold `.warranty-lintcache`), else in the working directory. */
export function cacheLocation(cwd: string, location?: string): string {
  if (location === undefined) return join(cwd, CACHE_FILE);
  const abs = resolve(cwd, location);
  let isDirectory = /[\\/]$/.test(location);
  try {
    isDirectory ||= statSync(abs).isDirectory();
  } catch {
    /* not there yet: a file */
  }
  return isDirectory ? join(abs, CACHE_FILE) : abs;
}

/**
 * What a per-file result depends on besides the file: the tool, the config (but `ignore`, which
 * only decides which files are read, and `portfolio`, which only the catalog-wide work reads),
 * the date date rules use and the working directory (files are named relative to it).
 */
export function cacheKey(config: ResolvedConfig, today: string, cwd: string): string {
  const { ignore: _ignore, portfolio: _portfolio, ...perFile } = config;
  return sha1(JSON.stringify({ tool: 'warranty-lint', version: VERSION, format: FORMAT, config: perFile, today, cwd: resolve(cwd) }));
}

interface Entry {
  hash: string;
  explicit: boolean;
  /** The file's stamp when its content was hashed (FileStamp.key), and when that was (ms). */
  stamp: string;
  hashedAt: number;
  /** The result, encoded (decoded only when the file is unchanged). */
  data: string;
  /** The entry's line in the file, written back as it is when the file is unchanged. */
  line: string;
}

/**
 * A file changed less than this before its content was hashed may change again within the same
 * tick of a coarse file system clock (1 s, or 2 s on FAT) without its stamp changing: its stamp is
 * not trusted, and it is hashed again next time (git's "racy" files).
 */
const RACY_MS = 2000;

const lineOf = (file: string, e: Omit<Entry, 'line'>): string => `${JSON.stringify(file)}\t${e.hash}\t${e.explicit ? 1 : 0}\t${e.stamp}\t${e.hashedAt}\t${e.data}\n`;

/** A checksum of the entries: CRC-32 where Node has it (20.15 and later, ~10x SHA-1's speed), else SHA-1. */
function checksum(): { update(text: string): void; digest(): string } {
  if (typeof zlib.crc32 === 'function') {
    let crc = 0;
    return { update: (text) => void (crc = zlib.crc32(text, crc)), digest: () => `crc32:${crc.toString(16)}` };
  }
  const hash = crypto.createHash('sha1');
  return { update: (text) => void hash.update(text), digest: () => `sha1:${hash.digest('hex')}` };
}

export class CacheFile implements FileCache {
  /** Entries read from the file. */
  private readonly read = new Map<string, Entry>();
  /** Lines of the entries of this run, by file. */
  private readonly lines = new Map<string, string>();
  /** Whether the file must be written: a result changed, or it held others or none. */
  private dirty: boolean;

  /** Files found unchanged by their stamp, by their content, and linted. */
  readonly counts = { stamp: 0, content: 0, linted: 0 };

  private constructor(
    readonly path: string,
    private readonly key: string,
    /** False for a file that is not a warranty-lint cache: it is left as it is. */
    readonly writable: boolean,
    entries: Map<string, Entry> | undefined,
    /** When this run started: the time its hashes are taken at (ms). */
    private readonly now: number,
  ) {
    if (entries) for (const [file, e] of entries) this.read.set(file, e);
    this.dirty = entries === undefined;
  }

  /** Reads the cache at `path` for a run with this key; `notice` says why a file there is not used. */
  static open(path: string, key: string, notice: (message: string) => void, now = Date.now()): CacheFile {
    let text: string;
    try {
      const st = statSync(path);
      if (!st.isFile()) {
        notice(`the cache ${path} is not a regular file; running without a cache`);
        return new CacheFile(path, key, false, undefined, now);
      }
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') notice(`cannot read the cache ${path} (${code ?? String(error)}); it is ignored`);
      return new CacheFile(path, key, true, undefined, now);
    }
    if (!text.startsWith(MAGIC)) {
      notice(`${path} is not a warranty-lint cache: it is ignored and left as it is, and no cache is written (delete it, or choose another --cache-location)`);
      return new CacheFile(path, key, false, undefined, now);
    }
    const entries = parse(text, key);
    if (entries === 'corrupt') {
      notice(`the cache ${path} is corrupt (its checksum or its format does not check out): it is ignored and written anew`);
      return new CacheFile(path, key, true, undefined, now);
    }
    // Another version, config or day: its results are not this run's (nothing to say, as ESLint).
    return new CacheFile(path, key, true, entries === 'stale' ? undefined : entries, now);
  }

  unchanged(file: string, stamp: FileStamp, explicit: boolean): FileResult | undefined {
    const e = this.read.get(file);
    if (!e || e.explicit !== explicit || e.stamp !== stamp.key || stamp.changedAt >= e.hashedAt - RACY_MS) return undefined;
    const result = this.use(file, e, e.line);
    if (result) this.counts.stamp++;
    return result;
  }

  get(file: string, hash: string, explicit: boolean, stamp: FileStamp): FileResult | undefined {
    const e = this.read.get(file);
    if (!e || e.hash !== hash || e.explicit !== explicit) return undefined;
    // The same content: kept, with the stamp it has now.
    const result = this.use(file, e, lineOf(file, { ...e, stamp: stamp.key, hashedAt: this.now }));
    if (result) {
      this.counts.content++;
      this.dirty = true;
    }
    return result;
  }

  private use(file: string, e: Entry, line: string): FileResult | undefined {
    const result = decodeResult(e.data, file);
    // A result that does not check out is no result: the file is linted again and written anew.
    if (result) this.lines.set(file, line);
    return result;
  }

  set(file: string, hash: string, explicit: boolean, stamp: FileStamp, result: FileResult): void {
    this.counts.linted++;
    this.dirty = true;
    // Encoded now: finish() marks waived findings and compaction rewrites results afterwards.
    this.lines.set(file, lineOf(file, { hash, explicit, stamp: stamp.key, hashedAt: this.now, data: encodeResult(result) }));
  }

  /** Writes the cache when it changed, through `write` (atomic); it then holds the files of this run. */
  save(write: (path: string, chunks: Iterable<string>) => void): boolean {
    if (!this.writable) return false;
    const dropped = [...this.read.keys()].some((f) => !this.lines.has(f));
    if (!this.dirty && !dropped) return false;
    const sum = checksum();
    const lines = [...this.lines.values()];
    for (const l of lines) sum.update(l);
    const header = JSON.stringify({ 'warranty-lint-cache': FORMAT, version: VERSION, key: this.key, entries: lines.length, checksum: sum.digest() });
    write(this.path, [header, '\n', ...lines]);
    return true;
  }
}

/** The entries of a cache file's text for this key: 'stale' for another key, 'corrupt' when it does not check out. */
function parse(text: string, key: string): Map<string, Entry> | 'stale' | 'corrupt' {
  const end = text.indexOf('\n');
  if (end === -1) return 'corrupt';
  let header: { 'warranty-lint-cache'?: unknown; key?: unknown; entries?: unknown; checksum?: unknown };
  try {
    header = JSON.parse(text.slice(0, end)) as typeof header;
  } catch {
    return 'corrupt';
  }
  if (header === null || typeof header !== 'object' || typeof header.checksum !== 'string' || typeof header.entries !== 'number') return 'corrupt';
  if (header['warranty-lint-cache'] !== FORMAT || header.key !== key) return 'stale';
  const body = text.slice(end + 1);
  const sum = checksum();
  sum.update(body);
  // Written by a Node with another checksum: as if stale.
  if (header.checksum.split(':')[0] !== sum.digest().split(':')[0]) return 'stale';
  if (sum.digest() !== header.checksum) return 'corrupt';
  const entries = new Map<string, Entry>();
  let start = 0;
  while (start < body.length) {
    const next = body.indexOf('\n', start);
    if (next === -1) return 'corrupt';
    const line = body.slice(start, next + 1);
    start = next + 1;
    const fields = line.slice(0, -1).split('\t');
    if (fields.length !== 6) return 'corrupt';
    const [name, hash, explicit, stamp, hashedAt, data] = fields as [string, string, string, string, string, string];
    let file: unknown;
    try {
      file = JSON.parse(name);
    } catch {
      return 'corrupt';
    }
    if (typeof file !== 'string' || !/^[0-9a-f]{40}$/.test(hash) || (explicit !== '0' && explicit !== '1') || !/^\d+$/.test(hashedAt)) return 'corrupt';
    entries.set(file, { hash, explicit: explicit === '1', stamp, hashedAt: Number(hashedAt), data, line });
  }
  return entries.size === header.entries ? entries : 'corrupt';
}
