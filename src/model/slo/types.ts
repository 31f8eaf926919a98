// SLOs as code: documents of other tools (OpenSLO, Sloth) that state a service's availability
// objective. They are not services: the catalog rules read them beside the warranty they should
// agree with. A format is one module (openslo.ts, sloth.ts), one line in index.ts and a schema.
import type { Range } from '../../types.js';

/** One objective of an SLO document, as the rules compare it with a warranty. Plain data. */
export interface SloObjective {
  /** How people name it: the SLO's name, with the objective's when a document holds several. */
  name: string;
  /** The service it is about, as the document names it. */
  service: string;
  /** Percent (99.9), whether the format writes a ratio or a percent; undefined when unreadable. */
  target?: number;
  /** Pointer of the target in the document (or of the objective, when it has none). */
  targetPointer: string;
  /** Seconds; undefined when the document names no window. */
  window?: number;
  /** The window as written (`28d`, `1M`), or where it comes from when the document names none. */
  windowText?: string;
  /**
   * `other` when its words say it measures something else than availability (latency, freshness…),
   * or it compares a value with a threshold: such an objective is not the availability target.
   */
  kind: 'availability' | 'other';
}

/** An objective as the run keeps it once its document is gone: where it is, for messages. */
export interface Slo extends SloObjective {
  /** The file, relative to the working directory, `/`-separated. */
  file: string;
  /** 0-based index of the document in its file. */
  doc: number;
  /** The format's id (`openslo`, `sloth`). */
  format: string;
  /** Where the target is (`targetPointer`), resolved while the document was parsed. */
  range: Range;
}

export interface SloFormat {
  /** Short name, kept on each objective (`Slo.format`). */
  id: string;
  /** What a document of this format is, for messages ("an OpenSLO SLO"). */
  title: string;
  /**
   * The top-level key and value that make a document this format's, also in a file that cannot be
   * parsed (a line `key: value` at column 1): `apiVersion: openslo/v1`, `version: prometheus/v1`.
   */
  marker: { key: string; value: RegExp };
  /** The JSON Schema (a file in `schemas/`) of the parts of an SLO document the rules read. */
  schema: string;
  /** `slo` for a document that states objectives; `other` for another document of the format (skipped silently); undefined when not this format's. */
  recognise(value: unknown): 'slo' | 'other' | undefined;
  /** The objectives an `slo` document states. */
  objectives(value: Record<string, unknown>): SloObjective[];
  /** How a message names the document (`the OpenSLO SLO "checkout-availability"`). */
  subject(value: Record<string, unknown>): string;
}
