// capPerDocument: after limits.maxFindingsPerDocument findings in one document, the rest are left
// out and one too-many-findings (info by default) says how many, where the first left out was.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { compareFindings, makeFinding, unpack, type KeptFinding } from '../../src/engine/finding.js';
import { capPerDocument } from '../../src/engine/limits.js';
import { StringPool } from '../../src/engine/compact.js';

const at = (line: number) => ({ line, column: 3, endLine: line, endColumn: 8 });
const finding = (file: string | null, document: number | null, line: number | null, service: string | null = 'svc') =>
  makeFinding({ ruleId: 'schema', severity: 'error', message: `at ${file}:${line}`, file, range: line === null ? null : at(line), service, area: null, pointer: null, document });

const config = (max: number, extra: Parameters<typeof resolveConfig>[0] = {}) => resolveConfig({ ...extra, limits: { maxFindingsPerDocument: max } });
const cap = (findings: KeptFinding[], max = 2, extra = {}) => capPerDocument(findings, config(max, extra));
const notes = (out: KeptFinding[]) => out.filter((f) => f.ruleId === 'too-many-findings').map(unpack);

describe('capPerDocument', () => {
  it('gives back the very list when nothing is over the limit', () => {
    const findings = [finding('a.yaml', 0, 1), finding('a.yaml', 0, 2), finding('a.yaml', 1, 3), finding('b.yaml', 0, 1)];
    expect(cap(findings)).toBe(findings);
    const short = [finding('a.yaml', 0, 1), finding('a.yaml', 0, 2)];
    expect(cap(short, 2)).toBe(short);
    expect(cap(short, 1)).not.toBe(short);
  });

  it('keeps exactly the limit in a document and says how many more were left out, where the first was', () => {
    const findings = [1, 2, 3, 4, 5].map((l) => finding('a.yaml', 0, l));
    const input = [...findings];
    const out = cap(findings, 2);
    expect(out.filter((f) => f.ruleId === 'schema').map((f) => f.line)).toEqual([1, 2]);
    expect(notes(out)).toEqual([
      expect.objectContaining({
        ruleId: 'too-many-findings',
        severity: 'info',
        message: '3 more findings in this document were left out after the first 2 (limits.maxFindingsPerDocument).',
        file: 'a.yaml',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 8,
        service: 'svc',
        area: null,
        pointer: null,
        document: 0,
      }),
    ]);
    // The list given is not changed.
    expect(findings).toEqual(input);
    // Sorted as every output is: the note at line 3 after the two kept.
    expect(out.map((f) => f.line)).toEqual([1, 2, 3]);
  });

  it('gives the findings back sorted, the note where the first left out was', () => {
    const findings = [finding('a.yaml', 0, 1), finding('a.yaml', 0, 2), finding('a.yaml', 0, 3), finding('a.yaml', 1, 10), finding('a.yaml', 1, 11)];
    expect(cap(findings, 2).map((f) => [f.ruleId, f.line])).toEqual([
      ['schema', 1],
      ['schema', 2],
      ['too-many-findings', 3],
      ['schema', 10],
      ['schema', 11],
    ]);
  });

  it('says one finding in the singular', () => {
    const out = cap([1, 2, 3].map((l) => finding('a.yaml', 0, l)), 2);
    expect(notes(out).map((f) => f.message)).toEqual(['1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).']);
  });

  it('counts each document of a file, and each file, on its own', () => {
    const findings = [
      finding('a.yaml', 0, 1),
      finding('a.yaml', 0, 2),
      finding('a.yaml', 1, 10),
      finding('a.yaml', 1, 11),
      finding('a.yaml', 1, 12),
      finding('b.yaml', 1, 1),
      finding('b.yaml', 1, 2),
      finding('c.yaml', 0, 1),
      finding('c.yaml', 0, 2),
      finding('c.yaml', 0, 3),
    ].sort(compareFindings);
    const out = cap(findings, 2);
    expect(out.filter((f) => f.ruleId === 'schema').map((f) => `${f.file}:${f.line}`)).toEqual(['a.yaml:1', 'a.yaml:2', 'a.yaml:10', 'a.yaml:11', 'b.yaml:1', 'b.yaml:2', 'c.yaml:1', 'c.yaml:2']);
    expect(notes(out).map((f) => [f.file, f.line, f.document])).toEqual([
      ['a.yaml', 12, 1],
      ['c.yaml', 3, 0],
    ]);
  });

  it('never caps findings about the portfolio (no file), nor lets them reset a file\'s count', () => {
    const portfolio = [1, 2, 3, 4].map(() => finding(null, null, null, null));
    expect(cap(portfolio, 2)).toBe(portfolio);
    const mixed = [finding('a.yaml', 0, 1), finding('a.yaml', 0, 2), finding('a.yaml', 0, 3), ...portfolio];
    const out = cap(mixed, 2);
    expect(out.filter((f) => f.file === null)).toHaveLength(4);
    expect(notes(out).map((f) => f.message)).toEqual(['1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).']);
  });

  it("counts a file's findings about no document apart: those with a place, and those without", () => {
    const findings = [finding('a.yaml', null, null), finding('a.yaml', null, null), finding('a.yaml', null, null), finding('a.yaml', null, 4), finding('a.yaml', null, 5), finding('a.yaml', 0, 6), finding('a.yaml', 0, 7)].sort(compareFindings);
    const out = cap(findings, 2);
    expect(out.filter((f) => f.ruleId === 'schema')).toHaveLength(6);
    // The one left out had no place: reported at the top of the file.
    expect(notes(out).map((f) => [f.line, f.column, f.document])).toEqual([[1, 1, null]]);
  });

  it('leaves findings out but says nothing when too-many-findings is off, for that file', () => {
    const findings = [1, 2, 3].map((l) => finding('a.yaml', 0, l));
    const off = cap(findings, 2, { rules: { 'too-many-findings': 'off' } });
    expect(off.map((f) => f.line)).toEqual([1, 2]);
    const some = cap([...findings, ...[1, 2, 3].map((l) => finding('legacy/b.yaml', 0, l))].sort(compareFindings), 2, { overrides: [{ files: ['legacy/**'], rules: { 'too-many-findings': 'warning' } }] });
    expect(notes(some).map((f) => [f.file, f.severity])).toEqual([
      ['a.yaml', 'info'],
      ['legacy/b.yaml', 'warning'],
    ]);
  });

  it('caps packed findings alike', () => {
    const pool = new StringPool();
    const packed = pool.compactResult({ file: 'a.yaml', findings: [1, 2, 3, 4].map((l) => finding('a.yaml', 0, l)), services: [], brokenDocuments: 0 }).findings;
    const out = cap(packed, 3);
    expect(out.map((f) => [f.ruleId, f.line])).toEqual([
      ['schema', 1],
      ['schema', 2],
      ['schema', 3],
      ['too-many-findings', 4],
    ]);
  });
});
