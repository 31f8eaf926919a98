// The language server end to end: `warranty-lint lsp --stdio` as a child process, spoken to by a
// real LSP client (vscode-languageserver-protocol). Its diagnostics are held to the command line's
// findings over the same folder: rule, severity, message and range.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, FileChangeType, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { loadConfig } from '../../src/config/load.js';
import { lint } from '../../src/engine/lint.js';
import { lintYaml } from '../support/lint-yaml.js';
import { sketch } from '../support/catalog.js';
import { startLsp, uriOf, type LspClient } from '../support/lsp-client.js';

const NOW = '2026-11-26';
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** payments-api: critical, no continuity area, hard-depends on auth-service (not yet defined). */
const PAYMENTS = sketch({ name: 'payments-api', tier: 'critical', deps: ['auth-service', '{ service: fx-rates, kind: soft }'], target: 99.95, rto: '15m', rpo: '5m' }).replace(/ {4}continuity:\n(?: {6}.*\n)+/, '');
/** checkout: promises more than payments-api allows. */
const CHECKOUT = sketch({ name: 'checkout', tier: 'medium', deps: ['payments-api'], target: 99.99, rto: '4h', rpo: '1h' });
const AUTH = sketch({ name: 'auth-service', tier: 'critical', target: 99.99, rto: '15m', rpo: '5m' });

let root: string;
const path = (file: string): string => join(root, file);
function write(file: string, text: string): void {
  mkdirSync(dirname(path(file)), { recursive: true });
  writeFileSync(path(file), text);
}

/** What the command line reports for `file` over the folder now on disk, as the editor should show it. */
async function cliDiagnostics(file: string): Promise<Array<Partial<Diagnostic>>> {
  const { config } = await loadConfig({ cwd: root });
  const result = await lint({ cwd: root, paths: ['.'], config, now: NOW });
  return result.findings
    .filter((f) => f.file === file && !f.waived)
    .map((f) => ({
      range: { start: { line: (f.line as number) - 1, character: (f.column as number) - 1 }, end: { line: (f.endLine as number) - 1, character: (f.endColumn as number) - 1 } },
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      message: f.message,
    }));
}

const shape = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: String(d.message) }));
const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => d.code);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wl-lsp-'));
  // The config search stops at the repository root.
  mkdirSync(join(root, '.git'));
  write('.warranty-lintrc.yaml', 'rules:\n  warranty-owner-generic: off\n');
  write('services/payments.yaml', PAYMENTS);
  write('services/checkout.yaml', CHECKOUT);
  // Someone else's YAML: skipped, as in a walk.
  write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// As an editor runs it (a child process), and in this process (where its code is covered).
