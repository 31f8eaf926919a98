// Whether a policy's `field` names something a service can hold: a field of the service schema,
// one declared in `extensions`, or an `x-` key (yours, anywhere). A misspelt field would make a
// policy that never passes, or with `absent` one that never fails: a config error says so at once.
import type { Extensions } from '../config/types.js';
import { didYouMean } from '../schema/suggest.js';
import { loadSchemaFile } from '../schema/validate.js';
import type { Area } from '../types.js';

type Schema = Record<string, unknown>;

const isObj = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Backstage's own metadata fields (its descriptor format), which a service-level policy may read too. */
const BACKSTAGE_METADATA: Schema = {
  namespace: { type: 'string' },
  title: { type: 'string' },
  annotations: { type: 'object', additionalProperties: { type: 'string' } },
  tags: { type: 'array' },
  links: { type: 'array' },
};

let serviceSchema: Schema | undefined;

function definitions(): Schema {
  serviceSchema ??= loadSchemaFile('service.schema.json');
  return serviceSchema.definitions as Schema;
}

function deref(node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const target = definitions()[ref.slice('#/definitions/'.length)];
    if (isObj(target)) return deref(target);
  }
  return node;
}

/** The schema node of an area, or of metadata (native and Backstage fields) when `area` is null. */
function rootOf(area: Area | null): Schema {
  if (area !== null) return definitions()[area] as Schema;
  serviceSchema ??= loadSchemaFile('service.schema.json');
  const metadata = (serviceSchema.properties as Schema).metadata as Schema;
  return { ...metadata, properties: { ...(metadata.properties as Schema), ...BACKSTAGE_METADATA } };
}

/** Why `field` (a dot path under the area, or metadata) names nothing a service can hold; undefined when it does. */
export function fieldProblem(area: Area | null, field: string, extensions: Extensions): string | undefined {
  const place = area ?? 'metadata';
  const segments = field.split('.');
  if (segments.some((s) => s === '')) return `field ${JSON.stringify(field)} must be a dot path under ${place}, such as ${area === 'capacity' ? 'loadTest.date' : 'owner'}`;
  let node: Schema = rootOf(area);
  const extra = extensions[place] ?? {};
  let at = place;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    // Below an x- key, anything goes: it is the user's own.
    if (seg.startsWith('x-')) return undefined;
    node = deref(node);
    const props = isObj(node.properties) ? node.properties : {};
    const next = props[seg] ?? (i === 0 ? extra[seg] : undefined);
    if (isObj(next)) {
      node = next;
      at = `${at}.${seg}`;
      continue;
    }
    // A free map (labels, annotations, an extension declared with additionalProperties) holds any key.
    if (node.additionalProperties === true || isObj(node.additionalProperties)) return undefined;
    const names = [...Object.keys(props), ...(i === 0 ? Object.keys(extra) : [])];
    if (names.length === 0) return `field ${JSON.stringify(field)}: ${at} holds no fields, so it has no ${JSON.stringify(seg)}`;
    const hint = didYouMean(seg, names);
    const where = i === 0 ? `the schema of ${place}, nor in extensions.${place}` : `the schema of ${at}`;
    return `field ${JSON.stringify(field)}: ${JSON.stringify(seg)} is not in ${where}, and is not an x- key${hint ? `; did you mean "${hint}"?` : '.'} Fields of ${at}: ${names.join(', ')}`;
  }
  return undefined;
}
