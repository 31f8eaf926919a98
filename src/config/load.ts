// Finding and reading the configuration (SPEC §5).
//
// cosmiconfig finds the file, but two of its defaults do not fit a linter that reads untrusted
// trees: its public factory first looks for a "meta config" (`.config/config.js` …) in
// process.cwd() and *runs* it with its default loaders, and its `global` strategy also reads the
// user's home configuration. So the Explorer is built here with every option given (no meta config)
// and the directories from the working directory up to the repository root are walked one by one.
// Data files are parsed by the project's own YAML 1.2 loader (`readDocuments`), so a hostile config
// (alias bomb, unknown tag, duplicate key) is a config error with a line, like any service file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { offsetRange } from '../load/locate.js';
import type { ParsedDocument } from '../load/document.js';
import { readDocuments } from '../load/parse.js';
import { joinPointer } from '../load/pointer.js';
import { defaultConfig } from './defaults.js';
import { assembleConfig, type ConfigFile, type ReadPreset } from './presets.js';
import { resolveConfig, type UserConfig } from './resolve.js';
import type { ResolvedConfig } from './types.js';
import { UserError } from '../errors.js';

export const MODULE_NAME = 'warranty-lint';

/** Data formats: found by the search and loaded. */
export const DATA_SEARCH_PLACES: readonly string[] = [
  'package.json',
  `.${MODULE_NAME}rc`,
  `.${MODULE_NAME}rc.json`,
  `.${MODULE_NAME}rc.yaml`,
  `.${MODULE_NAME}rc.yml`,
  `${MODULE_NAME}.config.json`,
  `${MODULE_NAME}.config.yaml`,
  `${MODULE_NAME}.config.yml`,
];

const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** Code formats: found by the search only to be reported, loaded only when named with --config. */
export const CODE_SEARCH_PLACES: readonly string[] = CODE_EXTENSIONS.flatMap((ext) => [`.${MODULE_NAME}rc${ext}`, `${MODULE_NAME}.config${ext}`]);

/** A config larger than this is refused before it is parsed (a config is a few hundred bytes). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config that cannot be used: exit 2 with this message (it names the file and, when known, the line). */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The user's config as written (validated), with the presets it extends merged in. */
  user: UserConfig;
  /** Absolute path of the config file; null when none was found. */
  file: string | null;
  /** The preset files it extends (and theirs), merged in this order before it (absolute paths). */
  presets: string[];
}

export interface LoadOptions {
  cwd: string;
  /** `--config <file>`, relative to cwd. */
  configPath?: string;
}