describe.each([{ mode: 'a child process', inProcess: false }, { mode: 'this process', inProcess: true }])('warranty-lint lsp, in $mode', ({ inProcess }) => {
  let client: LspClient;
  beforeAll(async () => {
    write('.warranty-lintrc.yaml', 'rules:\n  warranty-owner-generic: off\n');
    write('services/payments.yaml', PAYMENTS);
    write('services/checkout.yaml', CHECKOUT);
    rmSync(path('services/auth.yaml'), { force: true });
    client = await startLsp(root, { inProcess, options: { debounceMs: 30, now: NOW } });
  });
  afterAll(async () => {
    if (client.child?.exitCode === null) client.child.kill();
  });

  it('says what it can do and asks to watch service and config files', async () => {
    await client.registration;
    expect(client.initialized.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix'] }, textDocumentSync: 2 });
    expect(client.initialized.serverInfo?.name).toBe('warranty-lint');
    expect(JSON.stringify(client.registrations)).toContain('**/*.{yaml,yml}');
    expect(JSON.stringify(client.registrations)).toContain('.warranty-lintrc.yaml');
  });

  it('publishes, for an opened file, the findings the command line gives it, at the same ranges, catalog rules included', async () => {
    const uri = uriOf(path('services/payments.yaml'));
    const published = client.diagnostics(uri);
    await client.open(path('services/payments.yaml'), PAYMENTS);
    const got = await published;
    expect(shape(got)).toEqual(await cliDiagnostics('services/payments.yaml'));
    expect(codes(got)).toEqual(expect.arrayContaining(['warranty-area-missing', 'dependency-unknown']));
    // Positions as LSP counts them: 0-based; the area is missing at the `warranty` key (line 12, columns 3-11).
    const area = got.find((d) => d.code === 'warranty-area-missing') as Diagnostic;
    expect(area.range).toEqual({ start: { line: 11, character: 2 }, end: { line: 11, character: 10 } });
    expect(area).toMatchObject({ severity: 1, source: 'warranty-lint', codeDescription: { href: expect.stringContaining('#warranty-area-missing') } });
    expect(got.find((d) => d.code === 'dependency-unknown')?.range.start).toEqual({ line: 9, character: 6 });
  });

  it('updates an open file when another open file it depends on changes in the editor', async () => {
    const checkout = uriOf(path('services/checkout.yaml'));
    const first = client.diagnostics(checkout);
    await client.open(path('services/checkout.yaml'), CHECKOUT);
    expect(codes(await first)).toContain('availability-exceeds-dependency-ceiling');
    // payments-api now promises more than checkout: the ceiling rises above checkout's target.
    const cleared = client.diagnostics(checkout, (d) => !codes(d).includes('availability-exceeds-dependency-ceiling'));
    await client.change(path('services/payments.yaml'), PAYMENTS.replace('target: 99.95', 'target: 99.995'));
    await cleared;
    write('services/payments.yaml', PAYMENTS.replace('target: 99.95', 'target: 99.995'));
    expect(shape(client.latest(checkout) ?? [])).toEqual(await cliDiagnostics('services/checkout.yaml'));
  });

  it('re-lints an edited file after a pause in typing, with the new positions', async () => {
    const uri = uriOf(path('services/payments.yaml'));
    const edited = PAYMENTS.replace('target: 99.95', 'target: 99.995').replace('spec:\n', 'spec:\n  x-note: moved everything down a line\n');
    const updated = client.diagnostics(uri, (d) => d.some((x) => x.code === 'warranty-area-missing' && x.range.start.line === 12));
    await client.change(path('services/payments.yaml'), edited);
    const got = await updated;
    write('services/payments.yaml', edited);
    expect(shape(got)).toEqual(await cliDiagnostics('services/payments.yaml'));
  });

  it('follows files changed on disk: a new service resolves a dependency of an open file', async () => {
    const uri = uriOf(path('services/payments.yaml'));
    const unknownAuth = (d: Diagnostic[] | undefined): boolean => (d ?? []).some((x) => x.code === 'dependency-unknown' && String(x.message).includes('"auth-service"'));
    expect(unknownAuth(client.latest(uri))).toBe(true);
    write('services/auth.yaml', AUTH);
    const resolved = client.diagnostics(uri, (d) => !unknownAuth(d));
    await client.changedOnDisk(path('services/auth.yaml'), FileChangeType.Created);
    expect(shape(await resolved)).toEqual(await cliDiagnostics('services/payments.yaml'));
  });

  it('explains the rule of a finding on hover, as `explain` does, with its docs link', async () => {
    const uri = uriOf(path('services/payments.yaml'));
    const area = (client.latest(uri) ?? []).find((d) => d.code === 'warranty-area-missing') as Diagnostic;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: area.range.start.line, character: area.range.start.character + 2 } });
    const text = (hover?.contents as MarkupContent).value;
    expect((hover?.contents as MarkupContent).kind).toBe('markdown');
    expect(text).toContain('**warranty-area-missing**');
    expect(text).toContain('Why it matters.');
    expect(text).toContain('How to fix.');
    expect(text).toContain('docs/rules.md#warranty-area-missing');
    // Nowhere near a finding: no hover.
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
  });

  it('offers quick fixes whose edits do what they say: an empty area skeleton, and a waiver to fill in', async () => {
    const file = path('services/payments.yaml');
    const uri = uriOf(file);
    const text = PAYMENTS.replace('target: 99.95', 'target: 99.995').replace('spec:\n', 'spec:\n  x-note: moved everything down a line\n');
    const area = (client.latest(uri) ?? []).find((d) => d.code === 'warranty-area-missing') as Diagnostic;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: area.range, context: { diagnostics: [area] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Waive warranty-area-missing (continuity) for service "payments-api": add a waiver to fill in',
      'Add an empty continuity area to service "payments-api": the essential fields of a critical tier service, to fill in',
    ]);
    const apply = (action: CodeAction): string => TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), action.edit?.changes?.[uri] ?? []);
    const withArea = apply(actions[1] as CodeAction);
    expect(withArea).toContain('    continuity:\n      owner:');
    expect(withArea).toMatch(/ {6}rto: +# a duration, at most 15m \(tiers\.critical\.maxRto\)\n/);
    const linted = lintYaml(withArea, { now: NOW });
    expect(linted.findings.filter((f) => f.ruleId === 'warranty-area-missing')).toEqual([]);
    // No value is made up: every field is left empty, each a finding at its line until it is filled in.
    const empty = linted.findings.filter((f) => f.ruleId === 'warranty-placeholder-value' && f.pointer?.startsWith('/spec/warranty/continuity/')).map((f) => f.pointer);
    expect(empty).toEqual(['owner', 'rto', 'rpo', 'recoveryOption', 'mtpd', 'plan', 'lastTest'].map((k) => `/spec/warranty/continuity/${k}`));

    const waived = apply(actions[0] as CodeAction);
    expect(waived).toContain('  waivers:\n    - rule: warranty-area-missing\n      area: continuity\n      reason:');
    const after = lintYaml(waived, { now: NOW });
    expect(after.findings.find((f) => f.ruleId === 'warranty-area-missing')?.waived).toBe(true);
    // Until a reason and an approver are written, the run fails on them.
    expect(after.findings.filter((f) => f.ruleId === 'schema' && /waivers\/0\/(reason|approvedBy)/.test(f.pointer ?? '')).map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('shows a broken config as one diagnostic on the config file, then recovers when it is fixed', async () => {
    const config = uriOf(path('.warranty-lintrc.yaml'));
    const payments = uriOf(path('services/payments.yaml'));
    write('.warranty-lintrc.yaml', 'rules:\n  warranty-area-misisng: error\n');
    const shown = client.diagnostics(config);
    const cleared = client.diagnostics(payments, (d) => d.length === 0);
    await client.changedOnDisk(path('.warranty-lintrc.yaml'), FileChangeType.Changed);
    const [problem] = await shown;
    expect(problem?.range.start).toEqual({ line: 1, character: 2 });
    expect(problem?.message).toContain('unknown rule "warranty-area-misisng"; did you mean "warranty-area-missing"?');
    await cleared;

    write('.warranty-lintrc.yaml', 'rules:\n  warranty-area-missing: warning\n');
    const gone = client.diagnostics(config, (d) => d.length === 0);
    const back = client.diagnostics(payments, (d) => d.some((x) => x.code === 'warranty-area-missing' && x.severity === 2));
    await client.changedOnDisk(path('.warranty-lintrc.yaml'), FileChangeType.Changed);
    await gone;
    await back;
  });

  it('clears the diagnostics of a closed file, and lints the file on disk again', async () => {
    const checkout = uriOf(path('services/checkout.yaml'));
    const cleared = client.diagnostics(checkout, (d) => d.length === 0);
    await client.close(path('services/checkout.yaml'));
    await cleared;
  });

  it('gives nothing for YAML that is not a service file, and for files the config ignores', async () => {
    const ci = path('.github/workflows/ci.yml');
    const shown = client.diagnostics(uriOf(ci));
    await client.open(ci, 'on: push\njobs: {}\n');
    expect(await shown).toEqual([]);
  });

  it('shuts down and exits cleanly when asked', async () => {
    // Nothing failed on the way (a guarded handler logs what it caught).
    expect(client.logs.filter((l) => /failed|internal error|cannot lint/.test(l))).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});
