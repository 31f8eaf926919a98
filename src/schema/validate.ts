import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { joinPointer, pointerToPath, splitPointer } from '../load/pointer.js';
import { didYouMean } from './suggest.js';

export interface SchemaProblem {
  pointer: string;
  message: string;
  at: 'key' | 'value';
  /** The field the problem makes unusable (for an unknown key with a hint: the key it was meant to be). */
  spoils: string;
}

const require = createRequire(import.meta.url);
const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function loadSchemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaDir + name, 'utf8')) as Record<string, unknown>;
}

type AjvInstance = {
  addSchema(schema: unknown): unknown;
  compile(schema: unknown): ValidateFunction;
  getSchema(id: string): ValidateFunction | undefined;
};
type AjvCtor = new (opts: Record<string, unknown>) => AjvInstance;

/** The schemas in `schemas/` that other schemas refer to by $id: added to every Ajv instance. */
const SHARED_SCHEMAS = ['service.schema.json'];

/**
 * The one Ajv setup, used at run time and by the build step that precompiles every schema
 * (scripts/build-validators.mjs), so both validate alike. `code` is Ajv's code option.
 */
export function createAjv(code?: Record<string, unknown>, shared: ReadonlyArray<Record<string, unknown>> = SHARED_SCHEMAS.map(loadSchemaFile)): AjvInstance {
  const Ajv = require('ajv') as AjvCtor & { default?: AjvCtor };
  const addFormats = require('ajv-formats') as ((a: unknown, f?: string[]) => void) & { default?: (a: unknown, f?: string[]) => void };
  const Ctor = Ajv.default ?? Ajv;
  const instance = new Ctor({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...(code ? { code } : {}) });
  (addFormats.default ?? addFormats)(instance, ['date']);
  // Other schemas refer to the service schema's definitions (the warranty block) by $id.
  for (const schema of shared) instance.addSchema(schema);
  return instance;
}

/** The export name of a schema file's precompiled validator: `service.schema.json` → `service`. */
export function exportNameOf(file: string): string {
  return file.replace(/\.schema\.json$|\.json$/, '').replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase());
}

let ajvInstance: AjvInstance | undefined;

/** One Ajv instance for the process, created on first use so commands that never validate never pay for it. */
function ajv(): AjvInstance {
  ajvInstance ??= createAjv();
  return ajvInstance;
}

let precompiled: Record<string, ValidateFunction> | null | undefined;

/**
 * Validators compiled at build time into dist/schema/validators.cjs (no schema compile at run time:
 * most of the start-up of a one-file run). Absent when running from the TypeScript sources.
 */