interface Explorer {
  search(from?: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
  load(filepath: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
}

const require = createRequire(import.meta.url);

/** Each data file parsed, by absolute path, so that problems found later get a line. */
type ParsedFiles = Map<string, ParsedDocument>;

/** Whether a package.json holds the `warranty-lint` key; true when it is not plain JSON (the YAML reader then says what is wrong). */
function holdsOurKey(content: string): boolean {
  if (!content.includes(`"${MODULE_NAME}"`)) return false;
  try {
    const value = JSON.parse(content) as unknown;
    return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, MODULE_NAME);
  } catch {
    return true;
  }
}

function dataLoader(parsed: ParsedFiles, shown: (file: string) => string) {
  return (filepath: string, content: string): unknown => {
    // Someone else's package.json is not our business unless it holds our key.
    const isPackageJson = basename(filepath) === 'package.json';
    // Nearly every project has one, most without our key (a devDependency names us too): JSON.parse
    // tells, and the YAML reader (positions, for errors) reads only a package.json that holds it.
    if (isPackageJson && !holdsOurKey(content)) return {};
    if (content.length > MAX_CONFIG_BYTES) throw new ConfigError(`${shown(filepath)}: the config is larger than 1 MiB; is this the right file?`);
    const text = content.replace(/^\uFEFF/, '');
    const limits = defaultConfig().limits;
    const docs = readDocuments(text, limits);
    if (!Array.isArray(docs)) {
      const at = offsetRange(text, docs.offset);
      throw new ConfigError(`${shown(filepath)}:${at.line}:${at.column}: ${docs.message}`);
    }
    const broken = docs.find((d) => d.syntax.length > 0);
    if (broken) {
      const p = broken.syntax[0] as { message: string; range: { line: number; column: number } };
      throw new ConfigError(`${shown(filepath)}:${p.range.line}:${p.range.column}: ${p.message}`);
    }
    if (docs.length > 1) {
      const second = docs[1] as ParsedDocument;
      throw new ConfigError(`${shown(filepath)}:${second.start.line}:${second.start.column}: a config holds one YAML document; remove the second one`);
    }
    const doc = docs[0];
    if (!doc) return undefined;
    const shape = doc.shape[0];
    if (shape) {
      const r = shape.range ?? doc.locate(shape.pointer, shape.at);
      throw new ConfigError(`${shown(filepath)}:${r.line}:${r.column}: ${shape.message}`);
    }
    parsed.set(resolve(filepath), doc);
    const value = isPackageJson && (doc.value === null || typeof doc.value !== 'object') ? {} : doc.value;
    const own = isPackageJson ? ((value ?? {}) as Record<string, unknown>)[MODULE_NAME] : value;
    if (own !== null && typeof own === 'object' && !Array.isArray(own) && Object.prototype.hasOwnProperty.call(own, '$import')) {
      // cosmiconfig would read (and, for code, run) the named files; warranty-lint has `extends` instead.
      const r = doc.locate(joinPointer(isPackageJson ? `/${MODULE_NAME}` : '', '$import'), 'key');
      throw new ConfigError(`${shown(filepath)}:${r.line}:${r.column}: "$import" is not supported in a warranty-lint config; use "extends" (recommended, strict, a preset file or a package: data only)`);
    }
    return value;
  };
}

class CodeConfigFound extends Error {
  constructor(readonly filepath: string) {
    super(filepath);
  }
}

function refuseCode(filepath: string): never {
  throw new CodeConfigFound(filepath);
}

/** A path for messages: relative to the working directory when below it. */
function shownFrom(cwd: string): (file: string) => string {
  return (file) => {
    const rel = relative(cwd, file);
    return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel).split('\\').join('/');
  };
}

function explorer(parsed: ParsedFiles, shown: (file: string) => string, allowCode: boolean): Explorer {
  // cosmiconfig's own Explorer, built with every option given: see the top of this file for why
  // its public factory cannot be used (it runs a meta config from process.cwd() before any option
  // applies). A deep import is not public API, so package.json pins cosmiconfig to exactly 9.0.2;
  // the test suite covers this import.
  const { Explorer: ExplorerCtor } = require('cosmiconfig/dist/Explorer.js') as { Explorer: new (options: Record<string, unknown>) => Explorer };
  const { defaultLoaders } = require('cosmiconfig') as { defaultLoaders: Record<string, unknown> };
  const data = dataLoader(parsed, shown);
  const code: Record<string, unknown> = {};
  for (const ext of CODE_EXTENSIONS) {
    code[ext] = allowCode ? (defaultLoaders[ext === '.cts' || ext === '.mts' ? '.ts' : ext] ?? defaultLoaders['.js']) : refuseCode;
  }
  return new ExplorerCtor({
    moduleName: MODULE_NAME,
    packageProp: MODULE_NAME,
    searchPlaces: [...DATA_SEARCH_PLACES, ...CODE_SEARCH_PLACES],
    ignoreEmptySearchPlaces: true,
    cache: false,
    transform: (r: unknown) => r,
    loaders: { '.json': data, '.yaml': data, '.yml': data, noExt: data, ...code },
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: false,
    searchStrategy: 'none',
    applyPackagePropertyPathToConfiguration: false,
  });
}

/**
 * Before cosmiconfig reads a candidate: a FIFO or device would block or never end, and a huge file
 * would be read whole. Directories are left to cosmiconfig, which skips them.
 */
function guardFile(path: string, shown: (file: string) => string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) return;
  if (!st.isFile()) throw new ConfigError(`${shown(path)}: the config is not a regular file (a pipe, socket or device); refusing to read it`);
  if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(`${shown(path)}: the config is larger than 1 MiB; is this the right file?`);
}

