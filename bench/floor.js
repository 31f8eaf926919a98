// The floor the linter is measured against: read every file under a folder, parse it, validate each
// document against the service schema with ajv, on one thread. `--parser yaml` keeps positions
// (what the linter needs); `--parser js-yaml` keeps none (the fast floor).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const parser = args.includes('--parser') ? args[args.indexOf('--parser') + 1] : 'yaml';
const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--parser');

const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
addFormats(ajv, ['date']);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('../schemas/service.schema.json', import.meta.url), 'utf8')));

let parse;
if (parser === 'js-yaml') {
  const jsyaml = require('js-yaml');
  // The core schema, as the linter reads YAML 1.2: dates stay strings, as the JSON Schema expects.
  parse = (text) => jsyaml.loadAll(text, null, { schema: jsyaml.CORE_SCHEMA });
} else {
  const { parseAllDocuments } = require('yaml');
  // Documents keep their node ranges (positions); values are converted to plain data for ajv.
  parse = (text) => parseAllDocuments(text, { version: '1.2', uniqueKeys: true, strict: true }).map((d) => d.toJS());
}

function* walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.ya?ml$/.test(e.name)) yield p;
  }
}

let files = 0;
let docs = 0;
let invalid = 0;
for (const file of walk(root)) {
  files++;
  for (const value of parse(readFileSync(file, 'utf8'))) {
    docs++;
    if (!validate(value)) invalid++;
  }
}
process.stderr.write(`${parser}: ${files} files, ${docs} documents, ${invalid} invalid\n`);
