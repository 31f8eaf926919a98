// The shared vocabulary of warranty-lint. Every module speaks in these types; the CLI and the
// formatters see nothing but `Finding` and `LintResult`.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const AREAS = ['availability', 'capacity', 'continuity', 'security'] as const;
export type Area = (typeof AREAS)[number];

export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

export const STAGES = ['strategy', 'design', 'transition', 'operation'] as const;
export type Stage = (typeof STAGES)[number];

/** 1-based line and column of a node in its file; `end*` is exclusive of nothing: the last character + 1. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * The file the node is in, when it is not the file of the document it belongs to: a value
   * substituted from another file (`$yaml: ./warranty.yaml`). Findings there point into that file.
   */
  file?: string;
}

/** The one finding type. Its fields are the JSON output contract (SPEC §7). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Relative to the working directory, `/`-separated; null for portfolio findings. */
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  service: string | null;
  area: Area | null;
  /** JSON pointer into the document; null when the finding is about a file or the portfolio. */
  pointer: string | null;
  fingerprint: string;
  docsUrl: string;
  waived: boolean;
  /**
   * The 0-based index, in `file`, of the document the finding is about; null when it is about a
   * whole file or the portfolio. With `file` it names the document, and so the service: a name
   * cannot (two documents may share one, or have none). Not part of the JSON contract.
   */
  document: number | null;
  /**
   * The file of the document the finding is about, when the finding points into another file (a
   * value substituted from it, see `Range.file`); with `document` it names the service. Internal.
   */
  documentFile?: string;
  /**
   * What tells the findings of a later document that repeats a service's name apart from the
   * first's (its file and document): part of the fingerprint, so that a baseline keeps both. Internal.
   */
  instance?: string;
}

/** The fields of the JSON output (SPEC §7), in their order. */
export const FINDING_CONTRACT_FIELDS = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'service', 'area', 'pointer', 'fingerprint', 'docsUrl', 'waived'] as const;

/** What a rule's check returns: a place (as a pointer, never a line) and a sentence. */
export interface Report {
  /** JSON pointer of the node the finding is about; a missing node resolves to its nearest existing parent. */
  pointer: string;
  message: string;
  /** Point at the key of the last pointer segment instead of its value (unknown keys, area keys). */
  at?: 'key' | 'value';
  /** Overrides the rule's own area (for rules whose area depends on the finding). */
  area?: Area | null;
}

export interface Summary {
  files: number;
  services: number;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  baselined: number;
  /** Tier-weighted share of (service, area) pairs missing or deferred to Operation, 0..1; null with no services. */
  reactiveShare: number | null;
}
