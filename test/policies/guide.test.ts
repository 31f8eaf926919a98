// The five policies of docs/policies.md, as the example preset examples/policies/acme.yaml holds
// them, on the example catalog and on services made to pass and fail each one.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { lint } from '../../src/engine/lint.js';
import type { PolicyData } from '../../src/config/types.js';
import { CLEAN_CRITICAL, swap } from '../support/critical-service.js';
import { lintYaml } from '../support/lint-yaml.js';
import { runCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-11-26';
const PRESET = 'examples/policies/acme.yaml';
const preset = async () => loadConfig({ cwd: ROOT, configPath: PRESET });

const GUIDE = ['acme/oncall-named', 'acme/critical-mfa', 'acme/rto-within-an-hour', 'acme/load-test-recent', 'acme/dr-plan-in-repo'];

describe('the example preset on examples/', () => {
  it('holds the five policies of the guide, and gives exactly these findings on the catalog', async () => {
    const { config } = await preset();
    expect(config.policies.map((p) => p.id)).toEqual(GUIDE);
    const result = await lint({ paths: ['examples'], cwd: ROOT, config, now: NOW });
    const found = result.findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => `${f.ruleId} ${f.service} ${f.file}:${f.line}:${f.column} ${f.severity}`);
    expect(found.sort()).toEqual(
      [
        'acme/oncall-named payments-api examples/payments/payments-api.yaml:18:5 error',
        'acme/oncall-named ledger-core examples/payments/ledger.yaml:20:5 error',
        'acme/oncall-named auth-service examples/platform/identity.yaml:14:5 error',
        'acme/oncall-named customer-profile examples/platform/identity.yaml:70:5 error',
        'acme/oncall-named fx-rates examples/platform/reference-data.yaml:14:5 error',
        'acme/oncall-named checkout-web examples/retail/checkout-web.yaml:18:5 error',
        'acme/oncall-named order-bridge examples/legacy-estate/order-bridge.yaml:16:5 error',
        'acme/critical-mfa payments-api examples/payments/payments-api.yaml:51:17 error',
        'acme/rto-within-an-hour checkout-web examples/retail/checkout-web.yaml:41:12 warning',
        'acme/rto-within-an-hour order-bridge examples/legacy-estate/order-bridge.yaml:22:5 warning',
        'acme/load-test-recent payments-api examples/payments/payments-api.yaml:35:25 warning',
        'acme/load-test-recent checkout-web examples/retail/checkout-web.yaml:28:5 warning',
        'acme/load-test-recent order-bridge examples/legacy-estate/order-bridge.yaml:15:3 warning',
        'acme/dr-plan-in-repo order-bridge examples/legacy-estate/order-bridge.yaml:22:5 warning',
        'acme/dr-plan-in-repo reporting-warehouse examples/data/reporting-warehouse.yaml:22:5 warning',
      ].sort(),
    );
    // The messages the guide quotes.
    const messages = result.findings.map((f) => f.message);
    expect(messages).toContain('service "payments-api" names no on-call rotation for availability.oncall.');
    expect(messages).toContain('service "payments-api" does not list mfa and key-management in security.controls. Critical services list mfa and key-management among their security controls.');
    expect(messages).toContain('service "checkout-web" has continuity.rto "2h", above the maximum of 1h: Acme recovers its critical and high services within 1h.');
    expect(messages).toContain('service "order-bridge" has no continuity.rto: Acme recovers its critical and high services within 1h.');
    expect(messages).toContain('service "payments-api" has capacity.loadTest.date 2026-04-01, 239 days before today: older than the 180 days allowed. Critical and high services have load-tested their capacity within the last 180 days.');
  });

  it('is not a service: linting examples/ without it reports nothing about the preset, and its findings are unchanged', async () => {
    const plain = await runCli(['--now', NOW, '-f', 'json', 'examples'], ROOT);
    const findings = JSON.parse(plain.stdout).findings as Array<{ file: string | null; ruleId: string }>;
    expect(findings.filter((f) => f.file?.startsWith('examples/policies/'))).toEqual([]);
    expect(findings.some((f) => f.ruleId.includes('/'))).toBe(false);
    const withPreset = await runCli(['--now', NOW, '-f', 'json', '-c', PRESET, 'examples'], ROOT);
    expect(withPreset.stderr).toBe('');
    const all = JSON.parse(withPreset.stdout).findings as Array<{ ruleId: string }>;
    expect(all.filter((f) => !f.ruleId.includes('/'))).toEqual(findings);
  });

  it('the guide quotes the preset: each policy block of docs/policies.md is the preset\'s policy', async () => {
    const { config } = await preset();
    const guide = readFileSync(resolve(ROOT, 'docs/policies.md'), 'utf8').split('## The guide')[1] as string;
    const blocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    const documented = blocks.flatMap((b) => {
      const text = b.trimStart().startsWith('- id:') ? `policies:\n${b}` : b;
      return ((parse(text) as { policies?: PolicyData[] } | null)?.policies ?? []).filter((p) => p.id.startsWith('acme/') && p.then);
    });
    expect(documented.map((p) => p.id)).toEqual(GUIDE);
    for (const p of documented) {
      const { rationale: _r, remediation: _m, source: _s, ...own } = config.policies.find((q) => q.id === p.id) as PolicyData;
      expect(p, p.id).toEqual(own);
    }
  });
});

