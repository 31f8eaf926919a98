import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js';
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
