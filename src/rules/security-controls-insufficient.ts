import { joinPointer } from '../load/pointer.js';
import { REQUIRED_CONTROLS } from '../model/vocabulary.js';
import { CONFIDENTIAL_PII, LOW_AREAS, serviceExample } from './support/example.js';
import type { ServiceRule } from './types.js';
import { listWords, named } from './types.js';

export const securityControlsInsufficient: ServiceRule = {
  scope: 'service',
  meta: {
    id: 'security-controls-insufficient',
    area: 'security',
    severity: 'error',
    description:
      'A control the classification requires is missing (internal: authn, rbac, encryption-in-transit; confidential: + encryption-at-rest, access-logging, encrypted-backups; restricted: + mfa, key-management).',
    rationale:
      'Information Security Management agrees a level of protection with the business, and the classification is that level: the controls it requires are part of the warranty, designed in before the service is built. A control left out in Service Design is added reactively in Service Operation, after the audit finding or the breach, at a far higher cost.',
    remediation: 'Add the missing controls the message lists to security.controls (and implement them), or correct the classification if the data is less sensitive.',
    examples: {
      fail: serviceExample({ marked: ['security'], tier: 'low', areas: { ...LOW_AREAS, security: '{ classification: confidential, dataTypes: [pii], controls: [authn, rbac, encryption-in-transit] }' } }),
      pass: serviceExample({ tier: 'low', areas: { ...LOW_AREAS, security: CONFIDENTIAL_PII } }),
    },
  },
  check({ service }) {
    const area = service.areas.security;
    const { classification, controls } = area.values;
    // Controls reported as a placeholder or by the schema have their finding already.
    if (
      // Stryker disable next-line ConditionalExpression: an undefined classification looks up no REQUIRED_CONTROLS entry, so nothing is missing and [] is returned anyway.
      classification === undefined ||
      area.reported.includes('controls')
    )
      return [];
    // Stryker disable next-line ArrayDeclaration: with no controls, whatever the fallback holds, no required control is in it (the mutant's word is no control name).
    const have = new Set((controls ?? []).map((c) => c.trim().toLowerCase()));
    // Stryker disable next-line ArrayDeclaration: the schema's enum (service and Backstage) drops any classification REQUIRED_CONTROLS lacks, so the fallback is never read.
    const missing = (REQUIRED_CONTROLS[classification] ?? []).filter((c) => !have.has(c));
    if (missing.length === 0) return [];
    if (controls === undefined) {
      return [
        {
          pointer: area.pointer,
          at: 'key',
          message: `${named(service)} classifies its data as ${classification} but lists no security.controls; ${classification} requires ${listWords(missing)}.`,
        },
      ];
    }
    return [
      {
        pointer: joinPointer(area.pointer, 'controls'),
        message: `${named(service)} classifies its data as ${classification} but security.controls lacks ${listWords(missing)}, which ${classification} requires.`,
      },
    ];
  },
};
