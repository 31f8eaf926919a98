import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { finishFiles, todayFrom } from '../../src/engine/lint.js';
import { lintBytes } from '../../src/engine/process-file.js';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';

const RULE = 'yaml-syntax';

function lintRaw(bytes: Uint8Array, config = resolveConfig({})) {
  const { day, iso } = todayFrom('2026-11-26');
  const result = lintBytes(bytes, { path: 'raw.yaml', file: 'raw.yaml', explicit: true }, { config, today: day });
  return finishFiles([result], { cwd: '/', config }, day, iso);
}

describe(RULE, () => {
  it('reports a duplicate key at the later key, and nothing else about the document', () => {
    const r = lintYaml('apiVersion: warranty-lint/v1\nkind: Service\nkind: Service\n');
    expect(positionsOf(r, RULE)).toEqual([[3, 1, null]]);
    expect(rulesOf(r)).toEqual([RULE]);
    expect(r.findings[0]).toMatchObject({ severity: 'error', area: null, service: null, file: 'test.yaml' });
    expect(r.findings[0]?.message).toMatch(/duplicate key/);
  });

  it('reports a syntax error at its line, in a file whose top-level apiVersion is ours', () => {
    const r = lintYaml('apiVersion: backstage.io/v1alpha1\na: [1, 2\nb: c\n');
    expect(positionsOf(r, RULE)).toEqual([[3, 1, null]]);
    // In a file that is not ours, the first one is in the message of no-service instead.
    expect(rulesOf(lintYaml('a: [1, 2\nb: c\n'))).toEqual(['no-service']);
  });

  it('still lints the other documents of the file', () => {
    const r = lintYaml('a: [\n---\n' + CLEAN_LOW.replace('  owner: team-search', '  owner: TBD'));
    expect(positionsOf(r, RULE)).toEqual([[2, 1, null]]);
    expect(r.services.map((s) => s.name)).toEqual(['search']);
    expect(positionsOf(r, 'warranty-placeholder-value')).toEqual([[7, 10, '/metadata/owner']]);
  });

  it('refuses a %YAML 1.1 directive, an unknown tag, too deep nesting and too many aliases', () => {
    expect(lintYaml('%YAML 1.1\n---\n' + CLEAN_LOW).findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      [RULE, 1, 1, 'the %YAML 1.1 directive is not supported; warranty-lint reads YAML 1.2 only (remove the directive)'],
    ]);
    expect(positionsOf(lintYaml(CLEAN_LOW + 'x-t: !Ref foo\n'), RULE)).toEqual([[25, 6, null]]);
    const deep = lintYaml(CLEAN_LOW + 'x-deep: ' + '['.repeat(70) + ']'.repeat(70) + '\n');
    expect(deep.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([[RULE, 25, 73]]);
    expect(deep.findings[0]?.message).toMatch(/more than 64 levels deep \(limits\.maxDepth\)/);
    const bomb = lintYaml(CLEAN_LOW + 'x-a: &a [1]\nx-b: [' + Array(101).fill('*a').join(', ') + ']\n');
    expect(bomb.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([[RULE, 26, 407]]);
    expect(bomb.findings[0]?.message).toMatch(/more than 100 aliases \(limits\.maxAliases\)/);
  });

  it('refuses bytes that are not UTF-8, at the offending byte', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: Serv'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const r = lintRaw(bytes);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([[RULE, 2, 11]]);
  });

  it('refuses a file over limits.maxFileSize without parsing it', () => {
    const r = lintRaw(Buffer.from(CLEAN_LOW), resolveConfig({ limits: { maxFileSize: 100 } }));
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([[RULE, 1, 1]]);
    expect(r.findings[0]?.message).toMatch(/over the .* limit \(limits\.maxFileSize\)/);
    expect(r.services).toEqual([]);
  });

  it('stays quiet about a broken file found by walking that is not a service definition', () => {
    expect(lintYaml('a: [\n', { explicit: false }).findings).toEqual([]);
    expect(positionsOf(lintYaml('apiVersion: warranty-lint/v1\na: [\n', { explicit: false }), RULE)).toEqual([[3, 1, null]]);
  });

  it('takes a file for ours by its top-level apiVersion only: a backstage.io label or link elsewhere does not count', () => {
    const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    backstage.io/kubernetes-id: payments\n  annotations: { docs: "https://backstage.io/docs" }\nspec: [\n';
    expect(lintYaml(helm, { explicit: false }).findings).toEqual([]);
    // An indented apiVersion belongs to something nested, not to the document.
    const nested = 'data:\n  entity: |\n    x\n  apiVersion: backstage.io/v1alpha1\nspec: [\n';
    expect(lintYaml(nested, { explicit: false }).findings).toEqual([]);
    for (const head of ['apiVersion: backstage.io/v1alpha1', "apiVersion: 'warranty-lint/v1'", '"apiVersion": "scaffolder.backstage.io/v1beta3"']) {
      expect(rulesOf(lintYaml(`${head}\nspec: [\n`, { explicit: false })), head).toEqual([RULE]);
    }
    // Undecodable bytes are judged the same way.
    const latin1 = (text: string) => Buffer.concat([Buffer.from(text), Buffer.from([0xe9, 0x0a])]);
    const walk = (bytes: Uint8Array) => {
      const { day, iso } = todayFrom('2026-11-26');
      const config = resolveConfig({});
      return finishFiles([lintBytes(bytes, { path: 'raw.yaml', file: 'raw.yaml', explicit: false }, { config, today: day })], { cwd: '/', config }, day, iso).findings;
    };
    expect(walk(latin1('kind: Deployment\nmetadata: { labels: { backstage.io/kubernetes-id: x } }\nnote: '))).toEqual([]);
    expect(walk(latin1('apiVersion: backstage.io/v1alpha1\nnote: ')).map((f) => f.ruleId)).toEqual([RULE]);
  });
});
