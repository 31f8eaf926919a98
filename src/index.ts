// The public API: the pure core, for tools that embed warranty-lint. No console output; lint()
// reads the working directory only when it is not given (README: Embedding, tested as written).
export { lint, type ApiLintOptions } from './api.js';
export { UsageError } from './engine/lint.js';
export type { LintOptions, LintResult, Progress } from './lint-types.js';
export { loadConfig, ConfigError, type LoadedConfig, type LoadOptions } from './config/load.js';
export { resolveConfig, type UserConfig } from './config/resolve.js';
export { defaultConfig } from './config/defaults.js';
export type { ResolvedConfig, TierPolicy, Limits } from './config/types.js';
export { loadFormatter, FORMAT_NAMES } from './formatters/index.js';
export type { Formatter, FormatContext } from './formatters/types.js';
export { RULES, RULES_BY_ID } from './rules/index.js';
export { rulesInEffect, type RuleSet } from './policies/index.js';
export { docsUrl } from './docs/url.js';
export type { Rule, RuleMeta } from './rules/types.js';
export type { Service, AreaModel } from './model/types.js';
export type { Finding, Report, Severity, SeveritySetting, Area, Tier, Stage, Range, Summary } from './types.js';
export { VERSION } from './version.js';
