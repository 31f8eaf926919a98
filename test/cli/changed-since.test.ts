// --changed-since: the whole catalog is linted (catalog rules need every service) but only what a
// change touches is reported and fails the run.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sketch } from '../support/catalog.js';
import { runCli, tempTree } from '../support/run-cli.js';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });

/** A repository on `main` holding three services: checkout depends on payments; search stands alone. */
function repo(): string {
  const root = tempTree(
    {
      'services/checkout.yaml': sketch({ name: 'checkout', tier: 'high', deps: ['payments'], target: 99.9, rto: '1h', rpo: '15m' }),
      'services/payments.yaml': sketch({ name: 'payments', tier: 'high', target: 99.95, rto: '30m', rpo: '5m' }),
      'services/search.yaml': sketch({ name: 'search', target: 'TBD' }),
    },
    { git: false },
  );
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'catalog');
  git(root, 'checkout', '-q', '-b', 'change');
  return root;
}

interface Out {
  findings: Array<{ ruleId: string; file: string | null; service: string | null }>;
}
const run = async (root: string, ...args: string[]) => {
  const r = await runCli(['--now', '2026-11-26', '-f', 'json', ...args], root);
  return { ...r, doc: r.stdout ? (JSON.parse(r.stdout) as Out) : undefined };
};

describe('--changed-since', () => {
  it('reports nothing, and passes, when nothing changed (the unchanged TBD is not reported)', async () => {
    const root = repo();
    const all = await run(root, 'services');
    expect(all.code).toBe(1);
    const none = await run(root, '--changed-since', 'main', 'services');
    expect(none.code).toBe(0);
    expect(none.doc?.findings).toEqual([]);
  });

  it('reports the findings of a changed file, and catalog findings of others that involve it', async () => {
    const root = repo();
    // payments' rto loosens past checkout's own (and its tier's 4h): checkout, unchanged, now has a dependency inversion.
    writeFileSync(join(root, 'services/payments.yaml'), sketch({ name: 'payments', tier: 'high', target: 99.95, rto: '5h', rpo: '5m' }));
    git(root, 'commit', '-qam', 'loosen payments');
    const r = await run(root, '--changed-since', 'main', 'services');
    const seen = r.doc!.findings.map((f) => [f.ruleId, f.service]);
    expect(seen).toContainEqual(['continuity-dependency-inversion', 'checkout']);
    expect(seen).toContainEqual(['tier-minimums-unmet', 'payments']);
    expect(seen.filter(([, s]) => s === 'search')).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('counts uncommitted and untracked files as changed', async () => {
    const root = repo();
    writeFileSync(join(root, 'services/new.yaml'), sketch({ name: 'fresh', target: 'TBD' }));
    const r = await run(root, '--changed-since', 'main', 'services');
    expect([...new Set(r.doc!.findings.map((f) => f.file))]).toEqual(['services/new.yaml']);
  });

  it('works from a subfolder, with paths relative to it', async () => {
    const root = repo();
    writeFileSync(join(root, 'services/search.yaml'), sketch({ name: 'search', target: 'TBC' }));
    const r = await runCli(['--now', '2026-11-26', '-f', 'json', '--changed-since', 'main', '.'], join(root, 'services'));
    expect([...new Set((JSON.parse(r.stdout) as Out).findings.map((f) => f.file))]).toEqual(['search.yaml']);
  });

  it('works with --baseline: recorded findings do not count, and entries of unchanged files are not called fixed', async () => {
    const root = repo();
    expect((await runCli(['--now', '2026-11-26', '--baseline', 'b.json', '--update-baseline', 'services'], root)).code).toBe(0);
    git(root, 'add', 'b.json');
    git(root, 'commit', '-qm', 'baseline');
    writeFileSync(join(root, 'services/payments.yaml'), sketch({ name: 'payments', tier: 'high', target: 99.95, rto: '4h', rpo: '5m' }));
    const r = await run(root, '--baseline', 'b.json', '--changed-since', 'main', 'services');
    expect(r.stderr).not.toMatch(/fixed/);
    expect(r.doc!.findings.map((f) => f.ruleId)).toContain('continuity-dependency-inversion');
    const refused = await runCli(['--baseline', 'b.json', '--update-baseline', '--changed-since', 'main', 'services'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--update-baseline records the whole catalog');
  });

  it('exits 2 with a clear message outside a repository, with an unknown ref, and with a ref that looks like an option', async () => {
    const outside = tempTree({ 'a.yaml': sketch({ name: 'a' }) }, { git: false });
    const a = await runCli(['--changed-since', 'main', 'a.yaml'], outside);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--changed-since needs a git repository, and .* is not in one/);
    const root = repo();
    const b = await runCli(['--changed-since', 'no-such-branch', 'services'], root);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--changed-since no-such-branch: not a ref git knows here');
    const c = await runCli(['--changed-since=--output=/tmp/x', 'services'], root);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--changed-since takes a git ref');
  });
});
