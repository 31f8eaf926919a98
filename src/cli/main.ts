import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { RuleCrash, UserError } from '../errors.js';
import { FORMAT_NAMES } from '../formatters/index.js';
import { defaultIo, type Io } from './io.js';
import { EXIT, FAIL_ON, FlagError, type LintFlags } from './flags.js';
import { runLint } from './run-lint.js';
import { VERSION } from '../version.js';
import type { Rule } from '../rules/types.js';

export { EXIT } from './flags.js';
export { exitCodeFor } from './run-lint.js';

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
    .enablePositionalOptions()
    .hook('preAction', (_program, command) => takeEarlierOptions(program, command, io.cwd));

  addReportOptions(addLintOptions(program))
    .argument('[paths...]', 'files, directories (recursive *.yaml, *.yml) and globs (default: .)')
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
    .argument('[paths...]', 'files, directories (recursive *.yaml, *.yml) and globs (default: .)')
    .action(async (paths: string[], flags: LintFlags) => setCode(await runLint(paths, { ...flags, format: flags.format && flags.format.length > 0 ? flags.format : ['report'] }, io)));

  program
    .command('rules')
    .description('list every rule: id, area, default severity, description (the config\'s policies too)')
    .addOption(new Option('-f, --format <format>', 'text, wrapped to the terminal, or json (the rules\' metadata)').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config (the only way to load a .js/.ts config)')
    .action(async (flags: { format: 'text' | 'json'; config?: string }) => {
      const [{ listRules, rulesJson }, rules] = await Promise.all([import('./commands.js'), rulesOfConfig(io, flags.config)]);
      io.stdout(flags.format === 'json' ? rulesJson(rules) : listRules(rules, io.columns));
      setCode(EXIT.ok);
    });

  program
    .command('explain')
    .description('why a rule matters, a failing and a passing example, how to fix it (a policy: what it checks)')
    .argument('<rule>', 'a rule id (see `warranty-lint rules`)')
    .option('-c, --config <file>', 'use this config (the only way to load a .js/.ts config)')
    .action(async (rule: string, flags: { config?: string }) => {
      const [{ explainRule }, rules] = await Promise.all([import('./commands.js'), rulesOfConfig(io, flags.config)]);
      const text = explainRule(rule, rules);
      if (text === undefined) {
        const { unknownRule } = await import('../config/check.js');
        throw new FlagError(unknownRule(rule, rules.map((r) => r.meta.id)));
      }
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
    .command('lsp')
    .description('run the language server for editors (Language Server Protocol over standard input and output)')
    .option('--stdio', 'talk over standard input and output (the default, and the only transport)')
    .action(async () => {
      const { runLanguageServer } = await import('../lsp/server.js');
      runLanguageServer();
      setCode(EXIT.ok);
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

/** Options of the program that mean the same to every command, given before a command's name or not. */
const EVERYWHERE: ReadonlySet<string> = new Set(['debug', 'color']);

/**
 * Options written before a command's name (`warranty-lint --now 2026-11-26 report`) are parsed as
 * the program's: they count as the command's own when it has the same option and was not given it
 * after its name; one the command does not take is a usage error, never silently dropped.
 */
function takeEarlierOptions(program: Command, command: Command, cwd: string): void {
  if (command === program) return;
  for (const option of program.options) {
    const key = option.attributeName();
    if (program.getOptionValueSource(key) !== 'cli' || EVERYWHERE.has(key)) continue;
    const same = command.options.find((o) => o.attributeName() === key && o.flags === option.flags);
    if (!same) {
      const where = command.options.some((o) => o.long === option.long) ? `: write it after the command (warranty-lint ${command.name()} ${option.long} …)` : '';
      // `warranty-lint --now … rules` in a repository with a rules/ folder: a command, not the folder.
      const path = existsSync(join(cwd, command.name())) ? `; to lint the path ${command.name()}, write ./${command.name()}` : '';
      throw new FlagError(`${option.long ?? option.flags} does not apply to \`warranty-lint ${command.name()}\`${where}${path}`);
    }
    if (command.getOptionValueSource(key) !== 'cli') command.setOptionValueWithSource(key, program.getOptionValue(key), 'cli');
  }
}

/** The rules in effect for the config found from the working directory (or named): built-in rules, then its policies. */
async function rulesOfConfig(io: Io, configPath: string | undefined): Promise<readonly Rule[]> {
  const [{ loadConfig }, { rulesInEffect }] = await Promise.all([import('../config/load.js'), import('../policies/index.js')]);
  const { config } = await loadConfig({ cwd: io.cwd, configPath });
  return rulesInEffect(config).all;
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
    .option('--catalog <file>', 'a Backstage catalog export (JSON or YAML entities, as the catalog API returns them): resolves dependencies and their tiers, never linted')
    .addOption(new Option('--ignore-pattern <glob>', 'skip files matching this glob; repeatable').argParser(collect))
    .option('--now <YYYY-MM-DD>', 'the date that date rules use (for reproducible runs)')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'the file name to report for standard input')
    .option('--quiet', 'report errors only')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR are honoured; none when not a TTY)')
    .option('--changed-since <git-ref>', 'lint the whole catalog, but report (and fail on) only findings about services in files changed since the merge base with the ref, and catalog findings that involve them')
    .option('--max-annotations <n>', 'the github format: at most n annotations of each level, then one notice saying how many were left out (default 10, what GitHub shows)', (v) => {
      if (!/^\d+$/.test(v)) throw new FlagError(`--max-annotations takes a whole number (got "${v}")`);
      return Number(v);
    })
    .option('--cache', 'lint only the files that changed since the last run with --cache (their results are kept in .warranty-lintcache in the working directory); rules across services always run')
    .option('--cache-location <path>', 'the cache file, or a directory to hold .warranty-lintcache (default: the working directory)')
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
    .option('--ascii', 'ASCII only in the report (automatic when the locale is not UTF-8)')
    .option('--summary', 'the one-page summary alone (report, markdown, html)')
    .option('--compare <previous.json>', 'what changed since an earlier run (its -f json result): in report, markdown and html');
}
