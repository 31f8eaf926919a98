// lint() as embedding code calls it: the working directory and the config default to what the CLI
// would use (the process's directory, and the config found from it), so that `lint({ paths })` just
// works. The engine's own lint() takes both explicitly and never reads the process.
import { loadConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { lint as lintWith } from './engine/lint.js';
import type { LintOptions, LintResult } from './lint-types.js';

export interface ApiLintOptions extends Omit<LintOptions, 'cwd' | 'config'> {
  /** Where paths are relative to, and where the config search starts; default: the process's working directory. */
  cwd?: string;
  /** The config to use; default: the one found from `cwd` up to the repository root, as the CLI finds it. */
  config?: ResolvedConfig;
}

/** Lints `paths` (default ".") and returns the findings, the summary and the services. */
export async function lint(options: ApiLintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd })).config;
  return lintWith({ ...options, cwd, config });
}
