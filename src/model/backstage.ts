import type { Stage, Tier } from '../types.js';
import type { ServiceLayout } from './build.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `service` for a Backstage Component of a service type, `other` for any other Backstage entity. */
export function classifyBackstage(value: unknown, serviceTypes: readonly string[]): 'service' | 'other' | undefined {
  if (!isObj(value) || typeof value.apiVersion !== 'string' || !/^backstage\.io\//.test(value.apiVersion)) return undefined;
  if (value.kind !== 'Component') return 'other';
  const spec = isObj(value.spec) ? value.spec : {};
  return typeof spec.type === 'string' && serviceTypes.includes(spec.type) ? 'service' : 'other';
}

const LIFECYCLE_STAGE: Record<string, Stage> = { experimental: 'design', production: 'operation', deprecated: 'operation' };

/** `component:default/auth-service` → `auth-service`; other kinds are dependencies outside the catalog. */
export function parseEntityRef(ref: string): { kind: string; namespace: string; name: string } {
  const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  return { kind: (m?.[1] ?? 'component').toLowerCase(), namespace: m?.[2] ?? 'default', name: m?.[3] ?? ref };
}

/** Where a Backstage `catalog-info.yaml` Component keeps each part of a service. */
export function backstageLayout(value: Record<string, unknown>, file: string, doc: number): ServiceLayout {
  const metadata = isObj(value.metadata) ? value.metadata : {};
  const spec = isObj(value.spec) ? value.spec : {};
  const warranty = isObj(spec.warranty) ? spec.warranty : {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== 'default' ? metadata.namespace : undefined;
  const name = typeof metadata.name === 'string' ? (namespace ? `${namespace}/${metadata.name}` : metadata.name) : metadata.name;
  const lifecycle = typeof spec.lifecycle === 'string' ? LIFECYCLE_STAGE[spec.lifecycle] : undefined;
  return {
    source: 'backstage',
    file,
    doc,
    name,
    tier: warranty.tier,
    defaultTier: 'medium' satisfies Tier,
    stage: warranty.lifecycleStage,
    defaultStage: lifecycle ?? 'design',
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
      const ref = parseEntityRef(raw);
      const qualified = ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
      return { service: qualified, kind: 'hard', external: ref.kind !== 'component' };
    },
  };
}
