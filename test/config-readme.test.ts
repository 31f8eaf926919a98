// The README's copy-paste examples and the pre-commit hook, run or checked here
// so that what users copy keeps working.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES_BY_ID } from '../src/rules/index.js';
import { CLEAN_LOW } from './support/lint-yaml.js';
import { read, runCli, tempTree } from './support/run-cli.js';

const repo = new URL('../', import.meta.url).pathname;
const README = readFileSync(join(repo, 'README.md'), 'utf8');

/** The fenced blocks of one language under a heading (up to the next heading of the same or higher level). */
function blocks(heading: string, lang: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `README heading ${heading}`).toBeGreaterThan(-1);
  const level = /^#+/.exec(heading)![0].length;
  const out: string[] = [];
  let fence: string[] | undefined;
  let fenceLang = '';
  for (const line of lines.slice(start + 1)) {
    if (fence) {
      if (line === '```') {
        if (fenceLang === lang) out.push(fence.join('\n') + '\n');
        fence = undefined;
      } else fence.push(line);
      continue;
    }
    const m = /^```(\w*)$/.exec(line);
    if (m) {
      fence = [];
      fenceLang = m[1]!;
      continue;
    }
    const h = /^(#+) /.exec(line);
    if (h && h[1]!.length <= level) break;
  }
  return out;
}

describe('README: Configuration', () => {
  it('the config example loads (every key), and --print-config shows it resolved', async () => {
    const [example] = blocks('## Configuration', 'yaml');
    const root = tempTree({ '.warranty-lintrc.yaml': example!, 'services/a.yaml': CLEAN_LOW, 'legacy/b.yaml': CLEAN_LOW.replace('name: search', 'name: old') });
    const ids = Object.keys({ ...parse(example!).rules, ...parse(example!).overrides[0].rules });
    const unknown = ids.filter((id) => !RULES_BY_ID.has(id));
    const r = await runCli(['--print-config', 'legacy/b.yaml'], root);
    if (unknown.length > 0) {
      // Until every rule of SPEC §4 is registered, the loader must name exactly the missing ones.
      expect(r.code).toBe(2);
      const named = [...r.stderr.matchAll(/unknown rule "([^"]+)"/g)].map((m) => m[1]);
      expect(named.sort()).toEqual([...unknown].sort());
      return;
    }
    expect(r.stderr).toBe('');
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({
      extends: 'recommended',
      appliedOverrides: [0],
      rules: { 'warranty-owner-generic': 'off', 'tier-minimums-unmet': 'error', 'warranty-deferred-to-operation': 'warning' },
      ignore: ['fixtures/**'],
      tiers: { critical: { minAvailability: 99.99, maxRto: 900, maxRpo: 60, maxDaysSinceTest: 90, minHeadroom: 30 } },
      portfolio: { reactiveThreshold: 0.8 },
      waivers: { maxDays: 180 },
      genericOwners: ['ops', 'noc'],
      placeholders: ['pending'],
      deferral: { phrases: ['parked with the CCoE'], ignore: ['ops will decide the patch day'] },
      limits: { maxFileSize: 10 * 1024 * 1024, maxDepth: 64, maxAliases: 100, maxFindingsPerDocument: 100 },
      backstage: { serviceTypes: ['service'] },
    });
    const lint = await runCli(['--now', '2026-11-26', '.'], root);
    expect(lint.stderr).toBe('');
  });

  it('the policies example loads, with its preset package, and flags a critical service with no on-call rotation', async () => {
    const [example] = blocks('### Organisation policies', 'yaml');
    const root = tempTree({
      '.warranty-lintrc.yaml': example!,
      'node_modules/@acme/warranty-policy/package.json': '{"name": "@acme/warranty-policy", "warranty-lint": "preset.yaml"}',
      'node_modules/@acme/warranty-policy/preset.yaml': 'rules: { tier-detail-missing: off }\n',
      'services/a.yaml': CLEAN_LOW.replace('tier: low', 'tier: critical'),
    });
    const r = await runCli(['--now', '2026-11-26', '-f', 'json', 'services'], root);
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout).findings as Array<{ ruleId: string }>).map((f) => f.ruleId);
    expect(ids.filter((id) => id.startsWith('acme/'))).toEqual(['acme/oncall-named', 'acme/oncall-named']);
    expect(ids).not.toContain('tier-detail-missing');
  });

  it('the baseline commands run as written', async () => {
    const [sh] = blocks('### Adopting on an existing catalog: baselines', 'sh');
    const commands = sh!.trim().split('\n').map((l) => l.replace(/#.*$/, '').trim().split(/\s+/));
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const [update, check] = commands;
    expect(update![0]).toBe('warranty-lint');
    const u = await runCli(['--now', '2026-11-26', ...update!.slice(1)], root);
    expect(u.code).toBe(0);
    expect(existsSync(join(root, '.warranty-lint-baseline.json'))).toBe(true);
    const c = await runCli(['--now', '2026-11-26', ...check!.slice(1)], root);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('1 baselined');
  });
});

describe('README: CI', () => {
  it('the GitHub workflow uses this action with inputs the action declares, and may upload SARIF', () => {
    const [workflow] = blocks('### GitHub Actions, with code scanning', 'yaml');
    const wf = parse(workflow!);
    const job = wf.jobs['warranty-lint'];
    expect(job.permissions['security-events']).toBe('write');
    const step = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('warranty-lint/warranty-lint@'));
    const action = parse(read(repo, 'action.yml'));
    for (const input of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('the GitLab job writes the JUnit report it declares', async () => {
    const [job] = blocks('### GitLab CI', 'yaml');
    const gl = parse(job!)['warranty-lint'];
    const cmd = (gl.script[0] as string).split(/\s+/);
    expect(cmd.slice(0, 2)).toEqual(['npx', 'warranty-lint']);
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const r = await runCli(['--now', '2026-11-26', ...cmd.slice(2)], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('warranty-placeholder-value');
    expect(read(root, gl.artifacts.reports.junit)).toContain('<failure message=');
  });

  it('the pre-commit config names the hook this repository declares', () => {
    const [config] = blocks('### pre-commit', 'yaml');
    const hooks = parse(read(repo, '.pre-commit-hooks.yaml'));
    const ids = hooks.map((h: { id: string }) => h.id);
    expect(parse(config!).repos[0].hooks.map((h: { id: string }) => h.id)).toEqual(['warranty-lint']);
    expect(ids).toEqual(['warranty-lint']);
    expect(hooks[0]).toMatchObject({ entry: 'warranty-lint', language: 'node', pass_filenames: false });
    const pkg = JSON.parse(read(repo, 'package.json'));
    expect(Object.keys(pkg.bin)).toContain(hooks[0].entry);
    expect(new RegExp(hooks[0].files).test('services/a.yaml')).toBe(true);
    // pre-commit reads the tarball name from `npm pack` stdout: the prepare banner must not go there.
    expect(read(repo, '.npmrc')).toMatch(/^foreground-scripts=false$/m);
  });

  it('the editor examples point at schemas the package ships', () => {
    const [yamlExample] = blocks('### Editor completion', 'yaml');
    const [settings] = blocks('### Editor completion', 'json');
    const pkg = JSON.parse(read(repo, 'package.json'));
    expect(pkg.files).toContain('schemas');
    const path = /\$schema=\.\.\/node_modules\/warranty-lint\/(\S+)/.exec(yamlExample!)![1]!;
    expect(existsSync(join(repo, path))).toBe(true);
    for (const p of Object.keys(JSON.parse(settings!)['yaml.schemas'])) expect(existsSync(join(repo, p.replace('./node_modules/warranty-lint/', '')))).toBe(true);
  });
});

// action.yml and its step script: test/action.test.ts.
