// What the config loader asks of each policy once the schema has passed: an id with a "/", options
// that fit their function, patterns that compile for linear-time matching, fields a service can
// hold. Problems come back as pointers into the policy, which the loader places at their line.
import type { Extensions, PolicyData } from '../config/types.js';
import { joinPointer } from '../load/pointer.js';
import { checkOptions, FUNCTIONS } from './functions.js';
import { fieldProblem } from './fields.js';

export interface PolicyProblem {
  /** Relative to the policy (`/then/0/options/match`). */
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

/** `acme/oncall-named`, `@acme/warranty/rto`: a "/" and no spaces, commas or "=" (it is written in `--rule id=severity`). */
export const POLICY_ID = /^[A-Za-z0-9@_.-]+(?:\/[A-Za-z0-9@_.-]+)+$/;

/** `path` is how messages name the policy (`policies[2]`). */
export function checkPolicy(policy: PolicyData, path: string, extensions: Extensions): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  if (!policy.id.includes('/')) {
    out.push({ pointer: '/id', at: 'value', message: `${path}.id ${JSON.stringify(policy.id)} must hold a "/", such as "acme/${policy.id}": a policy's id never clashes with a built-in rule` });
  } else if (!POLICY_ID.test(policy.id)) {
    out.push({ pointer: '/id', at: 'value', message: `${path}.id ${JSON.stringify(policy.id)} may hold only letters, digits, "@", "_", ".", "-" and "/", such as "acme/oncall-named"` });
  }
  const area = policy.area ?? null;
  policy.then.forEach((c, i) => {
    const at = `${path}.then[${i}]`;
    if (!FUNCTIONS[c.function]) return; // the schema names the functions
    for (const p of checkOptions(c.function, c.options)) {
      const pointer = joinPointer(`/then/${i}`, 'options') + p.pointer;
      out.push({ pointer: c.options === undefined ? `/then/${i}` : pointer, at: c.options === undefined ? 'value' : p.at, message: `${at}: ${p.message}` });
    }
    const problem = fieldProblem(area, c.field, extensions);
    if (problem !== undefined) out.push({ pointer: `/then/${i}/field`, at: 'value', message: `${at}: ${problem}` });
  });
  return out;
}
