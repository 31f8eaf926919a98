// What a run takes and gives: the contract between the engine, the formatters and embedding code.
// Here, apart from the engine, so that formatters and the CLI's types need none of it.
import type { ResolvedConfig } from './config/types.js';
import type { Service } from './model/types.js';
import type { RuleMeta } from './rules/types.js';
import type { Finding, Range, Summary } from './types.js';

/** What linting one file gives: its findings and its services (engine/process-file.ts). */
export interface FileResult {
  file: string;
  findings: Finding[];
  services: Service[];
  /** Documents that could not be parsed (they count in nothing but their own findings). */
  brokenDocuments: number;
  /** What the file tells the rest of the run (entities, Locations, template skeletons), when anything. */
  catalog?: FileCatalog;
  /** Its documents took values from other files (substitutions): `--cache` does not keep it, as its content alone does not key it. */
  readsOtherFiles?: true;
}

/** What a file tells the run beyond its services (FileResult.catalog). */
export interface FileCatalog {
  /** Keys of the entities the file defines (backstage/refs.ts `entityKey`). */
  entities: string[];
  /** Location targets to follow (relative files and globs), with where they are written. */
  locations: Array<{ target: string; pointer: string; document: number; range: Range }>;
  /** Absolute paths of the skeletons (folders or files) its software Templates render. */
  skeletons: string[];
  /** Named explicitly: what it points at and is not followed is reported. */
  explicit: boolean;
}

/**
 * What the file system says of a file, to tell it unchanged without reading it (as git does):
 * `key` holds its size, modification and change times and inode; `changedAt` is its change time
 * (ctime, which nothing but a change sets), in milliseconds.
 */
export interface FileStamp {
  key: string;
  changedAt: number;
}

/** A cache of per-file results, by file content (`--cache`; engine/cache.ts, src/cli/cache.ts). */
export interface FileCache {
  /** The result kept for this file when its stamp shows it unchanged since its content was hashed. */
  unchanged(file: string, stamp: FileStamp, explicit: boolean): FileResult | undefined;
  /** The result kept for this file with this content, if any. */
  get(file: string, contentHash: string, explicit: boolean, stamp: FileStamp): FileResult | undefined;
  /** Keeps a result (the cache may write it out when the run is over). */
  set(file: string, contentHash: string, explicit: boolean, stamp: FileStamp, result: FileResult): void;
}

/** How far a run has got (for a progress display). */
export interface Progress {
  /** Files done so far. */
  done: number;
  total: number;
  /** Services found so far. */
  services: number;
}

export interface LintOptions {
  /** Files, directories and globs; default ["."]. */
  paths?: readonly string[];
  cwd: string;
  config: ResolvedConfig;
  /** `YYYY-MM-DD`; default today (UTC). */
  now?: string;
  /** Lint this instead of files (`--stdin`); bytes are decoded as strictly as a file's. */
  stdin?: { text: string | Uint8Array; filename?: string };
  /**
   * A catalog export (`--catalog`): a JSON or YAML file of Backstage entities, as the catalog API
   * returns them, relative to `cwd`. Never linted: it resolves dependencies and gives their tiers.
   */
  catalog?: string;
  /** Extra ignore globs (`--ignore-pattern`), added to `config.ignore`. */
  ignorePatterns?: readonly string[];
  /** Fingerprints recorded in a baseline: matching findings are left out and counted as baselined. */
  baseline?: ReadonlySet<string>;
  /**
   * Files (as findings show them: relative, `/`-separated) that changed (`--changed-since`): the
   * whole catalog is still linted, but only findings in these files are reported, and catalog
   * findings that involve a service defined in them (a dependency, the first of a duplicated name).
   */
  changedFiles?: ReadonlySet<string>;
  /**
   * Worker threads for the per-file work, besides this thread: 0 lints in this thread alone. Default:
   * one per CPU but one from POOL_MIN_FILES files, else 0. Findings are the same either way.
   */
  workers?: number;
  /**
   * Keep what each file leaves compactly: strings pooled, model leaves shared, findings packed (see
   * compact.ts). Default: from COMPACT_MIN_FILES files. Findings are the same either way.
   */
  compact?: boolean;
  /** Called as files are done (often: throttle any display). */
  onProgress?: (progress: Progress) => void;
  /**
   * Per-file results of files whose content is unchanged (`--cache`): such a file is not linted
   * again. Findings are the same either way; files are then linted on this thread alone.
   */
  cache?: FileCache;
}

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  /** Every service read, in file order (for the report). */
  services: Service[];
  /** Every file read, in order. */
  files: string[];
  /** Today, as date rules saw it. */
  today: string;
  /**
   * The metadata of the rules in effect: the built-in rules, then the config's policies. Formatters
   * that describe rules (SARIF, the report) read it; when absent, the built-in rules.
   */
  rules?: readonly RuleMeta[];
  /**
   * Named paths that do not exist, globs that match nothing, named directories with no YAML: the
   * rest is still linted, and the CLI exits 2 after reporting it (SPEC §6, §8).
   */
  missing: string[];
}

/**
 * A result whose findings come one at a time: the CLI makes each whole as it is written, so that a
 * large run never holds all of them whole at once.
 */
export interface StreamedResult extends Omit<LintResult, 'findings'> {
  findings: Iterable<Finding>;
}
