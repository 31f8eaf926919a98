// The report's coverage matrix (src/formatters/report.ts `matrix`): which columns it keeps at a
// width, and how the service and owner columns share the room left.
import { describe, expect, it } from 'vitest';
import { report } from '../../src/formatters/report.js';
import { displayWidth } from '../../src/formatters/text-layout.js';
import { CTX, NOW } from '../fixtures/report/support.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const service = (name: string, owner: string): string => CLEAN_LOW.replace('name: search', `name: ${name}`).replace('owner: team-search', `owner: ${owner}`);
const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');
const header = (text: string): string => lines(text).find((l) => /^ {2}service +tier/.test(l)) ?? '';
const rowOf = (text: string, start: string): string => lines(text).find((l) => l.startsWith(`  ${start}`)) ?? '';
const matrixOf = (services: Array<[string, string]>, width: number): string =>
  report(lintYaml(services.map(([name, owner], i) => ({ file: `services/s${i}.yaml`, text: service(name, owner) })), { now: NOW }), { ...CTX, width, ascii: true });

describe('report: the coverage matrix', () => {
  // The fixed columns (tier 8, stage 10, gaps 4, four areas of 3, each after 2 spaces) and the
  // indent take 50 columns; the owner column needs 24 more, 12 for a name and 10 for an owner.
  it('keeps the owner column from a width of 74, and drops it below', () => {
    const services: Array<[string, string]> = [['payments', 'team-payments']];
    expect(header(matrixOf(services, 74))).toMatch(/^ {2}service +tier +stage +owner +gaps/);
    expect(header(matrixOf(services, 73))).toMatch(/^ {2}service +tier +stage +gaps/);
  });

  it('gives the owner column room for its title when every owner is shorter', () => {
    const text = matrixOf([['payments', 'ab']], 100);
    expect(header(text)).toMatch(/ owner +gaps/);
    expect(rowOf(text, 'payments')).toMatch(/ ab {5}/);
  });

  it('shares the room between a long name and a long owner once both do not fit, within the width', () => {
    // 100 columns leave 50: a 30-character name, 2 spaces and an 18-character owner fit exactly.
    const fits = matrixOf([['n'.repeat(30), 'o'.repeat(18)]], 100);
    expect(rowOf(fits, 'n')).toContain(`${'n'.repeat(30)}  `);
    expect(rowOf(fits, 'n')).toContain('o'.repeat(18));
    // One more character of owner: the owner keeps up to 40% of 48, 19 columns, and the name the other 29, cut in the middle.
    const over = matrixOf([['n'.repeat(30), 'o'.repeat(19)]], 100);
    expect(Math.max(...lines(over).map(displayWidth))).toBeLessThanOrEqual(100);
    expect(rowOf(over, 'n')).toMatch(/^ {2}n{16}\.\.\.n{10} {2}/);
    expect(rowOf(over, 'n')).toContain('o'.repeat(19));
  });
});
