// The file system: special files, links, odd names and missing paths, each as SPEC §8 says.
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintFile } from '../../src/engine/process-file.js';
import { discover } from '../../src/load/discover.js';
import { cleanService, runCli, STACK_LINE, tempTree, type CliRun } from './helpers.js';

interface JsonOut {
  findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }>;
  summary: { files: number; services: number };
}
const json = (run: CliRun): JsonOut => JSON.parse(run.stdout) as JsonOut;
const brief = (run: CliRun) => json(run).findings.map((f) => [f.ruleId, f.file, f.message]);

const tree = tempTree();
const root = tree.root;
let socket: Server | undefined;
const isRoot = process.getuid?.() === 0;

beforeAll(async () => {
  writeFileSync(join(root, 'good.yaml'), cleanService('good'));
  // A directory with a YAML name: walked into, never read as a file.
  mkdirSync(join(root, 'dir.yaml'));
  writeFileSync(join(root, 'dir.yaml', 'inner.yml'), cleanService('inner'));
  // Links: a loop between two directories, a self loop, a loop between two files, a dangling link
  // (and one that is not YAML), a link to a file.
  mkdirSync(join(root, 'loop', 'a'), { recursive: true });
  symlinkSync('..', join(root, 'loop', 'a', 'up'));
  symlinkSync('self.yaml', join(root, 'loop', 'self.yaml'));
  symlinkSync('pong.yml', join(root, 'loop', 'ping.yaml'));
  symlinkSync('ping.yaml', join(root, 'loop', 'pong.yml'));
  symlinkSync('missing-target.yaml', join(root, 'dangling.yaml'));
  symlinkSync('missing-target.txt', join(root, 'dangling.txt'));
  symlinkSync('good.yaml', join(root, 'alias.yaml'));
  // Special files with YAML names.
  execFileSync('mkfifo', [join(root, 'fifo.yaml')]);
  socket = createServer();
  await new Promise<void>((done) => socket?.listen(join(root, 'socket.yaml'), done));
  // Names with spaces, non-ASCII and shell metacharacters.
  mkdirSync(join(root, 'odd names'));
  writeFileSync(join(root, 'odd names', 'my service.yaml'), cleanService('spaced'));
  writeFileSync(join(root, 'odd names', 'sérvice-ü-検索.yaml'), cleanService('unicode'));
  writeFileSync(join(root, 'odd names', '$(touch x); `y`.yaml'), cleanService('shell'));
  mkdirSync(join(root, 'no-yaml'));
  writeFileSync(join(root, 'no-yaml', 'readme.txt'), 'nothing here');
});

afterAll(async () => {
  await new Promise<void>((done) => (socket ? socket.close(() => done()) : done()));
  tree.cleanup();
});

