import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_LOW } from './support/lint-yaml.js';
import { runCli, tempTree } from './support/run-cli.js';

const NOW = ['--now', '2026-11-26'];
/** A low-tier service with no security area: one warranty-area-missing warning at 9:3 (the `warranty` key). */
const NO_SECURITY = CLEAN_LOW.replace(/    security:[\s\S]*/, '');
/** A service with a placeholder target: one error. */
const PLACEHOLDER = CLEAN_LOW.replace('target: 99.0', 'target: TBD');

const json = async (argv: string[], cwd: string) => {
  const r = await runCli([...NOW, '-f', 'json', ...argv], cwd);
  return { ...r, data: r.stdout ? (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; severity: string; line: number }> }) : undefined };
};

describe('config search (SPEC §5)', () => {
  const formats: Array<[string, string]> = [
    ['.warranty-lintrc', 'rules:\n  warranty-area-missing: off\n'],
    ['.warranty-lintrc', '{"rules": {"warranty-area-missing": "off"}}'],
    ['.warranty-lintrc.json', '{"rules": {"warranty-area-missing": "off"}}'],
    ['.warranty-lintrc.yaml', 'rules:\n  warranty-area-missing: off\n'],
    ['.warranty-lintrc.yml', 'rules: { warranty-area-missing: off }\n'],
    ['warranty-lint.config.json', '{"rules": {"warranty-area-missing": "off"}}'],
    ['warranty-lint.config.yaml', 'rules:\n  warranty-area-missing: off\n'],
    ['warranty-lint.config.yml', 'rules:\n  warranty-area-missing: off\n'],
    ['package.json', '{"name": "x", "warranty-lint": {"rules": {"warranty-area-missing": "off"}}}'],
  ];
  it.each(formats)('reads %s', async (name, text) => {
    const root = tempTree({ 'services/a.yaml': NO_SECURITY, [name]: text });
    const without = await json(['services'], tempTree({ 'services/a.yaml': NO_SECURITY }));
    expect(without.data?.findings.map((f) => f.ruleId)).toEqual(['warranty-area-missing']);
    const r = await json(['services'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.data?.findings).toEqual([]);
  });

  it('searches from the working directory up to the directory holding .git, and no further', async () => {
    const root = tempTree({ 'repo/services/a.yaml': NO_SECURITY, '.warranty-lintrc.yaml': 'rules: { warranty-area-missing: off }\n' }, { git: false });
    // No .git anywhere: the search goes up to the root and finds the config above "repo".
    const up = await json(['services'], join(root, 'repo', 'services', '..'));
    expect(up.data?.findings).toEqual([]);
    // With repo/.git the search stops at repo: the config above it is not read.
    const withGit = tempTree({ 'repo/.git/HEAD': 'ref: x\n', 'repo/services/a.yaml': NO_SECURITY, '.warranty-lintrc.yaml': 'rules: { warranty-area-missing: off }\n' }, { git: false });
    const stopped = await json(['services'], join(withGit, 'repo'));
    expect(stopped.data?.findings.map((f) => f.ruleId)).toEqual(['warranty-area-missing']);
  });

  it('prefers the nearest config: a subdirectory config wins over the repository root one', async () => {
    const root = tempTree({
      '.warranty-lintrc.yaml': 'rules: { warranty-area-missing: error }\n',
      'team/.warranty-lintrc.yaml': 'rules: { warranty-area-missing: off }\n',
      'team/a.yaml': NO_SECURITY,
    });
    expect((await json(['a.yaml'], join(root, 'team'))).data?.findings).toEqual([]);
    const fromRoot = await json(['team/a.yaml'], root);
    expect(fromRoot.data?.findings.map((f) => [f.ruleId, f.severity])).toEqual([['warranty-area-missing', 'error']]);
    expect(fromRoot.code).toBe(1);
  });

  it('ignores a package.json without the key, and one that is not valid JSON, and keeps searching', async () => {
    const root = tempTree({
      '.warranty-lintrc.yaml': 'rules: { warranty-area-missing: off }\n',
      'sub/package.json': '{"name": "sub", "name": "dup"}',
      'sub/a.yaml': NO_SECURITY,
    });
    expect((await json(['a.yaml'], join(root, 'sub'))).data?.findings).toEqual([]);
  });

  it('ignores a package.json that names warranty-lint only as a dependency, whatever else it holds', async () => {
    const root = tempTree({
      '.warranty-lintrc.yaml': 'rules: { warranty-area-missing: off }\n',
      // A duplicate key would be a config error in a package.json that holds our key.
      'sub/package.json': '{\n  "name": "sub",\n  "name": "dup",\n  "devDependencies": { "warranty-lint": "^1.0.0" }\n}\n',
      'sub/a.yaml': NO_SECURITY,
    });
    const run = await json(['a.yaml'], join(root, 'sub'));
    expect(run.code).toBe(0);
    expect(run.data?.findings).toEqual([]);
  });
});

describe('code configs are never run unless named (SPEC §5)', () => {
  const MARKER = 'ran.txt';
  const evil = `require('node:fs').writeFileSync(require('node:path').join(__dirname, '${MARKER}'), 'ran');\nmodule.exports = { rules: { 'warranty-area-missing': 'off' } };\n`;

  it.each(['.warranty-lintrc.js', '.warranty-lintrc.cjs', 'warranty-lint.config.js', 'warranty-lint.config.ts', '.warranty-lintrc.mjs'])(
    'a %s found by the search stops the run with exit 2 and is not executed',
    async (name) => {
      const root = tempTree({ 'services/a.yaml': NO_SECURITY, [name]: evil });
      const r = await runCli([...NOW, 'services'], root);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`found the config ${name}`);
      expect(r.stderr).toContain(`--config ${name}`);
      expect(existsSync(join(root, MARKER))).toBe(false);
    },
  );

  it('is loaded when named with --config', async () => {
    const root = tempTree({ 'services/a.yaml': NO_SECURITY, 'cfg/warranty.config.cjs': evil });
    const r = await json(['--config', 'cfg/warranty.config.cjs', 'services'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.data?.findings).toEqual([]);
    expect(readFileSync(join(root, 'cfg', MARKER), 'utf8')).toBe('ran');
  });

  it('an ES module config named with --config is read through its default export', async () => {
    const root = tempTree({ 'services/a.yaml': NO_SECURITY, 'wl.config.mjs': "export default { rules: { 'warranty-area-missing': 'off' } };\n" });
    const r = await json(['--config', 'wl.config.mjs', 'services'], root);
    expect(r.stderr).toBe('');
    expect(r.data?.findings).toEqual([]);
  });

  it("does not run cosmiconfig's meta config (.config/config.js) in the working directory", async () => {
    const root = tempTree({ 'services/a.yaml': NO_SECURITY, '.config/config.js': evil });
    const before = process.cwd();
    process.chdir(root);
    try {
      const r = await json(['services'], root);
      expect(r.code).toBe(0);
      expect(r.data?.findings.map((f) => f.ruleId)).toEqual(['warranty-area-missing']);
    } finally {
      process.chdir(before);
    }
    expect(existsSync(join(root, '.config', MARKER))).toBe(false);
  });
});

describe('a bad config exits 2 naming the file, the line and the reason', () => {
  const bad = async (name: string, text: string) => {
    const r = await runCli([...NOW, 'services'], tempTree({ 'services/a.yaml': CLEAN_LOW, [name]: text }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  it('an unknown rule id, with a hint and the supported rules', async () => {
    const err = await bad('.warranty-lintrc.yaml', 'extends: recommended\nrules:\n  warranty-area-misisng: off\n');
    expect(err).toContain('.warranty-lintrc.yaml:3:3: rules: unknown rule "warranty-area-misisng"; did you mean "warranty-area-missing"?');
    expect(err).toMatch(/Supported rules are: .*warranty-area-missing/);
  });

  it('an unknown rule id inside overrides', async () => {
    const err = await bad('.warranty-lintrc.yaml', 'overrides:\n  - files: ["legacy/**"]\n    rules: { no-such-rule: warning }\n');
    expect(err).toContain('.warranty-lintrc.yaml:3:14: overrides[0].rules: unknown rule "no-such-rule". Supported rules are:');
  });

  it('a bad severity, a misspelt key, a bad duration, a bad size, a bad preset', async () => {
    const err = await bad(
      '.warranty-lintrc.yaml',
      [
        'extends: strictest',
        'rules:',
        '  schema: fatal',
        'tiers:',
        '  critical: { maxRto: 15 }',
        'limits: { maxFileSize: 10 megabytes }',
        'waiver: { maxDays: 30 }',
        '',
      ].join('\n'),
    );
    const lines = err.split('\n');
    expect(lines[0]).toBe('warranty-lint: invalid config:');
    expect(err).toContain('.warranty-lintrc.yaml:1:10: extends: "strictest" is not a built-in preset (recommended, strict), and no package of that name is installed in a node_modules folder at or above the config\'s; did you mean "strict"?');
    expect(err).toContain('.warranty-lintrc.yaml:3:11: rules.schema must be one of off, info, warning, warn, error (got "fatal")');
    expect(err).toContain('.warranty-lintrc.yaml:5:23: tiers.critical.maxRto must be a duration with a unit, such as "15m" or "15h"; add a unit (s, m, h, d, w)');
    expect(err).toContain('.warranty-lintrc.yaml:6:24: limits.maxFileSize must be a size such as "10MiB", "512KB" or a whole number of bytes (got "10 megabytes")');
    expect(err).toContain('.warranty-lintrc.yaml:7:1: unknown key "waiver" in the document; did you mean "waivers"?');
  });

  it('in package.json, at the line inside the warranty-lint key', async () => {
    const err = await bad('package.json', '{\n  "name": "x",\n  "warranty-lint": {\n    "rules": { "schema": "loud" }\n  }\n}\n');
    expect(err).toContain('package.json:4:26: rules.schema must be one of off, info, warning, warn, error (got "loud")');
  });

  it('a package.json that holds our key but cannot be parsed', async () => {
    const err = await bad('package.json', '{\n  "name": "x",\n  "name": "y",\n  "warranty-lint": {}\n}\n');
    expect(err).toContain('package.json:3:3: duplicate key');
  });

  it('a JSON config with a syntax error', async () => {
    const err = await bad('.warranty-lintrc.json', '{\n  "rules": {\n    "schema": "off",\n  }\n');
    expect(err).toMatch(/\.warranty-lintrc\.json:\d+:\d+: /);
  });

  it('hostile YAML is read with the YAML 1.2 loader: alias bombs, unknown tags and duplicate keys are errors', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    expect(await bad('.warranty-lintrc.yaml', bomb + '\n')).toMatch(/\.warranty-lintrc\.yaml:\d+:\d+: the document uses more than 100 aliases/);
    expect(await bad('.warranty-lintrc.yaml', 'rules: !!js/function "function () {}"\n')).toContain('.warranty-lintrc.yaml:1:8: unknown tag');
    expect(await bad('.warranty-lintrc.yaml', 'extends: strict\nextends: recommended\n')).toContain('.warranty-lintrc.yaml:2:1: duplicate key');
    expect(await bad('.warranty-lintrc.yaml', '%YAML 1.1\n---\nextends: strict\n')).toContain('%YAML 1.1 directive is not supported');
    // Deep flow nesting is refused before the parser sees it (it would exhaust the stack).
    expect(await bad('.warranty-lintrc.yaml', 'rules: ' + '['.repeat(100000) + '\n')).toContain('.warranty-lintrc.yaml:1:72: the document is nested more than 64 levels deep');
  });

  it('a config that is not a mapping, or holds two documents, or uses $import', async () => {
    expect(await bad('.warranty-lintrc.yaml', '- extends\n')).toContain('.warranty-lintrc.yaml:1:1: the config must be a mapping');
    expect(await bad('.warranty-lintrc.yaml', 'extends: strict\n---\nextends: recommended\n')).toContain('.warranty-lintrc.yaml:3:1: a config holds one YAML document');
    expect(await bad('.warranty-lintrc.yaml', '$import: other.js\n')).toContain('.warranty-lintrc.yaml:1:1: "$import" is not supported');
  });

  it('a config that is a FIFO or too large is refused without reading it (no hang)', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW });
    execFileSync('mkfifo', [join(root, '.warranty-lintrc.yaml')]);
    const fifo = await runCli([...NOW, 'services'], root);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toBe('warranty-lint: .warranty-lintrc.yaml: the config is not a regular file (a pipe, socket or device); refusing to read it\n');
    const big = tempTree({ 'services/a.yaml': CLEAN_LOW, '.warranty-lintrc.json': '{"x-pad": "' + 'x'.repeat(1024 * 1024) + '"}' });
    const r = await runCli([...NOW, 'services'], big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.warranty-lintrc.json: the config is larger than 1 MiB');
  });

  it('--config naming a file that does not exist', async () => {
    const r = await runCli([...NOW, '--config', 'nope.yaml', 'services'], tempTree({ 'services/a.yaml': CLEAN_LOW }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('warranty-lint: --config nope.yaml: no such file\n');
  });
});

describe('every key takes effect', () => {
  it('extends: strict raises warnings to errors', async () => {
    const root = tempTree({ 'services/a.yaml': NO_SECURITY, '.warranty-lintrc.yaml': 'extends: strict\n' });
    const r = await json(['services'], root);
    expect(r.data?.findings.map((f) => [f.ruleId, f.severity])).toEqual([['warranty-area-missing', 'error']]);
    expect(r.code).toBe(1);
  });

  it('overrides apply by glob; later entries win; other files keep the base setting', async () => {
    const root = tempTree({
      'legacy/a.yaml': NO_SECURITY,
      'services/b.yaml': NO_SECURITY.replace('name: search', 'name: other'),
      '.warranty-lintrc.yaml': [
        'rules: { warranty-area-missing: error }',
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules: { warranty-area-missing: off }',
        '  - files: ["legacy/a.yaml"]',
        '    rules: { warranty-area-missing: info }',
        '',
      ].join('\n'),
    });
    const r = await json(['.'], root);
    expect(r.data?.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['warranty-area-missing', 'info'],
      ['warranty-area-missing', 'error'],
    ]);
  });

  it('ignore skips files while walking', async () => {
    const root = tempTree({ 'fixtures/bad.yaml': PLACEHOLDER, 'services/a.yaml': CLEAN_LOW, '.warranty-lintrc.yaml': 'ignore: ["fixtures/**"]\n' });
    const r = await json(['.'], root);
    expect(r.code).toBe(0);
    expect(r.data?.findings).toEqual([]);
  });

  it('placeholders adds words to the built-in list', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('serviceHours: 24x7', 'serviceHours: pending'), '.warranty-lintrc.yaml': 'placeholders: [pending]\n' });
    const r = await json(['services'], root);
    expect(r.data?.findings.map((f) => [f.ruleId, f.line])).toEqual([['warranty-placeholder-value', 13]]);
  });

  it('deferral.phrases add deferral phrases and deferral.ignore exempts text, from a config file', async () => {
    const deferring = (notes: string): string => CLEAN_LOW.replace('      recoveryOption: backup-restore\n', `      notes: ${notes}\n`);
    const files = { 'services/a.yaml': deferring('Parked with the CCoE until funding.'), 'services/b.yaml': deferring('Ops will decide the patch day.').replace('name: search', 'name: other') };
    const deferred = async (root: string) => (await json(['services'], root)).data?.findings.filter((f) => f.ruleId === 'warranty-deferred-to-operation').map((f) => (f as { file?: string }).file);
    expect(await deferred(tempTree(files))).toEqual(['services/b.yaml']);
    const config = ['deferral:', '  phrases: ["parked with the CCoE"]', '  ignore: ["ops will decide the patch day"]', ''].join('\n');
    const root = tempTree({ ...files, '.warranty-lintrc.yaml': config });
    const r = await json(['services'], root);
    expect(r.stderr).toBe('');
    const finding = r.data?.findings.find((f) => f.ruleId === 'warranty-deferred-to-operation') as { file: string; message: string; line: number } | undefined;
    expect(await deferred(root)).toEqual(['services/a.yaml']);
    expect(finding?.message).toContain('("Parked with the CCoE")');
    expect(finding?.line).toBe(20);
  });

  it('a bad deferral config is exit 2 with the file, the line and the reason', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW, '.warranty-lintrc.yaml': 'deferral:\n  phrase: [later]\n' });
    const r = await runCli([...NOW, 'services'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.warranty-lintrc\.yaml:2:\d+:.*phrase.*phrases/);
  });

  it('limits.maxFindingsPerDocument caps findings per document', async () => {
    const many = CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace('window: 30d', 'window: TBD').replace('serviceHours: 24x7', 'serviceHours: TBD');
    const root = tempTree({ 'services/a.yaml': many, '.warranty-lintrc.yaml': 'limits: { maxFindingsPerDocument: 1 }\n' });
    const r = await json(['services'], root);
    expect(r.data?.findings.map((f) => f.ruleId)).toEqual(['warranty-placeholder-value', 'too-many-findings']);
  });

  it('limits.maxFileSize, maxDepth and maxAliases refuse what is over them with yaml-syntax', async () => {
    const root = tempTree({
      'big.yaml': CLEAN_LOW,
      'deep.yaml': CLEAN_LOW.replace('name: search', 'name: deep') + 'x-deep: [[[[[[[[1]]]]]]]]\n',
      'alias.yaml': CLEAN_LOW.replace('name: search', 'name: alias') + 'x-a: &a 1\nx-b: [*a, *a, *a]\n',
    });
    const check = async (limits: string, file: string, message: RegExp) => {
      writeFileSync(join(root, '.warranty-lintrc.yaml'), `limits: { ${limits} }\n`);
      const r = await json([file], root);
      expect(r.code).toBe(1);
      const f = (r.data?.findings ?? []) as Array<{ ruleId: string; message?: string }>;
      expect(f.map((x) => x.ruleId)).toEqual(['yaml-syntax']);
      expect(r.stdout).toMatch(message);
    };
    await check('maxFileSize: 100B', 'big.yaml', /limits\.maxFileSize/);
    await check('maxDepth: 6', 'deep.yaml', /limits\.maxDepth/);
    await check('maxAliases: 2', 'alias.yaml', /limits\.maxAliases/);
    writeFileSync(join(root, '.warranty-lintrc.yaml'), 'limits: { maxFileSize: 1KiB, maxDepth: 64, maxAliases: 3 }\n');
    expect((await json(['.'], root)).data?.findings).toEqual([]);
  });

  it('backstage.serviceTypes: which Backstage component types are services', async () => {
    const entity = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: shop-web }',
      'spec:',
      '  type: website',
      '  owner: team-web',
      '  lifecycle: experimental',
      '',
    ].join('\n');
    const root = tempTree({ 'catalog/shop.yaml': entity });
    const plain = await json(['catalog'], root);
    expect((plain.stdout && JSON.parse(plain.stdout).summary.services) ?? 0).toBe(0);
    writeFileSync(join(root, '.warranty-lintrc.yaml'), 'backstage: { serviceTypes: [service, website] }\n');
    const r = await runCli([...NOW, '-f', 'json', 'catalog'], root);
    expect(JSON.parse(r.stdout).summary.services).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('warranty-missing');
  });

  it('--print-config shows every key resolved, and the rules in effect for that file after overrides', async () => {
    const root = tempTree({
      '.warranty-lintrc.yaml': [
        'extends: strict',
        'rules: { warranty-area-missing: warning, schema: error }',
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules: { warranty-area-missing: off }',
        'ignore: ["fixtures/**"]',
        'tiers:',
        '  critical: { minAvailability: 99.99, maxRto: 15m, maxRpo: 1m, maxDaysSinceTest: 90, minHeadroom: 30 }',
        'portfolio: { reactiveThreshold: 0.7, weights: { critical: 5 } }',
        'waivers: { maxDays: 90 }',
        'genericOwners: [ops, noc]',
        'placeholders: [pending]',
        'deferral: { phrases: [parked with the CCoE], ignore: [see runbook] }',
        'limits: { maxFileSize: 1MiB, maxDepth: 32, maxAliases: 10, maxFindingsPerDocument: 50 }',
        'backstage: { serviceTypes: [service, website] }',
        '',
      ].join('\n'),
    });
    const legacy = await runCli(['--print-config', 'legacy/a.yaml'], root);
    expect(legacy.code).toBe(0);
    const c = JSON.parse(legacy.stdout);
    expect(c).toMatchObject({
      file: 'legacy/a.yaml',
      configFile: '.warranty-lintrc.yaml',
      ignored: false,
      appliedOverrides: [0],
      extends: 'strict',
      rules: { schema: 'error', 'warranty-area-missing': 'off' },
      ignore: ['fixtures/**'],
      tiers: { critical: { minAvailability: 99.99, maxRto: 900, maxRpo: 60, maxDaysSinceTest: 90, minHeadroom: 30 }, low: { minAvailability: 95 } },
      portfolio: { reactiveThreshold: 0.7, weights: { critical: 5, high: 3, medium: 2, low: 1 } },
      waivers: { maxDays: 90 },
      genericOwners: ['ops', 'noc'],
      placeholders: ['pending'],
      deferral: { phrases: ['parked with the CCoE'], ignore: ['see runbook'] },
      limits: { maxFileSize: 1048576, maxDepth: 32, maxAliases: 10, maxFindingsPerDocument: 50 },
      backstage: { serviceTypes: ['service', 'website'] },
    });
    const other = JSON.parse((await runCli(['--print-config', 'services/a.yaml', '--rule', 'schema=warning'], root)).stdout);
    expect(other.rules).toEqual({ schema: 'warning', 'warranty-area-missing': 'warning' });
    expect(other.appliedOverrides).toEqual([]);
    expect(JSON.parse((await runCli(['--print-config', 'fixtures/x.yaml'], root)).stdout).ignored).toBe(true);
  });

  it('--print-config without any config file shows the defaults', async () => {
    const r = await runCli(['--print-config', 'a.yaml'], tempTree({}));
    const c = JSON.parse(r.stdout);
    expect(c.configFile).toBeNull();
    expect(c.extends).toBe('recommended');
    expect(c.limits.maxFileSize).toBe(10 * 1024 * 1024);
    expect(c.deferral).toEqual({ phrases: [], ignore: [] });
  });
});

describe('presets', () => {
  it('merge every key of the config schema (a new key must say how presets combine)', async () => {
    const { MERGED_KEYS } = await import('../src/config/merge.js');
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'config.schema.json'), 'utf8')) as { properties: object };
    expect([...MERGED_KEYS].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
