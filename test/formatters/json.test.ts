import { describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { FINDING_CONTRACT_FIELDS } from '../../src/types.js';
import { serviceRecord } from '../../src/formatters/run-record.js';
import { batched, writeFileAtomic } from '../../src/cli/io.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { read, runCli, tempTree } from '../support/run-cli.js';

const CTX = { color: false, cwd: '/', version: '0.0.0' };

describe('json', () => {
  it('is exactly JSON.stringify of the SPEC §7 document (with the date and services a later --compare reads), whole or streamed piece by piece', () => {
    for (const text of [CLEAN_LOW, CLEAN_LOW.replace('target: 99.0', 'target: TBD').replace('rto: 6h', 'rto: "?"')]) {
      const result = lintYaml(text);
      const findings = result.findings.map((f) => Object.fromEntries(FINDING_CONTRACT_FIELDS.map((k) => [k, f[k]])));
      const expected = JSON.stringify({ version: 1, findings, summary: result.summary, today: result.today, services: result.services.map(serviceRecord) }, null, 2) + '\n';
      expect(json(result, CTX)).toBe(expected);
      const pieces = [...json.stream(result, CTX)];
      expect(pieces.length).toBeGreaterThan(2);
      expect(pieces.join('')).toBe(expected);
      expect([...batched(pieces, 64)].join('')).toBe(expected);
    }
  });

  it('writes the contract fields of any finding as JSON.stringify does (escapes, nulls, values that are not primitives), and nothing else', () => {
    const [base] = lintYaml(CLEAN_LOW.replace('target: 99.0', 'target: TBD')).findings;
    const odd = [
      { ...base!, message: 'quote " backslash \\ newline \n tab \t \u2028 é 😀 \u0000', service: null, line: null },
      { ...base!, extra: { nested: [1, 'two', null] }, pointer: { nested: [1, 'two', null] } },
      { ...base!, gone: undefined, fn: () => 1 },
      {},
    ];
    const result = { ...lintYaml(CLEAN_LOW), findings: odd } as unknown as Parameters<typeof json>[0];
    const contract = odd.map((f) => Object.fromEntries(FINDING_CONTRACT_FIELDS.filter((k) => k in f).map((k) => [k, (f as Record<string, unknown>)[k]])));
    expect(json(result, CTX)).toBe(JSON.stringify({ version: 1, findings: contract, summary: result.summary, today: result.today, services: result.services.map(serviceRecord) }, null, 2) + '\n');
    expect(json(result, CTX)).not.toMatch(/"extra"|"document"|"gone"/);
  });

  it('streams to a file with -f json=file, atomically, with the same text as stdout', async () => {
    const root = tempTree({ 'services/a.yaml': CLEAN_LOW.replace('target: 99.0', 'target: TBD') });
    const toFile = await runCli(['--now', '2026-11-26', '-f', 'json=out.json', 'services'], root);
    const toStdout = await runCli(['--now', '2026-11-26', '-f', 'json', 'services'], root);
    expect(toFile.code).toBe(1);
    expect(read(root, 'out.json')).toBe(toStdout.stdout);
    expect(JSON.parse(toStdout.stdout).findings[0].ruleId).toBe('warranty-placeholder-value');
  });

  it('joins pieces into writes under 64K characters (128 KiB in UTF-16, from which V8 allocates a string outside the young generation)', () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i}`.padEnd(100, '.'));
    const chunks = [...batched(pieces)];
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThan(64 * 1024);
  });

  it('writes pieces to a file atomically, leaving no temporary file behind', () => {
    const root = tempTree({});
    writeFileAtomic(join(root, 'big.json'), (function* () {
      for (let i = 0; i < 1000; i++) yield `${'x'.repeat(1500)}\n`;
    })());
    expect(read(root, 'big.json')).toBe(`${'x'.repeat(1500)}\n`.repeat(1000));
    expect(() => writeFileAtomic(join(root, 'bad.json'), (function* () {
      yield 'partial';
      throw new Error('formatter failed');
    })())).toThrow('formatter failed');
    expect(readdirSync(root).sort()).toEqual(['.git', 'big.json']);
  });
});
