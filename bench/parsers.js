// Parser costs per file, warm, one thread: yaml with the real and a plain process.env, yaml's CST
// (Parser) and Lexer alone, and js-yaml. `node bench/parsers.js <catalog folder>`; see bench/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, Parser, Lexer } from 'yaml';
import jsyaml from 'js-yaml';
const root = process.argv[2];
const texts = [];
for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) texts.push(readFileSync(join(root, d, f), 'utf8'));
const cpu = (label, fn) => {
  for (let k = 0; k < 2; k++) for (const t of texts) fn(t); // warm
  const c0 = process.cpuUsage();
  for (let k = 0; k < 3; k++) for (const t of texts) fn(t);
  const c = process.cpuUsage(c0);
  console.log(label.padEnd(40), ((c.user + c.system) / 1000 / 3 / texts.length * 1000).toFixed(0), 'µs/file');
};
const opts = { version: '1.2', uniqueKeys: true, strict: true };
cpu('yaml parseAllDocuments (real env)', (t) => parseAllDocuments(t, opts));
const real = process.env;
process.env = { ...real };
cpu('yaml parseAllDocuments (plain env)', (t) => parseAllDocuments(t, opts));
cpu('yaml Parser (CST only, plain env)', (t) => { for (const _ of new Parser().parse(t)); });
cpu('yaml Lexer only', (t) => { for (const _ of new Lexer().lex(t)); });
cpu('js-yaml loadAll (core schema)', (t) => jsyaml.loadAll(t, null, { schema: jsyaml.CORE_SCHEMA }));
