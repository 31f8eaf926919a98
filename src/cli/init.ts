// `warranty-lint init` and `warranty-lint schema`.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CODE_SEARCH_PLACES, DATA_SEARCH_PLACES, MODULE_NAME } from '../config/load.js';
import { loadSchemaFile } from '../schema/validate.js';
import type { Io } from './io.js';

export const STARTER_CONFIG_FILE = '.warranty-lintrc.yaml';
export const EXAMPLE_SERVICE_FILE = 'services/example.yaml';

export const STARTER_CONFIG = `# warranty-lint configuration: https://github.com/warranty-lint/warranty-lint#configuration
# yaml-language-server: $schema=node_modules/warranty-lint/schemas/config.schema.json
extends: recommended            # recommended | strict
rules: {}                       # rule-id: off | info | warning | error
ignore: []                      # globs of files not to lint
waivers: { maxDays: 180 }
`;

/** A complete medium-tier service that lints clean: the shape to copy. */
export const EXAMPLE_SERVICE = `# yaml-language-server: $schema=../node_modules/warranty-lint/schemas/service.schema.json
apiVersion: warranty-lint/v1
kind: Service
metadata:
  name: example-service
  owner: team-example
  tier: medium
  lifecycleStage: design
  description: An example; copy it for each service and fill in your own numbers.
spec:
  dependsOn: []
  warranty:
    availability:
      plannedIn: design
      target: 99.5              # percent over the window
      window: 30d
      serviceHours: 24x7
      mttr: 1h                  # mean time to restore service; at most the rto
    capacity:
      plannedIn: design
      peak: { value: 200, unit: rps }
      forecast: { growthPercentPerYear: 15, horizonMonths: 12, driver: orders }
      headroom: 30
      thresholds: { warn: 70, critical: 85 }
    continuity:
      plannedIn: design
      stateful: true
      rto: 2h
      rpo: 1h
      mtpd: 8h
      recoveryOption: pilot-light
      # plan: docs/dr/example-service.md   # the DR plan: a file of the repository (evidence-missing checks it exists) or a URL
    security:
      plannedIn: design
      classification: internal
      dataTypes: [none]
      controls: [authn, rbac, encryption-in-transit]
      policy: ISP-2024
`;

/** A config that the search would find in `dir`, if any (package.json only when it holds our key). */
function existingConfig(dir: string): string | undefined {
  for (const place of [...DATA_SEARCH_PLACES, ...CODE_SEARCH_PLACES]) {
    const abs = join(dir, place);
    if (!existsSync(abs)) continue;
    if (place !== 'package.json') return place;
    try {
      const pkg = JSON.parse(readFileSync(abs, 'utf8')) as Record<string, unknown> | null;
      if (pkg && typeof pkg === 'object' && MODULE_NAME in pkg) return `package.json, key "${MODULE_NAME}"`;
    } catch {
      /* not ours to judge here */
    }
  }
  return undefined;
}

/** Writes each starter file that does not exist yet; an existing file is never touched. Exit 2 if any was refused. */
export function init(io: Io): number {
  let refused = 0;
  for (const [file, text] of [
    [STARTER_CONFIG_FILE, STARTER_CONFIG],
    [EXAMPLE_SERVICE_FILE, EXAMPLE_SERVICE],
  ] as const) {
    const abs = resolve(io.cwd, file);
    if (existsSync(abs)) {
      io.stderr(`warranty-lint: ${file} already exists; not overwriting it (move it away to get a fresh one)\n`);
      refused++;
      continue;
    }
    const other = file === STARTER_CONFIG_FILE ? existingConfig(io.cwd) : undefined;
    if (other) {
      // A second config beside it would silently lose to (or shadow) the first one.
      io.stderr(`warranty-lint: this directory already has a config (${other}); not writing ${file}\n`);
      refused++;
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    io.writeFile(file, text);
    io.stdout(`wrote ${file}\n`);
  }
  if (refused === 0) io.stdout('Next: edit services/example.yaml, then run: npx warranty-lint\n');
  return refused === 0 ? 0 : 2;
}

/** `warranty-lint schema [service|config]`: the schemas as shipped (the config's lists every rule id). */
export function schemaText(which: string): string | undefined {
  if (which === 'service') return JSON.stringify(loadSchemaFile('service.schema.json'), null, 2) + '\n';
  if (which !== 'config') return undefined;
  return JSON.stringify(loadSchemaFile('config.schema.json'), null, 2) + '\n';
}