describe('each guide policy passes and fails as the guide says', () => {
  const judge = async (yaml: string, id: string, now = NOW) => {
    const { user } = await preset();
    return lintYaml(yaml, { now, config: user }).findings.filter((f) => f.ruleId === id);
  };
  const withOncall = (yaml: string, value: string): string => swap(yaml, '      mttr: 10m\n', `      mttr: 10m\n      oncall: ${value}\n`);

  it('acme/oncall-named: a named rotation passes; none, or a placeholder, fails; a medium service is not judged', async () => {
    expect(await judge(withOncall(CLEAN_CRITICAL, 'payments-primary'), 'acme/oncall-named')).toEqual([]);
    expect(await judge(CLEAN_CRITICAL, 'acme/oncall-named')).toHaveLength(1);
    expect(await judge(withOncall(CLEAN_CRITICAL, 'TBD'), 'acme/oncall-named')).toHaveLength(1);
    expect(await judge(swap(CLEAN_CRITICAL, 'tier: critical', 'tier: medium'), 'acme/oncall-named')).toEqual([]);
  });

  it('acme/critical-mfa: both controls, in any case, pass; one missing fails', async () => {
    const controls = (list: string): string => swap(CLEAN_CRITICAL, 'controls: [authn,', `controls: [${list}, authn,`);
    expect(await judge(controls('MFA, Key-Management'), 'acme/critical-mfa')).toEqual([]);
    expect((await judge(controls('mfa'), 'acme/critical-mfa')).map((f) => f.message)[0]).toMatch(/^service "payments-api" does not list key-management in security.controls/);
  });

  it('acme/rto-within-an-hour: 45m and PT1H pass, 2h fails, for critical and high tiers only', async () => {
    const rto = (v: string, tier = 'critical'): string => swap(swap(CLEAN_CRITICAL, 'rto: 15m', `rto: ${v}`), 'tier: critical', `tier: ${tier}`);
    expect(await judge(rto('45m'), 'acme/rto-within-an-hour')).toEqual([]);
    expect(await judge(rto('PT1H', 'high'), 'acme/rto-within-an-hour')).toEqual([]);
    expect(await judge(rto('2h', 'high'), 'acme/rto-within-an-hour')).toHaveLength(1);
    expect(await judge(rto('2h', 'medium'), 'acme/rto-within-an-hour')).toEqual([]);
  });

  it('acme/load-test-recent: 180 days old passes, 181 fails (against --now)', async () => {
    // CLEAN_CRITICAL's load test is on 2026-10-01.
    expect(await judge(CLEAN_CRITICAL, 'acme/load-test-recent', '2027-03-30')).toEqual([]);
    expect(await judge(CLEAN_CRITICAL, 'acme/load-test-recent', '2027-03-31')).toHaveLength(1);
  });

  it('acme/dr-plan-in-repo: a plan under docs/dr/ passes, a wiki page fails, a service in design is not judged', async () => {
    const live = swap(CLEAN_CRITICAL, 'lifecycleStage: design', 'lifecycleStage: operation');
    expect(await judge(live, 'acme/dr-plan-in-repo')).toEqual([]);
    expect(await judge(swap(live, 'plan: docs/dr/payments.md', 'plan: https://wiki.acme.example/dr'), 'acme/dr-plan-in-repo')).toHaveLength(1);
    expect(await judge(swap(CLEAN_CRITICAL, 'plan: docs/dr/payments.md', 'plan: https://wiki.acme.example/dr'), 'acme/dr-plan-in-repo')).toEqual([]);
  });
});
