import { describe, expect, it } from 'vitest';
import { CLEAN_LOW } from './support/lint-yaml.js';
import { read, runCli, tempTree } from './support/run-cli.js';

const NOW = ['--now', '2026-11-26'];
/** warranty-area-missing: a warning for a low-tier service, at 9:3. */
const WARNS = CLEAN_LOW.replace(/    security:[\s\S]*/, '');
/** warranty-placeholder-value: an error at 11:15. */
const ERRS = CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace('name: search', 'name: broken');

const tree = () => tempTree({ 'services/warn.yaml': WARNS, 'services/err.yaml': ERRS });
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ ruleId: string; severity: string; file: string; line: number }> }).findings;

describe('CLI flags (SPEC §6)', () => {
  it('--rule id=severity sets a severity, beats the config and its overrides; a bad one exits 2', async () => {
    const root = tempTree({
      'legacy/warn.yaml': WARNS,
      '.warranty-lintrc.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules: { warranty-area-missing: info }\n',
    });
    const r = await runCli([...NOW, '-f', 'json', '--rule', 'warranty-area-missing=error', 'legacy'], root);
    expect(findings(r.stdout).map((f) => f.severity)).toEqual(['error']);
    expect(r.code).toBe(1);
    const off = await runCli([...NOW, '--rule', 'warranty-area-missing=off', 'legacy'], root);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('no problems');
    const bad = await runCli([...NOW, '--rule', 'warranty-area-missing=loud', 'legacy'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule takes id=severity');
    const unknown = await runCli([...NOW, '--rule', 'nope=off', 'legacy'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Supported rules are:');
  });

  it('options written before a command count as its own; one the command does not take is a usage error, never dropped', async () => {
    const root = tree();
    const before = await runCli([...NOW, '--fail-on', 'never', 'report', '--width', '80', 'services'], root);
    const after = await runCli(['report', ...NOW, '--fail-on', 'never', '--width', '80', 'services'], root);
    expect(before.stdout).toContain('WARRANTY REPORT  2026-11-26');
    expect(before).toEqual(after);
    // Given on both sides, the command's own wins.
    const both = await runCli(['--now', '2025-01-01', 'report', ...NOW, 'services'], root);
    expect(both.stdout).toContain('2026-11-26');
    const policies = tempTree({ 'p.yaml': 'policies:\n  - id: acme/notes\n    description: Notes are written.\n    area: availability\n    then: [{ field: notes, function: present }]\n' });
    expect((await runCli(['-c', 'p.yaml', 'rules'], policies)).stdout).toContain('acme/notes');
    const misplaced = await runCli(['-f', 'json', 'rules'], root);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--format does not apply to `warranty-lint rules`: write it after the command');
    const foreign = await runCli([...NOW, 'explain', 'schema'], root);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('--now does not apply to `warranty-lint explain`');
    expect((await runCli(['--no-color', 'explain', 'schema'], root)).code).toBe(0);
  });

  it('--fail-on: error (default) | warning | info | never', async () => {
    const root = tempTree({ 'warn.yaml': WARNS });
    expect((await runCli([...NOW, 'warn.yaml'], root)).code).toBe(0);
    expect((await runCli([...NOW, '--fail-on', 'warning', 'warn.yaml'], root)).code).toBe(1);
    expect((await runCli([...NOW, '--fail-on', 'info', 'warn.yaml'], root)).code).toBe(1);
    expect((await runCli([...NOW, '--fail-on', 'info', '--rule', 'warranty-area-missing=info', 'warn.yaml'], root)).code).toBe(1);
    expect((await runCli([...NOW, '--fail-on', 'warning', '--rule', 'warranty-area-missing=info', 'warn.yaml'], root)).code).toBe(0);
    expect((await runCli([...NOW, '--fail-on', 'never', 'err.yaml'], tempTree({ 'err.yaml': ERRS }))).code).toBe(0);
    const bad = await runCli([...NOW, '--fail-on', 'fatal', 'warn.yaml'], root);
    expect(bad.code).toBe(2);
  });

  it('--max-warnings n: exit 1 only when warnings exceed n', async () => {
    const root = tempTree({ 'a.yaml': WARNS, 'b.yaml': WARNS.replace('name: search', 'name: other') });
    expect((await runCli([...NOW, '--max-warnings', '2', '.'], root)).code).toBe(0);
    expect((await runCli([...NOW, '--max-warnings', '1', '.'], root)).code).toBe(1);
    const bad = await runCli([...NOW, '--max-warnings', 'lots', '.'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings takes a whole number');
  });

  it('--quiet shows errors only, in every format, but the exit code still sees warnings', async () => {
    const root = tree();
    const stylish = await runCli([...NOW, '--quiet', 'services'], root);
    expect(stylish.stdout).toContain('warranty-placeholder-value');
    expect(stylish.stdout).not.toContain('warranty-area-missing');
    expect(stylish.stdout).toContain('1 problem (1 error, 0 warnings)');
    const json = await runCli([...NOW, '--quiet', '-f', 'json', 'services'], root);
    expect(findings(json.stdout).map((f) => f.ruleId)).toEqual(['warranty-placeholder-value']);
    expect((await runCli([...NOW, '--quiet', '--fail-on', 'warning', 'services/warn.yaml'], root)).code).toBe(1);
  });

  it('--ignore-pattern skips matching files while walking (repeatable)', async () => {
    const root = tree();
    const r = await runCli([...NOW, '-f', 'json', '--ignore-pattern', 'services/err.yaml', 'services'], root);
    expect(findings(r.stdout).map((f) => f.file)).toEqual(['services/warn.yaml']);
    const both = await runCli([...NOW, '-f', 'json', '--ignore-pattern', 'services/err.yaml', '--ignore-pattern', '**/warn.yaml', '.'], tempTree({ 'services/err.yaml': ERRS, 'services/warn.yaml': WARNS, 'ok.yaml': CLEAN_LOW }));
    expect(findings(both.stdout)).toEqual([]);
  });

  it('--stdin with --stdin-filename lints standard input under that name', async () => {
    const root = tempTree({});
    const r = await runCli([...NOW, '-f', 'json', '--stdin', '--stdin-filename', 'services/new.yaml'], root, { stdin: ERRS });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((f) => [f.ruleId, f.file])).toEqual([['warranty-placeholder-value', 'services/new.yaml']]);
    const anon = await runCli([...NOW, '-f', 'json', '--stdin'], root, { stdin: WARNS });
    expect(findings(anon.stdout).map((f) => f.file)).toEqual(['<stdin>']);
    const alone = await runCli([...NOW, '--stdin-filename', 'x.yaml'], root);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('use it with --stdin');
  });

  it('--stdin decodes bytes as strictly as a file: invalid UTF-8 is a finding, UTF-16 with a BOM is read', async () => {
    const root = tempTree({});
    const bad = Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: a, owner: "'), Buffer.from([0xff]), Buffer.from('" }\n')]);
    const r = await runCli([...NOW, '-f', 'json', '--stdin'], root, { stdin: bad });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((f) => [f.ruleId, f.file, f.line])).toEqual([['yaml-syntax', '<stdin>', 3]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WARNS, 'utf16le')]);
    const ok = await runCli([...NOW, '-f', 'json', '--stdin'], root, { stdin: utf16 });
    expect(findings(ok.stdout).map((f) => f.ruleId)).toEqual(findings((await runCli([...NOW, '-f', 'json', '--stdin'], root, { stdin: WARNS })).stdout).map((f) => f.ruleId));
  });

  it('repeatable -f name[=file]: stylish on the console and SARIF and JUnit to files, in one run', async () => {
    const root = tree();
    const r = await runCli([...NOW, '-f', 'stylish', '-f', 'sarif=out/results.sarif', 'services'], root);
    // out/ does not exist: a clear usage error (exit 2), no stack trace.
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('warranty-lint: cannot write out/results.sarif: its directory does not exist\n');
    const ok = await runCli([...NOW, '-f', 'stylish', '-f', 'sarif=results.sarif', '-f', 'junit=junit.xml', 'services'], root);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('warranty-placeholder-value');
    expect([...ok.written.keys()]).toEqual(['results.sarif', 'junit.xml']);
    expect(JSON.parse(read(root, 'results.sarif')).version).toBe('2.1.0');
    expect(read(root, 'junit.xml')).toMatch(/^<\?xml/);
    const bad = await runCli([...NOW, '-f', 'pdf', 'services'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "pdf"');
    const empty = await runCli([...NOW, '-f', 'sarif=', 'services'], root);
    expect(empty.code).toBe(2);
  });

  it('-o writes the single format to a file, with no colour; with two formats it is a usage error', async () => {
    const root = tree();
    const r = await runCli([...NOW, '-o', 'report.txt', 'services'], root);
    expect(r.stdout).toBe('');
    expect(read(root, 'report.txt')).toContain('warranty-placeholder-value');
    expect(read(root, 'report.txt')).not.toContain('\u001b[');
    const two = await runCli([...NOW, '-f', 'json', '-f', 'sarif', '-o', 'x', 'services'], root);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--output writes a single format');
  });
});
