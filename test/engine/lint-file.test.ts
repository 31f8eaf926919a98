// One file, from disk, bytes or text (src/engine/process-file.ts): what is skipped in a walk and said
// when named, where a file's findings land, in what order, and what else its result tells the run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintBytes, lintFile, lintText, type FileResult } from '../../src/engine/process-file.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

const DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const config = resolveConfig({});
const small = resolveConfig({ limits: { maxFileSize: 100 } });
const opts = { config, today: DAY };
const ref = (file: string, explicit = true) => ({ path: file, file, explicit });
const rows = (r: FileResult) => r.findings.map((f) => [f.ruleId, f.line, f.column, f.message]);
const ids = (r: FileResult) => r.findings.map((f) => f.ruleId);
const named = (name: string): string => CLEAN_LOW.replace('name: search', `name: ${name}`);
const NOTHING = (file: string): FileResult => ({ file, findings: [], services: [], brokenDocuments: 0 });

describe('lintFile', () => {
  it('says a file over limits.maxFileSize is too large, unless it is someone else’s met in a walk', () => {
    const root = tempTree({ 'svc.yaml': CLEAN_LOW, 'data.yaml': `x: ${'a'.repeat(200)}\n`, 'late.yaml': `${'# pad\n'.repeat(12_000)}${CLEAN_LOW}` });
    const options = { config: small, today: DAY };
    const at = (file: string, explicit: boolean) => lintFile({ path: join(root, file), file, explicit }, options);
    const message = 'the file is 543 bytes, over the 100 bytes limit (limits.maxFileSize); it was not read';
    expect(rows(at('svc.yaml', true))).toEqual([['yaml-syntax', 1, 1, message]]);
    // Walked, its head shows an apiVersion of ours: still said.
    expect(rows(at('svc.yaml', false))).toEqual([['yaml-syntax', 1, 1, message]]);
    expect(at('data.yaml', false)).toEqual(NOTHING('data.yaml'));
    expect(ids(at('data.yaml', true))).toEqual(['yaml-syntax']);
    // Only the first 64 KiB are looked at.
    expect(at('late.yaml', false)).toEqual(NOTHING('late.yaml'));
  });

  it('says why a path cannot be read', () => {
    const root = tempTree({});
    mkdirSync(join(root, 'dir.yaml'));
    const r = lintFile({ path: join(root, 'dir.yaml'), file: 'dir.yaml', explicit: true }, opts);
    expect(rows(r)).toEqual([['file-unreadable', 1, 1, expect.stringMatching(/^cannot read dir\.yaml: ./)]]);
    expect(r.services).toEqual([]);
  });

  it('lints what it reads', () => {
    const root = tempTree({ 'a.yaml': named('a') });
    const r = lintFile({ path: join(root, 'a.yaml'), file: 'a.yaml', explicit: false }, opts);
    expect(r.services.map((s) => s.name)).toEqual(['a']);
    expect(r.findings).toEqual([]);
  });
});

describe('lintBytes', () => {
  it('takes a file of exactly limits.maxFileSize bytes, not one byte more', () => {
    const exact = Buffer.from(`a: ${'b'.repeat(96)}\n`);
    expect(exact.length).toBe(100);
    expect(rows(lintBytes(exact, ref('x.yaml'), { config: small, today: DAY })).map((r) => r[0])).toEqual(['no-service']);
    const over = Buffer.from(`a: ${'b'.repeat(97)}\n`);
    expect(rows(lintBytes(over, ref('x.yaml'), { config: small, today: DAY }))).toEqual([['yaml-syntax', 1, 1, 'the file is 101 bytes, over the 100 bytes limit (limits.maxFileSize); it was not read']]);
  });

  it('counts the bytes as given, not the text they decode to: UTF-16 over the limit is refused', () => {
    // 2 + 2 × 60 = 122 bytes of UTF-16, which decode to 60 characters (60 bytes of UTF-8).
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`a: ${'b'.repeat(56)}\n`, 'utf16le')]);
    expect(utf16.length).toBe(122);
    expect(rows(lintBytes(utf16, ref('x.yaml'), { config: small, today: DAY }))).toEqual([['yaml-syntax', 1, 1, 'the file is 122 bytes, over the 100 bytes limit (limits.maxFileSize); it was not read']]);
  });

  it('skips bytes that cannot be decoded in a walk unless they show an apiVersion of ours', () => {
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x20]);
    expect(lintBytes(binary, ref('bin.yaml', false), opts)).toEqual(NOTHING('bin.yaml'));
    expect(rows(lintBytes(binary, ref('bin.yaml'), opts))).toEqual([['yaml-syntax', 1, 1, 'not a text file: the file holds binary data, not YAML']]);
    const ours = Buffer.concat([Buffer.from('apiVersion: warranty-lint/v1\nkind: Serv'), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(rows(lintBytes(ours, ref('a.yaml', false), opts))).toEqual([['yaml-syntax', 2, 11, 'the file is not valid UTF-8 (invalid byte 0xff at byte 39); save it as UTF-8, or as UTF-16 with a BOM']]);
  });

  it('places a NUL by characters, not bytes, when the text could be decoded', () => {
    const bytes = Buffer.from('apiVersion: warranty-lint/v1\nkind: ééé\u0000\n');
    expect(rows(lintBytes(bytes, ref('a.yaml'), opts))).toEqual([['yaml-syntax', 2, 10, 'the file contains a NUL character, which YAML does not allow']]);
  });
});

