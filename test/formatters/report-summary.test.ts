// The one-page summary's parts (src/formatters/report-summary.ts): the text share bar, the trend
// sentence, the rollup columns, and how the page gives way to fit its budget of lines.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/formatters/compare.js';
import { buildReportModel } from '../../src/formatters/report-model.js';
import { ownerText, rollupColumns, shareBar, summaryLines, trendSentence } from '../../src/formatters/report-summary.js';
import { G } from './support.js';
import type { Rollup } from '../../src/formatters/rollups.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const PLAIN = new Chalk({ level: 0 });
const CTX = { color: false, cwd: '/', version: '1' };

describe('shareBar', () => {
  it('fills the share of its cells and marks the threshold', () => {
    expect(shareBar(0.25, 0.5, 8, G)).toBe('##..|...');
    expect(shareBar(0.75, 0.5, 8, G)).toBe('####|#..');
    expect(shareBar(1, 0.5, 4, G)).toBe('##|#');
    expect(shareBar(0, null, 4, G)).toBe('....');
  });

  it('marks no threshold of 0 or 100%, and a threshold near 100% on the last cell', () => {
    expect(shareBar(0.5, 0, 4, G)).toBe('##..');
    expect(shareBar(0.5, 1, 4, G)).toBe('##..');
    expect(shareBar(0.5, 0.99, 10, G)).toBe('#####....|');
  });
});

describe('trendSentence', () => {
  const cmp = (over: Partial<Comparison>): Comparison => ({
    since: null,
    source: 'old\u0007.json',
    added: [],
    fixed: [],
    waivedSince: [],
    stillOpen: 2,
    services: null,
    changedServices: [],
    areaChanges: [],
    reactive: { before: { overall: null, byArea: null }, after: { overall: 0.5, byArea: null } },
    ...over,
  });

  it('names the previous run, escaped, with its date when it has one', () => {
    expect(trendSentence(cmp({}), 0.8, '->')).toBe('Since old\\x07.json: 0 new findings, 0 fixed, 2 still open.');
    expect(trendSentence(cmp({ since: '2026-10-26' }), 0.8, '->', (s) => `<${s}>`)).toBe('Since 2026-10-26 (<old\u0007.json>): 0 new findings, 0 fixed, 2 still open.');
  });

  it('counts one new finding and one service in the singular', () => {
    const one = { ruleId: 'r', severity: 'error' as const, message: 'm', file: null, line: null, service: null, area: null, fingerprint: 'f' };
    const text = trendSentence(cmp({ added: [one], fixed: [one, one], services: { added: ['a'], removed: ['b', 'c'] } }), 0.8, '->');
    expect(text).toBe('Since old\\x07.json: 1 new finding, 2 fixed, 2 still open; 1 service added, 2 removed.');
  });

  it('gives the reactive share only when both runs measured one', () => {
    const both = cmp({ reactive: { before: { overall: 0.7968, byArea: null }, after: { overall: 0.81, byArea: null } } });
    expect(trendSentence(both, 0.8, '=>')).toBe('Since old\\x07.json: 0 new findings, 0 fixed, 2 still open; reactive share 79.6% => 81% (+1 point).');
    const after = cmp({ reactive: { before: { overall: 0.5, byArea: null }, after: { overall: null, byArea: null } } });
    expect(trendSentence(after, 0.8, '->')).toBe('Since old\\x07.json: 0 new findings, 0 fixed, 2 still open.');
  });
});

describe('rollupColumns', () => {
  it('gives the key indented, the counts, and the reactive share never rounded across the threshold', () => {
    const cols = rollupColumns('By tier', (r) => r.key.toUpperCase(), 0.8);
    const r: Rollup = { key: 'high', services: 2, errors: 3, warnings: 4, open: 7, weightedErrors: 9, reactive: 0.7968 };
    expect(cols.map((c) => [c.title, c.align, c.value(r)])).toEqual([
      ['By tier', 'left', '  HIGH'],
      ['services', 'right', '2'],
      ['errors', 'right', '3'],
      ['warnings', 'right', '4'],
      ['reactive', 'right', '79.6%'],
    ]);
    expect(cols[0]?.min).toBe(12);
    expect(cols[4]?.value({ ...r, reactive: null })).toBe('-');
  });

  it('escapes owners, "(no owner)" reading as itself', () => {
    expect(ownerText('(no owner)')).toBe('(no owner)');
    expect(ownerText('a\u0007b')).toBe('a\\x07b');
  });
});

