// Unrendered templates told from definitions, and where the template shows: the pointer and text
// an `input-skipped` finding quotes, and the line of a template that cannot even be parsed.
import { describe, expect, it } from 'vitest';
import { mayBeTemplate, templateLine, templateMark } from '../../src/model/template.js';

describe('templateMark', () => {
  it('names the first identity field that holds a template expression, before any other mark', () => {
    const doc = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: '${{ values.name | dump }}', description: '{% if x %}' } };
    expect(templateMark(doc)).toEqual({ pointer: '/metadata/name', text: '${{ values.name | dump }}' });
  });

  it('finds a strong mark deeper in the document, in a value or in a key, with its pointer', () => {
    expect(templateMark({ kind: 'Component', spec: { warranty: { availability: { target: '{{ .Values.target }}' } } } })).toEqual({
      pointer: '/spec/warranty/availability/target',
      text: '{{ .Values.target }}',
    });
    expect(templateMark({ kind: 'Component', spec: { '{%- if values.db %}': { rto: '4h' } } })).toEqual({ pointer: '/spec/{%- if values.db %}', text: '{%- if values.db %}' });
    expect(templateMark({ kind: 'Component', spec: { tags: ['web', '{{ cookiecutter.tag }}'] } })).toEqual({ pointer: '/spec/tags/1', text: '{{ cookiecutter.tag }}' });
  });

  it('looks past the first key and the first item that hold no mark', () => {
    expect(templateMark({ a: { b: 'plain', c: 'also plain' }, d: ['x', { e: '${{ parameters.owner }}' }] })).toEqual({ pointer: '/d/1/e', text: '${{ parameters.owner }}' });
  });

  it('takes a lone {{ in prose, a CloudFormation dynamic reference or a plain document for no template', () => {
    expect(templateMark({ metadata: { name: 'svc', description: 'Use {{ and }} in the wiki' } })).toBeUndefined();
    expect(templateMark({ metadata: { name: '{{resolve:ssm:/svc/name}}' } })).toBeUndefined();
    expect(templateMark({ metadata: { name: 'svc' }, spec: { n: 3, ok: true, none: null } })).toBeUndefined();
    expect(templateMark('${{ values.name }}')).toEqual({ pointer: '', text: '${{ values.name }}' });
  });

  it('cuts a long mark to 59 characters and an ellipsis, and keeps one of 60 whole', () => {
    const sixty = `{{ .Values.${'x'.repeat(46)} }}`;
    expect(sixty).toHaveLength(60);
    expect(templateMark({ metadata: { name: sixty } })?.text).toBe(sixty);
    const longer = `${sixty}y`;
    expect(templateMark({ metadata: { name: longer } })?.text).toBe(`${longer.slice(0, 59)}…`);
  });

  it('stops at the depth the walker allows instead of recursing without bound', () => {
    let deep: unknown = '${{ values.x }}';
    for (let i = 0; i < 300; i++) deep = { k: deep };
    expect(templateMark(deep)).toBeUndefined();
    let shallow: unknown = '${{ values.x }}';
    for (let i = 0; i < 200; i++) shallow = [shallow];
    expect(templateMark(shallow)?.pointer).toBe('/0'.repeat(200));
  });
});

describe('templateLine', () => {
  it("gives the first mark's offset and its whole line, trimmed", () => {
    const text = 'apiVersion: v1\n  name: {{ .Values.name }}  \nkind: x\n';
    expect(templateLine(text)).toEqual({ offset: text.indexOf('{{'), text: 'name: {{ .Values.name }}' });
  });

  it('reads to the end of a text without a final newline, and from the start of a first line', () => {
    expect(templateLine('{% if x %}')).toEqual({ offset: 0, text: '{% if x %}' });
    expect(templateLine('a: 1\nb: ${{ values.b }}')).toEqual({ offset: 8, text: 'b: ${{ values.b }}' });
  });

  it('cuts a long line, and finds nothing in a text without a mark', () => {
    const line = `description: ${'w'.repeat(80)} {{ x }}`;
    expect(templateLine(line)?.text).toBe(`${line.slice(0, 59)}…`);
    expect(templateLine('a: 1\nb: {{resolve:ssm:/x}}\n')).toBeUndefined();
  });
});

describe('mayBeTemplate', () => {
  it('is a cheap test for either opening', () => {
    expect(mayBeTemplate('a: {{ x }}')).toBe(true);
    expect(mayBeTemplate('a: {% if %}')).toBe(true);
    expect(mayBeTemplate('a: { b: c }')).toBe(false);
  });
});
