import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ResolvedConfig } from '../config/types.js';
import type { Area, Finding, Range, Tier } from '../types.js';
import { decode } from '../load/decode.js';
import { FILE_START, LineIndex } from '../load/lines.js';
import { readDocuments, type ParsedDocument } from '../load/parse.js';
import { buildService, findPlaceholders, type ServiceLayout } from '../model/build.js';
import { deferralMatcher } from '../model/deferral.js';
import { isNativeDocument, nativeLayout } from '../model/native.js';
import { classifyBackstage, backstageLayout, whyNoBackstageService } from '../model/backstage.js';
import type { Service } from '../model/types.js';
import { validateAgainst, type SchemaProblem } from '../schema/validate.js';
import { RULES } from '../rules/index.js';
import type { ServiceRule } from '../rules/types.js';
import { makeFinding } from './finding.js';
import { RuleCrash } from '../errors.js';
import { severityFor } from './severity.js';

/** A file to lint: `file` is what findings show (relative, `/`-separated); `path` is what is read. */
export interface FileRef {
  path: string;
  file: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  services: Service[];
  /** Documents that could not be parsed (they count in nothing but their own findings). */
  brokenDocuments: number;
}

export interface FileOptions {
  config: ResolvedConfig;
  today: number;
}

const SERVICE_RULES = RULES.filter((r): r is ServiceRule => r.scope === 'service');

/**
 * A file met while walking a directory is ours only when it mentions our apiVersion or
 * Backstage's; any other YAML (Helm values, generated specs, a binary with a YAML name) is skipped
 * silently (SPEC §2), also when it is too large, too deep or not UTF-8.
 */
const OUR_MARKER = /warranty-lint\/|backstage\.io\//;
const OUR_MARKER_BYTES = ['warranty-lint/', 'backstage.io/'].flatMap((m) => {
  const le = Buffer.from(m, 'utf16le');
  return [Buffer.from(m), le, Buffer.from(le.map((_, i) => le[i ^ 1] as number))];
});
const mentionsUs = (text: string): boolean => OUR_MARKER.test(text);
const bytesMentionUs = (bytes: Uint8Array): boolean => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return OUR_MARKER_BYTES.some((m) => b.includes(m));
};
const skipped = (ref: FileRef): FileResult => ({ file: ref.file, findings: [], services: [], brokenDocuments: 0 });

/** Reads, decodes and lints one file. Never throws for anything the file contains. */
export function lintFile(ref: FileRef, options: FileOptions): FileResult {
  let bytes: Buffer;
  try {
    bytes = readBounded(ref.path, options.config.limits.maxFileSize);
  } catch (error) {
    if (error instanceof TooLarge && !ref.explicit && !bytesMentionUs(readHead(ref.path, 64 * 1024))) return skipped(ref);
    const message = error instanceof TooLarge ? error.message : `cannot read ${ref.file}: ${describeIoError(error)}`;
    const ruleId = error instanceof TooLarge ? 'yaml-syntax' : 'file-unreadable';
    return { file: ref.file, findings: [fileFinding(ruleId, ref.file, message, options)], services: [], brokenDocuments: 0 };
  }
  return lintBytes(bytes, ref, options);
}

export function lintBytes(bytes: Uint8Array, ref: FileRef, options: FileOptions): FileResult {
  if (bytes.length > options.config.limits.maxFileSize) {
    return { file: ref.file, findings: [fileFinding('yaml-syntax', ref.file, tooLargeMessage(bytes.length, options.config.limits.maxFileSize), options)], services: [], brokenDocuments: 0 };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    if (!ref.explicit && !bytesMentionUs(bytes)) return skipped(ref);
    const range = decoded.text !== undefined ? new LineIndex(decoded.text).range(decoded.offset, decoded.offset) : byteRange(bytes, decoded.offset);
    return { file: ref.file, findings: [fileFinding('yaml-syntax', ref.file, decoded.message, options, range)], services: [], brokenDocuments: 0 };
  }
  return lintText(decoded.text, ref, options);
}

