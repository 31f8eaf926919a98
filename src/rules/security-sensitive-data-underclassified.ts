import { joinPointer } from '../load/pointer.js';
import { CLASSIFICATION_ORDER, DATA_TYPE_MIN_CLASSIFICATION } from '../model/vocabulary.js';
import { LOW_AREAS, CONFIDENTIAL_PII, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { listWords, named } from './types.js';

const rank = (classification: string): number => (CLASSIFICATION_ORDER as readonly string[]).indexOf(classification);

export const securitySensitiveDataUnderclassified: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'security-sensitive-data-underclassified',
    area: 'security',
    severity: 'error',
    description: 'Sensitive data is classified too low: pii below confidential; phi, pci or credentials below restricted.',
    rationale:
      'The classification sets the level of information security the provider agrees to, and with it the controls that are designed in. Personal, health or card data and credentials classified as internal or public get the protection of ordinary data; the gap shows up in Operation, as a breach or an audit finding, instead of being designed away.',
    remediation: 'Raise security.classification to the level the most sensitive data type needs (the message names it), and add the controls that level requires.',
    examples: {
      fail: serviceExample({ marked: ['security'], tier: 'low', areas: { ...LOW_AREAS, security: '{ classification: internal, dataTypes: [pii], controls: [authn, rbac, encryption-in-transit] }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, security: CONFIDENTIAL_PII } }),
    },
  },
  check({ service }) {
    const area = service.areas.security;
    const { classification, dataTypes } = area.values;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the guards overlap: an undefined classification ranks -1, an undefined dataTypes makes an empty set, and the schema's enum ranks every defined classification, so dropping any one returns [] all the same.
    if (classification === undefined || dataTypes === undefined || rank(classification) < 0) return [];
    const under = [...new Set(dataTypes)].filter((d) => {
      const min = DATA_TYPE_MIN_CLASSIFICATION[d];
      return (
        // Stryker disable next-line ConditionalExpression: without a minimum, rank(undefined) is -1 and no classification ranks below it.
        min !== undefined &&
        rank(classification) < rank(min)
      );
    });
    if (under.length === 0) return [];
    // Stryker disable next-line EqualityOperator: two minimums of equal rank are the same word, so a tie picks the same one either way.
    const needed = under.map((d) => DATA_TYPE_MIN_CLASSIFICATION[d] as string).reduce((a, b) => (rank(b) > rank(a) ? b : a));
    return [
      {
        pointer: joinPointer(area.pointer, 'classification'),
        message: `${named(service)} handles ${listWords(under.map((d) => `${d} (at least ${DATA_TYPE_MIN_CLASSIFICATION[d]})`))} but security.classification is ${classification}; classify it ${needed}.`,
      },
    ];
  },
};
