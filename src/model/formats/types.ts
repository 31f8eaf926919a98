// What an input format is: how the linter recognises its documents and where it keeps each part of
// a service. Native `warranty-lint/v1` Services and Backstage Components differ only here; a third
// format (OpsLevel, Cortex, …) is one module like native.ts, one line in index.ts and a schema.
import type { ResolvedConfig } from '../../config/types.js';
import type { Stage, Tier } from '../../types.js';
import type { Service } from '../types.js';

/** A target of a Backstage `kind: Location`, as written. */
export interface LocationTarget {
  target: string;
  /** `spec.type` (`file`, `url`…); undefined when the Location names none (it is then read like the file that holds it). */
  type?: string;
  pointer: string;
}

/** What a document tells the rest of the run, beyond a service. */
export interface DocumentFacts {
  /** The entity's key, `kind:namespace/name` in lower case (backstage/refs.ts `entityKey`). */
  key?: string;
  /** A software Template: its own values hold `${{ }}` by design. */
  template: boolean;
  /** Folders (or files) a Template's fetch steps render, relative to its file, as written. */
  skeletons: string[];
  /** What a Location points at. */
  locations: LocationTarget[];
}

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
  /** The format groups a service with no warranty block at all into one finding (Backstage: a Component that has not started). */
  warrantyAbsent?: boolean;
  pointers: Service['pointers'];
  /** What the format finds wrong in fields the schema cannot judge (an organisation's tier label): `schema` findings. */
  problems?: Array<{ pointer: string; message: string }>;
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
   * The top-level `apiVersion` values of this format's documents. A file is this format's only when
   * a document's top-level apiVersion matches, also in a file that cannot be parsed (a line
   * `apiVersion: …` at column 1); text elsewhere in the file (a label, a link) never counts.
   */
  apiVersion: RegExp;
  recognise(value: unknown, config: ResolvedConfig): Recognised;
  /** Where this document keeps each part of the service; called only on documents recognised as services. */
  layout(value: Record<string, unknown>, file: string, doc: number, config: ResolvedConfig): ServiceLayout;
  /** The JSON Schema (a file in `schemas/`) a service document of this format must fit. */
  schema: string;
  /** What a document of this format tells the rest of the run (entities known, Locations, template skeletons). */
  facts?(value: unknown): DocumentFacts;
  /** Why a file whose documents of this format are all `other` holds no service (`no-service`). */
  whyNoService(config: ResolvedConfig): string;
}
