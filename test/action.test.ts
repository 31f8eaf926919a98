// The GitHub Action (action.yml) and its lint step (scripts/action-run.mjs), run as a runner would:
// inputs in WL_* variables, a stub CLI that records the arguments it is given, or the real one.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionArgs, words } from '../scripts/action-run.mjs';

const repo = resolve(import.meta.dirname, '..');
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { steps: Array<{ name: string; id?: string; if?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }> };
};
let dir: string;

/** A CLI that writes its arguments (as JSON) to $STUB_OUT, a markdown summary where -f markdown=… says, and exits $STUB_CODE. */
const STUB = `
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.writeFileSync(process.env.STUB_OUT, JSON.stringify(args));
const md = args.find((a, i) => args[i - 1] === '-f' && a.startsWith('markdown='));
if (md && process.env.STUB_CODE !== '2') fs.writeFileSync(md.slice('markdown='.length), '| stub | summary |\\n');
process.exitCode = Number(process.env.STUB_CODE ?? 0);
`;

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  args: string[];
  summary: string;
}

/** Runs the lint step with the stub CLI (or the real one: `real`), inputs given as their WL_* variables. */
function step(inputs: Record<string, string>, options: { code?: number; real?: boolean } = {}): StepRun {
  const out = join(dir, 'args.json');
  const summary = join(dir, 'summary.md');
  rmSync(out, { force: true });
  writeFileSync(summary, '# earlier step\n');
  const r = spawnSync(process.execPath, [join(repo, 'scripts', 'action-run.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      CI: 'true',
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: join(dir, 'runner-temp'),
      STUB_OUT: out,
      STUB_CODE: String(options.code ?? 0),
      ...(options.real ? {} : { WL_BIN: join(dir, 'stub.cjs') }),
      ...inputs,
    },
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    args: existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as string[]) : [],
    summary: readFileSync(summary, 'utf8'),
  };
}

/** The value after `flag` in `args`. */
const after = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];
const pathsOf = (args: string[]): string[] => args.slice(args.indexOf('--') + 1);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wl-action-'));
  mkdirSync(join(dir, 'runner-temp'));
  writeFileSync(join(dir, 'stub.cjs'), STUB);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lint step (scripts/action-run.mjs)', () => {
  it('lints every path of a block-style list: split on spaces, tabs and newlines', () => {
    const r = step({ WL_PATHS: 'services/\n  legacy/old.yaml\r\n\tteam a/b.yaml  \n\n' });
    expect(r.code).toBe(0);
    expect(pathsOf(r.args)).toEqual(['services/', 'legacy/old.yaml', 'team', 'a/b.yaml']);
  });

  it('passes inputs as arguments, never through a shell', () => {
    const r = step({ WL_PATHS: '$(touch pwned) `touch pwned2` ;rm -rf x *.yaml', WL_ARGS: '--rule x=$(id)' });
    expect(pathsOf(r.args)).toEqual(['$(touch', 'pwned)', '`touch', 'pwned2`', ';rm', '-rf', 'x', '*.yaml']);
    expect(r.args).toContain('x=$(id)');
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
  });

  it('turns each input into its option; extra args go before `--`, paths after it', () => {
    const r = step({
      WL_PATHS: 'services',
      WL_CONFIG: 'ci/wl.yaml',
      WL_FAIL_ON: 'warning',
      WL_MAX_WARNINGS: ' 0 ',
      WL_BASELINE: '.baseline.json',
      WL_SARIF: 'out/wl.sarif',
      WL_MAX_ANNOTATIONS: '5',
      WL_ARGS: '--ignore-pattern legacy/**\n--rule warranty-owner-generic=off',
    });
    expect(r.args.slice(0, 2)).toEqual(['-f', 'github']);
    expect(r.args).toContain('sarif=out/wl.sarif');
    expect(after(r.args, '--fail-on')).toBe('warning');
    expect(after(r.args, '--max-warnings')).toBe('0');
    expect(after(r.args, '--config')).toBe('ci/wl.yaml');
    expect(after(r.args, '--baseline')).toBe('.baseline.json');
    expect(after(r.args, '--max-annotations')).toBe('5');
    expect(r.args.slice(r.args.indexOf('--ignore-pattern'), r.args.indexOf('--') + 1)).toEqual(['--ignore-pattern', 'legacy/**', '--rule', 'warranty-owner-generic=off', '--']);
    expect(pathsOf(r.args)).toEqual(['services']);
  });

  it('leaves out the options of empty inputs, and lints "." when no path is given', () => {
    const args = actionArgs({ WL_PATHS: ' \n ', WL_SARIF: '', WL_MAX_WARNINGS: '', WL_CONFIG: '' }, undefined);
    expect(args).toEqual(['-f', 'github', '--fail-on', 'error', '--', '.']);
    expect(words(undefined)).toEqual([]);
  });

  it('appends the markdown summary to $GITHUB_STEP_SUMMARY, unless summary is false', () => {
    const on = step({ WL_PATHS: '.' });
    expect(on.args.find((a) => a.startsWith('markdown='))).toBeDefined();
    expect(on.summary).toBe('# earlier step\n| stub | summary |\n');
    // The temporary file the CLI wrote is gone.
    expect(readdirSync(join(dir, 'runner-temp'))).toEqual([]);
    const off = step({ WL_PATHS: '.', WL_SUMMARY: 'false' });
    expect(off.args.some((a) => a.startsWith('markdown='))).toBe(false);
    expect(off.summary).toBe('# earlier step\n');
  });

  it("exits with the linter's code, and says in the summary when the linter stopped before writing it", () => {
    expect(step({ WL_PATHS: '.' }, { code: 1 }).code).toBe(1);
    const usage = step({ WL_PATHS: '.' }, { code: 2 });
    expect(usage.code).toBe(2);
    expect(usage.summary).toContain('warranty-lint stopped with exit code 2 before writing its summary');
  });

  it('runs the real CLI on multi-line paths: annotations, SARIF and summary cover every path', () => {
    const services = readFileSync(join(repo, 'examples', 'retail', 'checkout-web.yaml'), 'utf8');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'a', 'one.yaml'), services);
    writeFileSync(join(dir, 'b', 'two.yaml'), services.replace('name: checkout-web', 'name: checkout-two'));
    const r = step({ WL_PATHS: 'a/one.yaml\nb/two.yaml\n', WL_SARIF: 'wl.sarif', WL_ARGS: '--now 2026-11-26', WL_MAX_ANNOTATIONS: '3' }, { real: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=a\/one\.yaml,/m);
    expect(r.stdout).toMatch(/^::notice title=warranty-lint::\d+ more findings are not annotated here/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'wl.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris].some((u) => u.endsWith('a/one.yaml'))).toBe(true);
    expect([...uris].some((u) => u.endsWith('b/two.yaml'))).toBe(true);
    expect(r.summary).toMatch(/^# earlier step\n[\s\S]*checkout-two[\s\S]*\|/);
    const never = step({ WL_PATHS: 'a/one.yaml\nb/two.yaml\n', WL_SARIF: '', WL_FAIL_ON: 'never', WL_ARGS: '--now 2026-11-26' }, { real: true });
    expect(never.code).toBe(0);
  });
});

