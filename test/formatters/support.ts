import { makeFinding } from '../../src/engine/finding.js';
import type { LintResult } from '../../src/engine/lint.js';
import type { SummaryGlyphs } from '../../src/formatters/report-summary.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

/** Plain, distinct glyphs for the report's summary: each cell state and bar part can be told apart. */
export const G: SummaryGlyphs = {
  ellipsis: '…',
  filled: '#',
  empty: '.',
  mark: '|',
  arrow: '->',
  cells: { defined: '+', flagged: '!', incomplete: '-', deferred: '~', placeholder: '?', missing: 'x', waived: 'w' },
};

/** A result with real findings (a placeholder error, a missing-area warning), a waived one and a portfolio one. */
export function sampleResult(): LintResult {
  const result = lintYaml([
    { file: 'services/pay ments.yaml', text: CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace('name: search', 'name: payments') },
    { file: 'services/search.yaml', text: CLEAN_LOW.replace(/    security:[\s\S]*/, '') },
    { file: 'services/clean.yaml', text: CLEAN_LOW.replace('name: search', 'name: clean') },
  ]);
  const waived = { ...makeFinding({ ruleId: 'warranty-placeholder-value', severity: 'error', message: 'service "search" has a waived placeholder.', file: 'services/search.yaml', range: { line: 4, column: 10, endLine: 4, endColumn: 20 }, service: 'search', area: null, pointer: '/metadata/owner', document: 0 }), waived: true };
  const portfolio = makeFinding({ ruleId: 'warranty-area-missing', severity: 'error', message: 'The portfolio is reactive: 85% of warranty is left to Operation.', file: null, range: null, service: null, area: null, pointer: null, document: null });
  result.findings.push(waived, portfolio);
  return result;
}

/** The same shape with hostile text in every place text from files can reach. */
export function hostileResult(): LintResult {
  const evil = 'bad\u0000\u0007\u001b[31mred\u001b]8;;http://x\u0007 \u202eevil\r\n::error file=x::forged %0A & <tag attr="q"> \'s, a:b \ud800';
  const r = sampleResult();
  r.findings = [
    makeFinding({ ruleId: 'schema', severity: 'error', message: evil, file: 'services/we,ird:na%me<&>.yaml', range: { line: 2, column: 3, endLine: 2, endColumn: 9 }, service: `svc${evil}`, area: null, pointer: `/metadata/${evil}`, document: 0 }),
    makeFinding({ ruleId: 'warranty-area-missing', severity: 'warning', message: 'multi\nline', file: 'services/a.yaml', range: { line: 5, column: 1, endLine: 6, endColumn: 4 }, service: 'a', area: 'security', pointer: '/spec', document: 0 }),
  ];
  r.services = r.services.map((s, i) => (i === 0 ? { ...s, file: 'services/we,ird:na%me<&>.yaml', name: `svc${evil}` } : s));
  r.files = ['services/we,ird:na%me<&>.yaml', ...r.files.slice(1)];
  return r;
}

export const CTX = { color: false, cwd: '/repo', version: '1.2.3' };
