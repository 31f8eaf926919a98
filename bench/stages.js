// Per-file stages, warm, one thread: yaml's parse alone, our parse with yaml (plus plain values),
// our parse (the scanner, falling back to yaml), the whole per-file lint, and the lint plus compaction. `node bench/stages.js <catalog folder>` (npm run build first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const { parseDocuments, parseWithYaml } = await import('../dist/load/parse.js');
const { lintText } = await import('../dist/engine/process-file.js');
const { resolveConfig } = await import('../dist/config/resolve.js');
const { StringPool } = await import('../dist/engine/compact.js');
const { parseAllDocuments } = await import('yaml');
const root = process.argv[2];
const texts = [];
for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) texts.push(readFileSync(join(root, d, f), 'utf8'));
process.env = { ...process.env };
const config = resolveConfig({});
const cpu = (label, fn) => {
  for (let k = 0; k < 2; k++) for (const t of texts) fn(t);
  const c0 = process.cpuUsage();
  for (let k = 0; k < 3; k++) for (const t of texts) fn(t);
  const c = process.cpuUsage(c0);
  console.log(label.padEnd(40), ((c.user + c.system) / 1000 / 3 / texts.length * 1000).toFixed(0), 'µs/file');
};
const opts = { version: '1.2', uniqueKeys: true, strict: true };
cpu('parseAllDocuments', (t) => parseAllDocuments(t, opts));
cpu('parseWithYaml (yaml + toValue)', (t) => parseWithYaml(t, config.limits));
cpu('parseDocuments (the scanner)', (t) => parseDocuments(t, config.limits));
const ref = { path: 'x.yaml', file: 'x.yaml', explicit: false };
cpu('lintText', (t) => lintText(t, ref, { config, today: 20600 }));
const pool = new StringPool();
cpu('lintText + compact', (t) => pool.compactResult(lintText(t, ref, { config, today: 20600 })));
