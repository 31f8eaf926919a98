#!/usr/bin/env node
// Shim: all behaviour lives in src/cli; this file hands over argv and the exit code. It runs the
// committed bundle (bundle/warranty-lint.cjs, made by scripts/bundle.mjs), which needs no
// node_modules, and compiles it from V8's code cache when it can: compiling the bundle's code, not
// running it, is most of what a one-file run costs over bare Node. Node 20 has no compile cache for
// modules (22 has module.enableCompileCache), so the bundle is run as a script with vm.Script's
// cachedData, kept per user (see compileCacheDir) and written after a run that had none.
// CommonJS (bin/package.json), as an ES module entry point costs Node ~5 ms more to start. There is
// no fallback to dist/: the bundle is committed and checked against the sources (npm test), and a
// silent fallback would hide a broken one.
'use strict';
const { isAscii } = require('node:buffer');
const { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'bundle', 'warranty-lint.cjs');
const bytes = readFileSync(bundle);
// The bundle is ASCII (scripts/bundle.mjs): a one-byte string, without decoding UTF-8.
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');

/**
 * Where the code cache is kept: WARRANTY_LINT_COMPILE_CACHE (a directory, or 0 for none); none on
 * CI, where a run is the machine's only one and writing the cache would only cost; else the user's
 * cache directory. Never the tree being linted, nor a directory other users can write (the cache is
 * code that this process runs).
 */
function compileCacheDir(env) {
  const given = env.WARRANTY_LINT_COMPILE_CACHE;
  if (given !== undefined) return given === '' || given === '0' || given === 'false' ? null : given;
  if (env.CI) return null;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'warranty-lint', 'Cache') : null;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'warranty-lint');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'warranty-lint');
}

/** A short, stable name for a string (FNV-1a): which install of the bundle a cache belongs to. */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const dir = compileCacheDir(process.env);
// V8 checks a cache against the length of the source only: the bundle's own content hash (in its
// header) tells one build from another, and the file's path one install from another.
const contentHash = /^\/\/ content-hash: ([0-9a-f]+)$/m.exec(source.slice(0, 1000))?.[1];
const prefix = `${fnv(bundle)}-`;
const cacheFile = dir && contentHash ? join(dir, `${prefix}${contentHash}-${process.version}-${process.arch}.v8`) : null;
let cachedData;
if (cacheFile) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}

// The parameters Node gives a CommonJS module, and import() for the bundle's few dynamic imports
// (a --config .js or .ts file), which a vm.Script cannot make itself.
const script = new Script(`(function (exports, require, module, __filename, __dirname, __wlImport) {${source}\n})`, { filename: bundle, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle), importModule);

/**
 * import() for the bundle. A package it names (typescript, to compile a --config .ts file) is looked
 * for beside warranty-lint and then in the project being linted: the GitHub Action's copy has no
 * node_modules.
 */
async function importModule(specifier) {
  try {
    return await import(specifier);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || /^(\.|\/|file:|node:)/.test(specifier)) throw error;
    return import(pathToFileURL(createRequire(join(process.cwd(), 'noop.js')).resolve(specifier)).href);
  }
}

mod.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) writeCache();
});

function writeCache() {
  // After the run, so that the cache holds the functions it compiled, not only the top level.
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, cacheFile);
    // Caches of earlier builds of this install are dead weight.
    for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name !== cacheFile.slice(dir.length + 1) && name.endsWith('.v8')) unlinkSync(join(dir, name));
  } catch {
    // No cache this time (read-only home, a full disk): the next run compiles as this one did.
  }
}
