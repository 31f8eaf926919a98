import * as crypto from 'node:crypto';
import type { Area, Finding, Range, Severity } from '../types.js';
import { docsUrl } from '../docs/url.js';

export interface FindingInput {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string | null;
  range: Range | null;
  service: string | null;
  area: Area | null;
  pointer: string | null;
  /** The document's index in its file (Finding.document). */
  document: number | null;
}

/**
 * SHA-256 in one call: crypto.hash (Node 20.12 and later) takes ~2 µs for a fingerprint's input,
 * createHash().update().digest() ~4 µs; every finding has a fingerprint, and a packed one has it made
 * again when it is written. Both give the same digest; `hash` is crypto.hash where Node has it.
 */
export function sha256With(hash: typeof crypto.hash | undefined): (text: string) => Buffer {
  // Stryker disable next-line ConditionalExpression,StringLiteral: which of the two is used cannot be seen: they give the same digest (each is tested).
  const native = typeof hash === 'function';
  // Stryker disable next-line ConditionalExpression: as above.
  return native ? (text) => hash('sha256', text, 'buffer') : (text) => crypto.createHash('sha256').update(text).digest();
}

const sha256 = sha256With(crypto.hash);

/**
 * A stable identity for baselines and code scanning: rule, service, area and pointer — not the
 * line, so that unrelated edits do not break it. Findings with no service fall back to the file.
 */
export function fingerprint(f: Pick<FindingInput, 'ruleId' | 'service' | 'area' | 'pointer' | 'file'> & Pick<Finding, 'instance'>): string {
  const who = f.service !== null ? `service:${f.service}${f.instance !== undefined ? `\u0000${f.instance}` : ''}` : `file:${f.file ?? ''}`;
  // The first 16 bytes as hex: the first 32 hex digits, as a string of its own (slicing the 64-digit
  // hex would keep all of it alive behind each kept fingerprint).
  return sha256([f.ruleId, who, f.area ?? '', f.pointer ?? ''].join('\u0000')).toString('hex', 0, 16);
}

export function makeFinding(input: FindingInput): Finding {
  const r = input.range;
  // A node substituted from another file is reported there; the document stays the service's.
  const elsewhere = r?.file !== undefined && r.file !== input.file ? r.file : undefined;
  const finding: Finding = {
    ruleId: input.ruleId,
    severity: input.severity,
    message: input.message,
    file: elsewhere ?? input.file,
    line: r ? r.line : null,
    column: r ? r.column : null,
    endLine: r ? r.endLine : null,
    endColumn: r ? r.endColumn : null,
    service: input.service,
    area: input.area,
    pointer: input.pointer,
    fingerprint: fingerprint(input),
    docsUrl: docsUrl(input.ruleId),
    waived: false,
    document: input.document,
  };
  if (elsewhere !== undefined && input.file !== null) finding.documentFile = input.file;
  return finding;
}

/** Marks a finding of a later document that repeats a service's name (see Finding.instance), and its fingerprint with it. */
export function distinguish(f: KeptFinding, instance: string): void {
  f.instance = instance;
  if (!isPacked(f)) f.fingerprint = fingerprint(f);
}

/**
 * A finding as a large run keeps it from its file's end until it is written (compact.ts). Nearly
 * every message names its service, so the 580,000 findings of the 100k catalog have as many
 * different messages: as Finding objects they took ~360 bytes each. Packed (~140 bytes), the message
 * is kept as the pieces around the service's name, which findings worded alike share, and the
 * fingerprint and docsUrl are left out: both follow from the other fields, and are made again when
 * the finding is unpacked.
 */
export interface PackedFinding extends Omit<Finding, 'message' | 'fingerprint' | 'docsUrl'> {
  /** The message split at the service's name (the whole message in one piece when there is no service). */
  message: readonly string[];
}

/** A finding as a run keeps it until it is written: the Finding itself, or packed. */
export type KeptFinding = Finding | PackedFinding;

export function isPacked(f: KeptFinding): f is PackedFinding {
  return typeof f.message !== 'string';
}

/** `f` packed: `str` gives each string field its kept form, `pieces` the message's. */
export function packFinding(f: Finding, str: (s: string) => string, pieces: (message: string, service: string | null) => readonly string[]): PackedFinding {
  const orNull = (s: string | null): string | null => (s === null ? null : str(s));
  return {
    ruleId: str(f.ruleId),
    severity: str(f.severity) as Severity,
    message: pieces(f.message, f.service),
    file: orNull(f.file),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    service: orNull(f.service),
    area: orNull(f.area) as Area | null,
    pointer: orNull(f.pointer),
    waived: f.waived,
    document: f.document,
    ...internal(f),
  };
}

/** The internal fields a finding has only sometimes (Finding.documentFile, Finding.instance), kept only when set. */
function internal(f: Pick<Finding, 'documentFile' | 'instance'>): Pick<Finding, 'documentFile' | 'instance'> {
  const out: Pick<Finding, 'documentFile' | 'instance'> = {};
  if (f.documentFile !== undefined) out.documentFile = f.documentFile;
  if (f.instance !== undefined) out.instance = f.instance;
  return out;
}

/** The fingerprint of a kept finding (a baseline matches it). */
export function fingerprintOf(f: KeptFinding): string {
  return isPacked(f) ? fingerprint(f) : f.fingerprint;
}

/** The pieces of `message` around `service`, which join() with the name puts back exactly. */
export function messagePieces(message: string, service: string | null): string[] {
  return service === null || service === '' ? [message] : message.split(service);
}

/** The finding to write: a packed one made whole again, with makeFinding's fields in makeFinding's order; any other as it is. */
export function unpack(f: KeptFinding): Finding {
  if (!isPacked(f)) return f;
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    // Stryker disable next-line StringLiteral: without a service the message is one piece (messagePieces), which join() gives back whatever the separator.
    message: f.message.join(f.service ?? ''),
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    service: f.service,
    area: f.area,
    pointer: f.pointer,
    fingerprint: fingerprint(f),
    docsUrl: docsUrl(f.ruleId),
    waived: f.waived,
    document: f.document,
    ...internal(f),
  };
}

/** The range a finding was placed at; line 1, column 1 for one without a place. */
export function rangeOfFinding(f: KeptFinding): Range {
  return { line: f.line ?? 1, column: f.column ?? 1, endLine: f.endLine ?? 1, endColumn: f.endColumn ?? 1 };
}

/** Files in sorted order, then line, column and rule: the order of every output. Portfolio findings last. */
export function compareFindings(a: KeptFinding, b: KeptFinding): number {
  if (a.file !== b.file) {
    if (a.file === null) return 1;
    if (b.file === null) return -1;
    // Stryker disable next-line EqualityOperator: the two files differ here, so < and <= agree.
    return a.file < b.file ? -1 : 1;
  }
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
