// What an input format is: how the linter recognises its documents and where it keeps each part of
// a service. Native `warranty-lint/v1` Services and Backstage Components differ only here; a third
// format (OpsLevel, Cortex, …) is one module like native.ts, one line in index.ts and a schema.
import type { ResolvedConfig } from '../../config/types.js';
import type { Stage, Tier } from '../../types.js';
import type { Service } from '../types.js';

/** Where a document of some format keeps each part of a service: raw values, and the pointers to them. */
export interface ServiceLayout {
  /** The format's id (`InputFormat.id`). */
  source: string;
  file: string;
  doc: number;
  name: unknown;
  tier: unknown;
  stage: unknown;
  /** Stage to use when `stage` is absent (Backstage derives it from `spec.lifecycle`). */
  defaultStage?: Stage;
  defaultTier?: Tier;
  owner: unknown;
  warranty: unknown;
  dependsOn: unknown;
  waivers: unknown;
  pointers: Service['pointers'];
  /** Turns a raw dependency entry into a reference; null when it is not one (reported by the schema). */
  dependency(raw: unknown): { service: string; kind: 'hard' | 'soft'; external: boolean } | null;
}

/** How a format answers "is this document mine?". */
export type Recognised =
  /** A service: linted. */
  | 'service'
  /** A document of this format that is not a service (another kind of entity): skipped silently. */
  | 'other'
  /** Not this format's. */
  | undefined;

export interface InputFormat {
  /** Short name, kept on each service (`Service.source`). */
  id: string;
  /** What a service of this format is, for messages ("a warranty-lint/v1 Service"). */
  title: string;
  /**
   * Text that marks a file as possibly this format's, looked for only in a walked file that cannot
   * be parsed: such a file is reported when it holds a marker, else skipped as someone else's YAML.
   */
  markers: readonly string[];
  recognise(value: unknown, config: ResolvedConfig): Recognised;
  /** Where this document keeps each part of the service; called only on documents recognised as services. */
  layout(value: Record<string, unknown>, file: string, doc: number, config: ResolvedConfig): ServiceLayout;
  /** The JSON Schema (a file in `schemas/`) a service document of this format must fit. */
  schema: string;
  /** Why a file whose documents of this format are all `other` holds no service (`no-service`). */
  whyNoService(config: ResolvedConfig): string;
}
