// Backstage entity references (https://backstage.io/docs/features/software-catalog/references):
// `[<kind>:][<namespace>/]<name>`, compared as the catalog compares them, kind and namespace case
// insensitively, with the referrer's defaults applied.

export const DEFAULT_NAMESPACE = 'default';

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
export function parseEntityRef(ref: string, defaultNamespace: string = DEFAULT_NAMESPACE, defaultKind = 'component'): EntityRef {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?(.+)$/.exec(ref.trim());
  return { kind: (m?.[1] ?? defaultKind).toLowerCase(), namespace: m?.[2] ?? defaultNamespace, name: m?.[3] ?? ref.trim() };
}

const isDefault = (namespace: string): boolean => namespace.toLowerCase() === DEFAULT_NAMESPACE;

/**
 * The name a Backstage entity has among warranty-lint's services: `name` in the default namespace
 * (so it meets native services of the same name), `namespace/name` elsewhere, the namespace in
 * lower case as Backstage compares it. Names and dependency references use this one form.
 */
export function qualifiedName(namespace: string, name: string): string {
  return isDefault(namespace) ? name : `${namespace.toLowerCase()}/${name}`;
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

/**
 * The one key an entity is known by across the run: `kind:namespace/name` in lower case, as
 * Backstage's catalog stores references. `text` is a name as warranty-lint writes it (a native
 * service's name, `billing/ledger`, `resource:payments-db`) or an entity reference; a reference
 * without a kind is a Component, without a namespace in `default`.
 */
export function entityKey(text: string): string {
  const ref = parseEntityRef(text);
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}

/** The key of an entity document (its kind, `metadata.namespace` and `metadata.name`); undefined without a name. */
export function keyOfEntity(kind: unknown, namespace: unknown, name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '' || typeof kind !== 'string') return undefined;
  const ns = typeof namespace === 'string' && namespace.trim() !== '' ? namespace.trim() : DEFAULT_NAMESPACE;
  return `${kind}:${ns}/${name.trim()}`.toLowerCase();
}