export function lintText(text: string, ref: FileRef, options: FileOptions): FileResult {
  const { config } = options;
  // Text that did not come through lintBytes (standard input) meets the size limit here.
  const limit = config.limits.maxFileSize;
  const size = text.length * 3 <= limit ? text.length : Buffer.byteLength(text, 'utf8');
  if (size > limit) return { file: ref.file, findings: [fileFinding('yaml-syntax', ref.file, tooLargeMessage(size, limit), options)], services: [], brokenDocuments: 0 };
  const docs = readDocuments(text, config.limits);
  if (!Array.isArray(docs)) {
    if (!ref.explicit && !mentionsUs(text)) return skipped(ref);
    const range = new LineIndex(text).range(docs.offset, docs.offset);
    return { file: ref.file, findings: [fileFinding('yaml-syntax', ref.file, docs.message, options, range)], services: [], brokenDocuments: 0 };
  }
  const findings: Finding[] = [];
  const services: Service[] = [];
  let brokenDocuments = 0;

  const kinds = docs.map((d) => (d.syntax.length > 0 ? 'broken' : classify(d.value, config)));
  const holdsService = kinds.some((k) => k === 'native' || k === 'backstage');
  // A walked file that fails to parse is reported only when it looks like one of ours: Helm
  // templates and the like are not service definitions and must not fail the run.
  const ours = holdsService || ref.explicit || mentionsUs(text);

  docs.forEach((doc, i) => {
    const kind = kinds[i];
    if (kind === 'broken') {
      brokenDocuments++;
      if (!ours) return;
      for (const p of doc.syntax) findings.push(finding('yaml-syntax', p.message, ref.file, p.range, null, null, null, null, options));
      return;
    }
    if (kind === 'native' || kind === 'backstage') {
      const layout = kind === 'native' ? nativeLayout(doc.value as Record<string, unknown>, ref.file, doc.index) : backstageLayout(doc.value as Record<string, unknown>, ref.file, doc.index);
      const result = lintService(doc, layout, kind === 'native' ? 'service.schema.json' : 'backstage.schema.json', options);
      for (const f of result.findings) findings.push(f); // not push(...): it overflows the stack on a flood
      services.push(result.service);
      return;
    }
    if (kind === 'other' && holdsService) {
      findings.push(
        finding('schema', `document ${doc.index + 1} is ${describeValue(doc.value)}, not a service definition; a file that holds services may hold only services and Backstage entities`, ref.file, doc.start, null, null, '', null, options),
      );
    }
  });

  if (!holdsService && ref.explicit && findings.length === 0) {
    const why =
      docs.length === 0 || kinds.every((k) => k === 'empty')
        ? 'it is empty or holds only comments'
        : kinds.includes('backstage-other')
          ? whyNoBackstageService(config.backstage.serviceTypes)
          : 'none of its documents is a warranty-lint/v1 Service or a Backstage Component of a service type';
    findings.push(fileFinding('no-service', ref.file, `${ref.file} holds no service definition: ${why}`, options));
  }
  return { file: ref.file, findings, services, brokenDocuments };
}

type DocKind = 'native' | 'backstage' | 'backstage-other' | 'empty' | 'other';

function classify(value: unknown, config: ResolvedConfig): DocKind {
  if (value === null || value === undefined) return 'empty';
  if (isNativeDocument(value)) return 'native';
  const b = classifyBackstage(value, config.backstage.serviceTypes);
  if (b === 'service') return 'backstage';
  if (b === 'other') return 'backstage-other';
  return 'other';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return `a scalar (${JSON.stringify(String(value).slice(0, 40))})`;
}

