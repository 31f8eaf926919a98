// `$yaml`, `$json` and `$text` substitutions, as Backstage's catalog resolves them
// (https://backstage.io/docs/features/software-catalog/descriptor-format#substitutions-in-the-descriptor-format):
// a mapping whose only key is one of them is replaced by the content of the file it names. Here
// only relative files inside the repository are read, under the same limits as any file; never a
// URL; a file that leads back to itself is refused. Positions of substituted values point into the
// file that holds them (`Range.file`).
import { dirname, isAbsolute, posix, resolve } from 'node:path';
import type { Range } from '../types.js';
import { decode } from './decode.js';
import type { Locate, ParseLimits, ParsedDocument } from './document.js';
import { byteRange, FILE_START, fixedLocator, offsetRange } from './locate.js';
import { readDocuments } from './parse.js';
import { joinPointer, pointerToPath, splitPointer } from './pointer.js';
import { describeIoError, readBounded, TooLarge } from './read.js';
import { inside, isUrl, real } from './repository.js';

export type SubstitutionRule = 'file-unreadable' | 'yaml-syntax' | 'input-skipped' | 'schema';

/** A substitution that could not be made, or a problem in what it read: a finding of its own. */
export interface SubstitutionProblem {
  ruleId: SubstitutionRule;
  /** The pointer, in the document, of the value the substitution stands for. */
  pointer: string;
  message: string;
  range: Range;
}

export interface Substitutions {
  problems: SubstitutionProblem[];
  /** Values whose substitution was not made: reported once, they count as missing with no second finding. */
  spoiled: string[];
}

export interface SubstitutionContext {
  /** The document's file: read relative to `path`, shown as `file`. */
  path: string;
  file: string;
  /** What may be read (repository.ts `repositoryRoot`). */
  root: string;
  limits: ParseLimits & { maxFileSize: number };
}

const KINDS = ['yaml', 'json', 'text'] as const;
type Kind = (typeof KINDS)[number];
/** Substitutions within substitutions, at most. */
const MAX_DEPTH = 8;
/** Substituted files one document may read, at most (each is bounded by maxFileSize). */
const MAX_FILES = 64;

/** Whether a text may hold a substitution (a cheap test before walking its documents). */
export function mayHoldSubstitution(text: string): boolean {
  return text.includes('$yaml') || text.includes('$json') || text.includes('$text');
}

interface Frame {
  path: string;
  /** Shown in findings; undefined for the document's own file. */
  file: string | undefined;
  display: string;
  locate: Locate;
  /** Pointer, in the document, of this file's value. */
  base: string;
  /** Real paths of the files this one was substituted from, itself included. */
  chain: readonly string[];
}

interface Sub {
  pointer: string;
  value: unknown;
  locate: Locate;
}

