import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf } from './helpers.js';
import { rmSync } from 'node:fs';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { tempTree } from '../support/run-cli.js';

const RULE = 'duplicate-service';
const renamed = (name: string): string => edit(CLEAN_LOW, 'name: search', `name: ${name}`);

describe(RULE, () => {
  it('passes services with distinct names', () => {
    const result = lintYaml([
      { file: 'a.yaml', text: CLEAN_LOW },
      { file: 'b.yaml', text: renamed('search-indexer') },
    ]);
    expect(positionsOf(result, RULE)).toEqual([]);
  });

  it('reports the later definition, in sorted file order, at its metadata.name', () => {
    const result = lintYaml([
      { file: 'teams/b.yaml', text: CLEAN_LOW },
      { file: 'teams/a.yaml', text: CLEAN_LOW },
    ]);
    const [f] = findingsOf(result, RULE);
    expect(positionsOf(result, RULE)).toEqual([[4, 9, '/metadata/name']]);
    expect(f?.file).toBe('teams/b.yaml');
    expect(f?.service).toBe('search');
    expect(f?.area).toBeNull();
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('service "search" is already defined in teams/a.yaml:4; a service name must be unique across the catalog.');
  });

  it('reports every later document of a multi-document file', () => {
    const result = lintYaml(`${CLEAN_LOW}---\n${CLEAN_LOW}---\n${renamed('other')}---\n${CLEAN_LOW}`);
    // Each document is 24 lines and a separator: the name sits on line 4 of each.
    expect(positionsOf(result, RULE)).toEqual([
      [29, 9, '/metadata/name'],
      [79, 9, '/metadata/name'],
    ]);
    expect(findingsOf(result, RULE).every((f) => f.message.includes('test.yaml:4;'))).toBe(true);
  });

  it('ignores documents without a name (the schema reports those)', () => {
    const nameless = edit(CLEAN_LOW, '  name: search\n', '');
    expect(positionsOf(lintYaml(`${nameless}---\n${nameless}`), RULE)).toEqual([]);
  });

  it('keeps its examples honest', () => expectExamplesHold(RULE));
});

describe(`${RULE} under --changed-since`, () => {
  it('is reported when only the file of the first definition changed', async () => {
    const root = tempTree({ 'a.yaml': CLEAN_LOW, 'b.yaml': CLEAN_LOW });
    try {
      const result = await lint({ cwd: root, paths: ['.'], config: resolveConfig({}), now: '2026-11-26', changedFiles: new Set(['a.yaml']) });
      expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.file, f.line, f.column])).toEqual([['b.yaml', 4, 9]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
