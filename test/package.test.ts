// What `npm pack` ships, and that the packed command runs as pre-commit installs it: from the
// tarball, with no node_modules (the bin runs the bundle).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const repo = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  license: string;
  bin: Record<string, string>;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
};
const temp = mkdtempSync(join(tmpdir(), 'wl-pack-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `npm pack` without the prepare script (the test run has built already). */
function npm(args: string[]): string {
  return execFileSync('npm', ['pack', '--ignore-scripts', '--json', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
}

describe('the npm package', () => {
  it('ships the bin, the bundle, the schemas, LICENSE and README, and no tests or sources', () => {
    const [report] = JSON.parse(npm(['--dry-run'])) as Array<{ files: Array<{ path: string }> }>;
    const files = report!.files.map((f) => f.path);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'bin/warranty-lint.js', 'bin/package.json', 'bundle/warranty-lint.cjs', 'bundle/worker.cjs', 'bundle/THIRD-PARTY-LICENSES.txt', 'dist/index.js', 'dist/index.d.ts', 'docs/rules.md']) {
      expect(files, f).toContain(f);
    }
    for (const schema of readdirSync(join(repo, 'schemas'))) expect(files).toContain(`schemas/${schema}`);
    expect(files.filter((f) => /^(test|src|scripts|bench|examples|\.ci)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
  });

  it('says where it comes from, under the licence its LICENSE file gives', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} warranty-lint contributors\n/);
    expect(pkg.repository.url).toBe('git+https://github.com/warranty-lint/warranty-lint.git');
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/warranty-lint\/warranty-lint/);
    expect(pkg.bugs.url).toBe('https://github.com/warranty-lint/warranty-lint/issues');
  });

  it('runs from the tarball with no node_modules, as the pre-commit hook installs it', () => {
    const [report] = JSON.parse(npm(['--pack-destination', temp])) as Array<{ filename: string }>;
    const unpacked = join(temp, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(temp, report!.filename), '-C', unpacked]);
    const hook = (parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string }>)[0]!;
    expect(hook.language).toBe('node');
    const binFile = pkg.bin[hook.entry];
    expect(binFile).toBe('bin/warranty-lint.js');
    const project = join(temp, 'project');
    mkdirSync(join(project, 'services'), { recursive: true });
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, 'services', 'checkout-web.yaml'), readFileSync(join(repo, 'examples', 'retail', 'checkout-web.yaml'), 'utf8'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(unpacked, 'package', binFile as string), ...args], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CI: '1' } });
    expect(run(['--version']).stdout).toBe(`${VERSION}\n`);
    const lint = run(['--now', '2026-11-26', 'services/']);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('services/checkout-web.yaml');
  });
});
