// Nothing lost: a run over a tree full of hostile files leaves every byte, mode and time as it was.
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { runCli, STACK_LINE, tempTree, treeDigest } from './helpers.js';

const tree = tempTree();
const out = tempTree();
afterAll(() => {
  tree.cleanup();
  out.cleanup();
});

function buildHostileTree(root: string): void {
  let laughs = 'apiVersion: warranty-lint/v1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) laughs += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  writeFileSync(join(root, 'laughs.yaml'), laughs);
  writeFileSync(join(root, 'deep-flow.yaml'), '['.repeat(100_000) + ']'.repeat(100_000));
  writeFileSync(join(root, 'deep-block.yaml'), 'apiVersion: warranty-lint/v1\nx:\n' + '- '.repeat(100_000) + 'x\n');
  writeFileSync(join(root, 'tags.yaml'), CLEAN_LOW.replace('owner: team-search', 'owner: !!js/function "function(){ require(\'fs\').writeFileSync(\'PWNED\', \'x\') }"'));
  writeFileSync(join(root, 'merge-11.yaml'), '%YAML 1.1\n---\napiVersion: warranty-lint/v1\na: &a {x: 1}\nb: {<<: *a}\n');
  writeFileSync(join(root, 'latin1.yaml'), Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nname: caf'), Buffer.from([0xe9, 0x0a])]));
  writeFileSync(join(root, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_LOW.replace('search', 'utf16'), 'utf16le')]));
  writeFileSync(join(root, 'binary.yml'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
  writeFileSync(join(root, 'good.yaml'), CLEAN_LOW);
  writeFileSync(join(root, 'flood.yaml'), CLEAN_LOW.replace('  tier: low\n', `  tier: low\n${Array.from({ length: 300 }, (_, i) => `  z${i}: 1\n`).join('')}`));
  writeFileSync(join(root, 'evil\nname\u001b[31m.yaml'), CLEAN_LOW.replace('search', 'evil'));
  const fd = openSync(join(root, 'huge.yaml'), 'w');
  ftruncateSync(fd, 11 * 1024 * 1024);
  closeSync(fd);
  mkdirSync(join(root, 'dir.yaml'));
  mkdirSync(join(root, 'loop'));
  symlinkSync('..', join(root, 'loop', 'up'));
  symlinkSync('nowhere.yaml', join(root, 'dangling.yaml'));
  symlinkSync('good.yaml', join(root, 'link.yaml'));
  execFileSync('mkfifo', [join(root, 'fifo.yaml')]);
}

describe('nothing lost', () => {
  it('leaves the linted tree byte-for-byte unchanged after runs in every format on this branch', async () => {
    buildHostileTree(tree.root);
    const before = treeDigest(tree.root);
    expect(before.length).toBeGreaterThan(15);
    const runs = [
      await runCli(['--now', '2026-11-26', '.'], tree.root),
      await runCli(['--now', '2026-11-26', '-f', 'json', '.'], tree.root),
      await runCli(['--now', '2026-11-26', '-f', 'json', 'huge.yaml', 'dangling.yaml', 'fifo.yaml', 'deep-flow.yaml', 'binary.yml'], tree.root),
      await runCli(['--now', '2026-11-26', '-f', `json=${join(out.root, 'report.json')}`, '.'], tree.root),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
    expect(treeDigest(tree.root)).toEqual(before);
    // The one file asked for was written, where it was asked for, and nothing beside it.
    expect(readdirSync(out.root)).toEqual(['report.json']);
  });
});
