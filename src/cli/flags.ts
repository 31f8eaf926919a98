// The lint command's flags, and the exit codes every command ends with.
import { UserError } from '../errors.js';

/** Exit codes (SPEC §6). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface LintFlags {
  format?: string[];
  output?: string;
  config?: string;
  rule?: string[];
  failOn: FailOn;
  maxWarnings?: number;
  baseline?: string;
  updateBaseline?: boolean;
  /** A Backstage catalog export (`--catalog`): resolves dependencies, never linted. */
  catalog?: string;
  ignorePattern?: string[];
  now?: string;
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  color: boolean;
  debug?: boolean;
  printConfig?: string;
  /** The github format's annotations of each level (`--max-annotations`). */
  maxAnnotations?: number;
  /** `--changed-since <ref>`: report only what changed since the merge base with the ref. */
  changedSince?: string;
  /** The report's line width (`--width`); default the terminal's, else 100. */
  width?: number;
  /** ASCII only in the report (`--ascii`); also when the locale is not UTF-8. */
  ascii?: boolean;
  /** The one-page summary alone (`--summary`). */
  summary?: boolean;
  /** A previous JSON result to compare with (`--compare`). */
  compare?: string;
  /** `--cache`: files unchanged since the last run are not linted again. */
  cache?: boolean;
  /** `--cache-location <path>`: the cache file, or a directory to hold it. */
  cacheLocation?: string;
}

/** A usage problem found while reading flags: exit 2 with this message. */
export class FlagError extends UserError {
  override name = 'FlagError';
}
