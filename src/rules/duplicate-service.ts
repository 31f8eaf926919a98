import type { CatalogRule } from './types.js';
import { named, reported } from './types.js';
import { FLAGGED } from './support/example.js';

const DOC = (owner: string, mark = ''): string =>
  `apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: ${owner}, tier: low, lifecycleStage: design }${mark}\nspec:\n  warranty:\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n`;

export const duplicateService: CatalogRule = {
  scope: 'catalog',
  meta: {
    id: 'duplicate-service',
    area: null,
    severity: 'error',
    description: 'A document defines a metadata.name already defined earlier in the catalog (files in sorted path order).',
    rationale:
      'The service catalog is the single source of truth about services: each service has one definition, one owner and one set of agreed warranty levels. Two definitions of one name mean two answers to "what did we agree?", and dependencies on that name become ambiguous.',
    remediation: 'Rename the service if it is a different one, or merge the two definitions into one and delete the other.',
    examples: {
      fail: `${DOC('team-search')}---\n${DOC('team-discovery', FLAGGED)}`,
      pass: DOC('team-search'),
    },
  },
  positions: (service) => [service.pointers.name],
  *check(ctx) {
    const { byName } = ctx;
    for (const s of reported(ctx)) {
      // Stryker disable next-line ConditionalExpression: byName has no entry for null, so an unnamed service is skipped by the next line anyway.
      if (s.name === null) continue;
      const first = byName.get(s.name);
      if (!first || first === s) continue;
      yield {
        service: s,
        pointer: s.pointers.name,
        area: null,
        involves: [first],
        message: [`${named(s)} is already defined in `, { service: first, pointer: first.pointers.name }, '; a service name must be unique across the catalog.'],
      };
    }
  },
};
