import type { Stage, Tier } from '../../types.js';
import type { InputFormat, ServiceLayout } from './types.js';

// Backstage catalog entities (https://backstage.io/docs/features/software-catalog/descriptor-format).
// Only a Component of a service type is a service; everything else Backstage is skipped silently,
// and Backstage's own envelope is Backstage's to validate: we check only what we read.

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Any Backstage entity: `backstage.io/…`, and plugin groups such as `scaffolder.backstage.io/v1beta3` (Templates). */
const BACKSTAGE_API = /^([a-z0-9-]+\.)*backstage\.io\//;
/** The versions of the Component kind warranty-lint reads as services. */
const COMPONENT_API = /^backstage\.io\/(v1alpha1|v1beta1)$/;

const DEFAULT_NAMESPACE = 'default';

/**
 * `service` for a Component of a service type (config `backstage.serviceTypes`), `other` for any
 * other Backstage entity (skipped silently, even beside services), undefined when not Backstage.
 */
export function classifyBackstage(value: unknown, serviceTypes: readonly string[]): 'service' | 'other' | undefined {
  if (!isObj(value) || typeof value.apiVersion !== 'string' || !BACKSTAGE_API.test(value.apiVersion)) return undefined;
  if (value.kind !== 'Component' || !COMPONENT_API.test(value.apiVersion)) return 'other';
  const spec = isObj(value.spec) ? value.spec : {};
  return typeof spec.type === 'string' && serviceTypes.includes(spec.type) ? 'service' : 'other';
}

/** Backstage's `spec.lifecycle` values, as the ITIL stage a service is in when `spec.warranty.lifecycleStage` is not given. */
const LIFECYCLE_STAGE: Record<string, Stage> = { experimental: 'design', production: 'operation', deprecated: 'operation' };

/** The stage a Backstage `spec.lifecycle` implies; anything else (or nothing) is `design`. */
export function stageFromLifecycle(lifecycle: unknown): Stage {
  return (typeof lifecycle === 'string' ? LIFECYCLE_STAGE[lifecycle.trim().toLowerCase()] : undefined) ?? 'design';
}

export interface EntityRef {
  /** Lower case; `component` when the reference names no kind. */
  kind: string;
  /** `default` when the reference names no namespace (and no other default applies). */
  namespace: string;
  name: string;
}

/**
 * Parses a Backstage entity reference, `[<kind>:][<namespace>/]<name>`. Like Backstage's catalog,
 * a reference without a namespace means the namespace of the entity that makes it.
 */
export function parseEntityRef(ref: string, defaultNamespace: string = DEFAULT_NAMESPACE): EntityRef {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?(.+)$/.exec(ref.trim());
  return { kind: (m?.[1] ?? 'component').toLowerCase(), namespace: m?.[2] ?? defaultNamespace, name: m?.[3] ?? ref.trim() };
}

const isDefault = (namespace: string): boolean => namespace.toLowerCase() === DEFAULT_NAMESPACE;

/**
 * The name a Backstage entity has among warranty-lint's services: `name` in the default namespace
 * (so it meets native services of the same name), `namespace/name` elsewhere. Names and
 * dependency references use this one form.
 */
export function qualifiedName(namespace: string, name: string): string {
  return isDefault(namespace) ? name : `${namespace}/${name}`;
}

/**
 * What a `spec.dependsOn` reference points at: a Component is a service of the catalog, named as
 * `qualifiedName` names it; any other kind (`resource:`, `api:`…) is a hard dependency outside the
 * catalog, kept with its kind so it can never be taken for a service.
 */
export function dependencyFromRef(raw: string, ownNamespace: string): { service: string; external: boolean } {
  const ref = parseEntityRef(raw, ownNamespace);
  const name = qualifiedName(ref.namespace, ref.name);
  return ref.kind === 'component' ? { service: name, external: false } : { service: `${ref.kind}:${name}`, external: true };
}

/** Where a Backstage `catalog-info.yaml` Component keeps each part of a service. */
function backstageLayout(value: Record<string, unknown>, file: string, doc: number): ServiceLayout {
  const metadata = isObj(value.metadata) ? value.metadata : {};
  const spec = isObj(value.spec) ? value.spec : {};
  const warranty = isObj(spec.warranty) ? spec.warranty : {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace.trim() !== '' ? metadata.namespace.trim() : DEFAULT_NAMESPACE;
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? qualifiedName(namespace, metadata.name) : metadata.name;
  return {
    source: 'backstage',
    file,
    doc,
    name,
    tier: warranty.tier,
    defaultTier: 'medium' satisfies Tier,
    stage: warranty.lifecycleStage,
    defaultStage: stageFromLifecycle(spec.lifecycle),
    // The entity ref as written (`group:default/payments`): messages quote it, and rules that judge
    // owners read it from here.
    owner: spec.owner,
    warranty: spec.warranty,
    dependsOn: spec.dependsOn,
    waivers: warranty.waivers,
    pointers: {
      name: '/metadata/name',
      owner: '/spec/owner',
      tier: '/spec/warranty/tier',
      stage: '/spec/warranty/lifecycleStage',
      spec: '/spec',
      warranty: '/spec/warranty',
      dependsOn: '/spec/dependsOn',
      waivers: '/spec/warranty/waivers',
    },
    dependency(raw) {
      if (typeof raw !== 'string' || raw.trim() === '') return null;
      return { ...dependencyFromRef(raw, namespace), kind: 'hard' };
    },
  };
}

/** Why a file of Backstage entities holds no service (for `no-service` on a file named explicitly). */
function whyNoBackstageService(serviceTypes: readonly string[]): string {
  if (serviceTypes.length === 0) return 'it holds Backstage entities only, and backstage.serviceTypes in the config is empty';
  const quoted = serviceTypes.map((t) => `"${t}"`);
  const list = quoted.length === 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.slice(-1).join('')}`;
  return `its Backstage entities include no Component whose spec.type is ${list} (backstage.serviceTypes in the config)`;
}

export const backstage: InputFormat = {
  id: 'backstage',
  title: 'a Backstage Component of a service type',
  markers: ['backstage.io/'],
  schema: 'backstage.schema.json',
  recognise: (value, config) => classifyBackstage(value, config.backstage.serviceTypes),
  layout: (value, file, doc) => backstageLayout(value, file, doc),
  whyNoService: (config) => whyNoBackstageService(config.backstage.serviceTypes),
};
