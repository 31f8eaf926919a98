import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../src/rules/index.js';
import { read, runCli, tempTree } from './support/run-cli.js';

const require = createRequire(import.meta.url);

describe('warranty-lint init', () => {
  it('writes a starter config and an example service that lints clean', async () => {
    const root = tempTree({});
    const r = await runCli(['init'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote .warranty-lintrc.yaml\nwrote services/example.yaml\n');
    expect([...r.written.keys()]).toEqual(['.warranty-lintrc.yaml', 'services/example.yaml']);
    expect(read(root, '.warranty-lintrc.yaml')).toContain('extends: recommended');
    const lint = await runCli(['--now', '2026-11-26', '-f', 'json', '--fail-on', 'info'], root);
    expect(lint.stderr).toBe('');
    expect(JSON.parse(lint.stdout).findings).toEqual([]);
    expect(JSON.parse(lint.stdout).summary.services).toBe(1);
    expect(lint.code).toBe(0);
  });

  it('never overwrites: an existing file is refused with a message, the other is still written; exit 2', async () => {
    const root = tempTree({ '.warranty-lintrc.yaml': 'extends: strict\n' });
    const r = await runCli(['init'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('warranty-lint: .warranty-lintrc.yaml already exists; not overwriting it (move it away to get a fresh one)\n');
    expect(read(root, '.warranty-lintrc.yaml')).toBe('extends: strict\n');
    expect(read(root, 'services/example.yaml')).toContain('kind: Service');
    writeFileSync(join(root, 'services/example.yaml'), 'mine\n');
    const again = await runCli(['init'], root);
    expect(again.code).toBe(2);
    expect(again.written.size).toBe(0);
    expect(read(root, 'services/example.yaml')).toBe('mine\n');
  });

  it('does not add a second config beside one of another name', async () => {
    for (const [name, text] of [
      ['warranty-lint.config.json', '{}'],
      ['.warranty-lintrc.js', 'module.exports = {}'],
      ['package.json', '{"name": "x", "warranty-lint": {}}'],
    ] as const) {
      const root = tempTree({ [name]: text });
      const r = await runCli(['init'], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`this directory already has a config (${name}`);
      expect(existsSync(join(root, '.warranty-lintrc.yaml'))).toBe(false);
      expect(existsSync(join(root, 'services/example.yaml'))).toBe(true);
    }
    const plainPackage = tempTree({ 'package.json': '{"name": "x"}' });
    expect((await runCli(['init'], plainPackage)).code).toBe(0);
  });
});

describe('warranty-lint schema [service|config]', () => {
  it('prints the service schema by default', async () => {
    const r = await runCli(['schema'], tempTree({}));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(new URL('../schemas/service.schema.json', import.meta.url), 'utf8')));
    expect(JSON.parse((await runCli(['schema', 'service'], tempTree({}))).stdout).$id).toMatch(/service\.schema\.json$/);
  });

  it('prints the config schema with every rule id for completion, and it accepts the starter config and rejects unknown ids', async () => {
    const root = tempTree({});
    const r = await runCli(['schema', 'config'], root);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.definitions.ruleSettings.properties)).toEqual(RULES.map((x) => x.meta.id));
    const Ajv = require('ajv') as { default: new (o: object) => { compile(s: unknown): (d: unknown) => boolean } };
    const validate = new Ajv.default({ strict: true, allowUnionTypes: true }).compile(schema);
    await runCli(['init'], root);
    expect(validate(parse(read(root, '.warranty-lintrc.yaml')))).toBe(true);
    expect(validate({ rules: { 'no-such-rule': 'off' } })).toBe(false);
    expect(validate({ rules: { schema: 'warning' }, limits: { maxFileSize: '10MiB' }, tiers: { low: { maxRto: '72h', minHeadroom: null } } })).toBe(true);
  });

  it('an unknown schema name exits 2', async () => {
    const r = await runCli(['schema', 'backstage'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown schema "backstage"; use service or config');
  });
});
