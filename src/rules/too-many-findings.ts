import type { EngineRule } from './types.js';

/** Raised by the engine when a document reaches `limits.maxFindingsPerDocument`. */
export const tooManyFindings: EngineRule = {
  scope: 'engine',
  meta: {
    id: 'too-many-findings',
    area: null,
    severity: 'info',
    description: 'A document reached limits.maxFindingsPerDocument; says how many more findings were left out.',
    rationale: 'A flood of findings hides the few that matter and can be used to drown CI logs; the count stays honest.',
    remediation: 'Fix the findings shown first (often one structural mistake causes many), or raise limits.maxFindingsPerDocument.',
    examples: {
      fail: '# a document with more than 100 findings\n',
      pass: '# a document with fewer findings than the limit\n',
    },
  },
};