/** The directories searched: the working directory, then each parent up to the one holding `.git`, or the root. */
export function searchDirectories(cwd: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    dirs.push(dir);
    if (existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}

/** Finds, reads, validates and resolves the config. Throws ConfigError (exit 2) for a config that cannot be used. */
export async function loadConfig(options: LoadOptions): Promise<LoadedConfig> {
  const shown = shownFrom(options.cwd);
  const parsed: ParsedFiles = new Map();
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null = null;
  try {
    if (options.configPath !== undefined) {
      const file = resolve(options.cwd, options.configPath);
      if (!existsSync(file)) throw new ConfigError(`--config ${options.configPath}: no such file`);
      if (!statSync(file).isFile()) throw new ConfigError(`--config ${options.configPath}: not a file`);
      guardFile(file, shown);
      const ext = extname(file);
      if (!CODE_EXTENSIONS.includes(ext) && !['.json', '.yaml', '.yml', ''].includes(ext) && basename(file) !== 'package.json') {
        throw new ConfigError(`--config ${options.configPath}: unsupported config type "${ext}"; use .yaml, .yml, .json, .js, .cjs, .mjs or .ts`);
      }
      // A named file is read with the loader of its kind; an extension-less or odd name is YAML/JSON.
      found = await explorer(parsed, shown, true).load(file);
      if (found === null || found.isEmpty) found = { config: {}, filepath: file };
    } else {
      const search = explorer(parsed, shown, false);
      for (const dir of searchDirectories(options.cwd)) {
        for (const place of [...DATA_SEARCH_PLACES, ...CODE_SEARCH_PLACES]) guardFile(join(dir, place), shown);
        found = await search.search(dir);
        if (found) break;
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof CodeConfigFound) {
      const name = shown(error.filepath);
      throw new ConfigError(
        `found the config ${name}, which is JavaScript/TypeScript: a config that runs code is loaded only when named, so that linting a tree never runs code from it. Run with --config ${name} to use it, or write it as .warranty-lintrc.yaml.`,
      );
    }
    const e = error as Error & { filepath?: string };
    const where = e.filepath ? shown(e.filepath) : options.configPath ?? 'the config';
    throw new ConfigError(`${where}: cannot load the config: ${e.message}`);
  }
  if (!found) return { config: resolveConfig({}), user: {}, file: null, presets: [] };
  const file = found.filepath;
  const doc = parsed.get(resolve(file));
  const isPackageJson = basename(file) === 'package.json';
  let user = found.config;
  if (isPackageJson && doc) user = (doc.value as Record<string, unknown> | null)?.[MODULE_NAME];
  if (user !== null && typeof user === 'object' && 'default' in user && !doc && Object.keys(user).length === 1) {
    // An ES module config exports `default`.
    user = (user as { default: unknown }).default;
  }
  const root: ConfigFile = { file, prefix: isPackageJson ? `/${MODULE_NAME}` : '', value: user, ...(doc ? { locate: doc.locate } : {}) };
  const assembled = assembleConfig(root, presetReader(parsed, shown), shown);
  if ('problems' in assembled) throw new ConfigError(`invalid config:\n${assembled.problems.map((l) => `  ${l}`).join('\n')}`);
  return { config: resolveConfig(assembled.user), user: assembled.user, file, presets: assembled.presets };
}

/** Reads a preset file named by `extends` with the config's own data loader (YAML 1.2, limits, positions). */
function presetReader(parsed: ParsedFiles, shown: (file: string) => string): ReadPreset {
  const load = dataLoader(parsed, shown);
  return (file) => {
    try {
      guardFile(file, shown);
      const value = load(file, readFileSync(file, 'utf8'));
      const doc = parsed.get(resolve(file));
      return { file, prefix: '', value: value === undefined ? {} : value, ...(doc ? { locate: doc.locate } : {}) };
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      return `${shown(file)}: cannot read the preset: ${(error as Error).message}`;
    }
  };
}
