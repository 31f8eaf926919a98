import type { EngineRule } from './types.js';

/** Raised by the loader (src/load): each parse, decode or limit problem of a file or document. */
export const yamlSyntax: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'yaml-syntax',
    area: null,
    severity: 'error',
    description: 'The file or a document cannot be parsed or decoded (syntax, duplicate key, unknown tag, %YAML 1.1, encoding, limits).',
    rationale:
      'A definition that cannot be read defines no warranty at all. Duplicate keys and YAML 1.1 quirks are worse: another tool would read a different value than the author meant, silently.',
    remediation: 'Fix the YAML at the reported line: remove the duplicate key or unknown tag, save as UTF-8, or split the oversized document.',
    examples: {
      fail: 'apiVersion: warranty-lint/v1\nkind: Service\nkind: Service  # <-- flagged: a duplicate key\n',
      pass: 'apiVersion: warranty-lint/v1\nkind: Service\n',
    },
  },
};
