// Sorting a file's documents (src/engine/file-documents.ts): which documents get substitutions,
// each document's kind, the first sign of an unrendered template and where it is, and what the
// file tells the run (entities, skeletons, Locations).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { sortDocuments, textTemplate, withSubstitutions } from '../../src/engine/file-documents.js';
import { lintFile, lintText } from '../../src/engine/process-file.js';
import type { ParsedDocument } from '../../src/load/document.js';
import { readDocuments } from '../../src/load/parse.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

const DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const config = resolveConfig({});
const read = (text: string): ParsedDocument[] => readDocuments(text, config.limits) as ParsedDocument[];
const kindsOf = (kinds: ReturnType<typeof sortDocuments>['kinds']) => kinds.map((k) => (typeof k === 'string' ? k : k.kind));
const AVAILABILITY = '    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n';
const AVAIL_FILE = 'target: 99.0\nwindow: 30d\nserviceHours: 24x7\n';

describe('withSubstitutions', () => {
  it('makes them in documents of ours only, reading files relative to the working directory', () => {
    const ours = CLEAN_LOW.replace(AVAILABILITY, '    availability: { $yaml: ./avail.yaml }\n');
    const text = `${ours}---\nfoo: { $yaml: ./avail.yaml }\n---\napiVersion: apps/v1\nkind: X\nspec: { $yaml: ./avail.yaml }\n`;
    const root = tempTree({ 'avail.yaml': AVAIL_FILE });
    const docs = read(text);
    const out = withSubstitutions(docs, text, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config, today: DAY, cwd: root });
    expect(out[0]).not.toBe(docs[0]);
    expect((out[0]?.value as { spec: { warranty: { availability: unknown } } }).spec.warranty.availability).toEqual({ target: 99.0, window: '30d', serviceHours: '24x7' });
    expect(out[1]).toBe(docs[1]);
    expect(out[2]).toBe(docs[2]);
  });

  it('leaves a text that holds no substitution, and broken documents, as they are', () => {
    const docs = read(CLEAN_LOW);
    expect(withSubstitutions(docs, CLEAN_LOW, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config, today: DAY })).toBe(docs);
    const broken = `apiVersion: warranty-lint/v1\nx: { $yaml: ./a.yaml\n`;
    const brokenDocs = read(broken);
    expect(withSubstitutions(brokenDocs, broken, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config, today: DAY })).toEqual(brokenDocs);
  });

  it('reads no file outside the repository of the file', () => {
    const root = tempTree({ 'repo/.git/HEAD': '', 'out.yaml': AVAIL_FILE, 'repo/a.yaml': CLEAN_LOW.replace(AVAILABILITY, '    availability: { $yaml: ../out.yaml }\n') });
    const r = lintFile({ path: join(root, 'repo/a.yaml'), file: 'repo/a.yaml', explicit: true }, { config, today: DAY, cwd: root });
    expect(r.findings.map((f) => [f.ruleId, f.pointer])).toEqual([['input-skipped', '/spec/warranty/availability']]);
    expect(r.findings[0]?.message).toMatch(/outside/);
  });
});

