// A rule that throws is an internal error: reported with the rule id, exit 2, no stack trace
// unless --debug. The throwing rule is injected by mocking one rule module.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanService, runCli, STACK_LINE, tempTree } from './helpers.js';

vi.mock('../../src/rules/warranty-area-missing.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/rules/warranty-area-missing.js')>();
  return {
    warrantyAreaMissing: {
      ...real.warrantyAreaMissing,
      check: () => {
        const missing = undefined as unknown as { areas: string[] };
        return missing.areas; // a TypeError, as a real bug would throw
      },
    },
  };
});

const tree = tempTree();
afterAll(tree.cleanup);
writeFileSync(join(tree.root, 'svc.yaml'), cleanService('svc'));

describe('a rule that throws', () => {
  it('is reported with its rule id, exit 2, and no stack trace', async () => {
    const run = await runCli(['--now', '2026-11-26', '.'], tree.root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "warranty-lint: internal error in rule warranty-area-missing: Cannot read properties of undefined (reading 'areas')\n" +
        'Run again with --debug for details, and please report it.\n',
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('prints the stack trace with --debug', async () => {
    const run = await runCli(['--now', '2026-11-26', '--debug', '.'], tree.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^warranty-lint: internal error in rule warranty-area-missing: /);
    expect(run.stderr).toMatch(STACK_LINE);
  });
});
