import type { Tier } from '../../types.js';
import type { InputFormat, ServiceLayout } from './types.js';
import type { ResolvedConfig } from '../../config/types.js';
import { readTier, stageFromLifecycle } from './backstage/fields.js';
import { entityFacts } from './backstage/entities.js';
import { DEFAULT_NAMESPACE, dependencyFromRef, qualifiedName } from './backstage/refs.js';
import { listWords } from '../list-words.js';

// Backstage catalog entities (https://backstage.io/docs/features/software-catalog/descriptor-format).
// Only a Component of a service type is a service; everything else Backstage is skipped silently,
// and Backstage's own envelope is Backstage's to validate: we check only what we read. The parts
// live beside this file: entity references (backstage/refs.ts), the configurable tier and stage
// (backstage/fields.ts), and what entities tell the catalog (backstage/entities.ts).

export { dependencyFromRef, entityKey, parseEntityRef, qualifiedName, type EntityRef } from './backstage/refs.js';
export { readTier, stageFromLifecycle } from './backstage/fields.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Any Backstage entity: `backstage.io/…`, and plugin groups such as `scaffolder.backstage.io/v1beta3` (Templates). */
const BACKSTAGE_API = /^([a-z0-9-]+\.)*backstage\.io\//;
/** The versions of the Component kind warranty-lint reads as services. */
const COMPONENT_API = /^backstage\.io\/(v1alpha1|v1beta1)$/;

/**
 * `service` for a Component of a service type (config `backstage.serviceTypes`), `other` for any
 * other Backstage entity (skipped silently, even beside services), undefined when not Backstage.
 */
export function classifyBackstage(value: unknown, serviceTypes: readonly string[]): 'service' | 'other' | undefined {
  if (!isObj(value) || typeof value.apiVersion !== 'string' || !BACKSTAGE_API.test(value.apiVersion)) return undefined;
  if (value.kind !== 'Component' || !COMPONENT_API.test(value.apiVersion)) return 'other';
  const spec = isObj(value.spec) ? value.spec : {};
  return (serviceTypes as readonly unknown[]).includes(spec.type) ? 'service' : 'other';
}

/** Where a Backstage `catalog-info.yaml` Component keeps each part of a service. */
function backstageLayout(value: Record<string, unknown>, file: string, doc: number, config: ResolvedConfig): ServiceLayout {
  const metadata = isObj(value.metadata) ? value.metadata : {};
  const spec = isObj(value.spec) ? value.spec : {};
  const warranty = isObj(spec.warranty) ? spec.warranty : {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace.trim() !== '' ? metadata.namespace.trim() : DEFAULT_NAMESPACE;
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? qualifiedName(namespace, metadata.name) : metadata.name;
  const tier = readTier(value, config.backstage.tier);
  return {
    source: 'backstage',
    file,
    doc,
    name,
    tier: tier.value,
    defaultTier: 'medium' satisfies Tier,
    stage: warranty.lifecycleStage,
    defaultStage: stageFromLifecycle(spec.lifecycle, config.backstage.lifecycle),
    // The entity ref as written (`group:default/payments`): messages quote it, and rules that judge
    // owners read it from here.
    owner: spec.owner,
    warranty: spec.warranty,
    // A Component that has not started its warranty gets one finding that says what to add, not
    // one per area (a catalog of 75 such components would get 300).
    warrantyAbsent: spec.warranty === undefined,
    dependsOn: spec.dependsOn,
    waivers: warranty.waivers,
    pointers: {
      name: '/metadata/name',
      owner: '/spec/owner',
      tier: tier.pointer,
      stage: '/spec/warranty/lifecycleStage',
      spec: '/spec',
      warranty: '/spec/warranty',
      dependsOn: '/spec/dependsOn',
      waivers: '/spec/warranty/waivers',
    },
    problems: tier.problem !== undefined ? [{ pointer: tier.pointer, message: tier.problem }] : [],
    dependency(raw) {
      if (typeof raw !== 'string' || raw.trim() === '') return null;
      return { ...dependencyFromRef(raw, namespace), kind: 'hard' };
    },
  };
}

/** Why a file of Backstage entities holds no service (for `no-service` on a file named explicitly). */
function whyNoBackstageService(serviceTypes: readonly string[]): string {
  if (serviceTypes.length === 0) return 'it holds Backstage entities only, and backstage.serviceTypes in the config is empty';
  return `its Backstage entities include no Component whose spec.type is ${listWords(serviceTypes.map((t) => `"${t}"`), 'or')} (backstage.serviceTypes in the config)`;
}

export const backstage: InputFormat = {
  id: 'backstage',
  title: 'a Backstage Component of a service type',
  apiVersion: BACKSTAGE_API,
  schema: 'backstage.schema.json',
  recognise: (value, config) => classifyBackstage(value, config.backstage.serviceTypes),
  layout: (value, file, doc, config) => backstageLayout(value, file, doc, config),
  facts: (value) => entityFacts(value),
  whyNoService: (config) => whyNoBackstageService(config.backstage.serviceTypes),
};
