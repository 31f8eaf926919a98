// Permission errors, made to happen even as root (where chmod 000 is not enforced) by failing the
// system calls themselves.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanService, runCli, STACK_LINE, tempTree } from './helpers.js';

const denied = (): Error => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    openSync: vi.fn((path: string, ...rest: unknown[]) => {
      if (String(path).endsWith('locked.yaml')) throw denied();
      return (real.openSync as (...a: unknown[]) => number)(path, ...rest);
    }),
    readdirSync: vi.fn((path: string, ...rest: unknown[]) => {
      if (String(path).endsWith('locked-dir')) throw denied();
      return (real.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
    }),
  };
});

const tree = tempTree();
afterAll(tree.cleanup);

describe('permission denied', () => {
  it('a file that cannot be opened is file-unreadable, a directory that cannot be listed too, and the rest is linted', async () => {
    writeFileSync(join(tree.root, 'locked.yaml'), cleanService('locked'));
    writeFileSync(join(tree.root, 'good.yaml'), cleanService('good'));
    mkdirSync(join(tree.root, 'locked-dir'));
    const run = await runCli(['-f', 'json', '.'], tree.root);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const out = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; message: string }>; summary: { services: number } };
    expect(out.findings.map((f) => [f.ruleId, f.file, f.line, f.message])).toEqual([
      ['file-unreadable', 'locked-dir', 1, 'cannot read locked-dir: permission denied'],
      ['file-unreadable', 'locked.yaml', 1, 'cannot read locked.yaml: permission denied'],
    ]);
    expect(out.summary.services).toBe(1);
  });
});