describe('lintText', () => {
  it('measures text in UTF-8 bytes against limits.maxFileSize', () => {
    const wide = `a: ${'é'.repeat(49)}\n`;
    expect(wide.length).toBe(53);
    expect(rows(lintText(wide, ref('x.yaml'), { config: small, today: DAY }))).toEqual([['yaml-syntax', 1, 1, 'the file is 102 bytes, over the 100 bytes limit (limits.maxFileSize); it was not read']]);
    const ascii = `a: ${'b'.repeat(97)}\n`;
    expect(rows(lintText(ascii, ref('x.yaml'), { config: small, today: DAY }))).toEqual([['yaml-syntax', 1, 1, 'the file is 101 bytes, over the 100 bytes limit (limits.maxFileSize); it was not read']]);
    expect(ids(lintText(`a: ${'é'.repeat(48)}\n`, ref('x.yaml'), { config: small, today: DAY }))).toEqual(['no-service']);
  });

  describe('a text refused whole (too deep)', () => {
    const deep = `x: ${'['.repeat(70)}${']'.repeat(70)}\n`;
    const message = 'the document is nested more than 64 levels deep (limits.maxDepth); it was not parsed';

    it('is said where it breaks when named, or when it is ours', () => {
      expect(rows(lintText(deep, ref('x.yaml'), opts))).toEqual([['yaml-syntax', 1, 68, message]]);
      expect(rows(lintText(`apiVersion: warranty-lint/v1\n${deep}`, ref('x.yaml', false), opts))).toEqual([['yaml-syntax', 2, 68, message]]);
      expect(rows(lintText(`version: prometheus/v1\n${deep}`, ref('x.yaml', false), opts))).toEqual([['yaml-syntax', 2, 68, message]]);
    });

    it('is skipped in a walk when it is someone else’s, or an unrendered template of ours', () => {
      expect(lintText(deep, ref('x.yaml', false), opts)).toEqual(NOTHING('x.yaml'));
      expect(lintText(`apiVersion: warranty-lint/v1\nname: {{ .Values.name }}\n${deep}`, ref('x.yaml', false), opts)).toEqual(NOTHING('x.yaml'));
      // Sloth's queries hold {{.window}} by design.
      expect(ids(lintText(`version: prometheus/v1\nq: "{{.window}}"\n${deep}`, ref('x.yaml', false), opts))).toEqual(['yaml-syntax']);
    });
  });

  it('does not lint a file whose path is an unrendered template: one finding when named, nothing in a walk', () => {
    const file = 'tpl/{{cookiecutter.name}}/a.yaml';
    expect(rows(lintText(named('a'), ref(file), opts))).toEqual([['input-skipped', 1, 1, `${file} is not linted: its path is an unrendered template (a folder or name holding {{ }}); lint what it renders.`]]);
    expect(lintText(named('a'), ref(file, false), opts)).toEqual(NOTHING(file));
  });

  it('takes a broken text with a template line for an unrendered template, not for a Sloth file', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n{{- if .Values.on }}\nspec: [\n';
    expect(rows(lintText(text, ref('t.yaml'), opts))).toEqual([['input-skipped', 5, 1, 't.yaml is not linted: it is an unrendered template (it holds "{{- if .Values.on }}"); lint what it renders.']]);
    expect(lintText(text, ref('t.yaml', false), opts)).toEqual(NOTHING('t.yaml'));
    const sloth = 'version: prometheus/v1\nservice: x\nslos: [\n  q: "{{.window}}"\n';
    expect(ids(lintText(sloth, ref('s.yaml'), opts))).toEqual(['yaml-syntax']);
  });

  it('reads the services around a broken document, and says where the broken one breaks', () => {
    const r = lintText(`${named('a')}---\nkey: [unclosed\n---\n${named('b')}`, ref('a.yaml'), opts);
    expect(r.services.map((s) => s.name)).toEqual(['a', 'b']);
    expect(r.brokenDocuments).toBe(1);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.document, f.service, f.pointer])).toEqual([['yaml-syntax', 27, 1, null, null]]);
  });

  it('counts broken documents of someone else’s file without a word, unless named; refusals always', () => {
    const walked = lintText('a: 1\n---\nkey: [unclosed\n', ref('x.yaml', false), opts);
    expect(walked).toEqual({ ...NOTHING('x.yaml'), brokenDocuments: 1 });
    const namedFile = lintText('a: 1\n---\nkey: [unclosed\n', ref('x.yaml'), opts);
    expect(namedFile.brokenDocuments).toBe(1);
    expect(rows(namedFile)).toEqual([['no-service', 1, 1, expect.stringMatching(/^x\.yaml holds no service definition: none of its documents is .* \(no top-level apiVersion of one\), and line 4 cannot be read: ./)]]);
    const refused = lintText('%YAML 1.1\n---\na: 1\n', ref('x.yaml'), opts);
    expect(ids(refused)).toEqual(['yaml-syntax']);
    expect(lintText('%YAML 1.1\n---\na: 1\n', ref('x.yaml', false), opts)).toEqual({ ...NOTHING('x.yaml'), brokenDocuments: 1 });
  });

  it('says what a document that is not a service is, in a file of services, at its start', () => {
    const text = `${named('a')}---\n- a\n- b\n---\nfoo: bar\n---\nplain words\n---\n${'x'.repeat(50)}\n`;
    const r = lintText(text, ref('a.yaml'), opts);
    const tail = 'not a service definition; a file that holds services may hold only services and Backstage entities';
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column, f.pointer, f.document, f.service, f.message])).toEqual([
      ['schema', 26, 1, '', 1, null, `document 2 is a list, ${tail}`],
      ['schema', 29, 1, '', 2, null, `document 3 is a mapping, ${tail}`],
      ['schema', 31, 1, '', 3, null, `document 4 is a scalar ("plain words"), ${tail}`],
      ['schema', 33, 1, '', 4, null, `document 5 is a scalar ("${'x'.repeat(40)}"), ${tail}`],
    ]);
    // In a file of no service they are someone else's: nothing said of them.
    expect(ids(lintText('- a\n---\nfoo: bar\n', ref('b.yaml'), opts))).toEqual(['no-service']);
  });

  it('says why a file named explicitly holds no service', () => {
    const why = (text: string) => lintText(text, ref('x.yaml'), opts).findings.map((f) => [f.ruleId, f.line, f.column, f.message]);
    const empty = [['no-service', 1, 1, 'x.yaml holds no service definition: it is empty or holds only comments']];
    expect(why('')).toEqual(empty);
    expect(why('# only a comment\n')).toEqual(empty);
    expect(why('---\n---\n')).toEqual(empty);
    expect(why('foo: bar\n')).toEqual([['no-service', 1, 1, expect.stringMatching(/^x\.yaml holds no service definition: none of its documents is [^(]*$/)]]);
    const website = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: website\n  owner: team-docs\n';
    const [row] = why(website);
    expect(row?.[0]).toBe('no-service');
    expect(row?.[3]).toMatch(/^x\.yaml holds no service definition: /);
    expect(row?.[3]).not.toMatch(/none of its documents/);
    // Walked, nothing is said; nor is it when there is something else to say.
    expect(lintText('foo: bar\n', ref('x.yaml', false), opts).findings).toEqual([]);
  });

  it('keeps the file’s findings in document order, then those about Location targets', () => {
    const text = `${named('a').replace('target: 99.0', 'target: TBD')}---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  targets:\n    - https://example.com/x.yaml\n---\n${named('b').replace('rto: 6h', 'rto: TBD')}`;
    const r = lintText(text, ref('a.yaml'), opts);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.document])).toEqual([
      ['warranty-placeholder-value', 11, 0],
      ['warranty-placeholder-value', 51, 2],
      ['input-skipped', 32, 1],
    ]);
  });

  it('tells the run what a file defines beyond its services, and only when it does', () => {
    const component = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: website\n  owner: team-docs\n';
    const walked = lintText(component, ref('c.yaml', false), opts);
    expect(walked.catalog).toEqual({ entities: ['component:default/docs'], locations: [], skeletons: [], explicit: false });
    expect(lintText(component, ref('c.yaml'), opts).catalog?.explicit).toBe(true);
    const plain = lintText(named('a'), ref('a.yaml'), opts);
    expect('catalog' in plain).toBe(false);
    expect('slos' in plain).toBe(false);
    expect('readsOtherFiles' in plain).toBe(false);
  });

  it('keeps the objectives of SLO files, even none, and lints nothing else in them', () => {
    const sloth = lintText('version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 99 }]\n', ref('s.yaml'), opts);
    expect(sloth.findings).toEqual([]);
    expect(sloth.services).toEqual([]);
    expect(sloth.slos?.map((s) => s.service)).toEqual(['search']);
    expect(sloth.slos).toHaveLength(1);
    const openslo = 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: search\nspec:\n  description: x\n';
    const none = lintText(openslo, ref('o.yaml'), opts);
    expect(none.findings).toEqual([]);
    expect(none.slos).toEqual([]);
  });

  it('does not take a file that holds a service or SLOs for an unrendered template', () => {
    const tpl = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "${{ values.name }}"\nspec:\n  type: service\n  owner: team\n';
    const withService = lintText(`${named('a')}---\n${tpl}`, ref('a.yaml'), opts);
    expect(withService.services.map((s) => s.name)).toEqual(['a']);
    expect(withService.findings).toEqual([]);
    const withSlo = lintText(`version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 99 }]\n---\n${tpl}`, ref('s.yaml'), opts);
    expect(withSlo.findings).toEqual([]);
    expect(withSlo.slos).toHaveLength(1);
    expect(ids(lintText(tpl, ref('t.yaml'), opts))).toEqual(['input-skipped']);
  });

  it('says where a document of a walked file of entities or SLOs breaks', () => {
    const website = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: website\n  owner: team-docs\n';
    expect(rows(lintText(`${website}---\nkey: [unclosed\n`, ref('c.yaml', false), opts)).map((r) => r.slice(0, 2))).toEqual([['yaml-syntax', 10]]);
  });

  it('keeps the findings of SLO documents', () => {
    const r = lintText('version: prometheus/v1\nservice: search\nslos: [{ name: a, objective: "99.9" }]\n', ref('s.yaml'), opts);
    expect(r.findings.map((f) => [f.ruleId, f.pointer])).toEqual([['schema', '/slos/0/objective']]);
  });

  it('says a file of empty and foreign documents holds none of ours, not that it is empty', () => {
    expect(lintText('---\n---\nfoo: bar\n', ref('x.yaml'), opts).findings.map((f) => f.message)).toEqual([expect.stringMatching(/^x\.yaml holds no service definition: none of its documents is [^(]*$/)]);
  });

  it('tells the run of its Locations and skeletons too', () => {
    const loc = lintText('apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  targets: [./a.yaml]\n', ref('l.yaml', false), { ...opts, cwd: '/r' });
    expect(loc.catalog).toEqual({ entities: ['location:default/l'], locations: [{ target: './a.yaml', pointer: '/spec/targets/0', document: 0, range: { line: 6, column: 13, endLine: 6, endColumn: 21 } }], skeletons: [], explicit: false });
    const tpl = lintText('apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  owner: p\n  type: service\n  steps: [{ action: fetch:template, input: { url: ./sk } }]\n', ref('t/t.yaml', false), { ...opts, cwd: '/r' });
    expect(tpl.catalog?.skeletons).toEqual(['/r/t/sk']);
  });

  it('marks a result that read values from other files', () => {
    const root = tempTree({ 'a.yaml': named('a').replace('    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '    availability: { $yaml: ./avail.yaml }\n'), 'avail.yaml': 'target: 99.0\nwindow: 30d\nserviceHours: 24x7\n' });
    const r = lintFile({ path: join(root, 'a.yaml'), file: 'a.yaml', explicit: true }, { config, today: DAY, cwd: root });
    expect(r.findings).toEqual([]);
    expect(r.readsOtherFiles).toBe(true);
  });
});
