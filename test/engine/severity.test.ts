// overrides[].files are globs over the paths findings show, dot folders included (.github/, .ci/).
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { severityFor } from '../../src/engine/severity.js';

describe('severityFor', () => {
  it('applies an override to files under a dot folder and to dot files', () => {
    const config = resolveConfig({ overrides: [{ files: ['**/*.yaml'], rules: { schema: 'warning' } }] });
    expect(severityFor('schema', 'services/a.yaml', null, config)).toBe('warning');
    expect(severityFor('schema', '.ci/services/a.yaml', null, config)).toBe('warning');
    expect(severityFor('schema', 'services/.a.yaml', null, config)).toBe('warning');
    expect(severityFor('schema', 'services/a.json', null, config)).toBe('error');
  });
});
