// What a Backstage entity tells the rest of the catalog, beyond the services: its key (so that a
// dependency on a library or a resource is known, not unknown), the files a Location points at,
// and the skeleton folders of a software Template (unrendered templates, skipped in a walk).
import type { ResolvedConfig } from '../../../config/types.js';
import { joinPointer } from '../../../load/pointer.js';
import { TIERS, type Tier } from '../../../types.js';
import type { DocumentFacts, LocationTarget } from '../types.js';
import { readTier } from './fields.js';
import { DEFAULT_NAMESPACE, keyOfEntity, qualifiedName } from './refs.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const TEMPLATE_API = /^(scaffolder\.)?backstage\.io\//;

export function entityFacts(value: unknown): DocumentFacts {
  const facts: DocumentFacts = { template: false, skeletons: [], locations: [] };
  if (!isObj(value)) return facts;
  const metadata = isObj(value.metadata) ? value.metadata : {};
  const spec = isObj(value.spec) ? value.spec : {};
  facts.key = keyOfEntity(value.kind, metadata.namespace, metadata.name);
  // scaffolder.backstage.io/v1beta3, and the backstage.io/v1beta2 Templates written before it.
  if (value.kind === 'Template' && typeof value.apiVersion === 'string' && TEMPLATE_API.test(value.apiVersion)) {
    facts.template = true;
    if (Array.isArray(spec.steps)) {
      for (const step of spec.steps) {
        const input = isObj(step) && isObj(step.input) ? step.input : undefined;
        // fetch:template, fetch:plain, fetch:template:file, fetch:cookiecutter…: what they fetch is a skeleton.
        if (isObj(step) && typeof step.action === 'string' && step.action.startsWith('fetch:') && typeof input?.url === 'string') facts.skeletons.push(input.url);
      }
    }
  }
  if (value.kind === 'Location') {
    const type = typeof spec.type === 'string' ? spec.type : undefined;
    if (typeof spec.target === 'string') facts.locations.push({ target: spec.target, type, pointer: '/spec/target' });
    if (Array.isArray(spec.targets)) {
      spec.targets.forEach((t, i) => {
        if (typeof t === 'string') facts.locations.push({ target: t, type, pointer: joinPointer('/spec/targets', i) });
      });
    }
  }
  return facts;
}

/** An entity known to the run but not linted (a library, a resource, or anything in a catalog export). */
export interface KnownEntity {
  key: string;
  /** As warranty-lint names it (refs.ts `qualifiedName`, with its kind unless a Component). */
  name: string;
  /** A Component of a service type (config `backstage.serviceTypes`): a service, with its tier. */
  tier?: Tier;
}

/** What a catalog export's entity tells dependencies: its key, and its tier when it is a service. */
export function knownEntity(value: unknown, config: Pick<ResolvedConfig, 'backstage'>): KnownEntity | undefined {
  if (!isObj(value)) return undefined;
  const metadata = isObj(value.metadata) ? value.metadata : {};
  // Undefined unless the kind is text and the name is text that is not blank.
  const key = keyOfEntity(value.kind, metadata.namespace, metadata.name);
  if (key === undefined) return undefined;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace.trim() !== '' ? metadata.namespace.trim() : DEFAULT_NAMESPACE;
  const qualified = qualifiedName(namespace, String(metadata.name).trim());
  const kind = (value.kind as string).toLowerCase();
  const spec = isObj(value.spec) ? value.spec : {};
  if (kind !== 'component') return { key, name: `${kind}:${qualified}` };
  const service = (config.backstage.serviceTypes as readonly unknown[]).includes(spec.type);
  if (!service) return { key, name: qualified };
  const tier = readTier(value, config.backstage.tier).value;
  return { key, name: qualified, tier: (TIERS as readonly unknown[]).includes(tier) ? (tier as Tier) : 'medium' };
}

/**
 * Why a Location target is not followed, when it is not: warranty-lint follows relative files
 * (and globs) of the repository only. Undefined for a target to follow.
 */
export function targetNotFollowed(target: LocationTarget): string | undefined {
  if (target.type !== undefined && target.type !== 'file' && target.type !== 'url') {
    return `its type "${target.type}" is read by a Backstage provider, not from a file`;
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(target.target) || target.target.startsWith('//')) return 'it is a URL, and warranty-lint reads files of the repository only';
  if (target.target.startsWith('/') || /^[a-z]:[\\/]/i.test(target.target)) return 'it is an absolute path; targets are read relative to the Location';
  if (target.target.trim() === '') return 'it is empty';
  return undefined;
}
