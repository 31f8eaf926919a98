// An editor's workspace over a repository as platform teams keep them (the fixture of
// test/backstage-repos.test.ts) shows each file what `warranty-lint .` run in the same folder
// reports for it: template skeletons stay unlinted, and files reached only through a Backstage
// Location count, as in a run.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig, type UserConfig } from '../../src/config/resolve.js';
import { lint, todayFrom } from '../../src/engine/lint.js';
import { lintFile, lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import { readWorkspace, type Workspace } from '../../src/engine/workspace.js';
import type { Finding } from '../../src/types.js';

const NOW = '2026-11-26';
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'backstage-repos', 'platform');
const config = resolveConfig(parse(readFileSync(join(FIXTURE, '.warranty-lintrc.yaml'), 'utf8')) as UserConfig);
const today = todayFrom(NOW).day;
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wl-ws-repos-'));
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(join(root, '.git'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const row = (f: Finding) => [f.file, f.line, f.column, f.ruleId, f.service, f.message];

/** What the workspace shows for every file it holds, and what a run in the same folder reports about files. */
async function bothIn(cwd: string): Promise<{ ws: Workspace; shown: unknown[][]; run: unknown[][] }> {
  const ws = (await readWorkspace({ cwd, config, today })) as Workspace;
  const found = ws.findingsOf(ws.files(), new Rereader(cwd, config.limits, new Map()));
  const shown = [...found.values()].flat().map(row);
  const result = await lint({ paths: ['.'], cwd, config, now: NOW });
  const run = result.findings.filter((f) => f.file !== null).map(row);
  return { ws, shown, run };
}

describe('a workspace over a Backstage repository', () => {
  it('shows each file what a run of the same folder reports, skeletons left out', async () => {
    const { ws, shown, run } = await bothIn(root);
    expect(run.length).toBeGreaterThan(10);
    expect(shown).toEqual(run);
    const skeleton = 'templates/create-service/skeleton/warranty-lint.yaml';
    expect(ws.files()).toContain(skeleton);
    expect(ws.get(skeleton)?.services).toEqual([]);
  });

  it('follows the Locations of a folder below the repository root, as a run there does', async () => {
    const team = join(root, 'teams', 'checkout');
    mkdirSync(team, { recursive: true });
    writeFileSync(join(team, 'catalog-info.yaml'), 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: checkout-team\nspec:\n  targets:\n    - ../../catalog/services/cart/catalog-info.yaml\n    - ../../catalog/org.json\n');
    const { ws, shown, run } = await bothIn(team);
    expect(shown).toEqual(run);
    expect([...ws.reached].sort()).toEqual([join(root, 'catalog/org.json'), join(root, 'catalog/services/cart/catalog-info.yaml')]);
    expect(ws.get(join(root, 'catalog/services/cart/catalog-info.yaml'))?.services.map((s) => s.name)).toEqual(['cart']);
  });

  it('keeps a file under a skeleton unlinted when it changes, and tells a change of the Template from an edit', async () => {
    const ws = (await readWorkspace({ cwd: root, config, today })) as Workspace;
    const file = 'templates/create-service/skeleton/warranty-lint.yaml';
    ws.set(lintFile({ path: join(root, file), file, explicit: false }, { config, today }));
    expect(ws.get(file)?.findings).toEqual([]);
    expect(ws.get(file)?.services).toEqual([]);

    const template = 'templates/create-service/template.yaml';
    const text = readFileSync(join(root, template), 'utf8');
    const shape = ws.shapeOf(template);
    expect(shape).toContain('skeleton');
    // An edit of its description keeps which files a run lints; moving its skeleton does not.
    ws.set(lintText(text.replace(/description: .*/, 'description: edited'), { path: join(root, template), file: template, explicit: false }, { config, today, cwd: root }));
    expect(ws.shapeOf(template)).toBe(shape);
    ws.set(lintText(text.replace(/url: \.\/skeleton/, 'url: ./elsewhere'), { path: join(root, template), file: template, explicit: false }, { config, today, cwd: root }));
    expect(ws.shapeOf(template)).not.toBe(shape);
    // With no Template over it, the file is linted again.
    ws.delete(template);
    expect(ws.shapeOf(template)).toBe('');
    ws.set(lintFile({ path: join(root, file), file, explicit: false }, { config, today }));
    expect(ws.get(file)?.services.length).toBe(1);
  });
});