describe('summaryLines', () => {
  /** Twelve services with an open error each, each of its own owner. */
  const model = buildReportModel(
    lintYaml(
      Array.from({ length: 12 }, (_, i) => ({
        file: `s${i}.yaml`,
        text: CLEAN_LOW.replace('name: search', `name: svc-${String(i).padStart(2, '0')}`)
          .replace('owner: team-search', `owner: team-${String(i).padStart(2, '0')}`)
          .replace('target: 99.0', 'target: TBD'),
      })),
    ),
    CTX,
  );
  const shape = (budget: number): { lines: number; risks: number; owners: number; label: string | undefined; more: string | undefined } => {
    const lines = summaryLines(model, 100, G, PLAIN, budget);
    return {
      lines: lines.length,
      risks: lines.filter((l) => /^ +\d+\. svc-/.test(l)).length,
      owners: lines.filter((l) => /^ {2}team-\d+ /.test(l)).length,
      label: lines.find((l) => l.startsWith('By owner')),
      more: lines.find((l) => l.includes('more owner')),
    };
  };

  it('shows every top risk and every owner when they fit, exactly or with room to spare', () => {
    expect(shape(40)).toEqual({ lines: 39, risks: 10, owners: 12, label: 'By owner   services  errors  warnings  reactive', more: undefined });
    expect(shape(39)).toMatchObject({ lines: 39, risks: 10, owners: 12 });
  });

  it('lets the owners give way first, down to three, and says how many more there are', () => {
    expect(shape(38)).toEqual({ lines: 38, risks: 10, owners: 10, label: 'By owner (worst 10 of 12)  services  errors  warnings  reactive', more: '2 more owners: see BY OWNER in the full report.' });
    expect(shape(30)).toMatchObject({ lines: 30, risks: 9, owners: 3, more: '9 more owners: see BY OWNER in the full report.' });
    expect(shape(25)).toMatchObject({ lines: 25, risks: 4, owners: 3 });
  });

  it('then drops the owners, then the risks down to one, and stops there', () => {
    expect(shape(20)).toMatchObject({ lines: 20, risks: 2, owners: 0, more: '12 more owners: see BY OWNER in the full report.' });
    expect(shape(5)).toMatchObject({ lines: 19, risks: 1, owners: 0 });
  });

  it('says when no service has an open error, and leaves out the owners of an empty catalog', () => {
    const clean = summaryLines(buildReportModel(lintYaml(CLEAN_LOW), CTX), 100, G, PLAIN, 40);
    expect(clean).toContain('Top risks: no service has an open error.');
    expect(clean).toContain('  team-search         1       0         0        0%');
    const empty = summaryLines(buildReportModel(lintYaml([]), CTX), 100, G, PLAIN, 40);
    expect(empty[0]).toBe('Reactive share: no service was read, so there is nothing to measure.');
    expect(empty.some((l) => l.startsWith('By owner'))).toBe(false);
    expect(empty.some((l) => l.startsWith('  by area'))).toBe(false);
    // Blocks are one blank line apart, and the page does not start with one.
    expect(empty[1]).toBe('');
    expect(empty[2]).toBe('Top risks: no service has an open error.');
  });

  it('draws the bar only when it has ten cells or more', () => {
    const head = 'Reactive share  0%  under the 80% threshold';
    expect(summaryLines(model, 57, G, PLAIN, 40)[0]).toBe(`${head}  [........|.]`);
    expect(summaryLines(model, 56, G, PLAIN, 40)[0]).toBe(head);
    expect(summaryLines(model, 200, G, PLAIN, 40)[0]).toBe(`${head}  [${'.'.repeat(32)}|.......]`);
  });

  it('says when the share is at or over the threshold, area by area', () => {
    const reactive = lintYaml(CLEAN_LOW.replace(/    capacity:[\s\S]*?    continuity:/, '    continuity:'));
    const over = buildReportModel(reactive, { ...CTX, portfolio: { reactiveThreshold: 0.25, weights: { critical: 4, high: 3, medium: 2, low: 1 } } });
    const lines = summaryLines(over, 100, G, PLAIN, 40);
    expect(lines[0]).toMatch(/^Reactive share {2}25% {2}AT OR OVER the 25% threshold {2}\[##########\|/);
    expect(lines[1]).toBe('  by area: availability 0%,  capacity 100%,  continuity 0%,  security 0%');
  });
});
