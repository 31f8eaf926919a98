import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/engine/finding.js';
import type { LintResult } from '../../src/engine/lint.js';
import { DEFAULT_MAX_ANNOTATIONS, escapeData, escapeProperty, github } from '../../src/formatters/github.js';
import type { Finding, Severity } from '../../src/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { runCli, tempTree } from '../support/run-cli.js';
import { CTX, hostileResult, sampleResult } from './support.js';

describe('github formatter', () => {
  it('one workflow command per unwaived finding: error, warning, notice; file, line, col, end, title', () => {
    const result = sampleResult();
    const out = github(result, CTX);
    const lines = out.trimEnd().split('\n');
    const placeholder = result.findings.find((f) => f.ruleId === 'warranty-placeholder-value' && !f.waived)!;
    const warning = result.findings.find((f) => f.ruleId === 'warranty-area-missing' && f.file === 'services/search.yaml')!;
    expect(lines).toEqual([
      `::error file=services/pay ments.yaml,line=11,col=15,endLine=11,endColumn=18,title=warranty-placeholder-value::${placeholder.message}`,
      `::warning file=services/search.yaml,line=9,col=3,endLine=9,endColumn=11,title=warranty-area-missing::${warning.message}`,
      '::error title=warranty-area-missing::The portfolio is reactive: 85%25 of warranty is left to Operation.',
    ]);
    const info = { ...result, findings: [{ ...placeholder, severity: 'info' as const }] };
    expect(github(info, CTX)).toMatch(/^::notice file=/);
  });

  it('escapes as GitHub requires: %, CR, LF in data; also : and , in properties; controls made visible first', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = github(hostileResult(), CTX);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=services/we%2Cird%3Ana%25me<&>.yaml,line=2,col=3,endLine=2,endColumn=9,title=schema::' +
        "bad\\x00\\x07\\x1b[31mred\\x1b]8;;http://x\\x07 \\u202eevil\\r\\n::error file=x::forged %250A & <tag attr=\"q\"> 's, a:b \ud800",
    );
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
    expect(lines[1]).toBe('::warning file=services/a.yaml,line=5,col=1,endLine=6,endColumn=4,title=warranty-area-missing::multi\\nline');
  });

  it('through the CLI: -f github prints nothing for a clean run', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW });
    const r = await runCli(['--now', '2026-11-26', '-f', 'github', 'services'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});

/** A result with `counts` findings of each severity, in that order, numbered in their messages. */
function manyFindings(counts: Partial<Record<Severity, number>>): LintResult {
  const result = sampleResult();
  result.findings = (['error', 'warning', 'info'] as const).flatMap((severity) =>
    Array.from({ length: counts[severity] ?? 0 }, (_, i) =>
      makeFinding({ ruleId: 'tier-detail-missing', severity, message: `${severity} ${i + 1}`, file: 'services/a.yaml', range: { line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }, service: 'a', area: null, pointer: '/spec', document: 0 }),
    ),
  );
  return result;
}

const levelOf = (line: string): string => /^::(\w+) /.exec(line)?.[1] ?? '';

