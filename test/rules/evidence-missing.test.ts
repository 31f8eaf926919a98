import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type UserConfig } from '../../src/config/resolve.js';
import { lint, type LintResult } from '../../src/engine/lint.js';
import { evidenceMissing } from '../../src/rules/evidence-missing.js';
import { looksLikePath } from '../../src/model/evidence.js';
import { CLEAN_CRITICAL, swap } from '../support/critical-service.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { expectExamplesHold, findingsOf } from './helpers.js';

const ID = 'evidence-missing';
let repo: string;

/**
 * A repository (`.git` marks its root) with a definition in `services/payments/` and the documents
 * its definitions name: one beside the definition, one under the root's `docs/`.
 */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'wl-evidence-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'services', 'payments', 'dr'), { recursive: true });
  mkdirSync(join(repo, 'docs', 'policies'), { recursive: true });
  writeFileSync(join(repo, 'services', 'payments', 'dr', 'payments.md'), '# DR plan\n');
  writeFileSync(join(repo, 'docs', 'policies', 'isp-2024.pdf'), '%PDF\n');
  mkdirSync(join(repo, 'docs', 'load-tests'));
  execFileSync('mkfifo', [join(repo, 'docs', 'pipe.md')]);
  symlinkSync(tmpdir(), join(repo, 'docs', 'away.md'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Lints `services/payments/payments.yaml` holding `text`, from the repository root. */
async function lintIn(text: string, config: UserConfig = {}, cwd = repo): Promise<LintResult> {
  writeFileSync(join(repo, 'services', 'payments', 'payments.yaml'), text);
  return lint({ paths: [join(repo, 'services', 'payments', 'payments.yaml')], cwd, config: resolveConfig(config), now: '2026-11-26' });
}

const withPlan = (plan: string): string => swap(CLEAN_CRITICAL, 'plan: docs/dr/payments.md', `plan: ${plan}`);
const PLAN: [number, number, string] = [35, 13, '/spec/warranty/continuity/plan'];

describe(ID, () => {
  it('is registered with its examples (a warning, an error for a critical service)', () => {
    expect(evidenceMissing.meta.id).toBe(ID);
    expect(evidenceMissing.meta.tierSeverity).toEqual({ critical: 'error' });
    expectExamplesHold(ID);
  });

  it('passes a plan found beside the definition or from the repository root, a folder, and a URL', async () => {
    for (const plan of ['dr/payments.md', 'services/payments/dr/payments.md', './dr/payments.md#failover', 'docs/load-tests', 'https://wiki.example.com/dr/payments', 'confluence:DR/Payments']) {
      expect(findingsOf(await lintIn(withPlan(plan)), ID), plan).toEqual([]);
    }
  });

  it('flags a plan that is not there, at the plan, naming where it was looked for', async () => {
    const f = findingsOf(await lintIn(withPlan('docs/dr/payments.md')), ID);
    expect(f.map((x) => [x.line, x.column, x.pointer, x.area, x.severity, x.service])).toEqual([[...PLAN, 'continuity', 'error', 'payments-api']]);
    expect(f[0]?.message).toBe(
      'service "payments-api" names "docs/dr/payments.md" as its continuity.plan, but there is no such file (looked for services/payments/docs/dr/payments.md and docs/dr/payments.md); commit the document in the repository, correct the path, or link it by URL.',
    );
  });

  it('names the places relative to the working directory, which need not be the root', async () => {
    const f = findingsOf(await lintIn(withPlan('dr/ledger.md'), {}, join(repo, 'services')), ID);
    expect(f[0]?.message).toContain('(looked for payments/dr/ledger.md and ../dr/ledger.md)');
  });

  it('is a warning below critical', async () => {
    const high = swap(withPlan('dr/nowhere.md'), 'tier: critical', 'tier: high');
    expect(findingsOf(await lintIn(high), ID).map((x) => x.severity)).toEqual(['warning']);
  });

  it('flags a file: URL, an absolute path outside the repository, a way out with .., a home path and a link that leads out', async () => {
    for (const plan of ['file:///home/ana/dr.md', '/etc/hostname', '../../../etc/hostname', '~/dr/payments.md', 'docs/away.md', 'C:\\dr\\payments.md']) {
      const f = findingsOf(await lintIn(withPlan(JSON.stringify(plan))), ID);
      expect(f.map((x) => x.pointer), plan).toEqual([PLAN[2]]);
      expect(f[0]?.message, plan).toMatch(plan.startsWith('file:') ? /a file: URL points at one machine's disk/ : /it leads outside the repository/);
    }
  });

  it('passes an absolute path inside the repository that exists', async () => {
    expect(findingsOf(await lintIn(withPlan(join(repo, 'docs', 'policies', 'isp-2024.pdf'))), ID)).toEqual([]);
  });

  it('flags a FIFO without opening it', async () => {
    const f = findingsOf(await lintIn(withPlan('docs/pipe.md')), ID);
    expect(f[0]?.message).toContain('it is not a file or folder (a FIFO, socket or device)');
  });

  it('checks the load test and DR test reports, and a policy only when it reads as a path', async () => {
    let text = swap(CLEAN_CRITICAL, 'plan: docs/dr/payments.md', 'plan: dr/payments.md');
    text = swap(text, 'multipleOfPeak: 2 }', 'multipleOfPeak: 2, report: docs/load-tests/2026-10.html }');
    text = swap(text, 'result: pass }', 'result: pass, report: dr/tests/2026-10-01.md }');
    text = swap(text, 'policy: ISP-2024', 'policy: docs/policies/isp-2023.pdf');
    const f = findingsOf(await lintIn(text), ID);
    expect(f.map((x) => [x.line, x.pointer, x.area])).toEqual([
      [26, '/spec/warranty/capacity/loadTest/report', 'capacity'],
      [36, '/spec/warranty/continuity/lastTest/report', 'continuity'],
      [44, '/spec/warranty/security/policy', 'security'],
    ]);
    expect(f.map((x) => x.message.split(' as its ')[1]?.split(',')[0])).toEqual(['capacity.loadTest.report', 'continuity.lastTest.report', 'security.policy']);
    expect(findingsOf(await lintIn(swap(text, 'policy: docs/policies/isp-2023.pdf', 'policy: docs/policies/isp-2024.pdf')), ID)).toHaveLength(2);
  });

  it('tells an identifier from a path', () => {
    for (const id of ['ISP-2024', 'ISP 2024 v2', 'InfoSec policy 4.1']) expect(looksLikePath(id), id).toBe(false);
    for (const path of ['docs/isp.md', 'isp-2024.pdf', './isp', '..\\isp.docx', 'https://isms.example.com/isp']) expect(looksLikePath(path), path).toBe(true);
  });

  it('leaves a placeholder to warranty-placeholder-value and an empty value to the schema', async () => {
    const tbd = await lintIn(withPlan('TBD'));
    expect(findingsOf(tbd, ID)).toEqual([]);
    expect(findingsOf(tbd, 'warranty-placeholder-value').map((x) => x.pointer)).toEqual([PLAN[2]]);
    expect(findingsOf(await lintIn(withPlan('""')), ID)).toEqual([]);
  });

  it('looks nothing up when the rule is off', async () => {
    const off = await lintIn(withPlan('docs/dr/payments.md'), { rules: { [ID]: 'off' } });
    expect(findingsOf(off, ID)).toEqual([]);
    expect(off.services[0]?.evidence).toBeUndefined();
  });

  it('judges a Backstage Component alike, and a service with no evidence fields has nothing to check', async () => {
    const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments }
spec:
  type: service
  lifecycle: experimental
  owner: team-payments
  warranty:
    continuity: { rto: 6h, rpo: 4h, recoveryOption: backup-restore, plan: dr/missing.md }
`;
    expect(findingsOf(await lintIn(component), ID).map((x) => [x.line, x.pointer])).toEqual([[9, '/spec/warranty/continuity/plan']]);
    expect(findingsOf(await lintIn(CLEAN_LOW), ID)).toEqual([]);
  });
});
