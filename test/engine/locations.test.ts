// Backstage Locations followed and software Template skeletons left out (src/engine/locations.ts):
// which files are linted next and in what order, which targets are not followed and why (said only
// for a Location named explicitly), and what a file under a skeleton keeps.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { KeptFile } from '../../src/engine/compact.js';
import { lint } from '../../src/engine/lint.js';
import { dropSkeletons, followLocations, skeletonAbove, skeletonsOf, unlintedSkeletonFile } from '../../src/engine/locations.js';
import { lintFile, type FileRef } from '../../src/engine/process-file.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

const config = resolveConfig({});
const NOW = '2026-11-26';
const DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const service = (name: string): string => CLEAN_LOW.replace('name: search', `name: ${name}`);
const location = (name: string, ...targets: string[]): string =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n  targets:\n${targets.map((t) => `    - ${t}\n`).join('')}`;
const template = (url: string): string =>
  `apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: create\nspec:\n  owner: group:default/platform\n  type: service\n  steps:\n    - id: fetch\n      action: fetch:template\n      input:\n        url: ${url}\n`;

/** followLocations over these files (relative to `root`), each named explicitly or not: the results, and each batch of files it asked to lint. */
async function follow(root: string, files: string[], options: { explicit?: boolean; ignore?: string[] } = {}): Promise<{ results: KeptFile[]; asked: string[][] }> {
  const fileOptions = { config, today: DAY, cwd: root };
  const refs: FileRef[] = files.map((file) => ({ path: join(root, file), file, explicit: options.explicit ?? true }));
  const results: KeptFile[] = refs.map((r) => lintFile(r, fileOptions));
  const asked: string[][] = [];
  await followLocations(results, refs, root, options.ignore ?? [], fileOptions, async (next) => {
    asked.push(next.map((r) => r.file));
    expect(next.every((r) => !r.explicit && r.path === join(root, r.file))).toBe(true);
    return next.map((r) => lintFile(r, fileOptions));
  });
  return { results, asked };
}

const rows = (results: KeptFile[]) => results.map((r) => [r.file, r.services.map((s) => s.name), r.findings.map((f) => f.ruleId)]);
const skips = (r: KeptFile | undefined) => (r?.findings ?? []).filter((f) => f.ruleId === 'input-skipped').map((f) => [f.line, f.column, f.pointer, f.document, f.message]);

describe('followLocations', () => {
  it('does nothing (asks for nothing) when no file holds a Location', async () => {
    const root = tempTree({ 'a.yaml': service('a') });
    const { results, asked } = await follow(root, ['a.yaml']);
    expect(asked).toEqual([]);
    expect(rows(results)).toEqual([['a.yaml', ['a'], []]]);
  });

  it('lints the files its targets name, in order of path, and drops the Location’s no-service', async () => {
    const root = tempTree({
      'catalog-info.yaml': location('root', './svc/b.yaml', './svc/a.yaml', './svc/b.yaml'),
      'svc/a.yaml': service('a'),
      'svc/b.yaml': service('b'),
    });
    const { results, asked } = await follow(root, ['catalog-info.yaml']);
    // Each file once, sorted, in one batch.
    expect(asked).toEqual([['svc/a.yaml', 'svc/b.yaml']]);
    expect(rows(results)).toEqual([
      ['catalog-info.yaml', [], []],
      ['svc/a.yaml', ['a'], []],
      ['svc/b.yaml', ['b'], []],
    ]);
  });

  it('asks for the files of a round in order of path, whatever the order of the targets', async () => {
    const names = ['e', 'd', 'c', 'b', 'a', 'f'];
    const files: Record<string, string> = { 'catalog-info.yaml': location('root', ...names.map((n) => `./${n}.yaml`)) };
    for (const n of names) files[`${n}.yaml`] = service(n);
    const root = tempTree(files);
    const { results, asked } = await follow(root, ['catalog-info.yaml']);
    expect(asked).toEqual([['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml', 'f.yaml']]);
    expect(results.map((r) => r.file)).toEqual(['catalog-info.yaml', 'a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml', 'f.yaml']);
  });

  it('keeps the no-service of a Location named explicitly whose targets hold no service', async () => {
    const root = tempTree({ 'catalog-info.yaml': location('root', './data.yaml'), 'data.yaml': 'just: data\n' });
    const { results, asked } = await follow(root, ['catalog-info.yaml']);
    expect(asked).toEqual([['data.yaml']]);
    expect(rows(results)).toEqual([
      ['catalog-info.yaml', [], ['no-service']],
      ['data.yaml', [], []],
    ]);
  });

  it('does not lint again a file the run already lints, and then keeps the Location’s no-service', async () => {
    const root = tempTree({ 'catalog-info.yaml': location('root', './a.yaml'), 'a.yaml': service('a') });
    const { results, asked } = await follow(root, ['catalog-info.yaml', 'a.yaml']);
    expect(asked).toEqual([]);
    expect(rows(results)).toEqual([
      ['catalog-info.yaml', [], ['no-service']],
      ['a.yaml', ['a'], []],
    ]);
  });

  it('follows Locations that point at Locations, round after round, crediting services to the Location named', async () => {
    const root = tempTree({
      'catalog-info.yaml': location('root', './teams/x.yaml', './z.yaml'),
      'teams/x.yaml': location('x', '../svc/a.yaml', './y.yaml'),
      'teams/y.yaml': location('y', '../svc/b.yaml', '../catalog-info.yaml'),
      'z.yaml': service('z'),
      'svc/a.yaml': service('a'),
      'svc/b.yaml': service('b'),
    });
    const { results, asked } = await follow(root, ['catalog-info.yaml']);
    expect(asked).toEqual([['teams/x.yaml', 'z.yaml'], ['svc/a.yaml', 'teams/y.yaml'], ['svc/b.yaml']]);
    expect(rows(results)).toEqual([
      ['catalog-info.yaml', [], []],
      ['teams/x.yaml', [], []],
      ['z.yaml', ['z'], []],
      ['svc/a.yaml', ['a'], []],
      ['teams/y.yaml', [], []],
      ['svc/b.yaml', ['b'], []],
    ]);
  });

  it('credits services reached through a chain to the Location named first, not to its own no-service', async () => {
    const root = tempTree({
      'catalog-info.yaml': location('root', './teams/x.yaml'),
      'teams/x.yaml': location('x', '../svc/a.yaml'),
      'svc/a.yaml': service('a'),
    });
    const { results } = await follow(root, ['catalog-info.yaml']);
    // Reached only two rounds down: still not `no-service`.
    expect(rows(results)).toEqual([
      ['catalog-info.yaml', [], []],
      ['teams/x.yaml', [], []],
      ['svc/a.yaml', ['a'], []],
    ]);
    // Found in a walk, the chain says nothing either (a walked Location is no file named).
    const walked = await follow(root, ['catalog-info.yaml'], { explicit: false });
    expect(rows(walked.results)).toEqual([
      ['catalog-info.yaml', [], []],
      ['teams/x.yaml', [], []],
      ['svc/a.yaml', ['a'], []],
    ]);
  });

  it('keeps the no-service of a Location named explicitly when only another named Location reaches services', async () => {
    const root = tempTree({
      'one.yaml': location('one', './svc/a.yaml'),
      'two.yaml': location('two', './data.yaml'),
      'svc/a.yaml': service('a'),
      'data.yaml': 'just: data\n',
    });
    const { results } = await follow(root, ['one.yaml', 'two.yaml']);
    expect(rows(results)).toEqual([
      ['one.yaml', [], []],
      ['two.yaml', [], ['no-service']],
      ['data.yaml', [], []],
      ['svc/a.yaml', ['a'], []],
    ]);
  });

  it('stops after 16 rounds of Locations that point at Locations', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`l${String(i).padStart(2, '0')}.yaml`] = location(`l${i}`, `./l${String(i + 1).padStart(2, '0')}.yaml`);
    files['l20.yaml'] = service('deep');
    const root = tempTree(files);
    const { asked } = await follow(root, ['l00.yaml']);
    expect(asked).toHaveLength(16);
    expect(asked[0]).toEqual(['l01.yaml']);
    expect(asked[15]).toEqual(['l16.yaml']);
  });

  it('says why each target of a Location named explicitly is not followed, where the target is written', async () => {
    const root = tempTree({
      'repo/catalog-info.yaml': location('root', './missing.yaml', './dir', '../outside.yaml', './none/*.yaml', './link.yaml', './links/*.yaml', './svc/*.yaml'),
      'repo/dir/x.txt': 'x',
      'repo/svc/a.yaml': service('a'),
      'repo/svc/b.yml': service('b'),
      'outside.yaml': service('out'),
    });
    mkdirSync(join(root, 'repo', '.git'));
    symlinkSync(join(root, 'outside.yaml'), join(root, 'repo', 'link.yaml'));
    mkdirSync(join(root, 'repo', 'links'));
    symlinkSync(join(root, 'outside.yaml'), join(root, 'repo', 'links', 'out.yaml'));
    const { results, asked } = await follow(root, ['repo/catalog-info.yaml']);
    expect(asked).toEqual([['repo/svc/a.yaml']]);
    const repo = join(root, 'repo');
    expect(skips(results[0])).toEqual([
      [7, 7, '/spec/targets/0', 0, 'the Location target "./missing.yaml" is not followed: there is no such file.'],
      [8, 7, '/spec/targets/1', 0, 'the Location target "./dir" is not followed: it is not a file.'],
      [9, 7, '/spec/targets/2', 0, `the Location target "../outside.yaml" is not followed: it is outside the repository (${repo}).`],
      [10, 7, '/spec/targets/3', 0, 'the Location target "./none/*.yaml" is not followed: it matches no file.'],
      [11, 7, '/spec/targets/4', 0, `the Location target "./link.yaml" is not followed: it is outside the repository (${repo}).`],
      [12, 7, '/spec/targets/5', 0, `the Location target "./links/*.yaml" is not followed: repo/links/out.yaml is outside the repository (${repo}).`],
    ]);
    expect(results[0]?.findings.map((f) => f.ruleId)).toEqual(Array(6).fill('input-skipped'));
    // Found in a walk, the same targets are passed over in silence.
    const walked = await follow(root, ['repo/catalog-info.yaml'], { explicit: false });
    expect(walked.asked).toEqual([['repo/svc/a.yaml']]);
    expect(walked.results[0]?.findings).toEqual([]);
  });

  it('follows a glob target to every matching file but those ignored, each once', async () => {
    const root = tempTree({
      'catalog-info.yaml': location('root', './svc/*.yaml', './svc/a.yaml'),
      'svc/a.yaml': service('a'),
      'svc/b.yaml': service('b'),
      'svc/c.yaml': service('c'),
    });
    const { asked } = await follow(root, ['catalog-info.yaml'], { ignore: ['svc/b.yaml'] });
    expect(asked).toEqual([['svc/a.yaml', 'svc/c.yaml']]);
  });
});

describe('Locations in a run', () => {
  it('lint the files they name, leave out those --ignore-pattern names, and credit the Location', async () => {
    const root = tempTree({
      'catalog-info.yaml': location('root', './svc/*.yaml'),
      'svc/a.yaml': service('a'),
      'svc/b.yaml': service('b'),
    });
    const result = await lint({ cwd: root, paths: ['catalog-info.yaml'], ignorePatterns: ['svc/b.yaml'], config, now: NOW });
    expect(result.services.map((s) => s.name)).toEqual(['a']);
    expect(result.findings).toEqual([]);
    expect(result.files).toEqual(['catalog-info.yaml', 'svc/a.yaml']);
  });
});

describe('template skeletons', () => {
  const root = tempTree({
    'templates/create/template.yaml': template('./skeleton'),
    'templates/create/skeleton/warranty.yaml': service('skel'),
    'templates/create/skeleton/deep/more.yaml': service('deeper'),
    'templates/other/template.yaml': template('https://github.com/acme/skeletons/tree/main/x'),
    'svc/a.yaml': service('a'),
  });

  it('are the folders the software Templates render, beside their files; URLs are no skeleton', () => {
    const fileOptions = { config, today: DAY, cwd: root };
    const results = ['templates/create/template.yaml', 'templates/other/template.yaml', 'svc/a.yaml'].map((file) => lintFile({ path: join(root, file), file, explicit: false }, fileOptions));
    expect(skeletonsOf(results)).toEqual([{ path: join(root, 'templates/create/skeleton'), template: 'templates/create/template.yaml' }]);
    expect(skeletonsOf([])).toEqual([]);
  });

  it('hold the files under them, not the Template’s own file nor a file beside the folder', () => {
    const skeletons = [
      { path: join(root, 'templates/create/skeleton'), template: 'templates/create/template.yaml' },
      { path: join(root, 'templates/create'), template: 'templates/create/template.yaml' },
      { path: join(root, 'svc'), template: 'templates/other/template.yaml' },
    ];
    expect(skeletonAbove('templates/create/skeleton/deep/more.yaml', join(root, 'templates/create/skeleton/deep/more.yaml'), skeletons)).toBe(skeletons[0]);
    expect(skeletonAbove('templates/create/template.yaml', join(root, 'templates/create/template.yaml'), skeletons)).toBeUndefined();
    expect(skeletonAbove('svc/a.yaml', join(root, 'svc/a.yaml'), skeletons)).toBe(skeletons[2]);
    expect(skeletonAbove('svc2/a.yaml', join(root, 'svc2/a.yaml'), skeletons)).toBeUndefined();
  });

  it('leave a file under them unlinted: nothing kept when walked, one input-skipped when named', () => {
    const fileOptions = { config, today: DAY, cwd: root };
    const file = 'templates/create/skeleton/warranty.yaml';
    const linted = lintFile({ path: join(root, file), file, explicit: true }, fileOptions);
    const withCatalog = { ...linted, catalog: { entities: ['x'], locations: [], skeletons: [], explicit: true } };
    const under = { path: join(root, 'templates/create/skeleton'), template: 'templates/create/template.yaml' };
    const walked = unlintedSkeletonFile(withCatalog, under, false, root, fileOptions);
    expect(walked).toEqual({ file, findings: [], services: [], brokenDocuments: 0 });
    const named = unlintedSkeletonFile(withCatalog, under, true, root, fileOptions);
    expect(named.services).toEqual([]);
    expect('catalog' in named).toBe(false);
    expect(named.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.service, f.pointer, f.document, f.message])).toEqual([
      [
        'input-skipped',
        file,
        1,
        1,
        null,
        null,
        null,
        `${file} is not linted: it is under templates/create/skeleton, the skeleton of the software Template in templates/create/template.yaml, an unrendered template; lint what it renders.`,
      ],
    ]);
  });

  it('in a run: walked files under a skeleton are dropped, named ones say why, the rest stays', async () => {
    const walked = await lint({ cwd: root, config, now: NOW });
    expect(walked.services.map((s) => s.name)).toEqual(['a']);
    expect(walked.findings.filter((f) => f.ruleId === 'input-skipped')).toEqual([]);
    const named = await lint({ cwd: root, paths: ['templates', 'templates/create/skeleton/warranty.yaml', 'svc'], config, now: NOW });
    expect(named.services.map((s) => s.name)).toEqual(['a']);
    expect(named.findings.filter((f) => f.ruleId === 'input-skipped').map((f) => f.file)).toEqual(['templates/create/skeleton/warranty.yaml']);
  });

  it('change nothing when no Template is in the results', () => {
    const fileOptions = { config, today: DAY, cwd: root };
    const results = [lintFile({ path: join(root, 'svc/a.yaml'), file: 'svc/a.yaml', explicit: false }, fileOptions)];
    const before = results[0];
    dropSkeletons(results, new Set(['svc/a.yaml']), root, fileOptions);
    expect(results[0]).toBe(before);
  });
});
