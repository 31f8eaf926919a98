import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf } from '../support/lint-yaml.js';

const RULE = 'no-service';

describe(RULE, () => {
  it('reports an explicitly named file that is empty or holds only comments, at its start', () => {
    for (const text of ['', '# nothing here\n', '---\n---\n']) {
      const r = lintYaml(text);
      expect(positionsOf(r, RULE)).toEqual([[1, 1, null]]);
      expect(r.findings[0]).toMatchObject({ severity: 'error', file: 'test.yaml', service: null, area: null });
      expect(r.findings[0]?.message).toBe('test.yaml holds no service definition: it is empty or holds only comments');
    }
  });

  it('reports an explicitly named file of other YAML, including other Backstage kinds', () => {
    for (const text of ['foo: bar\n', 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: x }\nspec: { type: openapi }\n', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: site }\nspec: { type: website, owner: web }\n']) {
      const r = lintYaml(text);
      expect(positionsOf(r, RULE)).toEqual([[1, 1, null]]);
      expect(r.findings[0]?.message).toMatch(/none of its documents is a warranty-lint\/v1 Service or a Backstage Component of a service type|include no Component whose spec.type is "service"/);
    }
  });

  it('skips such files silently when they were found by walking a directory', () => {
    expect(lintYaml('foo: bar\n', { explicit: false }).findings).toEqual([]);
    expect(lintYaml('# comment\n', { explicit: false }).findings).toEqual([]);
  });

  it('is not raised for a file that holds a service, nor on top of a syntax error in a file of ours', () => {
    expect(positionsOf(lintYaml(CLEAN_LOW), RULE)).toEqual([]);
    expect(positionsOf(lintYaml('apiVersion: warranty-lint/v1\na: [\n'), RULE)).toEqual([]);
  });

  it('is the one finding of a named file that is not ours and cannot be parsed, with its first syntax problem', () => {
    const cloudFormation = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "receipts-${Env}"\n  Queue:\n    Properties: { QueueName: !Ref Name, Arn: !GetAtt Q.Arn }\n  Db:\n    Properties: { MasterUserPassword: \'{{resolve:secretsmanager:db:SecretString:password}}\' }\n';
    const r = lintYaml(cloudFormation);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([[RULE, 1, 1]]);
    expect(r.findings[0]?.message).toBe(
      'test.yaml holds no service definition: none of its documents is a warranty-lint/v1 Service or a Backstage Component of a service type (no top-level apiVersion of one), and line 6 cannot be read: unknown tag: !Sub; tags are not supported in service definitions (remove it)',
    );
    // A CloudFormation dynamic reference is a value, not a template to render.
    expect(r.findings[0]?.message).not.toMatch(/template/);
    expect(positionsOf(lintYaml('a: [1, 2\nb: c\n'), RULE)).toEqual([[1, 1, null]]);
  });
});
