// The committed bundle (bundle/, scripts/bundle.mjs) is what bin/ and the GitHub Action run: it must
// work with no node_modules, give what the sources give, and be what the sources build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../bench/generate.js';
import { VERSION } from '../src/version.js';
import { runCli } from './support/run-cli.js';

const repo = resolve(import.meta.dirname, '..');
let pkg: string;
let work: string;

/** Runs the bin of the copy in `pkg` (no node_modules anywhere above it) in `work`. */
function bin(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'warranty-lint.js'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: work, CI: '1', LANG: 'C.UTF-8', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SERVICE = readFileSync(join(repo, 'examples', 'retail', 'checkout-web.yaml'), 'utf8');

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'wl-bundle-'));
  pkg = join(base, 'package');
  work = join(base, 'work');
  for (const part of ['bin', 'bundle', 'schemas', 'package.json']) cpSync(join(repo, part), join(pkg, part), { recursive: true });
  mkdirSync(join(work, '.git'), { recursive: true });
  mkdirSync(join(work, 'services'));
  writeFileSync(join(work, 'services', 'checkout-web.yaml'), SERVICE);
  // Anchors and a block scalar: beyond the scanner, so the `yaml` package inside the bundle reads it.
  writeFileSync(join(work, 'services', 'anchored.yaml'), SERVICE.replace('name: checkout-web', 'name: anchored').replace(/^kind: Service$/m, 'kind: Service\nx-note: |\n  shared\n  notes'));
});

afterAll(() => rmSync(join(pkg, '..'), { recursive: true, force: true }));

