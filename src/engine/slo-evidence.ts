// An SLO as code found for a service that defines no availability area is evidence of the
// requirement it lacks: the message of its finding says so (issue 17), so that the team adopts the
// objective it already measures instead of inventing one. A step of settle(): the finding is made
// while its file is linted, the SLOs are known only once every file is.
import type { ServicesByDocument } from '../model/documents.js';
import type { SloIndex } from '../model/slo/index.js';
import { sloEvidence } from '../rules/support/slo.js';
import { isPacked, type KeptFinding } from './finding.js';

/** The findings that say a service has no availability requirements, with the area they name. */
const ABOUT_MISSING_AVAILABILITY = new Set(['warranty-area-missing', 'warranty-missing']);

export function addSloEvidence(findings: readonly KeptFinding[], documents: ServicesByDocument, slos: SloIndex | undefined): void {
  if (!slos?.all.length) return;
  for (const f of findings) {
    if (!ABOUT_MISSING_AVAILABILITY.has(f.ruleId) || (f.ruleId === 'warranty-area-missing' && f.area !== 'availability')) continue;
    const service = documents.of(f);
    const found = service ? slos.of(service.name) : [];
    if (found.length === 0) continue;
    const evidence = ` ${sloEvidence(found)}`;
    // A packed message is a list of pieces shared with other findings (frozen): replaced, never changed.
    if (isPacked(f)) {
      const last = f.message.length - 1;
      f.message = [...f.message.slice(0, last), `${f.message[last] as string}${evidence}`];
    } else f.message += evidence;
  }
}
