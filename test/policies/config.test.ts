// Policies, extensions and presets in the config: every form of `extends`, every config error at
// its line, and the commands that read the config (rules, explain, --print-config, --rule).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_CRITICAL, swap } from '../support/critical-service.js';
import { runCli, tempTree } from '../support/run-cli.js';

const NOW = ['--now', '2026-11-26'];
const SERVICE = { 'services/pay.yaml': CLEAN_CRITICAL };
const ONCALL = swap(CLEAN_CRITICAL, '      mttr: 10m\n', '      mttr: 10m\n      oncall: payments-primary\n');

/** The contract of the issue, as a preset file. */
const ONCALL_POLICY = `extensions:
  availability: { oncall: { type: string, minLength: 1 } }
policies:
  - id: acme/oncall-named
    description: Critical and high services name the on-call rotation paged for them.
    area: availability
    severity: error
    where: { tier: [critical, high], stage: [design, transition, operation], kind: [native, backstage] }
    then:
      - field: oncall
        function: present
    message: "{service} names no on-call rotation for availability.{field}."
    rationale: An unpaged critical service is found down by its users.
    remediation: Add availability.oncall with the rotation's name.
`;

async function findings(root: string, argv: string[] = []) {
  const r = await runCli([...NOW, '-f', 'json', ...argv, 'services'], root);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; severity: string; line: number; column: number; message: string; waived: boolean }> }).findings;
}
const policyFindings = async (root: string, argv: string[] = []) => (await findings(root, argv)).filter((f) => f.ruleId.includes('/'));

async function configError(files: Record<string, string>, argv: string[] = []): Promise<string> {
  const r = await runCli([...NOW, ...argv, 'services'], tempTree({ ...SERVICE, ...files }));
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
  return r.stderr;
}

