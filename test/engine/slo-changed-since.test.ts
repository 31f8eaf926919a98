// --changed-since and SLOs as code: a change to an SLO file alone makes or fixes
// availability-slo-mismatch in the service's file, so the finding is reported with it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const root = mkdtempSync(join(tmpdir(), 'wl-slo-changed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'slos'));
writeFileSync(join(root, 'search.yaml'), CLEAN_LOW);
writeFileSync(join(root, 'slos', 'search.yaml'), 'version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 98 }]\n');
writeFileSync(join(root, 'other.yaml'), CLEAN_LOW.replace('name: search', 'name: other'));

const run = (changed: string[]) => lint({ cwd: root, paths: ['.'], config: resolveConfig({}), now: '2026-11-26', changedFiles: new Set(changed) });

describe('availability-slo-mismatch under --changed-since', () => {
  it('is reported when the SLO file changed, or the service file, and not for an unrelated change', async () => {
    const ids = async (changed: string[]) => (await run(changed)).findings.map((f) => [f.ruleId, f.file]);
    expect(await ids(['slos/search.yaml'])).toEqual([['availability-slo-mismatch', 'search.yaml']]);
    expect(await ids(['search.yaml'])).toEqual([['availability-slo-mismatch', 'search.yaml']]);
    expect(await ids(['other.yaml'])).toEqual([]);
  });
});

describe('availability-slo-mismatch on the window under --changed-since', () => {
  it('is reported when only the SLO file that measures another window changed', async () => {
    const dir = join(root, 'window');
    mkdirSync(join(dir, 'slos'), { recursive: true });
    writeFileSync(join(dir, 'search.yaml'), CLEAN_LOW);
    writeFileSync(
      join(dir, 'slos', 'search.yaml'),
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: search-availability }\nspec:\n  service: search\n  budgetingMethod: Occurrences\n  timeWindow: [{ duration: 7d, isRolling: true }]\n  objectives: [{ target: 0.99 }]\n',
    );
    const result = await lint({ cwd: dir, paths: ['.'], config: resolveConfig({}), now: '2026-11-26', changedFiles: new Set(['slos/search.yaml']) });
    expect(result.findings.map((f) => [f.ruleId, f.file, f.pointer])).toEqual([['availability-slo-mismatch', 'search.yaml', '/spec/warranty/availability/window']]);
  });
});
