// `extends`: presets as data files, and the one config they make with the file that names them.
// An entry is a built-in baseline (recommended, strict), a path relative to the file naming it, or
// a package name: the package is looked for in node_modules from that file's folder up, and names
// its preset in the "warranty-lint" field of its package.json (else warranty-lint.yaml at its
// root). Nothing is ever required or imported: a preset is YAML or JSON, read by the same loader
// as a config. Every problem, in any file of the tree, is reported at its line before the run.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { checkExtensions } from '../schema/extend.js';
import { didYouMean } from '../schema/suggest.js';
import { joinPointer } from '../load/pointer.js';
import { checkPolicy } from '../policies/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Range } from '../types.js';
import { schemaProblems, unknownRules } from './check.js';
import { mergeConfigs, mergeExtensions } from './merge.js';
import { BUILT_IN_PRESETS, isBuiltInPreset, type UserConfig } from './resolve.js';
import type { Extensions, PolicyData } from './types.js';

/** A config or preset file, read and parsed. */
export interface ConfigFile {
  /** Absolute path. */
  file: string;
  /** Where a pointer of the document is; absent for a config that was code (named with --config). */
  locate?: (pointer: string, at?: 'key' | 'value') => Range;
  /** The config's pointer inside its document: `/warranty-lint` in a package.json. */
  prefix: string;
  value: unknown;
}

/** Reads a preset file: the file, or a message that names the file and line (a parse error). */
export type ReadPreset = (file: string) => ConfigFile | string;

export interface Assembled {
  user: UserConfig;
  /** The preset files merged, in merge order (absolute paths). */
  presets: string[];
}

const DATA_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** npm's package names: `acme-policy`, `@acme/warranty-policy`. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const MAX_PACKAGE_JSON = 1024 * 1024;

type Problem = { cf: ConfigFile; pointer: string; at: 'key' | 'value'; message: string };

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The preset file a package names, or why there is none. */
function packagePreset(pkgDir: string, name: string): string | { why: string } {
  const manifest = join(pkgDir, 'package.json');
  if (existsSync(manifest) && statSync(manifest).isFile() && statSync(manifest).size <= MAX_PACKAGE_JSON) {
    let field: unknown;
    try {
      field = (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown> | null)?.['warranty-lint'];
    } catch (error) {
      return { why: `the package.json of the package "${name}" cannot be parsed: ${(error as Error).message}` };
    }
    if (field !== undefined) {
      if (typeof field !== 'string' || field === '') return { why: `the "warranty-lint" field of the package.json of "${name}" must name its preset file, such as "preset.yaml"` };
      const file = resolve(pkgDir, field);
      const inside = relative(pkgDir, file);
      if (inside.startsWith('..') || isAbsolute(inside)) return { why: `the "warranty-lint" field of "${name}" names ${JSON.stringify(field)}, outside the package` };
      return file;
    }
  }
  const yaml = join(pkgDir, 'warranty-lint.yaml');
  if (existsSync(yaml)) return yaml;
  return { why: `the package "${name}" (${pkgDir}) names no preset: give its package.json a "warranty-lint" field naming a YAML or JSON file, or put a warranty-lint.yaml at its root` };
}

/** Where an `extends` entry of the file in `fromDir` leads: a preset file, or why it leads nowhere. */
export function resolvePreset(entry: string, fromDir: string): string | { why: string } {
  if (entry.startsWith('./') || entry.startsWith('../') || isAbsolute(entry)) return resolve(fromDir, entry);
  if (!PACKAGE_NAME.test(entry)) {
    return { why: `"${entry}" is not ${BUILT_IN_PRESETS.join(' or ')}, a relative path (such as "./${entry}") or a package name` };
  }
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', entry);
    if (existsSync(pkgDir)) return packagePreset(pkgDir, entry);
    if (dirname(dir) === dir) break;
  }
  const hint = didYouMean(entry, BUILT_IN_PRESETS);
  return {
    why: `"${entry}" is not a built-in preset (${BUILT_IN_PRESETS.join(', ')}), and no package of that name is installed in a node_modules folder at or above the config's${hint ? `; did you mean "${hint}"?` : ''}`,
  };
}

/** The entries of `extends`, each with its pointer. */
function entriesOf(value: unknown): Array<{ name: string; pointer: string }> {
  const ext = (value as { extends?: unknown } | null)?.extends;
  if (typeof ext === 'string') return [{ name: ext, pointer: '/extends' }];
  return Array.isArray(ext) ? ext.map((name, i) => ({ name: String(name), pointer: `/extends/${i}` })) : [];
}

/**
 * Reads the presets `root` extends (and theirs), checks every file and the policies of all of
 * them, and merges them. Problems come back as lines `file:line:col: message`, in file order.
 */
