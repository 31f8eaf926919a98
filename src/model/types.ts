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
  loadTest?: { date?: number; multipleOfPeak?: number };
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
  /** `date` in days since the epoch. */
  lastTest?: { date?: number; type?: string; result?: string };
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
  /**
   * Positions of the nodes that rules over the whole catalog point at (name, targets, rto/rpo,
   * dependencies, waivers), resolved while the document is still parsed.
   */
  anchors: Record<string, Range>;
}
