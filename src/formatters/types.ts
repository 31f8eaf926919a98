import type { LintResult } from '../engine/lint.js';
import type { Finding } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';

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
  /** The github format: at most this many annotations of each level (`--max-annotations`); default 10. */
  maxAnnotations?: number;
  /** The portfolio policy in effect (reactive threshold, tier weights), for the report; defaults when absent. */
  portfolio?: ResolvedConfig['portfolio'];
}

/** Every formatter: the result in, text out. */
export type Formatter = (result: LintResult, context: FormatContext) => string;

/**
 * A result whose findings come one at a time: the CLI makes each whole as it is written, so that a
 * large run never holds all of them whole at once.
 */
export interface StreamedResult extends Omit<LintResult, 'findings'> {
  findings: Iterable<Finding>;
}

/** A formatter whose text can also be produced piece by piece, for outputs too large for one string. */
export type StreamingFormatter = Formatter & { stream(result: StreamedResult, context: FormatContext): Iterable<string> };

/** The text of a format, whole or in pieces (joined, they are the whole): streamed when the format can be, else from all the findings at once. */
export function textOf(formatter: Formatter, result: StreamedResult, context: FormatContext): string | Iterable<string> {
  const stream = (formatter as Partial<StreamingFormatter>).stream;
  return stream ? stream(result, context) : formatter({ ...result, findings: Array.from(result.findings) }, context);
}
