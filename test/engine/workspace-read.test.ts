// readWorkspace: the files `warranty-lint .` would lint, read in slices an editor's server can pause
// between (and stop after), with the same ignores, unreadable files and Template skeletons.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint, todayFrom } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import { readWorkspace, Workspace } from '../../src/engine/workspace.js';
import type { Finding } from '../../src/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const NOW = '2026-11-26';
const today = todayFrom(NOW).day;
const svc = (name: string, deps = ''): string => CLEAN_LOW.replace('name: search', `name: ${name}`).replace('spec:\n', deps ? `spec:\n  dependsOn: [${deps}]\n` : 'spec:\n');
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wl-ws-read-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'services'));
  mkdirSync(join(root, 'vendor'));
  mkdirSync(join(root, 'drafts'));
  for (let i = 0; i < 12; i++) writeFileSync(join(root, 'services', `s${String(i).padStart(2, '0')}.yaml`), svc(`s${i}`, i > 0 ? `s${i - 1}` : 'ghost'));
  writeFileSync(join(root, 'vendor', 'v.yaml'), svc('vendored', 'nowhere'));
  writeFileSync(join(root, 'drafts', 'd.yaml'), svc('draft', 'nowhere'));
  symlinkSync(join(root, 'missing-target.yaml'), join(root, 'services', 'broken.yaml'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The readable files a walk finds with no ignores: 12 services, the vendored and the draft one. */
const WALKED = 14;
const row = (f: Finding) => [f.file, f.line, f.column, f.ruleId, f.service, f.message];

describe('readWorkspace', () => {
  it('holds the files a run lints, with its ignores and the extra ones, and shows each what the run reports', async () => {
    const config = resolveConfig({ ignore: ['vendor/**'] });
    const ws = (await readWorkspace({ cwd: root, config, today, ignorePatterns: ['drafts/**'] })) as Workspace;
    expect(ws).toBeInstanceOf(Workspace);
    const files = ws.files();
    expect(files).toContain('services/s00.yaml');
    expect(files).toContain('services/broken.yaml');
    expect(files).not.toContain('vendor/v.yaml');
    expect(files).not.toContain('drafts/d.yaml');
    expect(files).toHaveLength(13);
    expect(ws.get('services/broken.yaml')?.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
    expect(ws.reached.size).toBe(0);

    const found = ws.findingsOf(files, new Rereader(root, config.limits, new Map()));
    const result = await lint({ paths: ['.'], cwd: root, config: resolveConfig({ ignore: ['vendor/**', 'drafts/**'] }), now: NOW });
    expect([...found.values()].flat().map(row)).toEqual(result.findings.filter((f) => f.file !== null).map(row));
    expect([...found.values()].flat().map((f) => f.ruleId)).toContain('dependency-unknown');
  });

  it('pauses between slices, not after the last, and stops when told to', async () => {
    const config = resolveConfig({});
    let pauses = 0;
    // One slice holds every file: no pause.
    const whole = await readWorkspace({ cwd: root, config, today, sliceMs: 60_000, pause: async () => void pauses++ });
    expect(pauses).toBe(0);
    expect(whole?.size).toBe(15);

    // Slices of no time at all: one file each (never none, which would never end), so a pause
    // between each two of the walk's files, and every file still read.
    const sliced = await readWorkspace({ cwd: root, config, today, sliceMs: 0, pause: async () => void pauses++, stopped: () => false });
    expect(pauses).toBe(WALKED - 1);
    expect(sliced?.files()).toEqual(whole?.files());
    // Paused, never asked to stop.
    const unstoppable = await readWorkspace({ cwd: root, config, today, sliceMs: 1, pause: async () => {} });
    expect(unstoppable?.size).toBe(15);

    let asked = 0;
    const stopped = await readWorkspace({
      cwd: root,
      config,
      today,
      sliceMs: 1,
      pause: async () => {},
      stopped: () => {
        asked++;
        return true;
      },
    });
    expect(stopped).toBeUndefined();
    expect(asked).toBe(1);
  });
});

describe('findingsOf over substituted files', () => {
  it('answers only the files asked for, though a finding of theirs is placed in a file substituted into them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wl-ws-subst-'));
    try {
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'svc'));
      const host = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pay\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/team-pay\n  warranty:\n    $yaml: ./warranty.yaml\n';
      const warranty = CLEAN_LOW.slice(CLEAN_LOW.indexOf('  warranty:\n') + '  warranty:\n'.length).replace(/^ {4}/gm, '').replace('target: 99.0', 'target: TBD');
      writeFileSync(join(dir, 'svc', 'catalog-info.yaml'), host);
      writeFileSync(join(dir, 'svc', 'warranty.yaml'), `tier: low\nlifecycleStage: design\n${warranty}`);
      const config = resolveConfig({});
      const ws = (await readWorkspace({ cwd: dir, config, today })) as Workspace;
      const locators = new Rereader(dir, config.limits, new Map());
      const all = ws.findingsOf(ws.files(), locators);
      const placeholder = [...all.values()].flat().filter((f) => f.ruleId === 'warranty-placeholder-value');
      expect(placeholder.map((f) => [f.file, f.service])).toEqual([['svc/warranty.yaml', 'pay']]);
      const result = await lint({ paths: ['.'], cwd: dir, config, now: NOW });
      expect([...all.values()].flat().map(row)).toEqual(result.findings.filter((f) => f.file !== null).map(row));
      // Asked for the service's file alone: its finding in the other file is not in the answer.
      const alone = ws.findingsOf(['svc/catalog-info.yaml'], locators);
      expect([...alone.keys()]).toEqual(['svc/catalog-info.yaml']);
      expect(alone.get('svc/catalog-info.yaml')?.map((f) => f.ruleId)).not.toContain('warranty-placeholder-value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Workspace with a cwd', () => {
  it('leaves a file under a Template’s skeleton unlinted, and lints it once the Template is gone', () => {
    const config = resolveConfig({});
    const cwd = '/nonexistent-ws-skeleton';
    const template = [
      'apiVersion: scaffolder.backstage.io/v1beta3',
      'kind: Template',
      'metadata:',
      '  name: create-service',
      'spec:',
      '  type: service',
      '  steps:',
      '    - id: fetch',
      '      action: fetch:template',
      '      input:',
      '        url: ./skeleton',
      '',
    ].join('\n');
    const lintIn = (file: string, text: string) => lintText(text, { path: join(cwd, file), file, explicit: false }, { config, today, cwd });
    const ws = new Workspace({ config, today, cwd });
    ws.set(lintIn('templates/t/template.yaml', template));
    expect(ws.shapeOf('templates/t/template.yaml')).toContain('skeleton');
    expect(ws.shapeOf('nope.yaml')).toBe('');
    const skeleton = 'templates/t/skeleton/service.yaml';
    ws.set(lintIn(skeleton, svc('${{ values.name }}', 'ghost')));
    expect(ws.get(skeleton)?.services).toEqual([]);
    expect(ws.get(skeleton)?.findings).toEqual([]);
    // A file beside the skeleton is linted.
    ws.set(lintIn('templates/t/other.yaml', svc('other')));
    expect(ws.get('templates/t/other.yaml')?.services.map((s) => s.name)).toEqual(['other']);
    // The Template removed: the skeleton's file is linted when set again.
    expect(ws.delete('templates/t/template.yaml')).toBe(true);
    ws.set(lintIn(skeleton, svc('real', 'ghost')));
    expect(ws.get(skeleton)?.services.map((s) => s.name)).toEqual(['real']);
    // And a Template added afterwards covers it again.
    ws.set(lintIn('templates/t/template.yaml', template));
    ws.set(lintIn(skeleton, svc('real', 'ghost')));
    expect(ws.get(skeleton)?.services).toEqual([]);
  });

  it('lints every file without a cwd, skeleton or not', () => {
    const config = resolveConfig({});
    const ws = new Workspace({ config, today });
    ws.set(lintText(svc('x'), { path: 'templates/t/skeleton/service.yaml', file: 'templates/t/skeleton/service.yaml', explicit: false }, { config, today }));
    expect(ws.get('templates/t/skeleton/service.yaml')?.services.map((s) => s.name)).toEqual(['x']);
    expect(ws.shapeOf('templates/t/skeleton/service.yaml')).toBe('');
  });
});
