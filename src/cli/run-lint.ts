// The lint and report commands: config, flags, the run, every output, and the exit code.
import type { KeptResult } from '../engine/lint.js';
import { writeOrExplain } from './write.js';
import { FORMAT_NAMES, loadFormatter } from '../formatters/index.js';
import { textOf, type FormatContext } from '../formatters/types.js';
import type { Severity, SeveritySetting } from '../types.js';
import { batched, type Io } from './io.js';
import { VERSION } from '../version.js';
import { EXIT, FlagError, type LintFlags } from './flags.js';
import type { CacheFile } from './cache.js';
import type { ResolvedConfig } from '../config/types.js';

function parseRuleFlags(flags: readonly string[], RULES_BY_ID: ReadonlyMap<string, unknown>): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const f of flags) {
    const m = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(f.trim());
    if (!m) throw new FlagError(`--rule takes id=severity with severity off, info, warning or error (got "${f}")`);
    if (!RULES_BY_ID.has(m[1] as string)) throw new FlagError(`--rule: unknown rule "${m[1]}". Supported rules are: ${[...RULES_BY_ID.keys()].join(', ')}`);
    out[m[1] as string] = m[2] as SeveritySetting;
  }
  return out;
}

export async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  // The engine and the config loader (cosmiconfig, the parser, ajv) are loaded only by commands
  // that lint: --version, rules and explain start without them.
  const [{ loadConfig }, { lintKept, streamed, unpackResult }] = await Promise.all([import('../config/load.js'), import('../engine/lint.js')]);
  const loaded = await loadConfig({ cwd: io.cwd, configPath: flags.config });
  const config = loaded.config;
  const { RULES_BY_ID } = await import('../rules/index.js');
  const ruleFlags = parseRuleFlags(flags.rule ?? [], RULES_BY_ID);
  if (Object.keys(ruleFlags).length > 0) {
    // The command line wins over the config file, its overrides included.
    Object.assign(config.rules, ruleFlags);
    config.overrides.push({ files: ['**'], rules: { ...ruleFlags } });
  }
  if (flags.printConfig !== undefined) {
    const { printConfig } = await import('./print-config.js');
    io.stdout(printConfig(flags.printConfig, loaded, io.cwd, flags.ignorePattern ?? []));
    return EXIT.ok;
  }
  const formats = flags.format && flags.format.length > 0 ? flags.format : ['stylish'];
  const targets = formats.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq === -1 ? spec : spec.slice(0, eq);
    const file = eq === -1 ? undefined : spec.slice(eq + 1);
    if (!FORMAT_NAMES.includes(name)) throw new FlagError(`unknown format "${name}". Formats are: ${FORMAT_NAMES.join(', ')}`);
    if (file === '') throw new FlagError(`-f ${spec}: a file name is needed after "="`);
    return { name, file };
  });
  if (flags.output) {
    if (targets.length > 1) throw new FlagError('--output writes a single format; with several, give each its file as -f name=file');
    (targets[0] as { file?: string }).file = flags.output;
  }
  if (flags.updateBaseline && flags.baseline === undefined) throw new FlagError('--update-baseline needs --baseline <file>: the file to write');
  if (flags.stdinFilename !== undefined && !flags.stdin) throw new FlagError('--stdin-filename names standard input: use it with --stdin');
  const { readBaselineFor, updateBaseline, useBaseline } = await import('./baseline-flags.js');
  const baseline = flags.baseline !== undefined ? readBaselineFor(flags.baseline, io, Boolean(flags.updateBaseline)) : undefined;
  const stdin = flags.stdin ? { text: await io.readStdin(), filename: flags.stdinFilename } : undefined;
  if (flags.cacheLocation !== undefined && !flags.cache) throw new FlagError('--cache-location says where the cache is: use it with --cache');
  // Standard input has no file to compare with the next run: it is never cached.
  const cache = flags.cache && !stdin ? await openCache(io, config, flags) : undefined;
  const { createProgress, progressAllowed } = await import('./progress.js');
  const showProgress = progressAllowed({ stderrIsTTY: io.stderrIsTTY ?? false, env: io.env ?? {}, quiet: flags.quiet ?? false, stdoutFormats: targets.filter((t) => !t.file).map((t) => t.name) });
  const progress = showProgress ? createProgress(io.stderr) : undefined;
  // The findings as the run kept them (packed on large runs), made whole one at a time as a streaming
  // format writes them.
  let result: KeptResult;
  try {
    result = await lintKept({ paths, cwd: io.cwd, config, now: flags.now, stdin, ignorePatterns: flags.ignorePattern, onProgress: progress?.update, cache });
  } finally {
    progress?.clear();
  }
  if (cache) saveCache(io, cache);
  // The baseline is applied here rather than inside lint(), so that entries nothing matches any
  // more can be told apart (fixed) from those that still hold.
  if (flags.baseline !== undefined) {
    const whole = unpackResult(result);
    result = flags.updateBaseline ? updateBaseline(whole, flags.baseline, baseline?.baseline, io) : useBaseline(whole, flags.baseline, baseline, io);
  }

  const shown = flags.quiet ? errorsOnly(result) : result;
  const context: FormatContext = {
    color: io.colorFor(flags.color),
    cwd: io.cwd,
    version: VERSION,
    quiet: flags.quiet,
    width: flags.width ?? io.columns,
    ascii: flags.ascii === true || io.unicode === false,
    portfolio: config.portfolio,
  };
  for (const t of targets) {
    const formatter = await loadFormatter(t.name);
    if (!formatter) continue;
    // A file is not a terminal: no colour, and the report takes --width or its default width.
    const text = textOf(formatter, streamed(shown), t.file ? { ...context, color: false, width: flags.width } : context);
    if (t.file) writeOrExplain(io, t.file, text);
    else if (typeof text === 'string') io.stdout(text);
    else for (const chunk of batched(text)) io.stdout(chunk);
  }
  if (result.missing.length > 0) {
    for (const m of result.missing) io.stderr(`warranty-lint: ${m}\n`);
    return EXIT.usage;
  }
  return exitCodeFor(result, flags);
}

async function openCache(io: Io, config: ResolvedConfig, flags: LintFlags): Promise<CacheFile> {
  const [{ CacheFile, cacheKey, cacheLocation }, { todayFrom }] = await Promise.all([import('./cache.js'), import('../engine/lint.js')]);
  const path = cacheLocation(io.cwd, flags.cacheLocation);
  return CacheFile.open(path, cacheKey(config, todayFrom(flags.now).iso, io.cwd), (m) => io.stderr(`warranty-lint: ${m}\n`));
}

/** Writes the cache; a cache that cannot be written is a notice, not a failed run. */
function saveCache(io: Io, cache: CacheFile): void {
  try {
    cache.save((path, chunks) => io.writeFile(path, chunks));
  } catch (error) {
    io.stderr(`warranty-lint: cannot write the cache ${cache.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
  }
}

/** `--quiet`: errors only, in every format, with a summary that counts what is shown. */
function errorsOnly(result: KeptResult): KeptResult {
  return {
    ...result,
    findings: result.findings.filter((f) => f.severity === 'error'),
    summary: { ...result.summary, warnings: 0, infos: 0 },
  };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function exitCodeFor(result: KeptResult, flags: Pick<LintFlags, 'failOn' | 'maxWarnings'>): number {
  const counted = result.findings.filter((f) => !f.waived);
  if (flags.failOn !== 'never') {
    const threshold = RANK[flags.failOn];
    if (counted.some((f) => RANK[f.severity] >= threshold)) return EXIT.findings;
  }
  if (flags.maxWarnings !== undefined && result.summary.warnings > flags.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
