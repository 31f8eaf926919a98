import type { ResolvedConfig } from '../config/types.js';
import type { LintResult, StreamedResult } from '../lint-types.js';

export type { StreamedResult } from '../lint-types.js';
import type { PreviousRun } from './run-record.js';

/** Where the catalog came from, for the report's header: found by the CLI (git), never by a formatter. */
export interface CatalogSource {
  /** The paths as the user gave them (`["examples/"]`), or `["<stdin>"]`. */
  paths: string[];
  /** The working directory, absolute. */
  folder: string;
  /** When the paths are inside a git work tree: its root, the commit checked out and the branch (null when detached). */
  git?: { root: string; commit: string; branch: string | null };
}

export interface FormatContext {
  /** Colour is allowed (a TTY, no NO_COLOR, no --no-color); only human formats use it. */
  color: boolean;
  cwd: string;
  /** Tool version, for SARIF and reports. */
  version: string;
  /** Terminal width, for the report. */
  width?: number;
  /** ASCII only (the report's bars and rules), for terminals that are not UTF-8. */
  ascii?: boolean;
  quiet?: boolean;
  /**
   * The repository root (the nearest directory above cwd holding `.git`): SARIF uris are relative to
   * it, so that a run in a subfolder annotates the right files. Default: cwd.
   */
  root?: string;
  /** `waivers.maxDays` in effect (which waiver waived a finding); default 180. */
  waiverMaxDays?: number;
  /** The github format: at most this many annotations of each level (`--max-annotations`); default 10. */
  maxAnnotations?: number;
  /** The portfolio policy in effect (reactive threshold, tier weights), for the report; defaults when absent. */
  portfolio?: ResolvedConfig['portfolio'];
  /** An earlier run to compare with (`--compare`), read and checked by the CLI. */
  previous?: PreviousRun;
  /** Where the catalog came from (`git` commit and branch, else the folder), for the report's header. */
  source?: CatalogSource;
  /** The one-page summary alone (`--summary`), in the formats that have one. */
  summaryOnly?: boolean;
}

/** Every formatter: the result in, text out. */
export type Formatter = (result: LintResult, context: FormatContext) => string;

/** A formatter whose text can also be produced piece by piece, for outputs too large for one string. */
export type StreamingFormatter = Formatter & { stream(result: StreamedResult, context: FormatContext): Iterable<string> };

/** The text of a format, whole or in pieces (joined, they are the whole): streamed when the format can be, else from all the findings at once. */
export function textOf(formatter: Formatter, result: StreamedResult, context: FormatContext): string | Iterable<string> {
  const stream = (formatter as Partial<StreamingFormatter>).stream;
  return stream ? stream(result, context) : formatter({ ...result, findings: Array.from(result.findings) }, context);
}