describe('action.yml', () => {
  const steps = action.runs.steps;

  it('is a composite action with these inputs', () => {
    expect((action.runs as { using?: string }).using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'baseline', 'config', 'fail-on', 'max-annotations', 'max-warnings', 'node-version', 'paths', 'sarif-file', 'summary', 'upload-sarif']);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
  });

  it('runs the committed bundle: no install, no build', () => {
    const scripts = steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).not.toMatch(/npm (ci|install|run)|\btsc\b|npx /);
    expect(steps.find((s) => s.id === 'lint')?.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action-run.mjs"');
  });

  it('sets up Node only when the runner has none, or one older than 20', () => {
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.if).toBe("steps.node.outputs.setup == 'true'");
    const check = steps.find((s) => s.id === 'node')?.run ?? '';
    const outcome = (nodeScript: string | null): string => {
      const bin = mkdtempSync(join(dir, 'path-'));
      if (nodeScript !== null) {
        writeFileSync(join(bin, 'node'), `#!/bin/sh\n${nodeScript}\n`);
        chmodSync(join(bin, 'node'), 0o755);
      }
      const output = join(bin, 'output');
      writeFileSync(output, '');
      // Only the stub's folder and the shell's own tools: no real node on PATH.
      const r = spawnSync('/bin/bash', ['-e', '-c', check], { env: { PATH: `${bin}:/usr/bin:/bin`.replace(/:[^:]*node[^:]*/g, ''), GITHUB_OUTPUT: output }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return readFileSync(output, 'utf8');
    };
    expect(outcome('echo 22')).toBe('setup=false\n');
    expect(outcome('echo 20')).toBe('setup=false\n');
    expect(outcome('echo 18')).toBe('setup=true\n');
    expect(outcome('exit 127')).toBe('setup=true\n');
    if (!existsSync('/usr/bin/node') && !existsSync('/bin/node')) expect(outcome(null)).toBe('setup=true\n');
  });

  it('passes every input to the step through the environment, never with ${{ }} inside a script', () => {
    for (const s of steps) expect(s.run ?? '', s.name).not.toContain('${{');
    const used = JSON.stringify(steps.map((s) => ({ if: s.if, env: s.env, with: s.with })));
    for (const name of Object.keys(action.inputs)) expect(used, name).toContain(`inputs.${name}`);
  });

  it('has its inputs listed in the README', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    for (const name of Object.keys(action.inputs)) expect(readme, name).toContain(`\`${name}\``);
  });
});
