// `extensions` in the config: extra fields an organisation's policies need (`availability.oncall`),
// merged into the service schema so that they are fields like any other, not unknown keys. The
// schemas are otherwise precompiled at build time; a config with extensions compiles its own
// once per thread (~0.1 s). A fragment is shape only: its keywords are a short list, without
// `pattern` or `format` (a regular expression from a pull request must not backtrack for ever:
// policies match patterns in linear time), and `$ref` only to the service schema's definitions.
import type { ValidateFunction } from 'ajv';
import type { Extensions } from '../config/types.js';
import { EXTENSION_PLACES } from '../config/types.js';
import { joinPointer } from '../load/pointer.js';
import { didYouMean } from './suggest.js';
import { createAjv, loadSchemaFile, validatorFor } from './validate.js';

type Schema = Record<string, unknown>;

export interface ExtensionProblem {
  /** Relative to `extensions`. */
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

const isObj = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

const ALLOWED = [
  'type', 'enum', 'const', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'items', 'minItems', 'maxItems', 'uniqueItems', 'properties', 'required', 'additionalProperties', 'anyOf', '$ref',
  'description', 'title', 'default', 'examples',
];
const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** Keys that may hold a field's schema, by place. */
function placeSchema(service: Schema, place: string): Schema {
  return place === 'metadata' ? ((service.properties as Schema).metadata as Schema) : ((service.definitions as Schema)[place] as Schema);
}

function checkFragment(node: unknown, pointer: string, definitions: Schema, out: ExtensionProblem[]): void {
  if (!isObj(node)) {
    out.push({ pointer, at: 'value', message: `extensions: ${pointer.slice(1).replace(/\//g, '.')} must be a JSON Schema mapping, such as { type: string, minLength: 1 }` });
    return;
  }
  const where = pointer.slice(1).replace(/\//g, '.');
  for (const [k, v] of Object.entries(node)) {
    const at = joinPointer(pointer, k);
    if (!ALLOWED.includes(k)) {
      const why = k === 'pattern' || k === 'patternProperties' || k === 'format' ? ' (match text with a policy: `function: pattern` runs in linear time)' : '';
      const hint = didYouMean(k, ALLOWED);
      const end = hint && !why ? `; did you mean "${hint}"?` : '.';
      out.push({ pointer: at, at: 'key', message: `extensions.${where}: the keyword "${k}" is not supported in an extension${why}${end} Supported: ${ALLOWED.join(', ')}` });
      continue;
    }
    if (k === 'type' && !(typeof v === 'string' ? TYPES.includes(v) : Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string' && TYPES.includes(t)))) {
      out.push({ pointer: at, at: 'value', message: `extensions.${where}.type must be one of ${TYPES.join(', ')} (got ${JSON.stringify(v)})` });
    } else if (k === '$ref' && !(typeof v === 'string' && v.startsWith('#/definitions/') && isObj(definitions[v.slice('#/definitions/'.length)]))) {
      out.push({ pointer: at, at: 'value', message: `extensions.${where}.$ref must name a definition of the service schema, such as "#/definitions/duration" (${Object.keys(definitions).join(', ')})` });
    } else if (k === 'items' || (k === 'additionalProperties' && typeof v !== 'boolean')) {
      checkFragment(v, at, definitions, out);
    } else if (k === 'properties') {
      if (!isObj(v)) out.push({ pointer: at, at: 'value', message: `extensions.${where}.properties must be a mapping of field names to schemas` });
      else for (const [name, s] of Object.entries(v)) checkFragment(s, joinPointer(at, name), definitions, out);
    } else if (k === 'anyOf') {
      if (!Array.isArray(v) || v.length === 0) out.push({ pointer: at, at: 'value', message: `extensions.${where}.anyOf must be a non-empty list of schemas` });
      else v.forEach((s, i) => checkFragment(s, joinPointer(at, i), definitions, out));
    }
  }
}

/** Problems with `extensions`, each at its pointer; none means the extended schemas compile. */
export function checkExtensions(extensions: Extensions): ExtensionProblem[] {
  const service = loadSchemaFile('service.schema.json');
  const definitions = service.definitions as Schema;
  const out: ExtensionProblem[] = [];
  for (const place of EXTENSION_PLACES) {
    const fields = extensions[place];
    if (!fields) continue;
    const existing = (placeSchema(service, place).properties ?? {}) as Schema;
    for (const [name, fragment] of Object.entries(fields)) {
      const pointer = joinPointer('', place, name);
      if (Object.prototype.hasOwnProperty.call(existing, name)) {
        out.push({ pointer, at: 'key', message: `extensions.${place}.${name}: ${place}.${name} is already in the schema; an extension adds a field the schema does not have` });
      } else if (name === '' || name.includes('.')) {
        out.push({ pointer, at: 'key', message: `extensions.${place}: the field name ${JSON.stringify(name)} must be a plain key (no ".": policies name fields by dot paths)` });
      } else {
        checkFragment(fragment, pointer, definitions, out);
      }
    }
  }
  if (out.length === 0) {
    try {
      extendedValidator('service.schema.json', extensions);
    } catch (error) {
      out.push({ pointer: '', at: 'key', message: `extensions: the extended schema does not compile: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return out;
}

/** Whether a config declares any extension at all (else the precompiled validators serve). */
export function hasExtensions(extensions: Extensions | undefined): boolean {
  return extensions !== undefined && EXTENSION_PLACES.some((p) => Object.keys(extensions[p] ?? {}).length > 0);
}

function extendedSchemas(extensions: Extensions): { service: Schema; backstage: Schema } {
  const service = structuredClone(loadSchemaFile('service.schema.json'));
  for (const place of EXTENSION_PLACES) {
    const fields = extensions[place];
    if (!fields) continue;
    const node = placeSchema(service, place);
    node.properties = { ...(node.properties as Schema), ...structuredClone(fields) };
  }
  const backstage = structuredClone(loadSchemaFile('backstage.schema.json'));
  if (extensions.metadata) {
    const metadata = (backstage.properties as Schema).metadata as Schema;
    metadata.properties = { ...(metadata.properties as Schema), ...structuredClone(extensions.metadata) };
  }
  return { service, backstage };
}

const compiled = new Map<string, Map<string, ValidateFunction>>();

/**
 * The validator of a schema file of `schemas/` with the config's extensions merged in, compiled
 * once per set of extensions in this thread; the precompiled one when there are none.
 */
export function extendedValidator(file: string, extensions: Extensions | undefined): ValidateFunction {
  if (!hasExtensions(extensions)) return validatorFor(file);
  const key = JSON.stringify(extensions);
  let validators = compiled.get(key);
  if (!validators) {
    const { service, backstage } = extendedSchemas(extensions as Extensions);
    const ajv = createAjv(undefined, [service]);
    validators = new Map([
      ['service.schema.json', ajv.getSchema(String(service.$id)) as ValidateFunction],
      ['backstage.schema.json', ajv.compile(backstage)],
    ]);
    compiled.set(key, validators);
  }
  return validators.get(file) ?? validatorFor(file);
}