describe('github formatter: the annotation cap', () => {
  it('prints every finding when no level passes the cap, and no notice', () => {
    const lines = github(manyFindings({ error: 10, warning: 10, info: 10 }), CTX).trimEnd().split('\n');
    expect(DEFAULT_MAX_ANNOTATIONS).toBe(10);
    expect(lines).toHaveLength(30);
    expect(lines.some((l) => l.includes('title=warranty-lint'))).toBe(false);
  });

  it('prints the first ones of each level and one notice that counts the rest and says where they are', () => {
    const lines = github(manyFindings({ error: 25, warning: 3, info: 12 }), CTX).trimEnd().split('\n');
    const errors = lines.filter((l) => levelOf(l) === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[9]).toMatch(/::error 10$/);
    expect(lines.filter((l) => levelOf(l) === 'warning')).toHaveLength(3);
    // Nine info notices and the closing notice: GitHub shows ten notices, so the closing one is seen.
    const notices = lines.filter((l) => levelOf(l) === 'notice');
    expect(notices).toHaveLength(10);
    expect(notices.slice(0, 9).every((l) => l.includes('title=tier-detail-missing'))).toBe(true);
    expect(lines.at(-1)).toBe(
      '::notice title=warranty-lint::18 more findings are not annotated here (15 errors, 3 notices): GitHub shows only about 10 annotations of ' +
        'each level per step, and this run annotates at most 10 of each (--max-annotations). Every finding is in the SARIF log ' +
        '(uploaded to code scanning) and in the job summary.',
    );
  });

  it('takes its cap from the context, and counts waived findings nowhere', () => {
    const result = manyFindings({ warning: 4 });
    result.findings[0] = { ...result.findings[0]!, waived: true };
    const lines = github(result, { ...CTX, maxAnnotations: 2 }).trimEnd().split('\n');
    expect(lines.map(levelOf)).toEqual(['warning', 'warning', 'notice']);
    expect(lines[0]).toMatch(/::warning 2$/);
    expect(lines[2]).toContain('::1 more finding is not annotated here (1 warning)');
    expect(lines[2]).toContain('at most 2 of each');
  });

  it('through the CLI: --max-annotations sets the cap, and takes a whole number only', async () => {
    const gappy = CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace('window: 30d', 'window: TBD').replace('serviceHours: 24x7', 'serviceHours: TBD');
    const root = tempTree({ 'services/a.yaml': gappy });
    const all = await runCli(['--now', '2026-11-26', '-f', 'github', 'services'], root);
    const errors = all.stdout.split('\n').filter((l) => l.startsWith('::error')).length;
    expect(errors).toBeGreaterThan(1);
    const capped = await runCli(['--now', '2026-11-26', '-f', 'github', '--max-annotations', '1', 'services'], root);
    expect(capped.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(capped.stdout).toMatch(new RegExp(`^::notice title=warranty-lint::\\d+ more findings are not annotated here \\(${errors - 1} errors?[,)]`, 'm'));
    expect(capped.code).toBe(all.code);
    const bad = await runCli(['-f', 'github', '--max-annotations', 'ten', 'services'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-annotations takes a whole number (got "ten")');
  });
});

describe('github formatter: positions and wording', () => {
  const one = (over: Partial<Finding>): Finding => ({ ...manyFindings({ error: 1 }).findings[0]!, ...over });
  const print = (findings: Finding[], cap?: number): string[] => {
    const result = sampleResult();
    result.findings = findings;
    return github(result, cap === undefined ? CTX : { ...CTX, maxAnnotations: cap }).trimEnd().split('\n');
  };

  it('gives col=1 when a finding has a line but no column, and leaves out the ends it does not know', () => {
    expect(print([one({ column: null, endLine: null, endColumn: null })])).toEqual(['::error file=services/a.yaml,line=1,col=1,title=tier-detail-missing::error 1']);
    expect(print([one({ endLine: 4, endColumn: null })])).toEqual(['::error file=services/a.yaml,line=1,col=1,endLine=4,title=tier-detail-missing::error 1']);
    expect(print([one({ endLine: null, endColumn: 7 })])).toEqual(['::error file=services/a.yaml,line=1,col=1,endColumn=7,title=tier-detail-missing::error 1']);
  });

  it('names the file alone when a finding has no line', () => {
    expect(print([one({ line: null, column: null, endLine: null, endColumn: null })])).toEqual(['::error file=services/a.yaml,title=tier-detail-missing::error 1']);
  });

  it('ends each command, the last one too, with a newline', () => {
    const result = sampleResult();
    result.findings = [one({}), one({ severity: 'warning' })];
    expect(github(result, CTX)).toBe('::error file=services/a.yaml,line=1,col=1,endLine=1,endColumn=2,title=tier-detail-missing::error 1\n::warning file=services/a.yaml,line=1,col=1,endLine=1,endColumn=2,title=tier-detail-missing::error 1\n');
  });

  it('prints nothing at all, not an empty line, when every finding is waived', () => {
    const result = sampleResult();
    result.findings = [one({ waived: true })];
    expect(github(result, CTX)).toBe('');
  });

  it('counts what was left out in the plural and the singular, per level', () => {
    const lines = print(manyFindings({ error: 3, warning: 2, info: 2 }).findings, 1);
    expect(lines.map(levelOf)).toEqual(['error', 'warning', 'notice']);
    expect(lines.at(-1)).toContain('::5 more findings are not annotated here (2 errors, 1 warning, 2 notices): ');
    expect(lines.at(-1)).toContain('at most 1 of each (--max-annotations)');
    const single = print(manyFindings({ error: 2 }).findings, 1);
    expect(single.at(-1)).toContain('::1 more finding is not annotated here (1 error): ');
  });

  it('with a cap of 0 prints only the notice, which counts every finding', () => {
    const lines = print(manyFindings({ error: 1, info: 1 }).findings, 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::notice title=warranty-lint::2 more findings are not annotated here \(1 error, 1 notice\): /);
  });

  it('cuts when one level passes the cap, though the others do not: the notice takes the last notice place', () => {
    const lines = print(manyFindings({ warning: 3, info: 2 }).findings, 2);
    expect(lines.map(levelOf)).toEqual(['warning', 'warning', 'notice', 'notice']);
    expect(lines[2]).toMatch(/title=tier-detail-missing::info 1$/);
    expect(lines[3]).toContain('::2 more findings are not annotated here (1 warning, 1 notice): ');
  });
});
