import type { LintResult } from '../engine/lint.js';
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
  /** The portfolio policy in effect (reactive threshold, tier weights), for the report; defaults when absent. */
  portfolio?: ResolvedConfig['portfolio'];
}

/** Every formatter: the result in, text out. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