function precompiledValidators(): Record<string, ValidateFunction> | null {
  if (precompiled !== undefined) return precompiled;
  try {
    precompiled = require('./validators.cjs') as Record<string, ValidateFunction>;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    precompiled = null;
  }
  return precompiled;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for a schema file in `schemas/`: precompiled when built, else compiled once. */
export function validatorFor(file: string): ValidateFunction {
  let v = compiled.get(file);
  if (!v) {
    v = precompiledValidators()?.[exportNameOf(file)] ?? runtimeValidatorFor(file);
    compiled.set(file, v);
  }
  return v;
}

/** A validator compiled now, by Ajv (the path the precompiled validators must agree with). */
export function runtimeValidatorFor(file: string): ValidateFunction {
  const schema = loadSchemaFile(file);
  return ajv().getSchema(String(schema.$id)) ?? ajv().compile(schema);
}

/** Validates `value` and returns each violation once, in plain English, at the offending node. */
export function validateAgainst(file: string, value: unknown, subject: string): SchemaProblem[] {
  return validateWith(validatorFor(file), value, subject);
}

/** As validateAgainst, with a validator compiled elsewhere (a schema extended by the config: extend.ts). */
export function validateWith(validate: ValidateFunction, value: unknown, subject: string): SchemaProblem[] {
  if (validate(value)) return [];
  return explain(validate.errors ?? [], value, subject);
}

function explain(errors: ErrorObject[], root: unknown, subject: string): SchemaProblem[] {
  // anyOf branches report every alternative; keep the most useful one per place.
  const byPlace = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPlace.get(e.instancePath) ?? [];
    list.push(e);
    byPlace.set(e.instancePath, list);
  }
  const out: SchemaProblem[] = [];
  // A set, not a scan of `out`: a document with thousands of unknown keys must stay linear.
  const seen = new Set<string>();
  for (const [path, list] of byPlace) {
    const anyOf = list.find((e) => e.keyword === 'anyOf');
    const rest = list.filter((e) => e.keyword !== 'anyOf');
    if (anyOf) {
      out.push(describeAnyOf(path, anyOf, rest, root, subject));
      continue;
    }
    for (const e of rest) {
      const p = describe(e, root, subject);
      const key = p ? `${p.pointer}\u0000${p.message}` : '';
      if (p && !seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  // `tire: high` is one problem: the hint at the misspelt key says it, so "metadata.tier is
  // required" would be a second finding for the same mistake.
  const hinted = new Set(out.filter((p) => p.spoils !== p.pointer).map((p) => p.spoils));
  return out.filter((p) => !(p.at === 'key' && p.spoils === p.pointer && hinted.has(p.pointer) && / is required$/.test(p.message)));
}

function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function kindOf(schemaPath: string): 'duration' | 'date' | 'target' | 'percent' | 'tier' | 'stage' | undefined {
  const m = /#\/definitions\/(duration|date|target|percent|tier|stage)\//.exec(schemaPath);
  return m ? (m[1] as 'duration') : undefined;
}

function describeAnyOf(path: string, anyOf: ErrorObject, rest: ErrorObject[], root: unknown, subject: string): SchemaProblem {
  const value = at(root, path);
  const field = pointerToPath(path);
  if (anyOf.schemaPath.includes('/target/') || rest.some((e) => kindOf(e.schemaPath) === 'target')) {
    return {
      pointer: path,
      at: 'value',
      spoils: path,
      message: `${subject}: ${field} must be a percentage above 0 and at most 100, such as 99.9 or "99.9%" (got ${show(value)})`,
    };
  }
  if (/dependency/.test(anyOf.schemaPath)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // The mapping form was meant: explain its own problems.
      const own = rest.filter((e) => e.schemaPath.includes('/anyOf/1/'));
      const first = own.map((e) => describe(e, root, subject)).find((p) => p !== undefined);
      if (first) return first;
    }
    return {
      pointer: path,
      at: 'value',
      spoils: path,
      message: `${subject}: ${field} must be a service name or { service: <name>, kind: hard | soft } (got ${show(value)})`,
    };
  }
  const first = rest.map((e) => describe(e, root, subject)).find((p) => p !== undefined);
  return first ?? { pointer: path, at: 'value', spoils: path, message: `${subject}: ${field} has an invalid value (${show(value)})` };
}

/** `4 hours` → `4h`, `30 min` → `30m`: the duration the author meant, in the accepted form. */
function spelledDuration(text: string): string | undefined {
  const m = /^\s*(\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s*$/i.exec(text);
  return m ? `${m[1]}${(m[2] as string)[0]?.toLowerCase()}` : undefined;
}

/** What a structured field looks like, for the message when it is written as plain text. */
const SHAPES: Record<string, string> = {
  peak: '{ value: 1200, unit: rps }',
  forecast: '{ growthPercentPerYear: 20, horizonMonths: 12, driver: orders }',
  thresholds: '{ warn: 70, critical: 85 }',
  loadTest: '{ date: 2026-04-01, multipleOfPeak: 2 }',
  lastTest: '{ date: 2026-06-01, type: tabletop, result: pass }',
  dataTypes: '[pii]',
  controls: '[authn, rbac, encryption-in-transit]',
  dependsOn: '[auth-service, { service: fx-rates, kind: soft }]',
  waivers: '[{ rule: <rule id>, reason: <why>, approvedBy: <who>, expires: <YYYY-MM-DD> }]',
};

function describe(e: ErrorObject, root: unknown, subject: string): SchemaProblem | undefined {
  const path = e.instancePath;
  const field = pointerToPath(path);
  const value = at(root, path);
  const params = e.params as Record<string, unknown>;
  const kind = kindOf(e.schemaPath);
  const problem = (message: string, pointer = path, where: 'key' | 'value' = 'value', spoils = pointer): SchemaProblem => ({
    pointer,
    at: where,
    spoils,
    message: `${subject}: ${message}`,
  });
  switch (e.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const pointer = joinPointer(path, key);
      const allowed = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties as Record<string, unknown>) ?? {});
      const hint = didYouMean(key, allowed);
      const where = path === '' ? 'the document' : field;
      if (hint) return problem(`unknown key "${key}" in ${where}; did you mean "${hint}"?`, pointer, 'key', joinPointer(path, hint));
      const list = allowed.length > 0 ? ` Allowed keys: ${allowed.join(', ')} (and x-* for your own extensions).` : '';
      return problem(`unknown key "${key}" in ${where}.${list}`, pointer, 'key');
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const pointer = joinPointer(path, missing);
      return problem(`${pointerToPath(pointer)} is required`, pointer, 'key');
    }
    case 'type': {
      if (kind === 'duration' && typeof value === 'number') {
        return problem(`${field} must be a duration with a unit, such as "${value}m" or "${value}h"; add a unit (s, m, h, d, w)`);
      }
      if (kind === 'date') return problem(`${field} must be a date written YYYY-MM-DD (got ${show(value)})`);
      const want = String(params.type).replace('object', 'a mapping').replace('array', 'a list').replace('string', 'text').replace('number', 'a number').replace('integer', 'a whole number').replace('boolean', 'true or false');
      const shape = SHAPES[path.slice(path.lastIndexOf('/') + 1)];
      return problem(`${field} must be ${want}${shape && /mapping|list/.test(want) ? `, such as ${shape}` : ''} (got ${show(value)})`);
    }
    case 'pattern': {
      if (kind === 'duration') {
        const bare = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value);
        const spelled = typeof value === 'string' ? spelledDuration(value) : undefined;
        return problem(
          bare
            ? `${field} is a bare number (${show(value)}); add a unit, such as "${String(value).trim()}m" (s, m, h, d, w)`
            : spelled
              ? `${field} must be written "${spelled}" (got ${show(value)}): a whole number and one of s, m, h, d, w, or ISO 8601`
              : `${field} must be a duration such as "15m", "4h", "30d" or ISO 8601 "PT4H" (got ${show(value)})`,
        );
      }
      if (path === '/metadata/name') {
        return problem(`metadata.name ${show(value)} must be lowercase letters, digits and hyphens, starting and ending with a letter or digit`);
      }
      return problem(`${field} has an invalid format (got ${show(value)})`);
    }
    case 'format':
      return problem(`${field} must be a real date written YYYY-MM-DD (got ${show(value)})`);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return problem(`${field} must be one of ${allowed.join(', ')} (got ${show(value)})${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    case 'const':
      if (path === '/apiVersion') return problem(`apiVersion ${show(value)} is not supported; use "warranty-lint/v1"`);
      return problem(`${field} must be ${JSON.stringify(params.allowedValue)} (got ${show(value)})`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      if (kind === 'percent') return problem(`${field} is a percentage and must be between 0 and 100 (got ${show(value)})`);
      const words: Record<string, string> = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'above', exclusiveMaximum: 'below' };
      return problem(`${field} must be ${words[e.keyword]} ${String(params.limit)} (got ${show(value)})`);
    }
    case 'maxLength':
      return problem(`${field} is too long: at most ${String(params.limit)} characters`);
    case 'minLength':
      return problem(`${field} must not be empty`);
    default:
      return problem(`${field} ${e.message ?? 'is invalid'}`);
  }
}
