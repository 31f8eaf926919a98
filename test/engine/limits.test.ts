// limits.maxFindingsPerDocument counted a document at a time (src/engine/limits.ts): a file's own
// findings, those with a place and those without, count apart from its documents and each other.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { compareFindings, makeFinding } from '../../src/engine/finding.js';
import { capPerDocument } from '../../src/engine/limits.js';

const at = (line: number) => ({ line, column: 1, endLine: line, endColumn: 2 });
const finding = (ruleId: string, document: number | null, line: number | null) =>
  makeFinding({ ruleId, severity: 'error', message: `${ruleId} at ${line}`, file: 'a.yaml', range: line === null ? null : at(line), service: null, area: null, pointer: null, document });

describe('capPerDocument', () => {
  const config = resolveConfig({ limits: { maxFindingsPerDocument: 2 } });

  it('counts a document, the file with a place and the file without one apart', () => {
    const findings = [
      finding('no-service', null, null),
      finding('file-unreadable', null, null),
      finding('yaml-syntax', null, 3),
      finding('yaml-syntax', null, 7),
      finding('schema', 0, 10),
      finding('schema', 0, 11),
    ].sort(compareFindings);
    expect(capPerDocument([...findings], config)).toEqual(findings);
  });

  // A finding left out that had no place is reported at the top of the file.
  it('caps each of them at the limit, with one too-many-findings each', () => {
    const findings = [
      finding('no-service', null, null),
      finding('file-unreadable', null, null),
      finding('file-unreadable', null, null),
      finding('yaml-syntax', null, 3),
      finding('yaml-syntax', null, 7),
      finding('yaml-syntax', null, 9),
    ].sort(compareFindings);
    const capped = capPerDocument(findings, config);
    expect(capped.filter((f) => f.ruleId !== 'too-many-findings')).toHaveLength(4);
    expect(capped.filter((f) => f.ruleId === 'too-many-findings').map((f) => [f.line, f.message])).toEqual([
      [1, '1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).'],
      [9, '1 more finding in this document was left out after the first 2 (limits.maxFindingsPerDocument).'],
    ]);
  });
});
