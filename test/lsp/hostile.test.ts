// The language server never dies on input: hostile documents (bombs, depth, size, broken text,
// prototype keys), hostile requests (positions and data that make no sense, documents it never
// saw, other URI schemes) and configs it cannot use. After all of them it still answers, and it
// exits cleanly when asked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { sketch } from '../support/catalog.js';
import { startLsp, uriOf, type LspClient } from '../support/lsp-client.js';

const NOW = '2026-11-26';
const HEADER = 'apiVersion: warranty-lint/v1\nkind: Service\n';

function billionLaughs(): string {
  let text = `${HEADER}metadata: { name: laughs, owner: x, tier: low, lifecycleStage: design }\nx-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 10; i++) text += `x-l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return text;
}

const HOSTILE: Record<string, string> = {
  'laughs.yaml': billionLaughs(),
  'deep.yaml': `${HEADER}x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
  'deep-block.yaml': `${HEADER}x:\n${'- '.repeat(20_000)}\n`,
  // Over the folder's limits.maxFileSize (64 KiB in its config).
  'large.yaml': `${HEADER}metadata: { name: large, owner: x, tier: low, lifecycleStage: design }\nx-pad: "${'a'.repeat(80 * 1024)}"\n`,
  'tags.yaml': `${HEADER}metadata: !!js/function "function () { return 1 }"\nspec: !Ref other\n`,
  'yaml11.yaml': `%YAML 1.1\n---\n${HEADER}metadata: { name: old, owner: x, tier: low, lifecycleStage: design }\n`,
  'duplicate-keys.yaml': `${HEADER}kind: Service\nmetadata: { name: dup, owner: x, owner: y, tier: low, lifecycleStage: design }\n`,
  'proto.yaml': sketch({ name: 'proto', tier: 'low' }).replace('spec:\n', 'spec:\n  __proto__: { polluted: yes }\n  constructor: { prototype: { polluted: yes } }\n'),
  'controls.yaml': `${HEADER}metadata: { name: "evil\\u202e\\u001b[31m", owner: "\\u0000", tier: low, lifecycleStage: design }\n`,
  'surrogates.yaml': `${HEADER}metadata: { name: "\ud800", owner: x\udfff, tier: low, lifecycleStage: design }\n`,
  'flood.yaml': `${HEADER}metadata: { name: flood, owner: TBD, tier: low, lifecycleStage: design }\nspec:\n  dependsOn: [${Array.from({ length: 3000 }, (_, i) => `ghost-${i}`).join(', ')}]\n`,
  'garbage.yaml': `apiVersion: warranty-lint/v1\n${'\u0000\u0001\u0002{[}]: :: - ? |\n'.repeat(500)}`,
  'tabs-crlf.yaml': `${HEADER}metadata:\r\n\tname: tabs\r\n`,
  'long-line.yaml': `${HEADER}metadata: { name: ${'x'.repeat(200_000)}, owner: y, tier: low, lifecycleStage: design }\n`,
  'many-docs.yaml': Array.from({ length: 400 }, (_, i) => `${HEADER}metadata: { name: m-${i}, owner: x, tier: low, lifecycleStage: design }\n`).join('---\n'),
};

let root: string;
let client: LspClient;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wl-lsp-hostile-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'services'));
  writeFileSync(join(root, '.warranty-lintrc.yaml'), 'limits: { maxFileSize: 64KiB }\n');
  writeFileSync(join(root, 'services', 'clean.yaml'), sketch({ name: 'clean', tier: 'low', target: 99.5, rto: '1h', rpo: '1h' }));
  client = await startLsp(root, { options: { debounceMs: 0, now: NOW } });
});
afterAll(() => {
  if (client.child?.exitCode === null) client.child.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('the language server on hostile input', () => {
  it('publishes bounded findings for every hostile document, one after another', async () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const file = join(root, 'services', name);
      const published = client.diagnostics(uriOf(file));
      await client.open(file, text);
      const got = await published;
      expect(Array.isArray(got), name).toBe(true);
      // Text from the file is escaped: no control or bidirectional character reaches the editor.
      for (const d of got) expect(d.message, name).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    }
    const refused = (name: string): Diagnostic[] => client.latest(uriOf(join(root, 'services', name))) ?? [];
    expect(refused('laughs.yaml').map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(refused('deep.yaml').map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(refused('large.yaml')[0]?.message).toMatch(/limits\.maxFileSize/);
    expect(refused('yaml11.yaml')[0]?.code).toBe('yaml-syntax');
    expect(refused('flood.yaml').some((d) => d.code === 'too-many-findings')).toBe(true);
  });

  it('answers requests that make no sense with nothing, and keeps running', async () => {
    const clean = uriOf(join(root, 'services', 'clean.yaml'));
    const laughs = uriOf(join(root, 'services', 'laughs.yaml'));
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: clean }, position: { line: 99_999, character: -5 } })).toBeNull();
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } })).toBeNull();
    const bogus = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'warranty-lint', data: { ruleId: 'warranty-area-missing', document: 999, area: 'continuity', pointer: null } },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'warranty-lint', data: 'not an object' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'warranty-lint', data: { ruleId: 'no-such-rule', document: 0, area: 'nope', pointer: '/x' } },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'warranty-lint', data: { ruleId: 'warranty-area-missing', document: 0, area: '__proto__', pointer: '/x' } },
    ];
    for (const uri of [clean, laughs, 'untitled:Untitled-1', uriOf(join(root, 'nowhere.yaml'))]) {
      expect(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: bogus[0]!.range, context: { diagnostics: bogus } })).toEqual([]);
    }
    // A change to a document that was never opened, and one outside every folder.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(join(root, 'never-opened.yaml')), version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(join(tmpdir(), 'elsewhere.yaml')), languageId: 'yaml', version: 1, text: HEADER } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file://%zz/bad', languageId: 'yaml', version: 1, text: HEADER } });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///%%%', type: FileChangeType.Changed }, { uri: uriOf(join(root, 'services', 'gone.yaml')), type: FileChangeType.Deleted }] });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'not a list' });
    // Still alive: a clean file opens and gets its (empty) diagnostics.
    const published = client.diagnostics(clean);
    await client.open(join(root, 'services', 'clean.yaml'), sketch({ name: 'clean', tier: 'low', target: 99.5, rto: '1h', rpo: '1h' }));
    expect(await published).toEqual([]);
  });

  it('shows a code config found by the search as a config problem, without running it', async () => {
    // The only config left is code: the search finds it, and refuses to run it.
    const data = join(root, '.warranty-lintrc.yaml');
    rmSync(data);
    writeFileSync(join(root, 'warranty-lint.config.js'), 'process.exit(3);\n');
    const config = uriOf(join(root, 'warranty-lint.config.js'));
    const shown = client.diagnostics(config);
    await client.changedOnDisk(data, FileChangeType.Deleted);
    await client.changedOnDisk(join(root, 'warranty-lint.config.js'), FileChangeType.Created);
    const [problem] = await shown;
    expect(problem?.message).toMatch(/JavaScript\/TypeScript: a config that runs code is loaded only when named/);
    rmSync(join(root, 'warranty-lint.config.js'));
    const gone = client.diagnostics(config, (d) => d.length === 0);
    await client.changedOnDisk(join(root, 'warranty-lint.config.js'), FileChangeType.Deleted);
    await gone;
  });

  it('exits cleanly when asked, after all of it', async () => {
    // Nothing failed on the way (a guarded handler logs what it caught).
    expect(client.logs.filter((l) => /failed|internal error|cannot lint/.test(l))).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});

describe('the language server without a workspace folder', () => {
  it.each([false, true])('lints the folder it was started in, as `warranty-lint .` there (in this process: %s)', async (inProcess) => {
    const dir = mkdtempSync(join(tmpdir(), 'wl-lsp-noroot-'));
    try {
      mkdirSync(join(dir, '.git'));
      const text = sketch({ name: 'solo', tier: 'low', deps: ['nobody'], target: 99.5, rto: '1h', rpo: '1h' });
      writeFileSync(join(dir, 'solo.yaml'), text);
      const solo = await startLsp(dir, { inProcess, noRoot: true, watch: false, options: { now: NOW } });
      const published = solo.diagnostics(uriOf(join(dir, 'solo.yaml')));
      await solo.open(join(dir, 'solo.yaml'), text);
      expect((await published).map((d) => d.code)).toEqual(['dependency-unknown']);
      expect(await solo.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
