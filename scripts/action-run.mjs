// The GitHub Action's lint step (action.yml): turns the inputs, passed as WL_* environment
// variables, into warranty-lint's arguments, runs the committed bundle through bin/ with the
// runner's Node, and appends the markdown summary to $GITHUB_STEP_SUMMARY. Inputs are split into
// arguments here and handed to the linter as an argument list: no shell ever sees them, so nothing
// in an input is evaluated.
//
// Environment: WL_PATHS, WL_ARGS (whitespace-separated, newlines included), WL_CONFIG, WL_FAIL_ON,
// WL_MAX_WARNINGS, WL_BASELINE, WL_SARIF, WL_SUMMARY (true/false), WL_MAX_ANNOTATIONS; WL_BIN, the
// CLI to run (tests point it elsewhere). Exits with the linter's exit code.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Words of an input: split on any run of white space, newlines included (a block-style YAML list of paths). */
export function words(text) {
  return (text ?? '').split(/\s+/).filter((w) => w !== '');
}

const truthy = (text) => /^(true|yes|1|on)$/i.test((text ?? '').trim());

/** warranty-lint's arguments for the Action's inputs; `summaryFile` receives the markdown format, if any. */
export function actionArgs(env, summaryFile) {
  const args = ['-f', 'github'];
  const sarif = (env.WL_SARIF ?? '').trim();
  if (sarif !== '') args.push('-f', `sarif=${sarif}`);
  if (summaryFile) args.push('-f', `markdown=${summaryFile}`);
  args.push('--fail-on', (env.WL_FAIL_ON ?? '').trim() || 'error');
  const optional = [
    ['--max-warnings', env.WL_MAX_WARNINGS],
    ['--config', env.WL_CONFIG],
    ['--baseline', env.WL_BASELINE],
    ['--max-annotations', env.WL_MAX_ANNOTATIONS],
  ];
  for (const [flag, value] of optional) if ((value ?? '').trim() !== '') args.push(flag, value.trim());
  const paths = words(env.WL_PATHS);
  // Extra arguments go before `--`, after which every word is a path, even one that starts with "-".
  return [...args, ...words(env.WL_ARGS), '--', ...(paths.length > 0 ? paths : ['.'])];
}

/** Runs the step: returns the linter's exit code. */
export function runAction(env = process.env) {
  const bin = env.WL_BIN || fileURLToPath(new URL('../bin/warranty-lint.js', import.meta.url));
  const stepSummary = env.GITHUB_STEP_SUMMARY;
  const summaryInput = (env.WL_SUMMARY ?? '').trim();
  const wantSummary = summaryInput === '' || truthy(summaryInput);
  const temp = wantSummary && stepSummary ? mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'warranty-lint-')) : undefined;
  const summaryFile = temp ? join(temp, 'summary.md') : undefined;
  try {
    const args = actionArgs(env, summaryFile);
    const r = spawnSync(process.execPath, [resolve(bin), ...args], { stdio: 'inherit', env });
    const code = r.status ?? 2;
    if (r.error) console.error(`warranty-lint could not be started: ${r.error.message}`);
    if (summaryFile && stepSummary) {
      const text = existsSync(summaryFile)
        ? readFileSync(summaryFile, 'utf8')
        : `### warranty-lint\n\nwarranty-lint stopped with exit code ${code} before writing its summary (a usage or config error): see the step's log.\n`;
      appendFileSync(stepSummary, text.endsWith('\n') ? text : `${text}\n`);
    }
    return code;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = runAction();
