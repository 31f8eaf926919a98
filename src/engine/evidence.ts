// The facts `evidence-missing` reads: what each reference to evidence of a service points at, found
// while its file is linted (here, or on a worker thread) and kept on the model as plain data.
import { resolve } from 'node:path';
import { lookUpEvidence, shownPath } from '../load/evidence.js';
import { repositoryRoot } from '../load/repository.js';
import { evidenceReferences } from '../model/evidence.js';
import type { Evidence, Service } from '../model/types.js';

/**
 * The evidence of a service whose document is at `path` (as given to the run, relative to `cwd`):
 * each reference with what it points at. Nothing is read; a reference costs a `stat` or two.
 */
export function evidenceOf(service: Service, path: string, cwd: string | undefined): Evidence[] {
  const references = evidenceReferences(service);
  // Stryker disable next-line StringLiteral: resolve('') is the working directory too.
  const base = resolve(cwd ?? '.');
  const definition = resolve(base, path);
  let root: string | undefined;
  const rootOf = (): string => (root ??= repositoryRoot(path, cwd));
  return references.map((r) => {
    const found = lookUpEvidence(r.reference, definition, rootOf);
    const fact: Evidence = { ...r, status: found.status };
    if (found.looked) fact.looked = found.looked.map((p) => shownPath(p, base));
    return fact;
  });
}
