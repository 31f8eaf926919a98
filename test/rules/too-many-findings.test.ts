import { describe, expect, it } from 'vitest';
import { generateTexts } from '../../bench/generate.js';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';

const RULE = 'too-many-findings';
/** CLEAN_LOW without capacity, continuity and security: three warranty-area-missing findings at `warranty` (9:3). */
const THREE = CLEAN_LOW.replace(/    capacity:[\s\S]*/, '');

describe(RULE, () => {
  it('keeps the first limits.maxFindingsPerDocument findings of a document and says how many more were left out', () => {
    const r = lintYaml(THREE, { config: { limits: { maxFindingsPerDocument: 1 } } });
    expect(rulesOf(r).sort()).toEqual([RULE, 'warranty-area-missing']);
    expect(positionsOf(r, RULE)).toEqual([[9, 3, null]]);
    const f = r.findings.find((x) => x.ruleId === RULE);
    expect(f).toMatchObject({ severity: 'info', service: 'search', area: null, file: 'test.yaml' });
    expect(f?.message).toBe('2 more findings in this document were left out after the first 1 (limits.maxFindingsPerDocument).');
  });

  it('says "finding" for one left out, and nothing at all at exactly the limit', () => {
    const one = lintYaml(THREE, { config: { limits: { maxFindingsPerDocument: 2 } } });
    expect(one.findings.find((x) => x.ruleId === RULE)?.message).toBe('1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).');
    const exact = lintYaml(THREE, { config: { limits: { maxFindingsPerDocument: 3 } } });
    expect(positionsOf(exact, RULE)).toEqual([]);
    expect(exact.findings).toHaveLength(3);
  });

  it('counts each document on its own', () => {
    const twoDocs = THREE + '---\n' + THREE.replace('name: search', 'name: other');
    const r = lintYaml(twoDocs, { config: { limits: { maxFindingsPerDocument: 2 } } });
    expect(positionsOf(r, RULE)).toEqual([
      [9, 3, null],
      [23, 3, null],
    ]);
  });

  it('keeps, in every document of every file, the first findings up to the limit and counts the rest', () => {
    // A generated catalog: files of one to three documents, catalog findings between them.
    const files = generateTexts(60, 21);
    const all = lintYaml(files);
    const capped = lintYaml(files, { config: { limits: { maxFindingsPerDocument: 2 } } });
    const docKey = (f: { file: string | null; service: string | null }): string => `${f.file} ${f.service}`;
    const byDoc = new Map<string, string[]>();
    for (const f of all.findings) byDoc.set(docKey(f), [...(byDoc.get(docKey(f)) ?? []), f.fingerprint]);
    const over = [...byDoc.values()].filter((fps) => fps.length > 2);
    expect(over.length).toBeGreaterThan(5);
    const left = capped.findings.filter((f) => f.ruleId === RULE);
    expect(left).toHaveLength(over.length);
    for (const f of left) {
      const total = byDoc.get(docKey(f))?.length ?? 0;
      expect(f.message).toContain(`${total - 2} more finding`);
    }
    // What is kept is the first two of each document, in the order of the uncapped output.
    const kept = capped.findings.filter((f) => f.ruleId !== RULE).map((f) => f.fingerprint);
    const firstTwo = new Set([...byDoc.values()].flatMap((fps) => fps.slice(0, 2)));
    expect(kept).toEqual(all.findings.map((f) => f.fingerprint).filter((fp) => firstTwo.has(fp)));
  });

  it('is not raised with the default limit of 100', () => {
    expect(positionsOf(lintYaml(THREE), RULE)).toEqual([]);
  });
});
