// What the load layer hands the rest of the linter: files to read and the documents they hold.
import type { Range } from '../types.js';

/** A file to lint: `file` is what findings show (relative, `/`-separated); `path` is what is read. */
export interface FileRef {
  path: string;
  file: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

/** Maps a JSON pointer to the range of its node (its key's with `at: 'key'`), or of its nearest existing parent's key (locate.ts). */
export type Locate = (pointer: string, at?: 'key' | 'value') => Range;

export interface ParseLimits {
  maxDepth: number;
  maxAliases: number;
  /** Bounds the values a file may hold (see `maxValues` in preflight.ts); none when absent. */
  maxFileSize?: number;
}

/** A parse problem: it becomes a `yaml-syntax` finding. */
export interface SyntaxProblem {
  message: string;
  range: Range;
  /**
   * A limit or a YAML version the linter refuses to read (not a mistake in the YAML): reported in
   * any file named explicitly, where a mistake in a file that is not ours is a `no-service` instead.
   */
  refusal?: true;
}

/** A structural problem a parser accepts but a service definition cannot hold: a `schema` finding. */
export interface ShapeProblem {
  pointer: string;
  message: string;
  at: 'key' | 'value';
  /** Set when the pointer cannot name the node (a key that is not a string). */
  range?: Range;
}

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /** Plain data (objects, arrays, strings, numbers, booleans, null); undefined when `syntax` is not empty. */
  value: unknown;
  /** When not empty the document is unusable and gets only these findings. */
  syntax: SyntaxProblem[];
  /** Non-string keys and the like, reported as `schema` findings. */
  shape: ShapeProblem[];
  /** Where the document's content starts (for findings about the document as a whole). */
  start: Range;
  /** Maps a JSON pointer to the node's range; a missing node maps to its nearest existing parent key (locate.ts). */
  locate: Locate;
  /** Set when `$yaml`/`$json`/`$text` substitutions were made or refused (substitute.ts). */
  substitutions?: { problems: Array<{ ruleId: string; pointer: string; message: string; range: Range }>; spoiled: string[] };
}