describe('extends', () => {
  it('a policy in the config itself, with its extension: oncall is a field, and its absence a finding', async () => {
    const root = tempTree({ ...SERVICE, '.warranty-lintrc.yaml': ONCALL_POLICY });
    expect(await policyFindings(root)).toEqual([
      expect.objectContaining({ ruleId: 'acme/oncall-named', severity: 'error', line: 10, column: 5, message: 'service "payments-api" names no on-call rotation for availability.oncall.' }),
    ]);
    writeFileSync(join(root, 'services/pay.yaml'), ONCALL);
    expect(await findings(root)).toEqual([]);
  });

  it('without the extension, oncall is an unknown key (a schema finding)', async () => {
    const root = tempTree({ 'services/pay.yaml': ONCALL });
    expect((await findings(root)).map((f) => [f.ruleId, f.line])).toEqual([['schema', 18]]);
  });

  it('extensions reach Backstage Components and metadata too, typed, with did-you-mean to the new field', async () => {
    const component = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: pay, businessOwner: 5 }',
      'spec:',
      '  type: service',
      '  owner: group:default/payments',
      '  warranty:',
      '    tier: low',
      '    availability: { target: 99.0, window: 30d, serviceHours: 24x7, oncall: pay-primary, oncal: x }',
      '',
    ].join('\n');
    const root = tempTree({ 'services/c.yaml': component, '.warranty-lintrc.yaml': 'extensions:\n  availability: { oncall: { type: string } }\n  metadata: { businessOwner: { type: string } }\n' });
    const schema = (await findings(root)).filter((f) => f.ruleId === 'schema').map((f) => [f.line, f.column, f.message]);
    expect(schema).toEqual([
      [3, 39, 'service "pay": metadata.businessOwner must be text (got 5)'],
      [9, 89, 'service "pay": unknown key "oncal" in spec.warranty.availability; did you mean "oncall"?'],
    ]);
  });

  it('a relative path, relative to the file that names it, and presets of presets', async () => {
    const root = tempTree({
      ...SERVICE,
      '.warranty-lintrc.yaml': 'extends: [recommended, ./policies/base.yaml]\n',
      'policies/base.yaml': 'extends: ./acme.yaml\nrules: { tier-detail-missing: off }\n',
      'policies/acme.yaml': ONCALL_POLICY,
    });
    expect((await policyFindings(root)).map((f) => f.ruleId)).toEqual(['acme/oncall-named']);
  });

  it('a package: the file its package.json names in a "warranty-lint" field, found from the config file up', async () => {
    const root = tempTree({
      ...SERVICE,
      'team/.warranty-lintrc.yaml': 'extends: ["@acme/warranty-policy"]\n',
      'node_modules/@acme/warranty-policy/package.json': JSON.stringify({ name: '@acme/warranty-policy', main: 'index.js', 'warranty-lint': 'presets/acme.yaml' }),
      'node_modules/@acme/warranty-policy/index.js': 'throw new Error("a preset package was run")\n',
      'node_modules/@acme/warranty-policy/presets/acme.yaml': ONCALL_POLICY,
    });
    expect((await policyFindings(root, ['-c', 'team/.warranty-lintrc.yaml'])).map((f) => f.ruleId)).toEqual(['acme/oncall-named']);
  });

  it('a package: warranty-lint.yaml at its root, when its package.json names none', async () => {
    const root = tempTree({
      ...SERVICE,
      '.warranty-lintrc.yaml': 'extends: acme-policy\n',
      'node_modules/acme-policy/package.json': JSON.stringify({ name: 'acme-policy' }),
      'node_modules/acme-policy/warranty-lint.yaml': ONCALL_POLICY,
    });
    expect((await policyFindings(root)).map((f) => f.ruleId)).toEqual(['acme/oncall-named']);
  });

  it('later entries and the file itself win; strict from a preset applies unless the file names a baseline', async () => {
    const root = tempTree({
      ...SERVICE,
      '.warranty-lintrc.yaml': 'extends: [./a.yaml]\nrules: { acme/oncall-named: info }\n',
      'a.yaml': `extends: strict\n${ONCALL_POLICY}`,
    });
    const r = await runCli(['--print-config', 'services/pay.yaml'], root);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ extends: 'strict', presets: ['a.yaml'], rules: { 'acme/oncall-named': 'info' }, extensions: { availability: { oncall: { type: 'string', minLength: 1 } } } });
    expect(c.policies.map((p: { id: string; source: string }) => [p.id, p.source])).toEqual([['acme/oncall-named', 'a.yaml']]);
    expect((await policyFindings(root)).map((f) => f.severity)).toEqual(['info']);
  });

  it('a missing preset, a missing package, a package naming none or code, and a cycle are config errors at the line of the entry', async () => {
    const err = await configError({
      '.warranty-lintrc.yaml': 'extends:\n  - recommended\n  - ./policies/missing.yaml\n  - "@acme/nope"\n  - ./rules.js\n  - no-preset\n  - coded\n  - ./a.yaml\n',
      'rules.js': 'module.exports = {}\n',
      'node_modules/no-preset/package.json': '{"name": "no-preset"}',
      'node_modules/coded/package.json': '{"name": "coded", "warranty-lint": "../../evil.yaml"}',
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': 'extends:\n  - ./a.yaml\n',
    });
    expect(err).toContain('.warranty-lintrc.yaml:3:5: extends: the preset "./policies/missing.yaml" does not exist (policies/missing.yaml)');
    expect(err).toContain('.warranty-lintrc.yaml:4:5: extends: "@acme/nope" is not a built-in preset (recommended, strict), and no package of that name is installed');
    expect(err).toContain('.warranty-lintrc.yaml:5:5: extends: the preset "./rules.js" is rules.js, not a YAML or JSON file: a preset is data, and warranty-lint never runs code from one');
    expect(err).toContain('.warranty-lintrc.yaml:6:5: extends: the package "no-preset"');
    expect(err).toContain('.warranty-lintrc.yaml:7:5: extends: the "warranty-lint" field of "coded" names "../../evil.yaml", outside the package');
    expect(err).toContain('b.yaml:2:5: extends: the preset "./a.yaml" makes a cycle: a.yaml → b.yaml → a.yaml');
  });

  it('a config that extends itself is a cycle', async () => {
    expect(await configError({ '.warranty-lintrc.yaml': 'extends: ./.warranty-lintrc.yaml\n' })).toContain('.warranty-lintrc.yaml:1:10: extends: the preset "./.warranty-lintrc.yaml" makes a cycle: .warranty-lintrc.yaml → .warranty-lintrc.yaml');
  });

  it('problems inside a preset are reported at their line in the preset', async () => {
    const err = await configError({ '.warranty-lintrc.yaml': 'extends: ./p.yaml\n', 'p.yaml': 'policies:\n  - id: acme/x\n    then: [{ field: rto, function: presnt }]\n' });
    expect(err).toContain('p.yaml:3:36: policies[0].then[0].function must be one of present, absent, pattern, enum, min, max, includes, maxAgeDays (got "presnt"); did you mean "present"?');
    expect(await configError({ '.warranty-lintrc.yaml': 'extends: ./p.yaml\n', 'p.yaml': 'policies: [\n' })).toMatch(/p\.yaml:2:1: /);
  });
});