export function assembleConfig(root: ConfigFile, read: ReadPreset, shown: (file: string) => string): Assembled | { problems: string[] } {
  const problems: Problem[] = [];
  const messages: string[] = [];
  const order: ConfigFile[] = [];
  const seen = new Set<string>();

  const visit = (cf: ConfigFile, stack: string[]): void => {
    const shape = schemaProblems(cf.value);
    for (const p of shape) problems.push({ cf, ...p });
    // Presets are still followed beside other problems of the file, so that one run shows them all.
    if (shape.some((p) => p.pointer === '' || p.pointer.startsWith('/extends'))) return;
    for (const { name, pointer } of entriesOf(cf.value)) {
      if (isBuiltInPreset(name)) continue;
      const found = resolvePreset(name, dirname(cf.file));
      if (typeof found !== 'string') {
        problems.push({ cf, pointer, at: 'value', message: `extends: ${found.why}` });
        continue;
      }
      if (!DATA_EXTENSIONS.includes(extname(found).toLowerCase())) {
        problems.push({ cf, pointer, at: 'value', message: `extends: the preset ${JSON.stringify(name)} is ${shown(found)}, not a YAML or JSON file: a preset is data, and warranty-lint never runs code from one` });
        continue;
      }
      if (!existsSync(found)) {
        problems.push({ cf, pointer, at: 'value', message: `extends: the preset ${JSON.stringify(name)} does not exist (${shown(found)})` });
        continue;
      }
      const id = real(found);
      if (stack.includes(id)) {
        const cycle = [...stack.slice(stack.indexOf(id)), id].map(shown).join(' → ');
        problems.push({ cf, pointer, at: 'value', message: `extends: the preset ${JSON.stringify(name)} makes a cycle: ${cycle}` });
        continue;
      }
      if (seen.has(id)) continue; // reached twice without a cycle (a diamond): merged once, where first met
      seen.add(id);
      const child = read(found);
      if (typeof child === 'string') messages.push(child);
      else visit(child, [...stack, id]);
    }
    if (shape.length === 0) order.push(cf);
  };
  seen.add(real(root.file));
  visit(root, [real(root.file)]);

  // Files that passed the schema are checked further even beside problems elsewhere, so that one run
  // shows them all; rule ids only when no file is missing, as a missing preset may define them.
  checkTree(order, problems, shown, problems.length === 0 && messages.length === 0);
  if (problems.length > 0 || messages.length > 0) return { problems: [...messages, ...placed(problems, order, shown)] };

  const user = mergeConfigs(order.map((cf) => withSources(cf, shown)));
  return { user, presets: order.filter((cf) => cf !== root).map((cf) => cf.file) };
}

/** The file's config with each policy marked with the file that defines it (for `explain`). */
function withSources(cf: ConfigFile, shown: (file: string) => string): UserConfig {
  const user = cf.value as UserConfig;
  return user.policies ? { ...user, policies: user.policies.map((p) => ({ ...p, source: shown(cf.file) })) } : user;
}

/** Checks across the tree: extensions, policies (with every file's extensions), ids, and rule ids in rules and overrides. */
function checkTree(order: readonly ConfigFile[], problems: Problem[], shown: (file: string) => string, ruleIds: boolean): void {
  let extensions: Extensions = {};
  const extensionSource = new Map<string, ConfigFile>();
  for (const cf of order) {
    const ext = (cf.value as UserConfig).extensions;
    if (!ext) continue;
    extensions = mergeExtensions(extensions, ext);
    for (const [place, fields] of Object.entries(ext)) for (const name of Object.keys(fields ?? {})) extensionSource.set(joinPointer('', place, name), cf);
  }
  for (const p of checkExtensions(extensions)) {
    const field = p.pointer.split('/').slice(0, 3).join('/');
    const cf = extensionSource.get(field) ?? (order[order.length - 1] as ConfigFile);
    problems.push({ cf, pointer: joinPointer('/extensions') + p.pointer, at: p.at, message: p.message });
  }
  const ids = new Map<string, { cf: ConfigFile; pointer: string }>();
  for (const cf of order) {
    ((cf.value as UserConfig).policies ?? []).forEach((policy: PolicyData, i) => {
      const pointer = `/policies/${i}`;
      for (const p of checkPolicy(policy, `policies[${i}]`, extensions)) problems.push({ cf, pointer: pointer + p.pointer, at: p.at, message: p.message });
      const first = ids.get(policy.id);
      if (first) {
        const line = first.cf.locate?.(`${first.cf.prefix}${first.pointer}/id`).line;
        const where = `${shown(first.cf.file)}${line === undefined ? '' : `:${line}`}`;
        problems.push({ cf, pointer: `${pointer}/id`, at: 'value', message: `policies[${i}].id "${policy.id}" clashes with the policy of the same id in ${where}; ids must be unique` });
      } else ids.set(policy.id, { cf, pointer });
    });
  }
  if (!ruleIds) return;
  const known = [...RULES_BY_ID.keys(), ...ids.keys()];
  for (const cf of order) for (const p of unknownRules(cf.value, known)) problems.push({ cf, ...p });
}

/** `file:line:col: message`, files in merge order and lines in order within a file. */
function placed(problems: readonly Problem[], order: readonly ConfigFile[], shown: (file: string) => string): string[] {
  const rank = (cf: ConfigFile): number => {
    const i = order.indexOf(cf);
    return i === -1 ? order.length : i;
  };
  const located = problems.map((p) => ({ p, r: p.cf.locate?.(p.cf.prefix + p.pointer, p.at) }));
  located.sort((a, b) => rank(a.p.cf) - rank(b.p.cf) || (a.r && b.r ? a.r.line - b.r.line || a.r.column - b.r.column : 0));
  return located.map(({ p, r }) => (r ? `${shown(p.cf.file)}:${r.line}:${r.column}: ${p.message}` : `${shown(p.cf.file)}: ${p.message}`));
}
