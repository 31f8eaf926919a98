import type { EngineRule } from './types.js';

/** Raised by file discovery (src/load/discover.ts). */
export const fileUnreadable: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'file-unreadable',
    area: null,
    severity: 'error',
    description: 'A path found or named cannot be read (permissions, broken link, link loop, not a regular file).',
    rationale: 'A service definition that the linter cannot read is a service whose warranty nobody checked; the gap must be visible, not skipped.',
    remediation: 'Fix the file permissions or the link, or exclude the path with `ignore` or --ignore-pattern.',
    examples: {
      fail: '# services/payments.yaml -> ../missing.yaml (a broken symbolic link)\n',
      pass: '# services/payments.yaml is a regular, readable file\n',
    },
  },
};
