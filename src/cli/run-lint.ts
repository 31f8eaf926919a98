// The lint and report commands: config, flags, the run, every output, and the exit code.
import type { KeptResult } from '../engine/lint.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { editDistance } from '../schema/suggest.js';
import { writeOrExplain } from './write.js';
import { FORMAT_NAMES, loadFormatter } from '../formatters/index.js';
import { textOf, type FormatContext } from '../formatters/types.js';
import type { Severity, SeveritySetting } from '../types.js';
import { batched, type Io } from './io.js';
import { VERSION } from '../version.js';
import { EXIT, FlagError, type LintFlags } from './flags.js';
import type { CacheFile } from './cache.js';
import type { ResolvedConfig } from '../config/types.js';

function parseRuleFlags(flags: readonly string[], known: (id: string) => boolean, unknownRule: (id: string) => string): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const f of flags) {
    // Built-in ids, and policy ids with their "/" (acme/oncall-named).
    const m = /^([A-Za-z0-9@_./-]+)=(off|info|warning|warn|error)$/.exec(f.trim());
    if (!m) throw new FlagError(`--rule takes id=severity with severity off, info, warning (or warn) or error (got "${f}")`);
    const id = m[1] as string;
    if (!known(id)) throw new FlagError(`--rule: ${unknownRule(id)}`);
    out[id] = m[2] === 'warn' ? 'warning' : (m[2] as SeveritySetting);
  }
  return out;
}

export async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  // The engine and the config loader (cosmiconfig, the parser, ajv) are loaded only by commands
  // that lint: --version, rules and explain start without them.
  const [{ loadConfig }, { lintKept, streamed, unpackResult }] = await Promise.all([import('../config/load.js'), import('../engine/lint.js')]);
  const loaded = await loadConfig({ cwd: io.cwd, configPath: flags.config });
  const config = loaded.config;
  const [{ rulesInEffect }, { unknownRule }] = await Promise.all([import('../policies/index.js'), import('../config/check.js')]);
  const inEffect = rulesInEffect(config).byId;
  const ids = [...inEffect.keys()];
  const ruleFlags = parseRuleFlags(flags.rule ?? [], (id) => inEffect.has(id), (id) => unknownRule(id, ids));
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
  const { REPORT_FORMATS, readPrevious } = await import('./report-inputs.js');
  const reports = targets.some((t) => REPORT_FORMATS.includes(t.name));
  for (const [flag, given] of [['--summary', flags.summary], ['--compare', flags.compare]] as const) {
    if (given !== undefined && !reports) throw new FlagError(`${flag} is for the ${REPORT_FORMATS.join(', ')} formats (-f report, -f markdown, -f html)`);
  }
  // Read before linting, so that a wrong file fails at once, not after a long run.
  const previous = flags.compare !== undefined ? readPrevious(flags.compare, io) : undefined;
  if (flags.stdinFilename !== undefined && !flags.stdin) throw new FlagError('--stdin-filename names standard input: use it with --stdin');
  if (flags.changedSince !== undefined && flags.stdin) throw new FlagError('--changed-since compares files with git: it cannot be used with --stdin');
  if (flags.changedSince !== undefined && flags.updateBaseline) throw new FlagError('--update-baseline records the whole catalog: run it without --changed-since');
  if (flags.stdin && paths.length > 0) throw new FlagError(`--stdin lints standard input only; drop the paths (${paths.join(' ')}) or --stdin`);
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
  let changedFiles: Set<string> | undefined;
  try {
    changedFiles = flags.changedSince !== undefined ? (await import('./git.js')).changedSince(flags.changedSince, io.cwd) : undefined;
    result = await lintKept({ paths, cwd: io.cwd, config, now: flags.now, stdin, catalog: flags.catalog, ignorePatterns: flags.ignorePattern, onProgress: progress?.update, changedFiles, cache });
  } finally {
    progress?.clear();
  }
  if (cache) saveCache(io, cache);
  // The baseline is applied here rather than inside lint(), so that entries nothing matches any
  // more can be told apart (fixed) from those that still hold.
  if (flags.baseline !== undefined) {
    const whole = unpackResult(result);
    result = flags.updateBaseline ? updateBaseline(whole, flags.baseline, baseline?.baseline, io) : useBaseline(whole, flags.baseline, baseline, io, changedFiles);
  }

  if (stdin && result.files.length === 0) io.stderr(`warranty-lint: ${flags.stdinFilename} matches an ignore pattern; standard input was not linted\n`);
  // Paths that were not found are said first, so that the output's summary can point up to them.
  for (const m of result.missing) io.stderr(`warranty-lint: ${m}${commandHint(m, paths, io.cwd)}\n`);
  const shown = flags.quiet ? errorsOnly(result) : result;
  const context: FormatContext = {
    color: io.colorFor(flags.color),
    cwd: io.cwd,
    version: VERSION,
    quiet: flags.quiet,
    width: flags.width ?? io.columns,
    ascii: flags.ascii === true || io.unicode === false,
    portfolio: config.portfolio,
    root: repositoryRoot(io.cwd),
    waiverMaxDays: config.waivers.maxDays,
    maxAnnotations: flags.maxAnnotations,
    summaryOnly: flags.summary === true,
    previous,
    // git runs only for a format that shows where the catalog came from.
    source: reports ? (await import('./source.js')).catalogSource(paths, io.cwd, stdin !== undefined) : undefined,
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
  if (result.missing.length > 0) return EXIT.usage;
  const code = exitCodeFor(result, flags);
  const { warnings } = result.summary;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    io.stderr(`warranty-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${flags.maxWarnings}\n`);
  }
  return code;
}

/** The nearest directory from `cwd` up that holds `.git` (the repository's root); cwd when there is none. */
function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** Commands a mistyped word may have meant: `warranty-lint repot` reads "repot" as a path. */
const COMMANDS = ['report', 'rules', 'explain', 'init', 'schema'];

/** `; did you mean the command "report"?` when a path that does not exist is one edit away from a command. */
function commandHint(message: string, paths: readonly string[], cwd: string): string {
  const path = paths.find((p) => message === `no such file or directory: ${p}`);
  if (path === undefined || existsSync(resolve(cwd, path))) return '';
  const command = COMMANDS.find((c) => editDistance(path.toLowerCase(), c, 1) <= 1);
  return command ? `; did you mean the command "${command}" (warranty-lint ${command} --help)?` : '';
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
