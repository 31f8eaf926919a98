import type { LintResult } from '../lint-types.js';
import { FINDING_CONTRACT_FIELDS, type Finding } from '../types.js';
import { serviceRecord } from './run-record.js';
import type { StreamedResult, StreamingFormatter } from './types.js';

const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);

/** A finding's contract fields (SPEC §7), in their order, and nothing else (not `document`, which is internal). */
function contractOf(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A field a finding lacks is undefined here, which JSON.stringify leaves out.
  for (const k of FINDING_CONTRACT_FIELDS) out[k] = f[k];
  return out;
}

/**
 * The machine contract (SPEC §7): values exactly as found, escaped only as JSON requires. Written
 * finding by finding, so that a catalog of 100,000 services (half a million findings) is never one
 * string of hundreds of megabytes, near V8's limit on a string's length; and the findings are taken
 * one at a time (StreamedResult), so that the CLI need not make them all whole at once. The text is
 * exactly `JSON.stringify(document, null, 2)`. After the summary, the date and the services (tier,
 * owner, area states: see run-record.ts) let a later run compare with this one (`--compare`).
 */
function* jsonChunks(result: StreamedResult): Generator<string> {
  yield '{\n  "version": 1,\n  "findings": [';
  let any = false;
  for (const f of result.findings) {
    yield `${any ? ',' : ''}\n    ${indent(JSON.stringify(contractOf(f), null, 2), '    ')}`;
    any = true;
  }
  yield any ? '\n  ],\n' : '],\n';
  yield `  "summary": ${indent(JSON.stringify(result.summary, null, 2), '  ')},\n`;
  yield `  "today": ${JSON.stringify(result.today)},\n  "services": [`;
  any = false;
  for (const s of result.services) {
    yield `${any ? ',' : ''}\n    ${indent(JSON.stringify(serviceRecord(s), null, 2), '    ')}`;
    any = true;
  }
  yield any ? '\n  ]\n}\n' : ']\n}\n';
}

export const json: StreamingFormatter = Object.assign((result: LintResult) => [...jsonChunks(result)].join(''), { stream: jsonChunks });
