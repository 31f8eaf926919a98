// The SLO formats, in the order a document is offered to them: the first that recognises it owns
// it. A sibling of the input formats (../formats/): their documents are not services, but what the
// catalog rules compare the services' availability with. Adding a format: a module like sloth.ts,
// its schema in schemas/, one line here.
import { openslo } from './openslo.js';
import { sloth } from './sloth.js';
import type { Slo, SloFormat } from './types.js';

export const SLO_FORMATS: readonly SloFormat[] = [openslo, sloth];

/** The SLO format of a document, and whether it states objectives (`slo`) or is another of its documents. */
export function recogniseSlo(value: unknown): { kind: 'slo' | 'other'; format: SloFormat } | undefined {
  for (const format of SLO_FORMATS) {
    const kind = format.recognise(value);
    if (kind !== undefined) return { kind, format };
  }
  return undefined;
}

/**
 * The objectives of the run by the service they name, compared as names are: exactly, then in any
 * case (OpenSLO names are DNS labels, a Backstage name may be written otherwise).
 */
export class SloIndex {
  private readonly byName = new Map<string, Slo[]>();

  constructor(readonly all: readonly Slo[] = []) {
    for (const s of all) {
      const key = s.service.toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(s);
      else this.byName.set(key, [s]);
    }
  }

  /** The objectives about a service, in file order; the availability ones only unless `all`. */
  of(name: string | null, all = false): Slo[] {
    if (name === null) return [];
    const found = this.byName.get(name.toLowerCase()) ?? [];
    return all ? found : found.filter((s) => s.kind === 'availability');
  }
}

export type { Slo, SloFormat, SloObjective } from './types.js';
