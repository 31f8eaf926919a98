import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

let lib: typeof Yaml | undefined;

/**
 * `yaml`, loaded on first use (~50 ms): a run whose files the scanner reads never needs it, and
 * start-up counts for a one-file run.
 */
export function yamlLib(): typeof Yaml {
  return (lib ??= require('yaml') as typeof Yaml);
}
