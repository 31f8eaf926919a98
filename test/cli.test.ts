import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { CLEAN_LOW } from './support/lint-yaml.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

let dir: string;

/** Runs the CLI in-process against `dir`, capturing everything it would print or write. */
async function cli(args: string[], options: { stdin?: string; color?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: Io = {
    cwd: dir,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    writeFile: (path, text) => void written.set(path, typeof text === 'string' ? text : [...text].join('')),
    colorFor: (flag) => flag && (options.color ?? false),
  };
  const code = await main(['node', 'warranty-lint', ...args], io);
  return { code, stdout, stderr, written };
}

const GAPPY = CLEAN_LOW.replace('name: search', 'name: search-gappy').replace('      rpo: 12h\n', '').replace('target: 99.0', 'target: TBD');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warranty-lint-cli-'));
  mkdirSync(join(dir, 'clean'));
  mkdirSync(join(dir, 'gaps'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'clean', 'search.yaml'), CLEAN_LOW);
  writeFileSync(join(dir, 'gaps', 'search-gappy.yaml'), GAPPY);
  writeFileSync(join(dir, 'empty', 'notes.txt'), 'not yaml\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  it('is 0 on a clean catalog, and says so', async () => {
    const r = await cli(['clean', '--now', '2026-11-26']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ no problems in 1 service\n');
    expect(r.stderr).toBe('');
  });

  it('is 1 when there are findings at or above --fail-on', async () => {
    expect((await cli(['gaps', '--now', '2026-11-26'])).code).toBe(1);
    expect((await cli(['gaps', '--now', '2026-11-26', '--fail-on', 'never'])).code).toBe(0);
  });

  it('is 1 for a file that cannot be parsed', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: warranty-lint/v1\nkind: Service\nkind: Service\n');
    const r = await cli(['broken.yaml', '--now', '2026-11-26']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3:1 +error +duplicate key.*yaml-syntax/);
  });

  it('is 2 for a path that does not exist, even beside one that does', async () => {
    const r = await cli(['clean', 'no-such-dir', '--now', '2026-11-26']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('warranty-lint: no such file or directory: no-such-dir\n');
    // The paths that do exist are still linted and reported.
    expect(r.stdout).toContain('no problems in 1 service');
  });

  it('is 2 for a glob that matches nothing, and for a directory with no YAML', async () => {
    const glob = await cli(['services/**/*.yaml']);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toMatch(/no file matches the pattern "services\/\*\*\/\*\.yaml"/);
    const empty = await cli(['empty']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no \*\.yaml or \*\.yml file/);
  });

  it('is 2 for a bad flag or a bad flag value, with a message on stderr', async () => {
    const unknown = await cli(['clean', '--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--no-such-flag'/);
    const failOn = await cli(['clean', '--fail-on', 'sometimes']);
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toMatch(/sometimes/);
    const format = await cli(['clean', '--format', 'yaml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^warranty-lint: unknown format "yaml"\. Formats are: .*\bstylish\b.*\bjson\b/);
    const now = await cli(['clean', '--now', '2026-13-40']);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/--now must be a real date/);
  });
});

describe('--format json', () => {
  it('prints the SPEC §7 document with every field of every finding filled', async () => {
    const r = await cli(['gaps', '--format', 'json', '--now', '2026-11-26']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { version: number; findings: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    expect(doc.version).toBe(1);
    expect(Object.keys(doc.summary).sort()).toEqual(['baselined', 'errors', 'files', 'infos', 'reactiveShare', 'services', 'waived', 'warnings']);
    expect(doc.summary).toMatchObject({ files: 1, services: 1, errors: 2, warnings: 0, infos: 0, waived: 0, baselined: 0, reactiveShare: 0 });
    expect(doc.findings).toHaveLength(2);
    for (const f of doc.findings) {
      expect(Object.keys(f).sort()).toEqual(['area', 'column', 'docsUrl', 'endColumn', 'endLine', 'file', 'fingerprint', 'line', 'message', 'pointer', 'ruleId', 'service', 'severity', 'waived']);
      for (const [k, v] of Object.entries(f)) expect(v, k).not.toBeNull();
    }
    expect(doc.findings[0]).toMatchObject({
      ruleId: 'warranty-placeholder-value',
      severity: 'error',
      file: 'gaps/search-gappy.yaml',
      line: 11,
      column: 15,
      endLine: 11,
      endColumn: 18,
      service: 'search-gappy',
      area: 'availability',
      pointer: '/spec/warranty/availability/target',
      waived: false,
    });
    expect(doc.findings[1]).toMatchObject({ ruleId: 'continuity-objectives-missing', line: 17, column: 5, area: 'continuity', pointer: '/spec/warranty/continuity' });
    expect(doc.findings[0]?.docsUrl).toMatch(/#warranty-placeholder-value$/);
    expect(doc.findings[0]?.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
  });

  it('writes to a file with --output, atomically through the Io, and prints nothing', async () => {
    const r = await cli(['gaps', '--format', 'json', '--output', 'out.json', '--now', '2026-11-26']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.written.get('out.json') ?? '{}').findings).toHaveLength(2);
  });
});

describe('stylish', () => {
  it('prints the file, line:col, severity, message and rule id, then the summary line', async () => {
    const r = await cli(['gaps', '--now', '2026-11-26']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('gaps/search-gappy.yaml');
    expect(lines[1]).toMatch(/^ {2}11:15 +error +service "search-gappy" has the placeholder "TBD" in availability\.target; replace it with an agreed value\. +warranty-placeholder-value$/);
    expect(lines[2]).toMatch(/^ {2}17:5 +error +service "search-gappy" has no continuity\.rpo, .* +continuity-objectives-missing$/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (2 errors, 0 warnings) in 1 service');
  });

  it('has no colour unless the Io allows it, and colour when it does', async () => {
    const ansi = /\u001b\[/;
    expect((await cli(['gaps', '--now', '2026-11-26'])).stdout).not.toMatch(ansi);
    expect((await cli(['gaps', '--now', '2026-11-26'], { color: true })).stdout).toMatch(ansi);
    expect((await cli(['gaps', '--now', '2026-11-26', '--no-color'], { color: true })).stdout).not.toMatch(ansi);
  });

  it('lints standard input under the name given', async () => {
    const r = await cli(['--stdin', '--stdin-filename', 'services/search.yaml', '--now', '2026-11-26'], { stdin: GAPPY });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('services/search.yaml');
  });
});