/** Schema, placeholders, model, then every service rule, with positions resolved while the document is at hand. */
function lintService(doc: ParsedDocument, layout: ServiceLayout, schemaFile: string, options: FileOptions): { service: Service; findings: Finding[] } {
  const { config } = options;
  const subject = typeof layout.name === 'string' && layout.name !== '' ? `service "${layout.name}"` : `document ${doc.index + 1}`;
  const placeholders = findPlaceholders(layout, config.placeholders);
  // A set and a walk up the pointer: thousands of placeholders beside thousands of schema errors must stay linear.
  const placeholderAt = new Set(placeholders.map((p) => p.pointer));
  const covered = (pointer: string): boolean => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (placeholderAt.has(p)) return true;
      if (p === '') return false;
    }
  };
  const emptyAreas = new Set(
    (['availability', 'capacity', 'continuity', 'security'] as const)
      .filter((a) => (layout.warranty as Record<string, unknown> | undefined)?.[a] === null)
      .map((a) => `${layout.pointers.warranty}/${a}`),
  );
  // A `warranty:` left empty is four missing areas (warranty-area-missing), not also a schema finding.
  if (layout.warranty === null) emptyAreas.add(layout.pointers.warranty);
  const problems: Array<SchemaProblem & { range?: Range }> = [
    ...doc.shape.map((s) => ({ ...s, spoils: s.pointer })),
    ...validateAgainst(schemaFile, doc.value, subject).filter((p) => !covered(p.pointer) && !emptyAreas.has(p.pointer)),
  ];
  const reported = new Set(problems.map((p) => p.spoils));
  for (const p of problems) reported.add(p.pointer);
  const service = buildService(layout, placeholders, reported, deferralMatcher(config.deferral));

  const findings: Finding[] = [];
  const name = service.name;
  const at = (pointer: string, where: 'key' | 'value' = 'value'): Range => doc.locate(pointer, where);
  for (const p of problems) {
    findings.push(finding('schema', p.message, layout.file, p.range ?? at(p.pointer, p.at), name, null, p.pointer, service.tier, options));
  }
  for (const rule of SERVICE_RULES) {
    if (severityFor(rule.meta.id, layout.file, service.tier, config) === 'off') continue;
    let reports;
    try {
      reports = rule.check({ service, config, today: options.today });
    } catch (error) {
      throw new RuleCrash(rule.meta.id, error);
    }
    for (const r of reports) {
      const area = r.area !== undefined ? r.area : rule.meta.area;
      findings.push(finding(rule.meta.id, r.message, layout.file, at(r.pointer, r.at), name, area, r.pointer, service.tier, options));
    }
  }
  service.anchors = anchorsFor(service, at);
  return { service, findings };
}

/**
 * The nodes rules over the whole catalog point at, resolved now (the document is gone by then):
 * the name (duplicate-service), each dependency (the dependency rules), the target when there is a
 * hard dependency (availability-exceeds-dependency-ceiling), each waiver (the waiver rules), and
 * the document's first key as the fallback. Nothing else: this runs for every service.
 */
function anchorsFor(service: Service, at: (pointer: string, where?: 'key' | 'value') => Range): Record<string, Range> {
  const anchors: Record<string, Range> = {};
  const add = (p: string): void => {
    anchors[p] = at(p);
  };
  add('');
  add(service.pointers.name);
  if (service.dependsOn.some((d) => d.kind === 'hard' && !d.external)) add(`${service.areas.availability.pointer}/target`);
  for (const d of service.dependsOn) add(d.pointer);
  for (const w of service.waivers) add(w.pointer);
  return anchors;
}

function finding(ruleId: string, message: string, file: string, range: Range | null, service: string | null, area: Area | null, pointer: string | null, tier: Tier | null, options: FileOptions): Finding {
  const severity = severityFor(ruleId, file, tier, options.config);
  return makeFinding({ ruleId, severity: severity === 'off' ? 'info' : severity, message, file, range, service, area, pointer });
}

function fileFinding(ruleId: string, file: string, message: string, options: FileOptions, range: Range = FILE_START): Finding {
  return finding(ruleId, message, file, range, null, null, null, null, options);
}

class TooLarge extends Error {}

function tooLargeMessage(size: number, limit: number): string {
  const shown = (n: number): string => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
  return `the file is ${shown(size)}, over the ${shown(limit)} limit (limits.maxFileSize); it was not read`;
}

/** The first bytes of a file (to tell whether an oversized walked file is ours); nothing when it cannot be read. */
function readHead(path: string, length: number): Buffer {
  try {
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const buf = Buffer.alloc(length);
      return buf.subarray(0, readSync(fd, buf, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/** Reads a regular file without ever blocking on a FIFO or reading past the size limit. */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (st.size > limit) throw new TooLarge(tooLargeMessage(st.size, limit));
    const buf = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist (a broken link?)';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTREG':
      return 'not a regular file (a FIFO, socket or device)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The line and column of a byte offset in undecodable bytes; columns count characters (UTF-16 units), as elsewhere. */
function byteRange(bytes: Uint8Array, offset: number): Range {
  let line = 1;
  let column = 1;
  const end = Math.min(offset, bytes.length);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = bom; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column += b >= 0xf0 ? 2 : 1;
  }
  return { line, column, endLine: line, endColumn: column };
}

export { fileFinding };
