import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_LOW } from './support/lint-yaml.js';
import { read, runCli, tempTree } from './support/run-cli.js';

const NOW = ['--now', '2026-11-26'];
const svc = (name: string, target = '99.0') => CLEAN_LOW.replace('name: search', `name: ${name}`).replace('target: 99.0', `target: ${target}`);
/** Two services in one file, each with a placeholder target (an error each). */
const TWO = `${svc('alpha', 'TBD')}---\n${svc('beta', 'TBD')}`;

const jsonRun = async (argv: string[], cwd: string) => {
  const r = await runCli([...NOW, '-f', 'json', ...argv], cwd);
  return { ...r, data: JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; service: string; line: number }>; summary: { errors: number; baselined: number } } };
};

describe('--baseline / --update-baseline', () => {
  it('writes the current findings (sorted, stable JSON), then a run with it passes and counts them as baselined', async () => {
    const root = tempTree({ 'services/all.yaml': TWO });
    const up = await jsonRun(['--baseline', 'wl-baseline.json', '--update-baseline', 'services'], root);
    expect(up.code).toBe(0);
    expect(up.data.findings).toEqual([]);
    expect(up.data.summary.baselined).toBe(2);
    expect(up.stderr).toContain('wrote wl-baseline.json: 2 findings recorded (2 new, 0 fixed and dropped)');
    const text = read(root, 'wl-baseline.json');
    const b = JSON.parse(text);
    expect(b.version).toBe(1);
    expect(b.entries.map((e: { service: string; ruleId: string; pointer: string; area: string; file: string }) => [e.service, e.ruleId, e.area, e.pointer, e.file])).toEqual([
      ['alpha', 'warranty-placeholder-value', 'availability', '/spec/warranty/availability/target', 'services/all.yaml'],
      ['beta', 'warranty-placeholder-value', 'availability', '/spec/warranty/availability/target', 'services/all.yaml'],
    ]);
    expect(Object.keys(b.entries[0])).toEqual(['fingerprint', 'ruleId', 'service', 'area', 'pointer', 'file', 'message']);
    expect(text.endsWith('}\n')).toBe(true);
    // Writing again with nothing changed gives the same bytes.
    await runCli([...NOW, '--baseline', 'wl-baseline.json', '--update-baseline', 'services'], root);
    expect(read(root, 'wl-baseline.json')).toBe(text);

    const run = await jsonRun(['--baseline', 'wl-baseline.json', 'services'], root);
    expect(run.code).toBe(0);
    expect(run.data.summary).toMatchObject({ errors: 0, baselined: 2 });
    const stylish = await runCli([...NOW, '--baseline', 'wl-baseline.json', 'services'], root);
    expect(stylish.stdout).toContain('(2 baselined)');
  });

  it('survives lines inserted above a finding and reordered services; a new finding still fails', async () => {
    const root = tempTree({ 'services/all.yaml': TWO });
    await runCli([...NOW, '--baseline', 'b.json', '--update-baseline', 'services'], root);
    // Reorder the services and push everything down with comments.
    writeFileSync(join(root, 'services/all.yaml'), `# moved\n# around\n\n${svc('beta', 'TBD')}---\n# note\n${svc('alpha', 'TBD')}`);
    const moved = await jsonRun(['--baseline', 'b.json', 'services'], root);
    expect(moved.code).toBe(0);
    expect(moved.data.summary.baselined).toBe(2);
    // A new placeholder in alpha is not in the baseline.
    writeFileSync(join(root, 'services/all.yaml'), `${svc('beta', 'TBD')}---\n${svc('alpha', 'TBD').replace('window: 30d', 'window: TBD')}`);
    const added = await jsonRun(['--baseline', 'b.json', 'services'], root);
    expect(added.code).toBe(1);
    expect(added.data.findings.map((f) => [f.service, f.ruleId, f.line])).toEqual([['alpha', 'warranty-placeholder-value', 37]]);
    expect(added.data.summary.baselined).toBe(2);
  });

  it('drops entries that no longer match on update and reports them as fixed', async () => {
    const root = tempTree({ 'services/all.yaml': TWO });
    await runCli([...NOW, '--baseline', 'b.json', '--update-baseline', 'services'], root);
    writeFileSync(join(root, 'services/all.yaml'), `${svc('alpha', 'TBD')}---\n${svc('beta')}`);
    const check = await jsonRun(['--baseline', 'b.json', 'services'], root);
    expect(check.code).toBe(0);
    expect(check.data.summary.baselined).toBe(1);
    expect(check.stderr).toBe('warranty-lint: 1 entry of b.json no longer matches any finding (fixed); run with --update-baseline to drop it\n');
    const up = await runCli([...NOW, '--baseline', 'b.json', '--update-baseline', 'services'], root);
    expect(up.stderr).toContain('fixed: warranty-placeholder-value in service "beta" at /spec/warranty/availability/target (dropped from the baseline)');
    expect(up.stderr).toContain('1 finding recorded (0 new, 1 fixed and dropped)');
    expect(JSON.parse(read(root, 'b.json')).entries.map((e: { service: string }) => e.service)).toEqual(['alpha']);
  });

  it('a missing or corrupt baseline exits 2 with a clear message', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW, 'corrupt.json': '{"version": 1, "entries": [', 'other.json': '{"name": "not a baseline"}', 'badentry.json': '{"version": 1, "entries": [{"ruleId": "x"}]}' });
    const missing = await runCli([...NOW, '--baseline', 'nope.json', 'services'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('warranty-lint: the baseline nope.json does not exist; create it with --baseline nope.json --update-baseline\n');
    const corrupt = await runCli([...NOW, '--baseline', 'corrupt.json', 'services'], root);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/^warranty-lint: the baseline corrupt\.json is not valid JSON/);
    const other = await runCli([...NOW, '--baseline', 'other.json', '--update-baseline', 'services'], root);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.json is not a warranty-lint baseline');
    expect(read(root, 'other.json')).toBe('{"name": "not a baseline"}');
    const entry = await runCli([...NOW, '--baseline', 'badentry.json', 'services'], root);
    expect(entry.code).toBe(2);
    expect(entry.stderr).toContain('entry 1 has no valid "fingerprint"');
  });

  it('a baseline that is a directory or a FIFO is refused without reading it', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW, 'dir/x': '' });
    execFileSync('mkfifo', [join(root, 'fifo.json')]);
    for (const name of ['dir', 'fifo.json']) {
      const r = await runCli([...NOW, '--baseline', name, 'services'], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`warranty-lint: the baseline ${name} is not a regular file\n`);
    }
  });

  it('--update-baseline needs --baseline', async () => {
    const r = await runCli([...NOW, '--update-baseline', 'services'], tempTree({ 'services/a.yaml': CLEAN_LOW }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--update-baseline needs --baseline <file>');
  });
});
