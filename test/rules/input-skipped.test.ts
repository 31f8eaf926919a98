import { describe, expect, it } from 'vitest';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { expectExamplesHold } from './helpers.js';

const RULE = 'input-skipped';

const SKELETON = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: \${{ values.name | dump }}
  {%- if values.description %}
  description: \${{ values.description | dump }}
  {%- endif %}
spec:
  type: service
  owner: \${{ values.owner | dump }}
  lifecycle: experimental
`;

describe(RULE, () => {
  it('holds its examples', () => expectExamplesHold(RULE));

  it('says once why an unrendered template named explicitly is not linted, at what shows it', () => {
    const rendered = lintYaml(SKELETON.replace(/ {2}\{%-.*\n/g, ''));
    expect(positionsOf(rendered, RULE)).toEqual([[4, 9, null]]);
    expect(rendered.findings).toHaveLength(1);
    expect(rendered.findings[0]).toMatchObject({ severity: 'info', service: null, area: null });
    expect(rendered.findings[0]?.message).toBe('test.yaml is not linted: it is an unrendered template (metadata.name is "${{ values.name | dump }}"); lint what it renders.');
    // With {%- if %} lines the text does not even parse: still one finding, not a page of yaml-syntax.
    const broken = lintYaml(SKELETON);
    expect(broken.findings.map((f) => [f.ruleId, f.line])).toEqual([[RULE, 4]]);
    expect(broken.services).toEqual([]);
  });

  it('skips templates silently in a walk: scaffolder, cookiecutter and Helm', () => {
    for (const text of [
      SKELETON,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {{ cookiecutter.project_slug }}\nspec:\n  type: service\n  owner: {{ cookiecutter.owner }}\n',
      '{{- if .Values.backstage.register }}\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  type: service\n{{- end }}\n',
      'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: svc, owner: "${{ values.owner }}", tier: low, lifecycleStage: design }\n',
    ]) {
      expect(lintYaml(text, { explicit: false }).findings, text).toEqual([]);
      expect(lintYaml(text).findings.map((f) => f.ruleId), text).toEqual([RULE]);
    }
  });

  it('leaves a software Template alone: its own ${{ parameters }} are not a template to render', () => {
    const template = 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: create-service\nspec:\n  owner: group:default/platform\n  type: service\n  steps:\n    - action: fetch:template\n      input: { url: ./skeleton, values: { name: "${{ parameters.name }}" } }\n';
    expect(lintYaml(template).findings.map((f) => f.ruleId)).toEqual(['no-service']);
    // So is one written before scaffolder.backstage.io, with handlebars.
    const older = template.replace('scaffolder.backstage.io/v1beta3', 'backstage.io/v1beta2').replace('${{ parameters.name }}', '{{ parameters.name }}');
    expect(lintYaml(older).findings.map((f) => f.ruleId)).toEqual(['no-service']);
  });

  it('does not take a description that mentions {{ for a template', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: docs\n  description: Renders {{ mustache }} pages\nspec:\n  type: website\n  owner: team-docs\n';
    expect(lintYaml(text).findings.map((f) => f.ruleId)).toEqual(['no-service']);
  });

  it('says which Location targets are not followed and why: URLs, absolute paths, provider types', () => {
    const location = 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - https://github.com/acme/x/blob/main/catalog-info.yaml\n    - /etc/catalog.yaml\n    - ./services/catalog-info.yaml\n---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: org\nspec:\n  type: github-org\n  target: https://github.com/acme\n';
    const r = lintYaml(location);
    expect(positionsOf(r, RULE)).toEqual([
      [7, 7, '/spec/targets/0'],
      [8, 7, '/spec/targets/1'],
      [17, 11, '/spec/target'],
    ]);
    expect(r.findings.filter((f) => f.ruleId === RULE).map((f) => f.message)).toEqual([
      'the Location target "https://github.com/acme/x/blob/main/catalog-info.yaml" is not followed: it is a URL, and warranty-lint reads files of the repository only.',
      'the Location target "/etc/catalog.yaml" is not followed: it is an absolute path; targets are read relative to the Location.',
      'the Location target "https://github.com/acme" is not followed: its type "github-org" is read by a Backstage provider, not from a file.',
    ]);
    // Found in a walk, a Location's targets are followed where they can be, and nothing is said.
    expect(lintYaml(location, { explicit: false }).findings).toEqual([]);
  });
});