/** The document with its substitutions made, or the document itself when it holds none. */
export function substitute(doc: ParsedDocument, ctx: SubstitutionContext): ParsedDocument {
  const problems: SubstitutionProblem[] = [];
  const spoiled: string[] = [];
  const subs: Sub[] = [];
  let files = 0;

  const place = (frame: Frame, local: string, at: 'key' | 'value' = 'value'): Range => tag(frame.locate(local, at), frame.file);

  const read = (frame: Frame, local: string, kind: Kind, target: string): { value: unknown; frame: Frame } | undefined => {
    const pointer = frame.base + local;
    const where = `$${kind}: ${target} in ${pointerToPath(pointer)}`;
    const refuse = (ruleId: SubstitutionRule, message: string, range = place(frame, joinPointer(local, `$${kind}`))): undefined => {
      problems.push({ ruleId, pointer, message, range });
      spoiled.push(pointer);
      return undefined;
    };
    if (isUrl(target)) return refuse('input-skipped', `${where} is not read: it is a URL, and warranty-lint reads files of the repository only, so the value is not checked.`);
    if (isAbsolute(target)) return refuse('input-skipped', `${where} is not read: it is an absolute path; a substitution is read relative to the file that holds it.`);
    const abs = resolve(dirname(frame.path), target);
    const realPath = real(abs);
    if (!inside(ctx.root, realPath)) return refuse('input-skipped', `${where} is not read: it is outside the repository (${ctx.root}).`);
    if (frame.chain.includes(realPath)) return refuse('file-unreadable', `${where} leads back to a file it is substituted from, so it is not read: a substitution cannot include itself.`);
    if (frame.chain.length > MAX_DEPTH) return refuse('file-unreadable', `${where} is substituted more than ${MAX_DEPTH} levels deep; it is not read.`);
    if (++files > MAX_FILES) return refuse('file-unreadable', `${where} is not read: one document may substitute at most ${MAX_FILES} files.`);
    const display = posix.normalize(posix.join(posix.dirname(frame.display), target.split('\\').join('/')));
    const at = (range: Range): Range => tag(range, display);
    let bytes: Buffer;
    try {
      bytes = readBounded(abs, ctx.limits.maxFileSize);
    } catch (error) {
      if (error instanceof TooLarge) return refuse('yaml-syntax', `${where}: ${error.message}`);
      const code = (error as { code?: string }).code;
      return refuse('file-unreadable', `${where} cannot be read: ${code === 'ENOENT' ? 'there is no such file' : describeIoError(error)}.`);
    }
    const decoded = decode(bytes);
    if (!decoded.ok) return refuse('yaml-syntax', `${display}: ${decoded.message}`, at(decoded.text !== undefined ? offsetRange(decoded.text, decoded.offset) : byteRange(bytes, decoded.offset)));
    const text = decoded.text;
    const next = (value: unknown, locate: Locate): { value: unknown; frame: Frame } => ({
      value,
      frame: { path: abs, file: display, display, locate, base: pointer, chain: [...frame.chain, realPath] },
    });
    if (kind === 'text') return next(text, fixedLocator(FILE_START));
    let json: unknown;
    if (kind === 'json') {
      try {
        json = JSON.parse(text);
      } catch (error) {
        return refuse('yaml-syntax', `${display} is not valid JSON (${where}): ${error instanceof Error ? error.message : String(error)}`, at(FILE_START));
      }
    }
    // JSON is read again as YAML for its positions: the values are the same.
    const docs = readDocuments(text, ctx.limits);
    if (!Array.isArray(docs)) return kind === 'json' ? next(json, fixedLocator(FILE_START)) : refuse('yaml-syntax', `${display}: ${docs.message}`, at(offsetRange(text, docs.offset)));
    const parsed = docs.filter((d) => d.syntax.length > 0 || d.value !== null);
    if (kind === 'yaml' && parsed.length !== 1) {
      return refuse('yaml-syntax', `${display} holds ${parsed.length} documents, but ${where} takes exactly one.`, at(parsed[1]?.start ?? FILE_START));
    }
    const only = parsed[0] as ParsedDocument | undefined;
    if (only === undefined) return next(json, fixedLocator(FILE_START));
    if (only.syntax.length > 0) {
      if (kind === 'json') return next(json, fixedLocator(FILE_START));
      for (const s of only.syntax) problems.push({ ruleId: 'yaml-syntax', pointer, message: s.message, range: at(s.range) });
      spoiled.push(pointer);
      return undefined;
    }
    for (const s of only.shape) problems.push({ ruleId: 'schema', pointer: pointer + s.pointer, message: `${display}: ${s.message}`, range: at(s.range ?? only.locate(s.pointer, s.at)) });
    return next(kind === 'json' ? json : only.value, only.locate);
  };

  const walk = (value: unknown, local: string, frame: Frame): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      value.forEach((item, i) => {
        const v = walk(item, joinPointer(local, i), frame);
        if (v !== item) (out ??= [...value])[i] = v;
      });
      return out ?? value;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const kind = keys.length === 1 && (keys[0] as string).startsWith('$') ? (keys[0] as string).slice(1) : undefined;
    // As in Backstage, `$ref` (JSON Schema) and anything but one known key with a string are left alone.
    if (kind !== undefined && (KINDS as readonly string[]).includes(kind) && typeof record[keys[0] as string] === 'string') {
      const got = read(frame, local, kind as Kind, record[keys[0] as string] as string);
      if (!got) return value;
      const resolved = walk(got.value, '', got.frame);
      const inner = got.frame.locate;
      subs.push({ pointer: got.frame.base, value: resolved, locate: (p, at) => tag(inner(p, at), got.frame.file) });
      return resolved;
    }
    let out: Record<string, unknown> | undefined;
    for (const k of keys) {
      const v = walk(record[k], joinPointer(local, k), frame);
      if (v !== record[k]) (out ??= { ...record })[k] = v;
    }
    return out ?? value;
  };

  const host: Frame = { path: ctx.path, file: undefined, display: ctx.file, locate: doc.locate, base: '', chain: [real(resolve(ctx.path))] };
  const value = walk(doc.value, '', host);
  if (subs.length === 0 && problems.length === 0) return doc;
  return { ...doc, value, locate: subs.length === 0 ? doc.locate : composed(doc.locate, subs), substitutions: { problems, spoiled } };
}

const tag = (range: Range, file: string | undefined): Range => (file === undefined ? range : { ...range, file });

/**
 * One locator over the document and the files substituted into it: a pointer at or below a
 * substituted value is placed in that value's file; a key the file lacks, at the key that holds the
 * substitution (a missing area of a substituted warranty is at `warranty:`, as in one file).
 */
function composed(host: Locate, subs: readonly Sub[]): Locate {
  const deepest = [...subs].sort((a, b) => b.pointer.length - a.pointer.length);
  const covers = (outer: string, pointer: string): boolean => pointer === outer || pointer.startsWith(outer + '/');
  const locate = (pointer: string, at: 'key' | 'value', below?: Sub): Range => {
    const sub = deepest.find((s) => covers(s.pointer, pointer) && (below === undefined || (s.pointer !== below.pointer && covers(s.pointer, below.pointer))));
    if (!sub) return host(pointer, at);
    const rest = pointer.slice(sub.pointer.length);
    if (rest === '') return at === 'key' ? locate(pointer, 'key', sub) : sub.locate('', 'value');
    const first = splitPointer(rest)[0] as string;
    const v = sub.value;
    const has = Array.isArray(v) ? /^\d+$/.test(first) && Number(first) < v.length : v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, first);
    return has ? sub.locate(rest, at) : locate(sub.pointer, 'key', sub);
  };
  return (pointer, at = 'value') => locate(pointer, at);
}


