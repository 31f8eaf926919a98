// The incremental path (an editor's) gives each file exactly the findings a whole run gives it:
// on the generated catalog, after random edits to some files, with a config whose overrides, rules
// and per-document cap all come into play.
import { describe, expect, it } from 'vitest';
import { generateTexts, rng, serviceName, serviceYaml, type Rng } from '../../bench/generate.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { finishFiles } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/process-file.js';
import { Rereader } from '../../src/engine/reread.js';
import { Workspace } from '../../src/engine/workspace.js';
import type { Finding } from '../../src/types.js';

const TODAY = 20_600;
const ISO = '2026-05-25';
const cwd = '/nonexistent-workspace';

const configs = {
  defaults: resolveConfig({}),
  tuned: resolveConfig({
    extends: 'strict',
    rules: { 'warranty-owner-generic': 'off', 'dependency-unknown': 'error' },
    overrides: [{ files: ['d0000/**'], rules: { 'tier-minimums-unmet': 'off', 'duplicate-service': 'warning' } }],
    limits: { maxFindingsPerDocument: 4 },
    waivers: { maxDays: 400 },
  }),
};

type Texts = Map<string, string>;

const lintOne = (file: string, text: string, config = configs.defaults) => lintText(text, { path: file, file, explicit: false }, { config, today: TODAY });

/** A whole run over the texts: every finding, in the order of the output. */
function wholeRun(texts: Texts, config = configs.defaults): Finding[] {
  const results = [...texts].map(([file, text]) => lintOne(file, text, config));
  return finishFiles(results, { config, cwd }, TODAY, ISO).findings;
}

function workspaceOf(texts: Texts, config = configs.defaults): Workspace {
  const ws = new Workspace({ config, today: TODAY });
  for (const [file, text] of texts) ws.set(lintOne(file, text, config));
  return ws;
}

/** The incremental path's findings of every file, in file order, as one list. */
function incremental(ws: Workspace, texts: Texts, files: readonly string[]): Finding[] {
  const found = ws.findingsOf(files, new Rereader(cwd, ws.options.config.limits, texts));
  return [...found.keys()].sort().flatMap((f) => found.get(f) ?? []);
}

const ofFiles = (findings: Finding[], files: ReadonlySet<string>): Finding[] => findings.filter((f) => f.file !== null && files.has(f.file));

/** One random edit of the kind an author makes; returns the files it touched. */
function edit(texts: Texts, r: Rng, n: number): string[] {
  const files = [...texts.keys()];
  const file = r.pick(files);
  const text = texts.get(file) as string;
  switch (r.int(0, 8)) {
    case 0: // a service renamed to another's name: duplicates, dependencies that now resolve
      texts.set(file, text.replace(/name: \S+/, `name: ${serviceName(r.int(0, files.length))}`));
      break;
    case 1: // a target raised or lowered: ceilings of the services that depend on it
      texts.set(file, text.replace(/target: [^\n]+/, `target: ${r.pick(['99.999', '95', '100', 'TBD'])}`));
      break;
    case 2: // a file deleted: its dependents' dependencies become unknown
      texts.delete(file);
      break;
    case 3: // a new file, a copy of another service
      texts.set(`d9999/new-${n}.yaml`, text);
      return [file, `d9999/new-${n}.yaml`];
    case 4: // a dependency on something unknown, or on a close misspelling
      texts.set(file, text.replace('spec:\n', `spec:\n  dependsOn: [${r.chance(0.5) ? `legacy-${r.int(1, 80)}` : serviceName(r.int(0, files.length)).slice(0, -1)}]\n`).replace(/\n {2}dependsOn:\n((?: {4}- .*\n)+)/, '\n'));
      break;
    case 5: // a syntax error
      texts.set(file, text.replace('kind: Service', 'kind: : Service ['));
      break;
    case 6: // a waiver, in force or not, used or not
      texts.set(file, `${text.trimEnd()}\n  waivers:\n    - rule: ${r.pick(['continuity-test-stale', 'dependency-unknown', 'tier-detail-missing', 'no-such-rule'])}\n      reason: Agreed with the service owner.\n      approvedBy: cio-office\n      expires: ${r.pick(['2026-06-30', '2026-01-01', '2027-12-31'])}\n`);
      break;
    case 7: // the whole service replaced by another generated one
      texts.set(file, serviceYaml(r.int(0, files.length * 2), r));
      break;
    default: // a dependency on a service's duplicate-prone neighbour
      texts.set(file, text.replace(/- \{ service: ([a-z0-9-]+), kind: soft \}/, '- $1'));
  }
  return [file];
}

describe('the incremental path (Workspace) against a whole run', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(`gives every file, alone or with others, the findings a run gives it (${name} config)`, () => {
      const texts: Texts = new Map(generateTexts(300, 11).map((f) => [f.file, f.text]));
      const whole = wholeRun(texts, config);
      const ws = workspaceOf(texts, config);
      const files = [...texts.keys()];
      expect(incremental(ws, texts, files)).toEqual(whole.filter((f) => f.file !== null));
      for (const file of files.slice(0, 60)) expect(incremental(ws, texts, [file]), file).toEqual(ofFiles(whole, new Set([file])));
      const some = new Set(files.filter((_, i) => i % 7 === 3));
      expect(incremental(ws, texts, [...some])).toEqual(ofFiles(whole, some));
      // Asked twice, the same (kept findings are not changed by waivers).
      expect(incremental(ws, texts, [...some])).toEqual(ofFiles(whole, some));
    });
  }

  it('stays equal to a fresh run after random edits, re-linting only the files edited', () => {
    const r = rng(2026);
    const texts: Texts = new Map(generateTexts(150, 3).map((f) => [f.file, f.text]));
    const config = configs.tuned;
    const ws = workspaceOf(texts, config);
    for (let step = 0; step < 30; step++) {
      for (const file of edit(texts, r, step)) {
        const text = texts.get(file);
        if (text === undefined) ws.delete(file);
        else ws.set(lintOne(file, text, config));
      }
      const whole = wholeRun(texts, config);
      const open = new Set([...texts.keys()].filter(() => r.chance(0.1)));
      expect(incremental(ws, texts, [...open]), `after edit ${step}`).toEqual(ofFiles(whole, open));
      if (step % 10 === 9) expect(incremental(ws, texts, [...texts.keys()])).toEqual(whole.filter((f) => f.file !== null));
    }
  });

  it('has no findings for files it does not hold, and none for an empty request', () => {
    const ws = workspaceOf(new Map(generateTexts(3, 1).map((f) => [f.file, f.text])));
    const locators = new Rereader(cwd, ws.options.config.limits);
    expect([...ws.findingsOf(['nope.yaml'], locators)]).toEqual([]);
    expect(ws.findingsOf([], locators).size).toBe(0);
    expect(ws.delete('nope.yaml')).toBe(false);
    expect(ws.files()).toHaveLength(3);
  });
});
