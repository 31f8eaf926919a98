// A policy (plain data from a config or preset) made a service rule like the built-in ones: it
// reports pointers and sentences, and the engine places, configures, waives and baselines its
// findings by id. Compiled in each thread from the config's data: nothing crosses but data.
import type { PolicyData } from '../config/types.js';
import { UserError } from '../errors.js';
import { joinPointer, splitPointer } from '../load/pointer.js';
import { placeholderKind } from '../model/vocabulary.js';
import type { Service } from '../model/types.js';
import { listWords, named, type ServiceContext, type ServiceRule } from '../rules/types.js';
import type { Report } from '../types.js';
import { checkOptions, FUNCTIONS, shown, type Evaluator, type FieldState } from './functions.js';

/** A policy's severity when it names none (as Spectral's rulesets). */
export const DEFAULT_POLICY_SEVERITY = 'warning';

interface CompiledCheck {
  field: string;
  segments: string[];
  /** `availability.oncall`: the field as messages name it. */
  path: string;
  /** `is present`: what the check requires of the field. */
  expected: string;
  evaluate: Evaluator;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The field at `pointer` of the document: absent, unusable (a placeholder, or already reported by `schema`), or a value. */
export function fieldAt(document: NonNullable<ServiceContext['document']>, pointer: string, extraPlaceholders: readonly string[]): FieldState {
  let node: unknown = document.value;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || !hasOwn(node, seg)) return { kind: 'missing' };
    node = (node as Record<string, unknown>)[seg];
  }
  if (node === undefined || node === null) return { kind: 'missing' };
  // A list or mapping that holds nothing says nothing, as the built-in rules read it.
  if (Array.isArray(node) ? node.length === 0 : typeof node === 'object' && Object.keys(node).length === 0) return { kind: 'missing' };
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (document.unusable.has(p)) return { kind: 'unusable', value: node };
    if (p === '') break;
  }
  // Fields the placeholder rule does not read (x- keys, metadata) are still placeholders when they say "TBD".
  const kind = placeholderKind(node, extraPlaceholders);
  if (kind === 'placeholder' || kind === 'empty') return { kind: 'unusable', value: node };
  return { kind: 'value', value: node };
}

function compileCheck(policy: PolicyData, i: number): CompiledCheck {
  const c = policy.then[i] as PolicyData['then'][number];
  const fn = FUNCTIONS[c.function];
  const problems = fn ? checkOptions(c.function, c.options) : [{ message: `unknown function ${JSON.stringify(c.function)}` }];
  // The loader checks every policy at its line first; this guards code that builds a config itself.
  if (!fn || problems.length > 0) throw new UserError(`policy ${policy.id}: then[${i}]: ${problems.map((p) => p.message).join('; ')}`);
  const options = c.options ?? {};
  const path = `${policy.area ?? 'metadata'}.${c.field}`;
  return { field: c.field, segments: c.field.split('.'), path, expected: fn.describe(options), evaluate: fn.compile(options, path) };
}

/** "critical and high tier services in transition or operation": whom the policy judges, for `explain`. */
function appliesText(where: PolicyData['where']): string {
  const or = (words: readonly string[]): string => listWords(words).replace(/ and (?=[^ ]+$)/, ' or ');
  let text = where?.tier ? `${or(where.tier)} tier services` : 'services';
  if (where?.stage) text += ` in ${or(where.stage)}`;
  if (where?.kind) text += `, ${or(where.kind)} definitions`;
  return text === 'services' ? 'every service' : text;
}

/** A value for a template, as written but cut (a 5 MB value must not make a 5 MB message). */
const cut = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The rule a policy is. Throws UserError for a policy the loader would have refused. */
export function compilePolicy(policy: PolicyData): ServiceRule {
  const area = policy.area ?? null;
  const checks = policy.then.map((_, i) => compileCheck(policy, i));
  const requires = checks.map((c) => `${c.path} ${c.expected}`);
  const where = policy.where ?? {};
  const severity = policy.severity ?? DEFAULT_POLICY_SEVERITY;
  const description = policy.description ?? `${sentence(`${appliesText(where)}: ${listWords(requires)}`).replace(/^./, (c) => c.toUpperCase())}`;
  const meta: ServiceRule['meta'] = {
    id: policy.id,
    area,
    description,
    rationale: policy.rationale ?? `An organisation policy of the warranty: ${description}`,
    remediation: policy.remediation ?? sentence(`Make sure that ${listWords(requires)}`),
    severity: severity === 'off' ? DEFAULT_POLICY_SEVERITY : severity,
    ...(severity === 'off' ? { defaultOff: true } : {}),
    examples: { fail: '', pass: '' },
    policy: { source: policy.source ?? null, applies: appliesText(where), checks: requires },
  };
  const render = (service: Service, check: CompiledCheck, state: FieldState, problem: string): string => {
    if (policy.message === undefined) {
      return policy.description !== undefined
        ? `${named(service)} ${problem}. ${sentence(policy.description)}`
        : `${named(service)} ${problem}; policy ${policy.id} requires that ${check.path} ${check.expected}.`;
    }
    const vars: Record<string, string> = {
      service: named(service),
      name: service.name ?? '',
      field: check.field,
      path: check.path,
      area: area ?? 'metadata',
      value: state.kind === 'missing' ? 'nothing' : typeof state.value === 'string' ? cut(state.value) : shown(state.value),
      expected: check.expected,
      problem,
      tier: service.tier,
      stage: service.stage,
      kind: service.source,
      id: policy.id,
    };
    // Unknown names are left as written: braces may be meant literally.
    return policy.message.replace(/\{(\w+)\}/g, (whole, name: string) => (hasOwn(vars, name) ? (vars[name] as string) : whole));
  };
  return {
    scope: 'service',
    meta,
    check(ctx: ServiceContext): Report[] {
      const { service, document } = ctx;
      if (!document) return [];
      if (where.tier && !where.tier.includes(service.tier)) return [];
      if (where.stage && !where.stage.includes(service.stage)) return [];
      if (where.kind && !where.kind.includes(service.source)) return [];
      // Metadata is where a format keeps the service's name (`/metadata` for both formats).
      const base = area !== null ? service.areas[area].pointer : service.pointers.name.slice(0, service.pointers.name.lastIndexOf('/'));
      const reports: Report[] = [];
      for (const check of checks) {
        const pointer = joinPointer(base, ...check.segments);
        const state = fieldAt(document, pointer, ctx.config.placeholders);
        const problem = check.evaluate(state, ctx.today);
        if (problem !== undefined) reports.push({ pointer, message: render(service, check, state, problem) });
      }
      return reports;
    },
  };
}
