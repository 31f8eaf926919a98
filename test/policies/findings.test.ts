// A policy's findings are findings like any other: in every output format, waived, baselined,
// on worker threads as in one, and without changing the report's areas or the reactive share.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_CRITICAL, swap } from '../support/critical-service.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { read, runCli, tempTree } from '../support/run-cli.js';
// The pool starts dist/engine/worker.js, so the pool test runs the built code (npm test builds first).
import { lint } from '../../dist/engine/lint.js';
import { resolveConfig } from '../../dist/config/resolve.js';

const NOW = ['--now', '2026-11-26'];
const POLICY = `policies:
  - id: acme/rto-within-an-hour
    description: Critical and high services recover within an hour.
    area: continuity
    severity: error
    where: { tier: [critical, high] }
    then:
      - { field: rto, function: max, options: { value: 1h } }
    rationale: An order outage longer than an hour loses the day.
    remediation: Agree an rto of 1h or less.
`;
/** Clean but for its rto of 2h, which the policy flags (and tier-minimums-unmet, and the budget rule). */
const SLOW = swap(CLEAN_CRITICAL, 'rto: 15m', 'rto: 2h');
const tree = (): string => tempTree({ 'services/pay.yaml': SLOW, '.warranty-lintrc.yaml': POLICY });

describe('in every output format', () => {
  it('json, sarif (with the policy among the rules), junit, github, markdown, report and stylish', async () => {
    const root = tree();
    const out = async (format: string): Promise<string> => {
      const r = await runCli([...NOW, '-f', format, 'services'], root);
      expect(r.code, format).toBe(1);
      return r.stdout;
    };
    const json = JSON.parse(await out('json'));
    const finding = json.findings.find((f: { ruleId: string }) => f.ruleId === 'acme/rto-within-an-hour');
    expect(finding).toMatchObject({ severity: 'error', file: 'services/pay.yaml', line: 31, column: 12, service: 'payments-api', area: 'continuity', pointer: '/spec/warranty/continuity/rto', waived: false, docsUrl: 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/policies.md' });
    expect(finding.message).toBe('service "payments-api" has continuity.rto "2h", above the maximum of 1h. Critical and high services recover within an hour.');
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);

    const sarif = JSON.parse(await out('sarif'));
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'acme/rto-within-an-hour');
    expect(rule).toMatchObject({ shortDescription: { text: 'Critical and high services recover within an hour.' }, fullDescription: { text: 'An order outage longer than an hour loses the day.' }, defaultConfiguration: { level: 'error' } });
    expect(rule.help.text).toContain('Agree an rto of 1h or less.');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'acme/rto-within-an-hour');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('acme/rto-within-an-hour');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 31, startColumn: 12 });

    expect(await out('junit')).toMatch(/<failure[^>]*type="acme\/rto-within-an-hour"/);
    expect(await out('github')).toContain('::error file=services/pay.yaml,line=31,col=12,endLine=31,endColumn=14,title=acme/rto-within-an-hour::service "payments-api" has continuity.rto "2h"');
    expect(await out('markdown')).toContain('acme/rto-within-an-hour');
    const report = await out('report');
    expect(report).toContain('services/pay.yaml:31  error  acme/rto-within-an-hour');
    expect(report.replace(/\s+/g, ' ')).toContain('fix: Agree an rto of 1h or less.');
    expect(await out('stylish')).toContain('31:12  error    service "payments-api" has continuity.rto "2h", above the maximum of 1h. Critical and high services recover within an hour.  acme/rto-within-an-hour');
  });

  it('adds findings, not areas: the reactive share and the coverage are the same with and without policies', () => {
    const files = [
      { file: 'a.yaml', text: SLOW },
      { file: 'b.yaml', text: CLEAN_LOW.replace(/    security:[\s\S]*/, '') },
    ];
    const without = lintYaml(files);
    const withPolicy = lintYaml(files, { config: { policies: [{ id: 'acme/x', area: 'security', then: [{ field: 'x-reviewed', function: 'present' }] }] } });
    expect(withPolicy.summary.reactiveShare).toBe(without.summary.reactiveShare);
    expect(withPolicy.findings.length).toBeGreaterThan(without.findings.length);
    expect(withPolicy.summary.errors + withPolicy.summary.warnings).toBeGreaterThan(without.summary.errors + without.summary.warnings);
  });
});