describe('config errors at their line', () => {
  const policy = (then: string, head = 'id: acme/x\n    area: continuity') => ({ '.warranty-lintrc.yaml': `policies:\n  - ${head}\n    then:\n${then}` });
  it('an unknown function, with a hint', async () => {
    expect(await configError(policy('      - { field: rto, function: exists }\n'))).toContain('.warranty-lintrc.yaml:5:33: policies[0].then[0].function must be one of present, absent, pattern, enum, min, max, includes, maxAgeDays (got "exists")');
  });

  it('options that do not fit the function', async () => {
    const err = await configError(
      policy(
        [
          '      - { field: rto, function: present, options: { value: 1 } }',
          '      - { field: rto, function: max }',
          '      - { field: rto, function: max, options: { value: soon } }',
          '      - { field: rto, function: pattern, options: {} }',
          '      - { field: rto, function: enum, options: { values: [] } }',
          '      - { field: recoveryOption, function: includes, options: { values: [mfa, 3] } }',
          '      - { field: rto, function: maxAgeDays, options: { value: 1.5 } }',
          '      - { field: rto, function: min, options: { values: [1] } }',
          '',
        ].join('\n'),
      ),
    );
    expect(err).toContain('.warranty-lintrc.yaml:5:53: policies[0].then[0]: options.value is not an option of present: present takes no options');
    expect(err).toContain('.warranty-lintrc.yaml:6:9: policies[0].then[1]: max needs options.value');
    expect(err).toContain('.warranty-lintrc.yaml:7:56: policies[0].then[2]: max needs options.value: a number, a percentage ("99.9%"), a duration with a unit ("1h", "PT4H") or a date (YYYY-MM-DD) (got "soon")');
    expect(err).toContain('.warranty-lintrc.yaml:8:51: policies[0].then[3]: pattern needs options.match or options.notMatch: a regular expression');
    expect(err).toContain('.warranty-lintrc.yaml:9:58: policies[0].then[4]: enum needs options.values: a non-empty list');
    expect(err).toContain('.warranty-lintrc.yaml:10:79: policies[0].then[5]: options.values[1] of includes must be non-empty text (got 3)');
    expect(err).toContain('.warranty-lintrc.yaml:11:63: policies[0].then[6]: maxAgeDays needs options.value: a whole number of days, 0 or more (got 1.5)');
    expect(err).toContain('.warranty-lintrc.yaml:12:49: policies[0].then[7]: options.values is not an option of min: min takes options.value');
  });

  it('an id without "/", an id that clashes (in the same file or another), a field that is nowhere', async () => {
    const err = await configError({
      '.warranty-lintrc.yaml': [
        'extends: ./p.yaml',
        'policies:',
        '  - id: oncall-named',
        '    then: [{ field: x-oncall, function: present }]',
        '  - id: acme/x',
        '    area: availability',
        '    then: [{ field: oncal, function: present }, { field: target.value, function: present }, { field: x-any.thing, function: present }]',
        '  - id: acme/x',
        '    then: [{ field: labels.anything, function: present }]',
        '',
      ].join('\n'),
      'p.yaml': 'extensions: { availability: { oncall: { type: string } } }\npolicies:\n  - id: acme/x\n    then: [{ field: description, function: present }]\n',
    });
    expect(err).toContain('.warranty-lintrc.yaml:3:9: policies[0].id "oncall-named" must hold a "/", such as "acme/oncall-named"');
    expect(err).toContain('.warranty-lintrc.yaml:5:9: policies[1].id "acme/x" clashes with the policy of the same id in p.yaml:3; ids must be unique');
    expect(err).toContain('.warranty-lintrc.yaml:8:9: policies[2].id "acme/x" clashes with the policy of the same id in p.yaml:3');
    expect(err).toContain('.warranty-lintrc.yaml:7:21: policies[1].then[0]: field "oncal": "oncal" is not in the schema of availability, nor in extensions.availability, and is not an x- key; did you mean "oncall"?');
    expect(err).toContain('.warranty-lintrc.yaml:7:58: policies[1].then[1]: field "target.value": availability.target holds no fields, so it has no "value"');
    expect(err).not.toContain('x-any');
    expect(err).not.toContain('labels');
  });

  it('an invalid regular expression, and one a linear-time engine cannot run', async () => {
    const err = await configError(policy("      - { field: plan, function: pattern, options: { match: '[a-' } }\n      - { field: plan, function: pattern, options: { notMatch: '(a)\\1' } }\n"));
    expect(err).toContain('.warranty-lintrc.yaml:5:61: policies[0].then[0]: options.match "[a-" is not a valid regular expression: missing closing ]');
    expect(err).toContain('.warranty-lintrc.yaml:6:64: policies[0].then[1]: options.notMatch "(a)\\\\1" is not a valid regular expression');
    expect(err).toContain('lookaround and backreferences are not supported');
  });

  it('a policy id in rules or overrides that no policy defines, with a hint', async () => {
    const err = await configError({ '.warranty-lintrc.yaml': `${ONCALL_POLICY}rules: { acme/oncall-nmed: warning }\n` });
    expect(err).toContain('.warranty-lintrc.yaml:15:10: rules: unknown rule "acme/oncall-nmed"; did you mean "acme/oncall-named"?');
  });

  it('an extension that is not shape: a pattern, an unknown keyword, a field the schema has, a bad $ref', async () => {
    const err = await configError({
      '.warranty-lintrc.yaml': [
        'extensions:',
        '  availability:',
        "    oncall: { type: string, pattern: '(a+)+$' }",
        '    target: { type: number }',
        '    rota: { type: strng }',
        "    budget: { $ref: '#/definitions/nothing' }",
        '  metadata:',
        '    costCentre: { tipe: string }',
        '',
      ].join('\n'),
    });
    expect(err).toContain('.warranty-lintrc.yaml:3:29: extensions.availability.oncall: the keyword "pattern" is not supported in an extension (match text with a policy: `function: pattern` runs in linear time)');
    expect(err).toContain('.warranty-lintrc.yaml:4:5: extensions.availability.target: availability.target is already in the schema');
    expect(err).toContain('.warranty-lintrc.yaml:5:19: extensions.availability.rota.type must be one of string, number, integer, boolean, array, object, null (got "strng")');
    expect(err).toContain('.warranty-lintrc.yaml:6:21: extensions.availability.budget.$ref must name a definition of the service schema');
    expect(err).toContain('.warranty-lintrc.yaml:8:19: extensions.metadata.costCentre: the keyword "tipe" is not supported in an extension; did you mean "type"? Supported: type, enum');
  });
});

