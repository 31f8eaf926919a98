// Refreshes test/fixtures/yaml-test-suite/cases.json from a clone of yaml/yaml-test-suite: each
// case's input (`in.yaml`) and whether it is an error case, nothing else the differential test does
// not use. Reads the `data` branch (one directory per case, `ID` or `ID/NN`), which holds the inputs
// as bytes, with the suite's visible markers for tabs and line ends already turned into characters.
//
//   git clone https://github.com/yaml/yaml-test-suite /tmp/yts
//   node scripts/vendor-yaml-test-suite.mjs /tmp/yts [ref]     (ref: default `data`)
//
// Then copy its License beside cases.json and update the commit in that folder's README.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [repo, ref = 'data'] = process.argv.slice(2);
if (!repo) {
  console.error('usage: node scripts/vendor-yaml-test-suite.mjs <clone of yaml/yaml-test-suite> [ref]');
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { maxBuffer: 1 << 26 });
const commit = git('rev-parse', `${ref}^{commit}`).toString().trim();
// `path` → blob id, for every file of the tree; the name/ and tags/ folders only link to the cases.
const blobs = new Map();
for (const line of git('ls-tree', '-r', '-z', commit).toString().split('\0')) {
  const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(line);
  if (m) blobs.set(m[2], m[1]);
}
// Fatal: an input that is not UTF-8 would be vendored as something else than the suite's bytes.
const text = (path) => new TextDecoder('utf-8', { fatal: true }).decode(git('cat-file', 'blob', blobs.get(path)));
const cases = [];
for (const path of [...blobs.keys()].sort()) {
  const m = /^([0-9A-Z]{4}(?:\/\d{2,3})?)\/in\.yaml$/.exec(path);
  if (!m) continue;
  const id = m[1];
  cases.push({ id, name: text(`${id}/===`).trim(), error: blobs.has(`${id}/error`), yaml: text(path) });
}
const out = new URL('../test/fixtures/yaml-test-suite/cases.json', import.meta.url);
const body = { source: 'https://github.com/yaml/yaml-test-suite', ref, commit, cases };
writeFileSync(out, JSON.stringify(body, null, 1) + '\n');
console.log(`${cases.length} cases (${cases.filter((c) => c.error).length} error cases) from ${commit}`);
