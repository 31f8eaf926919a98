// The formatter registry: one name, one function. Heavy formats are loaded only when asked for.
import type { Formatter } from './types.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  markdown: async () => (await import('./markdown.js')).markdown,
  report: async () => (await import('./report.js')).report,
  html: async () => (await import('./html.js')).html,
  csv: async () => (await import('./csv.js')).csv,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  // Own names only: `toString` or `constructor` are not formats.
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}