describe('commands that read the config', () => {
  const root = (): string => tempTree({ ...SERVICE, '.warranty-lintrc.yaml': ONCALL_POLICY });

  it('rules lists the policies after the built-in rules', async () => {
    const r = await runCli(['rules'], root());
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^acme\/oncall-named\s+availability\s+error\s+Critical and high services name the on-call rotation paged for them\.$/);
  });

  it('explain prints a policy: description, where it applies, its checks, rationale and remediation', async () => {
    const r = await runCli(['explain', 'acme/oncall-named'], root());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'acme/oncall-named  (availability, error; policy from .warranty-lintrc.yaml)',
        '',
        'Critical and high services name the on-call rotation paged for them.',
        '',
        'Why it matters',
        '  An unpaged critical service is found down by its users.',
        '',
        'Applies to',
        '  critical or high tier services in design, transition or operation, native or backstage definitions',
        '',
        'Checks  (each failing check is one finding)',
        '  - availability.oncall is present',
        '',
        'How to fix',
        "  Add availability.oncall with the rotation's name.",
        '',
        'More: https://github.com/warranty-lint/warranty-lint/blob/main/docs/policies.md',
        '',
      ].join('\n'),
    );
    const named = await runCli(['explain', '-c', '.warranty-lintrc.yaml', 'acme/oncall-named'], root());
    expect(named.stdout).toBe(r.stdout);
  });

  it('explain and rules stop on a bad config (exit 2)', async () => {
    const bad = tempTree({ '.warranty-lintrc.yaml': 'policies: [{ id: x, then: [] }]\n' });
    expect((await runCli(['rules'], bad)).code).toBe(2);
    expect((await runCli(['explain', 'acme/x'], bad)).code).toBe(2);
  });

  it('--rule sets a policy by id: off, or another severity', async () => {
    expect(await policyFindings(root(), ['--rule', 'acme/oncall-named=off'])).toEqual([]);
    expect((await policyFindings(root(), ['--rule', 'acme/oncall-named=info'])).map((f) => f.severity)).toEqual(['info']);
    const unknown = await runCli([...NOW, '--rule', 'acme/nope=off', 'services'], root());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--rule: unknown rule "acme/nope"');
  });

  it('overrides set a policy by id for the files they match', async () => {
    const r = tempTree({ ...SERVICE, 'legacy/pay.yaml': CLEAN_CRITICAL.replace('payments-api', 'old-payments'), '.warranty-lintrc.yaml': `${ONCALL_POLICY}overrides:\n  - files: ["legacy/**"]\n    rules: { acme/oncall-named: off }\n` });
    const out = await runCli([...NOW, '-f', 'json', 'services', 'legacy'], r);
    expect(JSON.parse(out.stdout).findings.map((f: { ruleId: string; file: string }) => [f.ruleId, f.file])).toEqual([['acme/oncall-named', 'services/pay.yaml']]);
  });

  it('--print-config shows the policies, the extensions and the presets in effect', async () => {
    const r = await runCli(['--print-config', 'services/pay.yaml'], root());
    const c = JSON.parse(r.stdout);
    expect(c.presets).toEqual([]);
    expect(c.policies).toEqual([expect.objectContaining({ id: 'acme/oncall-named', area: 'availability', then: [{ field: 'oncall', function: 'present' }], source: '.warranty-lintrc.yaml' })]);
    expect(c.extensions).toEqual({ availability: { oncall: { type: 'string', minLength: 1 } } });
  });

  it('a preset found through a symbolic link in node_modules (pnpm) is read once, not as a cycle', async () => {
    const r = tempTree({ ...SERVICE, 'store/acme/warranty-lint.yaml': ONCALL_POLICY, 'store/acme/package.json': '{"name":"acme"}', '.warranty-lintrc.yaml': 'extends: [acme, ./store/acme/warranty-lint.yaml]\n' });
    mkdirSync(join(r, 'node_modules'));
    symlinkSync(join(r, 'store/acme'), join(r, 'node_modules/acme'));
    expect((await policyFindings(r)).map((f) => f.ruleId)).toEqual(['acme/oncall-named']);
  });
});
