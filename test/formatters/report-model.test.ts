// The story every report format tells (src/formatters/report-model.ts): the model built once per
// format, and where the catalog came from, in plain words.
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/formatters/compare.js';
import { buildView } from '../../src/formatters/portfolio-view.js';
import { buildReportModel, pathsText, shortCommit, sourceParts, TOP_RISKS } from '../../src/formatters/report-model.js';
import { ownerRollup, tierRollup, waiverRegister } from '../../src/formatters/rollups.js';
import type { PreviousRun } from '../../src/formatters/run-record.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const CTX = { color: false, cwd: '/repo', version: '1.2.3' };

/** Services with a placeholder target (an open error each), one critical. */
function catalog(count: number): ReturnType<typeof lintYaml> {
  const files = Array.from({ length: count }, (_, i) => ({
    file: `s${i}.yaml`,
    text: CLEAN_LOW.replace('name: search', `name: svc-${String(i).padStart(2, '0')}`)
      .replace('target: 99.0', 'target: TBD')
      .replace('tier: low', i === count - 1 ? 'tier: high' : 'tier: low'),
  }));
  return lintYaml(files);
}

describe('buildReportModel', () => {
  it('holds the view, at most ten top risks, the tier and owner rollups and the waiver register', () => {
    const result = catalog(12);
    const model = buildReportModel(result, CTX);
    const view = buildView(result);
    expect(TOP_RISKS).toBe(10);
    expect(model.risks).toHaveLength(10);
    expect(model.risks[0]?.service.name).toBe('svc-11');
    expect(model.view.rows.map((r) => r.service.name)).toEqual(view.rows.map((r) => r.service.name));
    expect(model.tiers).toEqual(tierRollup(view));
    expect(model.owners).toEqual(ownerRollup(view));
    expect(model.waivers).toEqual(waiverRegister(view, result.today));
    expect(model.comparison).toBeNull();
  });

  it("weighs with the context's portfolio", () => {
    const result = catalog(2);
    const portfolio = { reactiveThreshold: 0.5, weights: { critical: 4, high: 7, medium: 2, low: 1 } };
    const model = buildReportModel(result, { ...CTX, portfolio });
    expect(model.view.weights).toBe(portfolio.weights);
    expect(model.view.reactive.threshold).toBe(0.5);
    expect(model.tiers.find((t) => t.key === 'high')?.weightedErrors).toBe(7 * (model.tiers.find((t) => t.key === 'high')?.errors ?? 0));
  });

  it('compares with the previous run, all findings or (quiet) errors only', () => {
    const result = catalog(2);
    const previous: PreviousRun = { source: 'before.json', today: '2026-10-01', findings: [], reactiveShare: null, services: null };
    const model = buildReportModel(result, { ...CTX, previous });
    const view = buildView(result);
    expect(model.comparison).toEqual(compareRuns(result, view.weights, previous, false));
    expect(model.comparison?.added.length).toBe(result.findings.filter((f) => !f.waived).length);
    const quiet = buildReportModel(result, { ...CTX, previous, quiet: true });
    expect(quiet.comparison).toEqual(compareRuns(result, view.weights, previous, true));
    expect(quiet.comparison?.added.length).toBe(result.findings.filter((f) => !f.waived && f.severity === 'error').length);
    expect(quiet.comparison?.added.length).toBeLessThan(model.comparison?.added.length ?? 0);
    expect(buildReportModel(result, { ...CTX, previous, quiet: false }).comparison).toEqual(model.comparison);
  });
});

describe('where the catalog came from', () => {
  it('lists up to three paths, and counts the rest', () => {
    expect(pathsText([])).toBe('');
    expect(pathsText(['a'])).toBe('a');
    expect(pathsText(['a', 'b', 'c'])).toBe('a, b, c');
    expect(pathsText(['a', 'b', 'c', 'd'])).toBe('a, b, c and 1 more');
    expect(pathsText(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });

  it('shortens a commit to twelve characters', () => {
    expect(shortCommit('0123456789abcdef0123')).toBe('0123456789ab');
  });

  it('names the folder, or the git branch (or a detached HEAD), the commit and the root', () => {
    expect(sourceParts({ paths: ['services/'], folder: '/work/cat' })).toEqual({ paths: 'services/', where: 'folder /work/cat' });
    const git = { root: '/home/ops/catalog', commit: '0123456789abcdef0123', branch: 'main' };
    expect(sourceParts({ paths: ['a', 'b'], folder: '/x', git })).toEqual({ paths: 'a, b', where: 'git branch main, commit 0123456789ab (/home/ops/catalog)' });
    expect(sourceParts({ paths: ['a'], folder: '/x', git: { ...git, branch: null } })).toEqual({ paths: 'a', where: 'git detached HEAD, commit 0123456789ab (/home/ops/catalog)' });
  });
});
