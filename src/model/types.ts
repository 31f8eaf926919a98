import type { Area, Range, Stage, Tier } from '../types.js';

export interface Availability {
  target?: number;
  /** Seconds. */
  window?: number;
  serviceHours?: string;
  /** Seconds. */
  mttr?: number;
}

export interface Capacity {
  peak?: { value?: number; unit?: string };
  forecast?: { growthPercentPerYear?: number; horizonMonths?: number; driver?: string };
  headroom?: number;
  thresholds?: { warn?: number; critical?: number };
  /** `report`: where the load test's results are kept (evidence, see evidence.ts). */
  loadTest?: { date?: number; multipleOfPeak?: number; report?: string };
}

export interface Continuity {
  /** Defaults to true: only a service that says it keeps no state needs no RPO. */
  stateful: boolean;
  /** Seconds. */
  rto?: number;
  rpo?: number;
  mtpd?: number;
  recoveryOption?: string;
  plan?: string;
  /** `date` in days since the epoch; `report`, where the test's record is kept (evidence). */
  lastTest?: { date?: number; type?: string; result?: string; report?: string };
}

export interface Security {
  classification?: string;
  dataTypes?: string[];
  controls?: string[];
  policy?: string;
  /** Days since the epoch. */
  lastReview?: number;
}

export interface AreaValues {
  availability: Availability;
  capacity: Capacity;
  continuity: Continuity;
  security: Security;
}

export interface Deferral {
  /** `plannedIn: operation`, or text that defers the area. */
  reason: 'plannedIn' | 'text';
  pointer: string;
  /** The phrase that matched (or "operation"). */
  phrase: string;
}

export interface Placeholder {
  pointer: string;
  /** The raw value, as written. */
  value: string | null;
  kind: 'placeholder' | 'vague' | 'empty';
  /** The field, as people read it (`continuity.rto`, `metadata.owner`). */
  field: string;
  area: Area | null;
}

export type AreaStatus = 'defined' | 'deferred' | 'missing';

export interface AreaModel<K extends Area = Area> {
  name: K;
  /** Pointer of the area (`/spec/warranty/availability`), whether or not it exists. */
  pointer: string;
  /** The area is a non-empty mapping. */
  present: boolean;
  /** The area's own value, or the warranty holding it, was reported (`capacity: TBD`, `warranty: TBD`): counts as missing, no second finding. */
  placeholder: boolean;
  status: AreaStatus;
  deferral?: Deferral;
  /** Top-level fields the document names (usable or not). */
  keys: string[];
  /** Top-level fields already reported by `schema` or `warranty-placeholder-value`: missing, without a second finding. */
  reported: string[];
  /** The area's own owner (usable), if any. */
  owner?: string;
  plannedIn?: Stage;
  agreement?: 'draft' | 'agreed';
  /** Usable, normalised values. A field absent here is missing or reported. */
  values: AreaValues[K];
}

export interface Dependency {
  service: string;
  kind: 'hard' | 'soft';
  pointer: string;
  /** A reference to something that is not a service (a Backstage `resource:`): never unknown, never judged. */
  external: boolean;
}

export interface Waiver {
  index: number;
  pointer: string;
  rule?: string;
  area?: Area;
  reason?: string;
  approvedBy?: string;
  /** Days since the epoch; undefined when missing or not a date (a `schema` finding). */
  expires?: number;
}

/**
 * What a reference to evidence (a DR plan, a test report, a policy document) points at, found by
 * the engine with a `stat` inside the repository (load/evidence.ts): rules never read files.
 */
export interface Evidence {
  /** Pointer of the field that holds the reference. */
  pointer: string;
  /** The field, as people read it (`continuity.plan`). */
  field: string;
  area: Area;
  /** The reference as written. */
  reference: string;
  /**
   * `exists`: a file or folder of the repository; `url`: a link, not fetched; `missing`: no such
   * file; `outside`: a path that leads out of the repository (absolute, `..`, `~`, or a link);
   * `file-url`: a `file:` URL; `special`: a FIFO, socket or device.
   */
  status: 'exists' | 'url' | 'missing' | 'outside' | 'file-url' | 'special';
  /** Where a missing file was looked for, relative to the working directory (`/`-separated). */
  looked?: string[];
}

/** A service as every rule reads it: normalised, positions as pointers, plain data (it crosses to workers). */
export interface Service {
  name: string | null;
  /** The file, relative to the working directory, `/`-separated. */
  file: string;
  /** 0-based index of the document in its file. */
  doc: number;
  /** The input format it was read from (`InputFormat.id`: native, backstage). */
  source: string;
  owner?: string;
  tier: Tier;
  stage: Stage;
  /** Set when the format groups a service with no warranty block at all into one finding (a Backstage Component that has not started). */
  warrantyAbsent?: true;
  pointers: {
    name: string;
    owner: string;
    tier: string;
    stage: string;
    spec: string;
    warranty: string;
    dependsOn: string;
    waivers: string;
  };
  dependsOn: Dependency[];
  areas: { [K in Area]: AreaModel<K> };
  waivers: Waiver[];
  placeholders: Placeholder[];
  /** What its references to evidence point at; set by the engine before the service rules run. */
  evidence?: Evidence[];
  /**
   * Positions of the nodes that rules over the whole catalog point at (name, targets, rto/rpo,
   * dependencies, waivers), resolved while the document is still parsed.
   */
  anchors: Record<string, Range>;
}
