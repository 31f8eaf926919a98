import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/formatters/sarif.js';
import { docsUrl } from '../../src/docs/url.js';
import { RULES } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { read, runCli, tempTree } from '../support/run-cli.js';
import { CTX, hostileResult, sampleResult } from './support.js';

// The SARIF 2.1.0 JSON Schema, vendored from the npm package @microsoft/sarif-multitool-linux 5.7.0
// (MIT, Microsoft's SARIF SDK: file sarif-2.1.0.json). It declares JSON Schema 2020-12.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = (require('ajv/dist/2020') as { default: new (o: Record<string, unknown>) => { compile(s: unknown): Validate } }).default;
const addFormats = require('ajv-formats') as (a: unknown) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

interface Log {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
  }>;
}

/** Schema-valid and within GitHub code scanning's documented requirements. */
function checkSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const run = log.runs[0]!;
  const { driver } = run.tool;
  expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
  const ids = driver.rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of driver.rules) {
    expect(r.fullDescription.text.length).toBeGreaterThan(0);
    expect(r.help.text.length).toBeGreaterThan(0);
    expect(r.help.markdown.length).toBeGreaterThan(0);
    expect(r.shortDescription.text.length).toBeGreaterThan(0);
    expect(r.helpUri).toMatch(/^https:\/\//);
  }
  for (const res of run.results) {
    expect(driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
    expect(res.locations.length).toBe(1);
    expect(res.locations[0].physicalLocation.artifactLocation.uri.length).toBeGreaterThan(0);
    expect(res.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(Object.keys(res.partialFingerprints)).toEqual(['warrantyLintFingerprint/v1']);
  }
  return log;
}

describe('sarif formatter', () => {
  it('validates against the SARIF 2.1.0 schema, with every rule described for GitHub', () => {
    const log = checkSarif(sarif(sampleResult(), CTX));
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'warranty-lint', version: '1.2.3', informationUri: 'https://github.com/warranty-lint/warranty-lint' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    const rule = run.tool.driver.rules.find((r) => r.id === 'warranty-area-missing')!;
    expect(rule).toMatchObject({
      name: 'WarrantyAreaMissing',
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://github.com/warranty-lint/warranty-lint/blob/main/docs/rules.md#warranty-area-missing',
    });
    expect(rule.help.markdown).toContain('**How to fix:**');
    // Columns are UTF-16 code units (src/load/lines.ts); SARIF must say so.
    expect((run as unknown as { columnKind: string }).columnKind).toBe('utf16CodeUnits');
  });

  it('maps findings to results: level, message, relative uri, region, fingerprint; waived as suppressed', () => {
    const result = sampleResult();
    const run = checkSarif(sarif(result, CTX)).runs[0]!;
    const placeholder = result.findings.find((f) => f.ruleId === 'warranty-placeholder-value' && !f.waived)!;
    expect(run.results[0]).toEqual({
      ruleId: 'warranty-placeholder-value',
      ruleIndex: RULES.findIndex((r) => r.meta.id === 'warranty-placeholder-value'),
      level: 'error',
      message: { text: placeholder.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/pay%20ments.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 11, startColumn: 15, endLine: 11, endColumn: 18 },
          },
        },
      ],
      partialFingerprints: { 'warrantyLintFingerprint/v1': placeholder.fingerprint },
      properties: { service: 'payments', area: 'availability', pointer: '/spec/warranty/availability/target' },
    });
    const warning = run.results.find((r) => r.ruleId === 'warranty-area-missing' && r.properties.service === 'search')!;
    expect(warning.level).toBe('warning');
    expect(warning.locations[0].physicalLocation.region).toEqual({ startLine: 9, startColumn: 3, endLine: 9, endColumn: 11 });
    const waived = run.results.find((r) => r.suppressions)!;
    expect(waived.suppressions).toEqual([{ kind: 'inSource', justification: 'Waived by a waiver in the service definition (spec.waivers).' }]);
  });

  it("describes the rules in effect: a policy links to how policies work and one written off is disabled; without a list, the built-in rules", () => {
    const result = sampleResult();
    const builtIn = RULES.map((r) => r.meta);
    const policy = {
      ...builtIn[0]!,
      id: 'acme/oncall-required',
      area: 'availability' as const,
      severity: 'warning' as const,
      description: 'Critical services name an on-call rota.',
      rationale: 'An outage at night needs someone to call.',
      remediation: 'Set availability.oncall.',
      defaultOff: true,
      policy: { source: 'acme.yaml', applies: 'critical tier services', checks: ['availability.oncall is present'] },
    };
    result.rules = [...builtIn, policy];
    const rules = checkSarif(sarif(result, CTX)).runs[0]!.tool.driver.rules;
    expect(rules.at(-1)).toMatchObject({
      id: 'acme/oncall-required',
      defaultConfiguration: { enabled: false, level: 'warning' },
      properties: { tags: ['warranty', 'policy', 'availability'] },
      help: { markdown: `**How to fix:** Set availability.oncall.\n\n**Why it matters:** An outage at night needs someone to call.\n\n[how policies work](${docsUrl('acme/oncall-required')})` },
    });
    const area = rules.find((r) => r.id === 'warranty-area-missing')!;
    expect(area.help.markdown).toMatch(/\n\n\[warranty-area-missing in the rules reference\]\(https:\/\/github\.com\/warranty-lint\/warranty-lint\/blob\/main\/docs\/rules\.md#warranty-area-missing\)$/);
    expect(area.defaultConfiguration).toEqual({ level: 'error' });
    const unlisted = checkSarif(sarif({ ...sampleResult(), rules: undefined }, CTX)).runs[0]!.tool.driver.rules;
    expect(unlisted.map((r) => r.id)).toEqual(builtIn.map((m) => m.id));
  });

  it('gives a file outside the root its absolute file uri, without a base', () => {
    const log = JSON.parse(sarif(sampleResult(), { ...CTX, root: '/repo/infra' })) as Log;
    expect(validateSarif(log)).toBe(true);
    const placeholder = log.runs[0]!.results.find((r) => r.ruleId === 'warranty-placeholder-value' && !r.suppressions)!;
    expect(placeholder.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///repo/services/pay%20ments.yaml' });
  });

  it('puts the portfolio finding (no file) at the top of the first file read, marked as portfolio', () => {
    const result = sampleResult();
    const run = checkSarif(sarif(result, CTX)).runs[0]!;
    const portfolio = run.results.find((r) => r.properties?.portfolio)!;
    expect(portfolio.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'services/clean.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(result.files[0]).toBe('services/clean.yaml');
  });

  it('carries hostile text exactly (JSON escaping only) and stays schema-valid', () => {
    const result = hostileResult();
    const text = sarif(result, CTX);
    const run = checkSarif(text).runs[0]!;
    expect(run.results[0]!.message.text).toBe(result.findings[0]!.message);
    expect(run.results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe('services/we%2Cird%3Ana%25me%3C%26%3E.yaml');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(run.results[1]!.locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 1, endLine: 6, endColumn: 4 });
  });

  it('the vendored schema really rejects what SARIF forbids (the check can fail)', () => {
    const log = JSON.parse(sarif(sampleResult(), CTX)) as Log;
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
    const noDriver = JSON.parse(sarif(sampleResult(), CTX)) as { runs: Array<{ tool: Record<string, unknown> }> };
    delete noDriver.runs[0]!.tool.driver;
    expect(validateSarif(noDriver)).toBe(false);
    const badRegion = JSON.parse(sarif(sampleResult(), CTX)) as Log;
    badRegion.runs[0]!.results[0]!.locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(badRegion)).toBe(false);
  });

  it('an empty run is valid too', () => {
    const r = sampleResult();
    r.findings = [];
    expect(checkSarif(sarif(r, CTX)).runs[0]!.results).toEqual([]);
  });

  it('through the CLI: -f sarif=<file> beside stylish, with the package version', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const r = await runCli(['--now', '2026-11-26', '-f', 'stylish', '-f', 'sarif=wl.sarif', 'services'], root);
    expect(r.code).toBe(1);
    const log = checkSarif(read(root, 'wl.sarif'));
    expect(log.runs[0]!.tool.driver.version).toBe(VERSION);
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri])).toEqual([['warranty-placeholder-value', 'services/a.yaml']]);
  });

  it('maps each severity to its SARIF level, in results and in each rule\'s default configuration', () => {
    const result = sampleResult();
    const base = result.findings[0]!;
    result.findings = (['error', 'warning', 'info'] as const).map((severity, i) => ({ ...base, severity, line: i + 1 }));
    const run = checkSarif(sarif(result, CTX)).runs[0]!;
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    const level = (id: string) => run.tool.driver.rules.find((r) => r.id === id)?.defaultConfiguration.level;
    expect(level('schema')).toBe('error');
    expect(level('tier-detail-missing')).toBe('warning');
    expect(level('warranty-overspecified')).toBe('note');
  });

  it('gives uris relative to the repository root, so that a run in a subfolder annotates the right files', async () => {
    const root = tempTree({ 'infra/catalog/services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const r = await runCli(['--now', '2026-11-26', '-f', 'sarif=wl.sarif', 'services'], join(root, 'infra', 'catalog'));
    expect(r.code).toBe(1);
    const log = checkSarif(read(join(root, 'infra', 'catalog'), 'wl.sarif')) as Log & { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> };
    expect(log.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'infra/catalog/services/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(root).href}/`);
  });

  it("carries the waiver's reason, approver and expiry in a waived result's justification", async () => {
    const waived = CLEAN_LOW.replace(/    security:[\s\S]*/, '') + '  waivers:\n    - rule: warranty-area-missing\n      reason: Security review booked with the CISO office.\n      approvedBy: cio-office\n      expires: 2027-01-31\n';
    const root = tempTree({ 'a.yaml': waived });
    const r = await runCli(['--now', '2026-11-26', '-f', 'sarif', 'a.yaml'], root);
    const result = checkSarif(r.stdout).runs[0]!.results.find((x) => x.suppressions)!;
    expect(result.suppressions).toEqual([{ kind: 'inSource', justification: 'Waived until 2027-01-31 (66 days left) by cio-office: Security review booked with the CISO office.' }]);
  });
});
