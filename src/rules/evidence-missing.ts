import { LOW_AREAS, serviceExample } from './support/example.js';
import type { Evidence } from '../model/types.js';
import type { ServiceRule } from './types.js';
import { listWords, named, quote } from './types.js';

/** Why a reference is not evidence the repository holds, after "names … as its <field>, but". */
function why(e: Evidence): string {
  switch (e.status) {
    case 'missing': {
      const looked = e.looked ?? [];
      return `there is no such file (looked for ${listWords(looked)})`;
    }
    case 'outside':
      return 'it leads outside the repository, to a place on one machine that a reviewer or CI cannot see';
    case 'file-url':
      return 'a file: URL points at one machine\'s disk, which a reviewer or CI cannot see';
    case 'special':
      return 'it is not a file or folder (a FIFO, socket or device)';
    default:
      return '';
  }
}

export const evidenceMissing: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'evidence-missing',
    area: null,
    severity: 'warning',
    tierSeverity: { critical: 'error' },
    description:
      'A document named as evidence (continuity.plan, continuity.lastTest.report, capacity.loadTest.report, security.policy when it is a path) does not exist in the repository, relative to the definition or the repository root; URLs pass unread, file: URLs and paths outside the repository do not.',
    rationale:
      'A requirement without evidence is a promise. A continuity plan, a load test report or a security policy that the definition names but the repository does not hold was never written, was moved, or lives on one person\'s disk: at the first disaster or audit nobody can find it. Checking that the named document exists keeps the definition honest at the cost of a stat, without reading the document.',
    remediation:
      'Commit the document at the path the definition names (relative to the definition\'s folder or to the repository root), correct the path, or link it by URL (https://…) when it is kept in a wiki or document system.',
    examples: {
      fail: serviceExample({ marked: ['continuity'], tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 6h, rpo: 4h, recoveryOption: backup-restore, plan: docs/dr/search.md }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, continuity: '{ rto: 6h, rpo: 4h, recoveryOption: backup-restore, plan: "https://wiki.example.com/dr/search" }' } }),
    },
  },
  check({ service }) {
    const out = [];
    for (const e of service.evidence ?? []) {
      if (e.status === 'exists' || e.status === 'url') continue;
      out.push({
        pointer: e.pointer,
        area: e.area,
        message: `${named(service)} names ${quote(e.reference)} as its ${e.field}, but ${why(e)}; commit the document in the repository, correct the path, or link it by URL.`,
      });
    }
    return out;
  },
};
