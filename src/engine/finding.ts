import { createHash } from 'node:crypto';
import type { Area, Finding, Range, Severity } from '../types.js';
import { docsUrl } from '../rules/index.js';

export interface FindingInput {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string | null;
  range: Range | null;
  service: string | null;
  area: Area | null;
  pointer: string | null;
}

/**
 * A stable identity for baselines and code scanning: rule, service, area and pointer — not the
 * line, so that unrelated edits do not break it. Findings with no service fall back to the file.
 */
export function fingerprint(f: Pick<FindingInput, 'ruleId' | 'service' | 'area' | 'pointer' | 'file'>): string {
  const who = f.service !== null ? `service:${f.service}` : `file:${f.file ?? ''}`;
  // The first 16 bytes as hex: the first 32 hex digits, as a string of its own (slicing the 64-digit
  // hex would keep all of it alive behind each kept fingerprint).
  return createHash('sha256').update([f.ruleId, who, f.area ?? '', f.pointer ?? ''].join('\u0000')).digest().toString('hex', 0, 16);
}

export function makeFinding(input: FindingInput): Finding {
  const r = input.range;
  return {
    ruleId: input.ruleId,
    severity: input.severity,
    message: input.message,
    file: input.file,
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
  };
}

/** Files in sorted order, then line, column and rule: the order of every output. Portfolio findings last. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) {
    if (a.file === null) return 1;
    if (b.file === null) return -1;
    return a.file < b.file ? -1 : 1;
  }
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
