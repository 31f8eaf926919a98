// Where a template shows (src/model/template.ts): any template mark in a field that names the
// entity, a strong one anywhere else, the depth the walk goes to; and templated paths.
import { describe, expect, it } from 'vitest';
import { templateMark, templatedPath } from '../../src/model/template.js';

describe('templateMark, identity fields', () => {
  it('takes any template expression in a field that names the entity, even one that names no engine input', () => {
    expect(templateMark({ metadata: { name: '{{ name }}' } })).toEqual({ pointer: '/metadata/name', text: '{{ name }}' });
    expect(templateMark({ spec: { owner: 'team-{{team}}' } })).toEqual({ pointer: '/spec/owner', text: 'team-{{team}}' });
    // Elsewhere, such an expression is prose.
    expect(templateMark({ metadata: { name: 'svc', title: '{{ name }}' } })).toBeUndefined();
  });

  it('names an identity field before a strong mark met earlier in the walk', () => {
    expect(templateMark({ spec: { x: '${{ values.a }}' }, metadata: { name: '{{ name }}' } })).toEqual({ pointer: '/metadata/name', text: '{{ name }}' });
  });

  it('reads identity fields only as text, and walks past what is not a mapping on the way', () => {
    expect(templateMark({ metadata: { name: ['{{ x }}'] } })).toBeUndefined();
    expect(templateMark({ metadata: null, spec: 'x' })).toBeUndefined();
    expect(templateMark({ metadata: ['{{ name }}'] })).toBeUndefined();
    expect(templateMark({ metadata: { name: 'svc' }, spec: { x: undefined, n: 3 } })).toBeUndefined();
  });
});

describe('templateMark, depth', () => {
  const nested = (levels: number): unknown => {
    let deep: unknown = '${{ values.x }}';
    for (let i = 0; i < levels; i++) deep = [deep];
    return deep;
  };

  it('walks lists down to depth 256 and finds a mark held there, no deeper', () => {
    expect(templateMark(nested(257))?.pointer).toBe('/0'.repeat(257));
    expect(templateMark(nested(258))).toBeUndefined();
  });
});

describe('templatedPath', () => {
  it('takes a path with a template mark in a folder or in its name', () => {
    expect(templatedPath('{{cookiecutter.name}}/catalog-info.yaml')).toBe(true);
    expect(templatedPath('services/{{ name }}/catalog-info.yaml')).toBe(true);
    expect(templatedPath('skeleton\\${{values.name}}.yaml')).toBe(true);
    expect(templatedPath('{% raw %}.yaml')).toBe(true);
  });

  it('takes a plain path, or one with a CloudFormation reference, for no template', () => {
    expect(templatedPath('services/checkout/catalog-info.yaml')).toBe(false);
    expect(templatedPath('a/{{resolve:ssm:x}}/b.yaml')).toBe(false);
    expect(templatedPath('a/{b}/c.yaml')).toBe(false);
  });
});
