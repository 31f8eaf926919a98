// The native format: `apiVersion: warranty-lint/v1`, `kind: Service` (SPEC §2).
import type { InputFormat } from './types.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Is this document a warranty-lint service definition (whatever its version)? */
export function isNativeDocument(value: unknown): value is Record<string, unknown> {
  return isObj(value) && typeof value.apiVersion === 'string' && NATIVE_API.test(value.apiVersion);
}

const NATIVE_API = /^warranty-lint\//;

export const native: InputFormat = {
  id: 'native',
  title: 'a warranty-lint/v1 Service',
  apiVersion: NATIVE_API,
  schema: 'service.schema.json',
  // Any warranty-lint apiVersion is a service: the schema says what is wrong with its version or kind.
  recognise: (value) => (isNativeDocument(value) ? 'service' : undefined),
  whyNoService: () => 'it holds no warranty-lint/v1 Service',
  layout(value, file, doc) {
    const metadata = isObj(value.metadata) ? value.metadata : {};
    const spec = isObj(value.spec) ? value.spec : {};
    return {
      source: 'native',
      file,
      doc,
      name: metadata.name,
      tier: metadata.tier,
      stage: metadata.lifecycleStage,
      owner: metadata.owner,
      warranty: spec.warranty,
      dependsOn: spec.dependsOn,
      waivers: spec.waivers,
      pointers: {
        name: '/metadata/name',
        owner: '/metadata/owner',
        tier: '/metadata/tier',
        stage: '/metadata/lifecycleStage',
        spec: '/spec',
        warranty: '/spec/warranty',
        dependsOn: '/spec/dependsOn',
        waivers: '/spec/waivers',
      },
      dependency(raw) {
        if (typeof raw === 'string' && raw !== '') return { service: raw, kind: 'hard', external: false };
        if (isObj(raw) && typeof raw.service === 'string' && raw.service !== '') {
          return { service: raw.service, kind: raw.kind === 'soft' ? 'soft' : 'hard', external: false };
        }
        return null;
      },
    };
  },
};
