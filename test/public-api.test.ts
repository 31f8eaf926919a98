import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { CLEAN_LOW } from './support/lint-yaml.js';
import { tempTree } from './support/run-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('public API (src/index.ts)', () => {
  it('lints paths with a loaded config and formats the result, with no console or process I/O', async () => {
    const { config } = await api.loadConfig({ cwd: root });
    const result = await api.lint({ cwd: root, paths: ['examples'], config, now: '2026-11-26' });
    expect(result.files).toContain('examples/payments/payments-api.yaml');
    expect(result.services.map((s) => s.name)).toContain('payments-api');
    // payments-api is the SPEC §2 example, linted beside its dependencies: its one finding (a DR
    // test older than a critical tier allows) is waived.
    expect(result.findings.filter((f) => f.service === 'payments-api').map((f) => [f.ruleId, f.waived])).toEqual([['continuity-test-stale', true]]);
    const stylish = await api.loadFormatter('stylish');
    const text = stylish!(result, { color: false, cwd: root, version: api.VERSION });
    expect(text).toContain(join('examples', 'payments', 'ledger.yaml').split('\\').join('/'));
    expect(api.RULES.map((r) => r.meta.id)).toContain('warranty-deferred-to-operation');
    expect(api.docsUrl('schema')).toMatch(/docs\/rules\.md#schema$/);
  });

  it('leaves out the findings a baseline records, counting them as baselined (lint({ baseline }))', async () => {
    const { config } = await api.loadConfig({ cwd: root });
    const all = await api.lint({ cwd: root, paths: ['examples'], config, now: '2026-11-26' });
    const recorded = all.findings.filter((f) => !f.waived && f.severity === 'error').slice(0, 3);
    expect(recorded).toHaveLength(3);
    const baselined = await api.lint({ cwd: root, paths: ['examples'], config, now: '2026-11-26', baseline: new Set(recorded.map((f) => f.fingerprint)) });
    const fingerprints = new Set(baselined.findings.map((f) => f.fingerprint));
    for (const f of recorded) expect(fingerprints.has(f.fingerprint)).toBe(false);
    expect(baselined.findings).toHaveLength(all.findings.length - 3);
    expect(baselined.summary).toEqual({ ...all.summary, errors: all.summary.errors - 3, baselined: 3 });
  });

  it("runs README's embedding example as written: lint({ paths }) finds the working directory and its config", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Embedding'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("from 'warranty-lint'");
    const dir = tempTree({
      'services/search.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD'),
      '.warranty-lintrc.yaml': 'rules:\n  warranty-placeholder-value: warning\n',
    });
    const script = join(dir, 'example.mjs');
    writeFileSync(script, example!.replace("'warranty-lint'", JSON.stringify(pathToFileURL(join(root, 'dist', 'index.js')).href)));
    const out = execFileSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
    expect(out).toContain('1 services, 0 errors');
    // The config found from the working directory made the placeholder a warning.
    expect(out).toMatch(/services\/search\.yaml\n {2}\d+:\d+ {2}warning {2}service "search" .*TBD/);
  });
});