describe('a directory walk', () => {
  it('lints every YAML file once, walks into dir.yaml, follows a file link, and skips directory cycles and special files silently', async () => {
    const run = await runCli(['-f', 'json', '.'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // Only the dead links with YAML names are findings (the next test); the FIFO and the socket are not.
    expect(json(run).findings.map((f) => f.file)).toEqual(['dangling.yaml', 'loop/ping.yaml', 'loop/pong.yml', 'loop/self.yaml']);
    // good.yaml and alias.yaml are one file: linted once, under its own name, not the link's.
    expect(discover(['.'], root, []).files.map((f) => f.file)).toEqual([
      'dir.yaml/inner.yml',
      'good.yaml',
      'odd names/$(touch x); `y`.yaml',
      'odd names/my service.yaml',
      'odd names/sérvice-ü-検索.yaml',
    ]);
    // Files counted: the five linted and the four unreadable.
    expect(json(run).summary).toMatchObject({ files: 9, services: 5 });
  });

  it('lints names with spaces, non-ASCII and shell characters, and shows them as they are', async () => {
    const run = await runCli(['-f', 'json', 'odd names/sérvice-ü-検索.yaml', 'odd names/my service.yaml', 'odd names/$(touch x); `y`.yaml'], root);
    expect(run.code).toBe(0);
    expect(json(run).summary.services).toBe(3);
    const names = await runCli(['-f', 'json', '--rule', 'no-service=error', 'odd names'], root);
    expect(names.code).toBe(0);
    expect(json(names).summary.files).toBe(3);
  });

  it('reports a dangling link and a link loop with a YAML name as file-unreadable, as when named (issue 18)', async () => {
    // A dangling `payments.yaml` link in a catalog is a service gone from the gate: not silence.
    const walked = await runCli(['-f', 'json', '.'], root);
    const dead = [
      ['file-unreadable', 'dangling.yaml', 'cannot read dangling.yaml: a broken symbolic link'],
      ['file-unreadable', 'loop/ping.yaml', 'cannot read loop/ping.yaml: a symbolic link loop'],
      ['file-unreadable', 'loop/pong.yml', 'cannot read loop/pong.yml: a symbolic link loop'],
      ['file-unreadable', 'loop/self.yaml', 'cannot read loop/self.yaml: a symbolic link loop'],
    ];
    expect(brief(walked)).toEqual(dead);
    // Named too, or matched by a glob: still one finding each.
    const named = await runCli(['-f', 'json', 'dangling.yaml', 'loop/ping.yaml', '.'], root);
    expect(brief(named)).toEqual(dead);
    const globbed = await runCli(['-f', 'json', 'loop/*.yaml', 'good.yaml'], root);
    expect(brief(globbed)).toEqual([dead[1], dead[3]]);
    // A dead link without a YAML name is not the catalog's: the walk passes it by.
    expect(discover(['.'], root, []).unreadable.map((u) => u.file)).not.toContain('dangling.txt');
  });
});

describe('paths named explicitly', () => {
  it('a directory named x.yaml is walked', async () => {
    const run = await runCli(['-f', 'json', 'dir.yaml'], root);
    expect(run.code).toBe(0);
    expect(json(run).summary).toMatchObject({ files: 1, services: 1 });
  });

  it('a dangling link, a link loop, a FIFO and a socket are file-unreadable, and the rest is linted', async () => {
    const run = await runCli(['-f', 'json', 'dangling.yaml', 'loop/self.yaml', 'fifo.yaml', 'socket.yaml', 'good.yaml'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(brief(run)).toEqual([
      ['file-unreadable', 'dangling.yaml', 'cannot read dangling.yaml: a broken symbolic link'],
      ['file-unreadable', 'fifo.yaml', 'cannot read fifo.yaml: not a regular file (a FIFO, socket or device)'],
      ['file-unreadable', 'loop/self.yaml', 'cannot read loop/self.yaml: a symbolic link loop'],
      ['file-unreadable', 'socket.yaml', 'cannot read socket.yaml: not a regular file (a FIFO, socket or device)'],
    ]);
    expect(json(run).summary.services).toBe(1);
  });

  it('a file that turns into a FIFO after it was found is not blocked on', () => {
    const config = resolveConfig({});
    const result = lintFile({ path: join(root, 'fifo.yaml'), file: 'fifo.yaml', explicit: true }, { config, today: 0 });
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([['file-unreadable', 'cannot read fifo.yaml: not a regular file (a FIFO, socket or device)']]);
  });

  it('a path that does not exist, a glob that matches nothing and a directory with no YAML exit 2, after linting the rest', async () => {
    const run = await runCli(['-f', 'json', 'nope.yaml', 'services/**/*.yaml', 'no-yaml', 'good.yaml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'warranty-lint: no such file or directory: nope.yaml\n' +
        'warranty-lint: no file matches the pattern "services/**/*.yaml"\n' +
        'warranty-lint: the directory no-yaml holds no *.yaml or *.yml file\n',
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(json(run).summary.services).toBe(1);
  });
});

describe('other YAML met while walking', () => {
  it('is skipped silently when it is not ours, even too large, too deep, binary or not UTF-8; named, it is reported', async () => {
    const { root: dir, cleanup } = tempTree();
    try {
      mkdirSync(join(dir, 'others'));
      writeFileSync(join(dir, 'others', 'helm-latin1.yaml'), Buffer.concat([Buffer.from('image: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      writeFileSync(join(dir, 'others', 'blob.yaml'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32)));
      writeFileSync(join(dir, 'others', 'generated.yaml'), 'x: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n');
      const fd = openSync(join(dir, 'others', 'big.yaml'), 'w');
      ftruncateSync(fd, 11 * 1024 * 1024);
      closeSync(fd);
      writeFileSync(join(dir, 'others', 'ours-latin1.yaml'), Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: Service\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      const walked = await runCli(['-f', 'json', 'others'], dir);
      expect(walked.code).toBe(1);
      expect(json(walked).findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['yaml-syntax', 'others/ours-latin1.yaml', 4]]);
      const named = await runCli(['-f', 'json', 'others/helm-latin1.yaml', 'others/blob.yaml', 'others/generated.yaml', 'others/big.yaml'], dir);
      expect(json(named).findings.map((f) => [f.ruleId, f.file])).toEqual([
        ['yaml-syntax', 'others/big.yaml'],
        ['yaml-syntax', 'others/blob.yaml'],
        ['yaml-syntax', 'others/generated.yaml'],
        ['yaml-syntax', 'others/helm-latin1.yaml'],
      ]);
    } finally {
      cleanup();
    }
  });
});

describe('file names that are not UTF-8', () => {
  it('are file-unreadable with the reason, not "does not exist"', async () => {
    const { root: dir, cleanup } = tempTree();
    try {
      // The name's bytes are `bad`, 0xff, `.yaml`: only a Buffer path can create it.
      writeFileSync(Buffer.concat([Buffer.from(join(dir, 'bad')), Buffer.from([0xff]), Buffer.from('.yaml')]), cleanService('bad'));
      writeFileSync(join(dir, 'good.yaml'), cleanService('good'));
      const run = await runCli(['-f', 'json', '.'], dir);
      expect(run.code).toBe(1);
      expect(brief(run)).toEqual([['file-unreadable', 'bad\ufffd.yaml', 'cannot read bad\ufffd.yaml: its name is not valid UTF-8 (rename the file)']]);
      expect(json(run).summary.services).toBe(1);
    } finally {
      cleanup();
    }
  });
});

describe('unreadable files', () => {
  const locked = join(root, 'locked.yaml');

  it(isRoot ? 'as root, a chmod 000 file is still read (permissions are not enforced)' : 'a chmod 000 file is file-unreadable: permission denied', async () => {
    writeFileSync(locked, cleanService('locked'));
    chmodSync(locked, 0o000);
    try {
      const run = await runCli(['-f', 'json', 'locked.yaml', 'good.yaml'], root);
      if (isRoot) {
        expect(run.code).toBe(0);
        expect(json(run).summary.services).toBe(2);
      } else {
        expect(run.code).toBe(1);
        expect(brief(run)).toEqual([['file-unreadable', 'locked.yaml', 'cannot read locked.yaml: permission denied']]);
        expect(json(run).summary.services).toBe(1);
      }
    } finally {
      chmodSync(locked, 0o644);
    }
  });
});
