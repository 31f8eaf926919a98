// The language server in a repository with a Backstage software Template: the files of its skeleton
// are unrendered templates, unlinted in a run and so without diagnostics in the editor; when the
// Template stops rendering that folder, the server reads the catalog again and lints them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { sketch } from '../support/catalog.js';
import { startLsp, uriOf, type LspClient } from '../support/lsp-client.js';

const NOW = '2026-11-26';
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'backstage-repos', 'platform', 'templates', 'create-service', 'template.yaml');
const TEMPLATE = readFileSync(FIXTURE, 'utf8');
/** A skeleton file that reads as a service: no placeholder marks it as unrendered, only where it is. */
const SKELETON = sketch({ name: 'service-from-template', tier: 'critical', target: 99.9, rto: '1h', rpo: '15m' }).replace(/ {4}continuity:\n(?: {6}.*\n)+/, '');

let root: string;
let client: LspClient;
const path = (file: string): string => join(root, file);
function write(file: string, text: string): void {
  mkdirSync(dirname(path(file)), { recursive: true });
  writeFileSync(path(file), text);
}
const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => d.code);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wl-lsp-templates-'));
  mkdirSync(join(root, '.git'));
  write('templates/create-service/template.yaml', TEMPLATE);
  write('templates/create-service/skeleton/warranty-lint.yaml', SKELETON);
  client = await startLsp(root, { inProcess: true, options: { debounceMs: 10, now: NOW } });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('warranty-lint lsp and software Templates', () => {
  it('shows nothing for a file of a skeleton, as a run lints nothing there, and lints it once no Template renders its folder', async () => {
    const file = 'templates/create-service/skeleton/warranty-lint.yaml';
    const uri = uriOf(path(file));
    const first = client.diagnostics(uri);
    await client.open(path(file), SKELETON);
    expect(await first).toEqual([]);
    const linted = client.diagnostics(uri, (d) => d.length > 0);
    write('templates/create-service/template.yaml', TEMPLATE.replace('url: ./skeleton', 'url: ./elsewhere'));
    await client.changedOnDisk(path('templates/create-service/template.yaml'), FileChangeType.Changed);
    expect(codes(await linted)).toContain('warranty-area-missing');
  });
});
