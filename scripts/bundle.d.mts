// Types of scripts/bundle.mjs, for the tests that build the bundle in memory.
export declare const BUNDLE_DIR: string;
export declare const BUNDLE: string;
/** Builds the bundle in memory: { file name in bundle/ → text }. */
export declare function buildBundle(): Promise<Map<string, string>>;
/** What differs between `files` and the committed bundle/: one sentence per file. */
export declare function staleness(files: Map<string, string>): string[];