describe('waived, baselined and reconfigured by id', () => {
  const waiver = (rule: string) => `  waivers:\n    - rule: ${rule}\n      area: continuity\n      reason: The standby region is being built; 1h from Q2.\n      approvedBy: cio-office\n      expires: 2027-01-31\n`;
  it('a waiver names the policy; it waives its finding, and waiver-unused knows a policy id is a rule', async () => {
    const root = tempTree({ 'services/pay.yaml': `${SLOW}${waiver('acme/rto-within-an-hour')}`, '.warranty-lintrc.yaml': POLICY });
    const r = await runCli([...NOW, '-f', 'json', 'services'], root);
    const findings = JSON.parse(r.stdout).findings as Array<{ ruleId: string; waived: boolean; message: string }>;
    expect(findings.filter((f) => f.ruleId === 'acme/rto-within-an-hour').map((f) => f.waived)).toEqual([true]);
    expect(findings.some((f) => f.ruleId === 'waiver-unused')).toBe(false);

    writeFileSync(join(root, 'services/pay.yaml'), `${CLEAN_CRITICAL}${waiver('acme/rto-within-an-hour')}`);
    const fixed = JSON.parse((await runCli([...NOW, '-f', 'json', 'services'], root)).stdout).findings as Array<{ ruleId: string; message: string }>;
    expect(fixed.map((f) => f.ruleId)).toEqual(['waiver-unused']);
    expect(fixed[0]?.message).toContain('that waives nothing');
    expect(fixed[0]?.message).not.toContain('which is not a rule');

    writeFileSync(join(root, 'services/pay.yaml'), `${CLEAN_CRITICAL}${waiver('acme/rto-within-an-hur')}`);
    const typo = JSON.parse((await runCli([...NOW, '-f', 'json', 'services'], root)).stdout).findings as Array<{ message: string }>;
    expect(typo[0]?.message).toContain('which is not a rule (did you mean "acme/rto-within-an-hour"?)');
  });

  it('a baseline records the finding by fingerprint, and a later run does not count it', async () => {
    const root = tree();
    expect((await runCli([...NOW, '--baseline', 'b.json', '--update-baseline', 'services'], root)).code).toBe(0);
    expect(JSON.parse(read(root, 'b.json')).entries.map((e: { ruleId: string }) => e.ruleId)).toContain('acme/rto-within-an-hour');
    const again = await runCli([...NOW, '-f', 'json', '--baseline', 'b.json', 'services'], root);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).findings).toEqual([]);
  });

  it('rules, --rule and overrides change its severity by id', async () => {
    const root = tempTree({ 'services/pay.yaml': SLOW, '.warranty-lintrc.yaml': `${POLICY}rules: { acme/rto-within-an-hour: warning }\n` });
    const sev = async (argv: string[]) => (JSON.parse((await runCli([...NOW, '-f', 'json', ...argv, 'services'], root)).stdout).findings as Array<{ ruleId: string; severity: string }>).filter((f) => f.ruleId.startsWith('acme/')).map((f) => f.severity);
    expect(await sev([])).toEqual(['warning']);
    expect(await sev(['--rule', 'acme/rto-within-an-hour=info'])).toEqual(['info']);
    expect(await sev(['--rule', 'acme/rto-within-an-hour=off'])).toEqual([]);
  });
});

describe('on worker threads', () => {
  it('gives the same findings with the pool as in one thread: policies and extensions cross as data and compile in each thread', async () => {
    const root = tempTree({});
    const oncall = swap(CLEAN_CRITICAL, '      mttr: 10m\n', '      mttr: 10m\n      oncall: payments-primary\n');
    for (let i = 0; i < 120; i++) {
      const text = (i % 3 === 0 ? oncall : SLOW).replace('name: payments-api', `name: svc-${i}`);
      writeFileSync(join(root, `s${String(i).padStart(3, '0')}.yaml`), text);
    }
    const config = resolveConfig({
      extensions: { availability: { oncall: { type: 'string', minLength: 1 } } },
      policies: [
        { id: 'acme/oncall-named', area: 'availability', then: [{ field: 'oncall', function: 'present' }] },
        { id: 'acme/plan', area: 'continuity', then: [{ field: 'plan', function: 'pattern', options: { match: '^docs/dr/[a-z]+\\.md$' } }] },
      ],
    });
    const one = await lint({ paths: ['.'], cwd: root, config, now: '2026-11-26', workers: 0 });
    const two = await lint({ paths: ['.'], cwd: root, config, now: '2026-11-26', workers: 2 });
    expect(two.findings).toEqual(one.findings);
    expect(one.findings.filter((f) => f.ruleId === 'acme/oncall-named')).toHaveLength(80);
    expect(one.findings.some((f) => f.ruleId === 'schema')).toBe(false);
    expect(one.rules?.map((m) => m.id).slice(-2)).toEqual(['acme/oncall-named', 'acme/plan']);
  });
});
