import { Command, CommanderError, Option } from 'commander';
import type { KeptResult } from '../engine/lint.js';
import { RuleCrash, UserError } from '../errors.js';
import { writeOrExplain } from './write.js';
import { FORMAT_NAMES, loadFormatter } from '../formatters/index.js';
import { textOf, type FormatContext } from '../formatters/types.js';
import type { Severity, SeveritySetting } from '../types.js';
import { batched, defaultIo, type Io } from './io.js';
import { VERSION } from '../version.js';

/** Exit codes (SPEC §6). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface LintFlags {
  format?: string[];
  output?: string;
  config?: string;
  rule?: string[];
  failOn: FailOn;
  maxWarnings?: number;
  baseline?: string;
  updateBaseline?: boolean;
  ignorePattern?: string[];
  now?: string;
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  color: boolean;
  debug?: boolean;
  printConfig?: string;
  /** The report's line width (`--width`); default the terminal's, else 100. */
  width?: number;
  /** ASCII only in the report (`--ascii`); also when the locale is not UTF-8. */
  ascii?: boolean;
  /** The github format's annotations of each level (`--max-annotations`). */
  maxAnnotations?: number;
}

/** A usage problem found while reading flags: exit 2 with this message. */
class FlagError extends UserError {
  override name = 'FlagError';
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Runs the command line and returns the exit code. Only `bin/` touches `process`. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    return await handleError(error, io, argv.includes('--debug'));
  }
  return code;
}

async function handleError(error: unknown, io: Io, debug: boolean): Promise<number> {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (help and version exit 0).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // Usage, config, baseline and output problems all extend UserError (src/errors.ts), so telling
  // them apart loads none of the engine.
  if (error instanceof UserError) {
    io.stderr(`warranty-lint: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof RuleCrash) {
    io.stderr(`warranty-lint: internal error in rule ${error.ruleId}: ${error.cause instanceof Error ? error.cause.message : String(error.cause)}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack) io.stderr(error.cause.stack + '\n');
    else io.stderr('Run again with --debug for details, and please report it.\n');
    return EXIT.usage;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  io.stderr(`warranty-lint: internal error: ${e.message}\n`);
  if (debug && e.stack) io.stderr(e.stack + '\n');
  else io.stderr('Run again with --debug for details, and please report it.\n');
  return EXIT.usage;
}


function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('warranty-lint');
  program
    .description(
      'Lint IT service definitions (YAML) for ITIL warranty: availability, capacity, continuity and ' +
        'security requirements that are missing, unmeasurable, placeholders, or deferred to Operation.',
    )
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run warranty-lint --help for usage)')
    .enablePositionalOptions();

  addReportOptions(addLintOptions(program))
    .argument('[paths...]', 'files, directories (recursive *.yaml, *.yml) and globs', ['.'])
    .action(async (paths: string[], flags: LintFlags) => setCode(await runLint(paths, flags, io)))
    .addHelpText(
      'after',
      `
Exit codes:
  0  nothing at or above --fail-on (and warnings within --max-warnings)
  1  findings at or above --fail-on (a file that cannot be parsed is one)
  2  usage, config or internal error; a path that does not exist; a glob that matches nothing

Examples:
  $ warranty-lint services/                      lint a directory before you push
  $ warranty-lint -f stylish -f sarif=wl.sarif .  console output and SARIF for code scanning
  $ warranty-lint --fail-on warning --now 2026-11-26 services/
  $ warranty-lint report services/ > gaps.txt     the portfolio report for a service manager
  $ warranty-lint explain warranty-deferred-to-operation

Formats: ${FORMAT_NAMES.join(', ')}.`,
    );

  addReportOptions(addLintOptions(program.command('report')))
    .description('the text report of gaps for a service manager (same as -f report)')
    .argument('[paths...]', 'files, directories (recursive *.yaml, *.yml) and globs', ['.'])
    .action(async (paths: string[], flags: LintFlags) => setCode(await runLint(paths, { ...flags, format: flags.format && flags.format.length > 0 ? flags.format : ['report'] }, io)));

  program
    .command('rules')
    .description('list every rule: id, area, default severity, description')
    .action(async () => {
      const { listRules } = await import('./commands.js');
      io.stdout(listRules());
      setCode(EXIT.ok);
    });

  program
    .command('explain')
    .description('why a rule matters, a failing and a passing example, how to fix it')
    .argument('<rule>', 'a rule id (see `warranty-lint rules`)')
    .action(async (rule: string) => {
      const [{ explainRule }, { RULES_BY_ID }] = await Promise.all([import('./commands.js'), import('../rules/index.js')]);
      const text = explainRule(rule);
      if (text === undefined) throw new FlagError(`unknown rule "${rule}". Supported rules are: ${[...RULES_BY_ID.keys()].join(', ')}`);
      io.stdout(text);
      setCode(EXIT.ok);
    });

  program
    .command('init')
    .description('write a starter config (.warranty-lintrc.yaml) and an example service; never overwrites')
    .action(async () => {
      const { init } = await import('./init.js');
      setCode(init(io));
    });

  program
    .command('schema')
    .description('print a JSON Schema: service (default) or config')
    .argument('[which]', 'service | config', 'service')
    .action(async (which: string) => {
      const { schemaText } = await import('./init.js');
      const text = schemaText(which);
      if (text === undefined) throw new FlagError(`unknown schema "${which}"; use service or config`);
      io.stdout(text);
      setCode(EXIT.ok);
    });

  return program;
}

function addLintOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <name[=file]>', `output format, repeatable; name=file writes to a file (${FORMAT_NAMES.join(' | ')})`).argParser(collect))
    .option('-o, --output <file>', 'write the (single) format to a file')
    .option('-c, --config <file>', 'use this config (the only way to load a .js/.ts config)')
    .addOption(new Option('--rule <id=severity>', 'set a rule\'s severity (off | info | warning | error); repeatable').argParser(collect))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...FAIL_ON]).default('error'))
    .option('--max-warnings <n>', 'exit 1 when warnings exceed n', (v) => {
      if (!/^\d+$/.test(v)) throw new FlagError(`--max-warnings takes a whole number (got "${v}")`);
      return Number(v);
    })
    .option('--baseline <file>', 'findings recorded in this baseline do not count')
    .option('--update-baseline', 'write the current findings to the --baseline file')
    .addOption(new Option('--ignore-pattern <glob>', 'skip files matching this glob; repeatable').argParser(collect))
    .option('--now <YYYY-MM-DD>', 'the date that date rules use (for reproducible runs)')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'the file name to report for standard input')
    .option('--quiet', 'report errors only')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR are honoured; none when not a TTY)')
    .option('--max-annotations <n>', 'the github format: at most n annotations of each level, then one notice saying how many were left out (default 10, what GitHub shows)', (v) => {
      if (!/^\d+$/.test(v)) throw new FlagError(`--max-annotations takes a whole number (got "${v}")`);
      return Number(v);
    })
    .option('--print-config <file>', 'print the config in effect for a file (JSON) and exit')
    .option('--debug', 'print stack traces of internal errors');
}

/** Options of the report and markdown formats (SPEC §7): line width and ASCII fallback. */
function addReportOptions(cmd: Command): Command {
  return cmd
    .option('--width <n>', 'line width of the report (default: the terminal width, else 100; at least 60)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 60) throw new FlagError(`--width takes a whole number of columns, 60 or more (got "${v}")`);
      return Number(v);
    })
    .option('--ascii', 'ASCII only in the report (automatic when the locale is not UTF-8)');
}

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

async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
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
  const { createProgress, progressAllowed } = await import('./progress.js');
  const showProgress = progressAllowed({ stderrIsTTY: io.stderrIsTTY ?? false, env: io.env ?? {}, quiet: flags.quiet ?? false, stdoutFormats: targets.filter((t) => !t.file).map((t) => t.name) });
  const progress = showProgress ? createProgress(io.stderr) : undefined;
  // The findings as the run kept them (packed on large runs), made whole one at a time as a streaming
  // format writes them.
  let result: KeptResult;
  try {
    result = await lintKept({ paths, cwd: io.cwd, config, now: flags.now, stdin, ignorePatterns: flags.ignorePattern, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
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
    maxAnnotations: flags.maxAnnotations,
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
