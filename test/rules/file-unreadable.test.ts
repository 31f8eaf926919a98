import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const RULE = 'file-unreadable';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wl-unreadable-'));
  writeFileSync(join(dir, 'good.yaml'), CLEAN_LOW);
  symlinkSync(join(dir, 'missing.yaml'), join(dir, 'broken.yaml'));
  symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
  symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  mkdirSync(join(dir, 'walk'));
  writeFileSync(join(dir, 'walk', 'good.yaml'), CLEAN_LOW);
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'walk', 'broken.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (paths: string[]) => lint({ paths, cwd: dir, config: resolveConfig({}), now: '2026-11-26' });

describe(RULE, () => {
  it('reports a named broken link, link loop and FIFO at the start of the file, and still lints the readable file', async () => {
    const r = await run(['good.yaml', 'broken.yaml', 'loop-a.yaml', 'pipe.yaml']);
    expect(r.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity, f.service, f.area])).toEqual([
      [RULE, 'broken.yaml', 1, 1, 'error', null, null],
      [RULE, 'loop-a.yaml', 1, 1, 'error', null, null],
      [RULE, 'pipe.yaml', 1, 1, 'error', null, null],
    ]);
    expect(r.findings.map((f) => f.message)).toEqual([
      'cannot read broken.yaml: a broken symbolic link',
      'cannot read loop-a.yaml: a symbolic link loop',
      'cannot read pipe.yaml: not a regular file (a FIFO, socket or device)',
    ]);
    expect(r.services.map((s) => s.file)).toEqual(['good.yaml']);
  });

  it('reports a broken link found by walking a directory, as when it is named', async () => {
    const r = await run(['walk']);
    expect(r.findings.map((f) => [f.ruleId, f.file, f.message])).toEqual([[RULE, 'walk/broken.yaml', 'cannot read walk/broken.yaml: a broken symbolic link']]);
    expect(r.services.map((s) => s.file)).toEqual(['walk/good.yaml']);
  });
});