describe('the bundle, with no node_modules', () => {
  it('prints the version', () => {
    const r = bin(['--version']);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.code).toBe(0);
  });

  it('gives the same findings as the sources, in every format', async () => {
    for (const format of ['json', 'sarif', 'junit', 'github', 'markdown', 'report', 'stylish']) {
      const args = ['--now', '2026-11-26', '-f', format, 'services'];
      const fromBundle = bin(args);
      const fromSources = await runCli(args, work);
      expect(fromBundle.stderr, format).toBe(fromSources.stderr);
      expect(fromBundle.stdout, format).toBe(fromSources.stdout);
      expect(fromBundle.code, format).toBe(fromSources.code);
    }
  });

  it('prints the JSON Schemas shipped in schemas/', () => {
    expect(JSON.parse(bin(['schema']).stdout)).toEqual(JSON.parse(readFileSync(join(repo, 'schemas', 'service.schema.json'), 'utf8')));
    expect(JSON.parse(bin(['schema', 'config']).stdout).$id).toBe(JSON.parse(readFileSync(join(repo, 'schemas', 'config.schema.json'), 'utf8')).$id);
  });

  it('lists and explains rules, and validates a config against its schema', () => {
    expect(bin(['rules']).stdout).toContain('warranty-area-missing');
    expect(bin(['explain', 'tier-detail-missing']).stdout).toContain('tier-detail-missing');
    writeFileSync(join(work, 'bad.yaml'), 'rules:\n  warranty-area-misisng: off\n');
    const r = bin(['--config', 'bad.yaml', 'services']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "warranty-area-missing"');
  });

  it('loads a JavaScript config named with --config (a dynamic import from inside the bundle)', () => {
    writeFileSync(join(work, 'wl.config.mjs'), "export default { rules: { 'tier-detail-missing': 'off', 'tier-minimums-unmet': 'off', 'availability-rto-budget-conflict': 'off', 'continuity-objectives-inconsistent': 'off' } };\n");
    const r = bin(['--config', 'wl.config.mjs', '--now', '2026-11-26', '-f', 'json', 'services/checkout-web.yaml']);
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('tier-detail-missing');
    expect(ids).not.toContain('continuity-objectives-inconsistent');
  });

  it("compiles a TypeScript config with the project's typescript, not found beside the bundle", () => {
    const project = join(work, 'ts-project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    mkdirSync(join(project, '.git'));
    symlinkSync(join(repo, 'node_modules', 'typescript'), join(project, 'node_modules', 'typescript'), 'dir');
    cpSync(join(work, 'services'), join(project, 'services'), { recursive: true });
    writeFileSync(join(project, 'wl.config.ts'), "const config: { rules: Record<string, string> } = { rules: { 'tier-detail-missing': 'off' } };\nexport default config;\n");
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'warranty-lint.js'), '--config', 'wl.config.ts', '--now', '2026-11-26', '-f', 'json', 'services/checkout-web.yaml'], {
      cwd: project,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CI: '1' },
    });
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('tier-detail-missing');
  });

  it("applies an organisation's policies and schema extensions: RE2 and Ajv's compiler, each from its own file", async () => {
    cpSync(join(repo, 'examples', 'policies', 'acme.yaml'), join(work, 'acme.yaml'));
    const pattern = "  - id: test/office-hours\n    description: Service hours are written as days and times.\n    area: availability\n    then:\n      - { field: serviceHours, function: pattern, options: { match: '^Mon' } }\n";
    writeFileSync(join(work, 'policies.yaml'), `extends: ./acme.yaml\npolicies:\n${pattern}`);
    const args = ['--now', '2026-11-26', '-f', 'json', '-c', 'policies.yaml', 'services'];
    const fromBundle = bin(args);
    const fromSources = await runCli(args, work);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.stdout).toBe(fromSources.stdout);
    const ids = (JSON.parse(fromBundle.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    // acme/oncall-named needs the extended schema; test/office-hours, a pattern ("24x7" is not "Mon…").
    expect(ids).toEqual(expect.arrayContaining(['acme/oncall-named', 'test/office-hours']));
  });

  it('lints on worker threads as on one', () => {
    const catalog = join(work, 'catalog');
    generateCatalog(catalog, 150);
    // Threads are counted, so that a pool that did not start (the worker file missing) cannot pass.
    const script = `
      const threads = require('node:worker_threads');
      let started = 0;
      threads.Worker = class extends threads.Worker { constructor(...args) { super(...args); started++; } };
      const { loadApi } = require(${JSON.stringify(join(pkg, 'bundle', 'warranty-lint.cjs'))});
      loadApi().then(async ({ lint, resolveConfig }) => {
        const run = (workers) => lint({ paths: ['.'], cwd: ${JSON.stringify(catalog)}, config: resolveConfig({}), now: '2026-11-26', workers });
        const [one, two] = [await run(0), await run(2)];
        process.stdout.write(JSON.stringify({ same: JSON.stringify(one.findings) === JSON.stringify(two.findings), findings: one.findings.length, started }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { same: boolean; findings: number; started: number };
    expect(out.started).toBe(2);
    expect(out.findings).toBeGreaterThan(100);
    expect(out.same).toBe(true);
  });
});

describe("bin's code cache", () => {
  const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8')) : []);
  const lintArgs = ['--now', '2026-11-26', '-f', 'json', 'services'];

  it('is written after the first run, read by the next, and gives the same output', () => {
    const dir = join(work, 'cache-a');
    const first = bin(lintArgs, { WARRANTY_LINT_COMPILE_CACHE: dir });
    const [file] = cacheFiles(dir);
    expect(file).toMatch(/^[0-9a-f]{8}-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8$/);
    const written = statSync(join(dir, file as string)).mtimeMs;
    const second = bin(lintArgs, { WARRANTY_LINT_COMPILE_CACHE: dir });
    expect(second).toEqual(first);
    // Accepted, so not written again.
    expect(statSync(join(dir, file as string)).mtimeMs).toBe(written);
    expect(cacheFiles(dir)).toEqual([file]);
  });

  it('is rewritten when V8 rejects it, without changing the output', () => {
    const dir = join(work, 'cache-b');
    const first = bin(lintArgs, { WARRANTY_LINT_COMPILE_CACHE: dir });
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file as string), 'not a code cache');
    expect(bin(lintArgs, { WARRANTY_LINT_COMPILE_CACHE: dir })).toEqual(first);
    expect(readFileSync(join(dir, file as string)).length).toBeGreaterThan(1000);
  });

  it('is off with WARRANTY_LINT_COMPILE_CACHE=0 and on CI, and kept under the user cache directory otherwise', () => {
    const home = join(work, 'home');
    mkdirSync(home);
    bin(['--version'], { HOME: home, WARRANTY_LINT_COMPILE_CACHE: '0', CI: '' });
    bin(['--version'], { HOME: home, CI: '1' });
    expect(readdirSync(home)).toEqual([]);
    if (process.platform === 'linux') {
      bin(['--version'], { HOME: home, CI: '' });
      expect(cacheFiles(join(home, '.cache', 'warranty-lint'))).toHaveLength(1);
    }
  });
});

describe('bundle/ in the repository', () => {
  it('is what the sources build (run `npm run build` and commit bundle/)', async () => {
    const { buildBundle } = await import('../scripts/bundle.mjs');
    const built = await buildBundle();
    expect([...built.keys()].sort()).toEqual(readdirSync(join(repo, 'bundle')).sort());
    for (const [name, text] of built) expect(text === readFileSync(join(repo, 'bundle', name), 'utf8'), `bundle/${name}`).toBe(true);
  });

  it('is checked against what the sources build', async () => {
    const { staleness } = await import('../scripts/bundle.mjs');
    expect(staleness(new Map([['warranty-lint.cjs', '// stale\n']]))).toContain('bundle/warranty-lint.cjs is not what the sources build');
  });

  it('is ASCII and carries its content hash and the licences of what it bundles', () => {
    const text = readFileSync(join(repo, 'bundle', 'warranty-lint.cjs'), 'utf8');
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(text).toMatch(/^\/\/ content-hash: [0-9a-f]{16}$/m);
    const notices = readFileSync(join(repo, 'bundle', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['commander', 'cosmiconfig', 'picomatch', 'yaml', 'chalk']) expect(notices).toMatch(new RegExp(`^${name}@\\S+ \\(`, 'm'));
  });
});
