// Issue 14: every exit explains itself. A failed run never reads as a success, a mistyped word
// gets a did-you-mean, and each limit says why it failed the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRuleIds } from '../../src/config/schema.js';
import { RULES } from '../../src/rules/index.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { runCli, tempTree } from '../support/run-cli.js';

const NOW = ['--now', '2026-11-26'];
const warningOnly = CLEAN_LOW.replace(/    security:[\s\S]*/, ''); // low tier: a missing area is a warning

describe('a run that fails never prints success', () => {
  it('a path that does not exist: nothing was linted, exit 2', async () => {
    const r = await runCli([...NOW, 'nope/'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('✔');
    expect(r.stdout).toBe('✖ nothing was linted: 1 path not found or empty (see above)\n');
    expect(r.stderr).toContain('warranty-lint: no such file or directory: nope/');
  });

  it('an empty project: exit 2, and it says there was nothing to lint', async () => {
    const r = await runCli([...NOW], tempTree({ 'README.md': '# nothing here\n' }));
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('✔');
    expect(r.stderr).toMatch(/holds no \*\.yaml or \*\.yml file/);
  });

  it('a missing path beside one that exists: the rest is linted and the summary says a path was not found', async () => {
    const r = await runCli([...NOW, 'a.yaml', 'b.yaml'], tempTree({ 'a.yaml': CLEAN_LOW }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('✖ no problems in 1 service, but 1 path not found or empty (see above)\n');
  });

  it('a mistyped command is taken for a path: did you mean the command?', async () => {
    const r = await runCli(['repot', 'services/'], tempTree({ 'services/a.yaml': CLEAN_LOW }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or directory: repot; did you mean the command "report" (warranty-lint report --help)?');
    expect(r.stdout).not.toContain('✔');
    // A real path is never second-guessed, even when it is one edit away from a command.
    const real = await runCli([...NOW, 'rule'], tempTree({ 'rule/a.yaml': CLEAN_LOW }));
    expect(real.code).toBe(0);
    expect(real.stderr).toBe('');
    // A command's own name is the command; lint options before it say how to name the path.
    const named = await runCli([...NOW, 'rules'], tempTree({ 'rules/a.yaml': CLEAN_LOW }));
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--now does not apply to `warranty-lint rules`; to lint the path rules, write ./rules');
    expect((await runCli([...NOW, './rules'], tempTree({ 'rules/a.yaml': CLEAN_LOW }))).code).toBe(0);
  });

  it('--max-warnings says why it failed, as ESLint does', async () => {
    const root = tempTree({ 'a.yaml': warningOnly });
    const r = await runCli([...NOW, '--max-warnings', '0', 'a.yaml'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('warranty-lint: 1 warning, more than --max-warnings 0\n');
    const ok = await runCli([...NOW, '--max-warnings', '1', 'a.yaml'], root);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
  });
});

describe('did you mean, and warn for warning', () => {
  it('--rule with a mistyped rule id', async () => {
    const r = await runCli(['--rule', 'warranty-area-misisng=off', 'a.yaml'], tempTree({ 'a.yaml': CLEAN_LOW }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rule: unknown rule "warranty-area-misisng"; did you mean "warranty-area-missing"?');
  });

  it('explain with a mistyped rule id', async () => {
    const r = await runCli(['explain', 'tier-minimum-unmet'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "tier-minimum-unmet"; did you mean "tier-minimums-unmet"?');
  });

  it('accepts warn for warning in --rule and in the config', async () => {
    const root = tempTree({ 'a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD'), '.warranty-lintrc.yaml': 'rules:\n  warranty-placeholder-value: warn\n' });
    const fromConfig = await runCli([...NOW, '-f', 'json', 'a.yaml'], root);
    expect(JSON.parse(fromConfig.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
    const fromFlag = await runCli([...NOW, '-f', 'json', '--rule', 'warranty-placeholder-value=warn', 'a.yaml'], tempTree({ 'a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') }));
    expect(fromFlag.code).toBe(0);
    expect(JSON.parse(fromFlag.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
  });
});

describe('standard input', () => {
  it('refuses paths beside --stdin instead of dropping them', async () => {
    const r = await runCli(['--stdin', 'services/'], tempTree({}), { stdin: CLEAN_LOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdin lints standard input only; drop the paths (services/) or --stdin');
  });

  it('does not lint --stdin-filename inside ignore, and says so', async () => {
    const root = tempTree({ '.warranty-lintrc.yaml': 'ignore: ["fixtures/**"]\n' });
    const bad = CLEAN_LOW.replace('target: 99.0', 'target: TBD');
    const ignored = await runCli([...NOW, '--stdin', '--stdin-filename', 'fixtures/a.yaml'], root, { stdin: bad });
    expect(ignored.code).toBe(0);
    expect(ignored.stderr).toContain('fixtures/a.yaml matches an ignore pattern; standard input was not linted');
    const linted = await runCli([...NOW, '--stdin', '--stdin-filename', 'services/a.yaml'], root, { stdin: bad });
    expect(linted.code).toBe(1);
  });
});

describe('rules', () => {
  it('--format json gives every rule with its metadata', async () => {
    const r = await runCli(['rules', '--format', 'json'], tempTree({}));
    const doc = JSON.parse(r.stdout) as { version: number; rules: Array<Record<string, unknown>> };
    expect(doc.version).toBe(1);
    expect(doc.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    expect(doc.rules.find((x) => x.id === 'continuity-test-stale')).toMatchObject({ area: 'continuity', severity: 'warning', tierSeverity: { critical: 'error' }, scope: 'service' });
    expect(doc.rules[0]).toHaveProperty('docsUrl');
  });

  it('wraps descriptions to the terminal width: under their column when it is wide, below each rule when it is narrow', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { fakeIo } = await import('../support/run-cli.js');
    const list = async (columns: number): Promise<string[]> => {
      const io = fakeIo(tempTree({}), { over: { columns } });
      expect(await main(['node', 'warranty-lint', 'rules'], io)).toBe(0);
      return io.out.trimEnd().split('\n');
    };
    const wide = await list(140);
    expect(Math.max(...wide.map((l) => l.length))).toBeLessThanOrEqual(140);
    const column = wide[0]!.indexOf('description');
    expect(column).toBeGreaterThan(0);
    expect(wide.filter((l) => l.startsWith(' '.repeat(column)) && l.trim() !== '').length).toBeGreaterThan(0);
    const narrow = await list(72);
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(narrow).toContain('    The availability target is above the product of its hard');
  });
});

describe('schemas', () => {
  it('the shipped config schema lists every rule id, as generated from the registry (npm run docs)', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'config.schema.json'), 'utf8')) as { definitions: { ruleSettings: { properties: object } } };
    expect(shipped).toEqual(withRuleIds(shipped));
    expect(Object.keys(shipped.definitions.ruleSettings.properties)).toEqual(RULES.map((r) => r.meta.id));
  });

  it('`schema config` prints the shipped schema', async () => {
    const r = await runCli(['schema', 'config'], tempTree({}));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'config.schema.json'), 'utf8')));
  });

  it('capacity thresholds with warn at or above critical are a schema finding at warn', () => {
    const text = CLEAN_LOW.replace('      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n', '      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n      thresholds: { warn: 90, critical: 80 }\n');
    expect(text).toContain('warn: 90');
    const found = lintYaml(text).findings.filter((f) => f.ruleId === 'schema');
    expect(found.map((f) => [f.pointer, f.column])).toEqual([['/spec/warranty/capacity/thresholds/warn', 27]]);
    expect(found[0]?.message).toContain('capacity.thresholds.warn (90%) must be below capacity.thresholds.critical (80%)');
    const fine = lintYaml(text.replace('warn: 90', 'warn: 70')).findings.filter((f) => f.ruleId === 'schema');
    expect(fine).toEqual([]);
  });
});