describe('sortDocuments', () => {
  const ref = { path: 'a.yaml', file: 'a.yaml', explicit: true };
  const opts = { config, today: DAY };

  it('gives each document its kind: broken, service, other entity, SLO, empty, foreign', () => {
    const component = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\nspec:\n  type: website\n  owner: team-docs\n';
    const text = `key: [unclosed\n---\n${CLEAN_LOW}---\n${component}---\nversion: prometheus/v1\nservice: s\nslos: []\n---\n---\nfoo: bar\n`;
    const sorted = sortDocuments(read(text), text, ref, opts);
    expect(kindsOf(sorted.kinds)).toEqual(['broken', 'service', 'other', 'slo', 'empty', 'foreign']);
    expect(sorted.facts).toEqual({ entities: ['component:default/docs'], locations: [], skeletons: [] });
    expect('template' in sorted).toBe(false);
    expect(sorted.findings).toEqual([]);
  });

  it('counts a Backstage service as a service, not as an entity to resolve against', () => {
    const service = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\nspec:\n  type: service\n  owner: team-cart\n  lifecycle: production\n';
    const sorted = sortDocuments(read(service), service, ref, opts);
    expect(kindsOf(sorted.kinds)).toEqual(['service']);
    expect(sorted.facts.entities).toEqual([]);
  });

  it('keeps the skeletons of software Templates beside their file, but not URLs', () => {
    const steps = ['./skeleton', 'https://github.com/acme/x', 'git+ssh://host/x', './sk:el', 'c:/skel'].map((u) => `    - action: fetch:template\n      input: { url: "${u}" }\n`).join('');
    const text = `apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  owner: group:default/p\n  type: service\n  steps:\n${steps}`;
    const sorted = sortDocuments(read(text), text, { path: 't/template.yaml', file: 't/template.yaml', explicit: false }, { config, today: DAY, cwd: '/repo' });
    expect(sorted.facts.skeletons).toEqual(['/repo/t/skeleton', '/repo/t/sk:el', '/repo/t/c:/skel']);
  });

  it('keeps Location targets to follow where they are written, and says why others are not, when named', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  targets:\n    - ./a.yaml\n    - https://example.com/b.yaml\n';
    const named = sortDocuments(read(`${CLEAN_LOW}---\n${text}`), `${CLEAN_LOW}---\n${text}`, ref, opts);
    expect(named.facts.locations).toEqual([{ target: './a.yaml', pointer: '/spec/targets/0', document: 1, range: { line: 32, column: 7, endLine: 32, endColumn: 15 } }]);
    expect(named.findings.map((f) => [f.ruleId, f.line, f.column, f.document, f.pointer])).toEqual([['input-skipped', 33, 7, 1, '/spec/targets/1']]);
    const walked = sortDocuments(read(text), text, { ...ref, explicit: false }, opts);
    expect(walked.facts.locations.map((l) => l.target)).toEqual(['./a.yaml']);
    expect(walked.findings).toEqual([]);
  });

  it('takes a document with a template mark in a value for a template, the first sign kept', () => {
    const tpl = (name: string) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  owner: team\n`;
    const text = `${tpl('ok')}---\n${tpl('"${{ values.name }}"')}---\n${tpl('"${{ values.other }}"')}`;
    const sorted = sortDocuments(read(text), text, ref, opts);
    expect(kindsOf(sorted.kinds)).toEqual(['service', 'template', 'template']);
    expect(sorted.template).toEqual({ range: { line: 12, column: 9, endLine: 12, endColumn: 29 }, what: 'metadata.name is "${{ values.name }}"' });
  });

  it('takes a mapping read from `{{ }}` for a template, by the line it is on', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  title: {{ cookiecutter.title }}\nspec:\n  type: service\n  owner: {{ cookiecutter.owner }}\n';
    const sorted = sortDocuments(read(text), text, ref, opts);
    expect(kindsOf(sorted.kinds)).toEqual(['template']);
    expect(sorted.template?.what).toBe('it holds "title: {{ cookiecutter.title }}"');
    expect(sorted.template?.range.line).toBe(5);
    const r = lintText(text, ref, opts);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['input-skipped', 5, 'a.yaml is not linted: it is an unrendered template (it holds "title: {{ cookiecutter.title }}"); lint what it renders.']]);
  });

  it('does not look for template marks in a text that holds none', () => {
    const sorted = sortDocuments(read(CLEAN_LOW), CLEAN_LOW, ref, opts);
    expect(kindsOf(sorted.kinds)).toEqual(['service']);
  });
});

describe('textTemplate', () => {
  it('is the first template line of a text, where its mark is', () => {
    expect(textTemplate('a: 1\nb: x {{ .Values.b }}\n{{ end }}\n')).toEqual({ range: { line: 2, column: 6, endLine: 2, endColumn: 6 }, what: 'it holds "b: x {{ .Values.b }}"' });
    expect(textTemplate('a: 1\n')).toBeUndefined();
  });
});
