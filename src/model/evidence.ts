// Evidence: the fields of a warranty that name a document backing a requirement (a DR plan, a test
// report, a policy). Which fields they are, and which values are references to files, is decided
// here, purely; what a reference points at is found by the engine (load/evidence.ts), so that rules
// never read files.
import { joinPointer } from '../load/pointer.js';
import type { Area } from '../types.js';
import type { Service } from './types.js';

export interface EvidenceReference {
  pointer: string;
  /** As people read it: `continuity.plan`. */
  field: string;
  area: Area;
  reference: string;
}

/**
 * Document extensions that make an identifier read as a file name (`isp-2024.pdf`). A policy is
 * more often named by an identifier of the ISMS (`ISP-2024`), which is not a path.
 */
const DOCUMENT_EXTENSION = /\.(?:md|markdown|mdx|txt|rst|adoc|asciidoc|html?|pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|odp|ya?ml|json|png|jpe?g|svg)$/i;

/**
 * Whether an identifier reads as a path rather than a name of something kept elsewhere: it has a
 * folder (`/`, `\`), starts like a path (`.`, `~`), or ends in a document extension. URLs count too
 * (they are references, judged by what they are).
 */
export function looksLikePath(value: string): boolean {
  const v = value.trim();
  return /[/\\]/.test(v) || /^[.~]/.test(v) || DOCUMENT_EXTENSION.test(v) || /^[a-z][a-z0-9+.-]+:/i.test(v);
}

/**
 * The references to evidence a service makes, in the order of its areas: `continuity.plan`,
 * `continuity.lastTest.report` and `capacity.loadTest.report` always name a document (a file of
 * the repository or a URL); `security.policy` only when it looks like a path. Values that are
 * placeholders or reported by the schema are not in the model, so they are not here either.
 */
export function evidenceReferences(service: Service): EvidenceReference[] {
  const out: EvidenceReference[] = [];
  const add = (area: Area, path: readonly string[], reference: string | undefined): void => {
    if (reference === undefined || reference.trim() === '') return;
    out.push({ pointer: joinPointer(service.areas[area].pointer, ...path), field: `${area}.${path.join('.')}`, area, reference });
  };
  add('capacity', ['loadTest', 'report'], service.areas.capacity.values.loadTest?.report);
  const continuity = service.areas.continuity.values;
  add('continuity', ['plan'], continuity.plan);
  add('continuity', ['lastTest', 'report'], continuity.lastTest?.report);
  const policy = service.areas.security.values.policy;
  if (policy !== undefined && looksLikePath(policy)) add('security', ['policy'], policy);
  return out;
}
