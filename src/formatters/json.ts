import type { LintResult } from '../engine/lint.js';
import type { StreamingFormatter } from './types.js';

const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);

/**
 * The machine contract (SPEC §7): values exactly as found, escaped only as JSON requires. Written
 * finding by finding, so that a catalog of 100,000 services (half a million findings) is never one
 * string of hundreds of megabytes, near V8's limit on a string's length. The text is exactly
 * `JSON.stringify(document, null, 2)`.
 */
function* jsonChunks(result: LintResult): Generator<string> {
  const { findings, summary } = result;
  yield '{\n  "version": 1,\n  "findings": [';
  for (let i = 0; i < findings.length; i++) yield `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(findings[i], null, 2), '    ')}`;
  yield findings.length === 0 ? '],\n' : '\n  ],\n';
  yield `  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
}

export const json: StreamingFormatter = Object.assign((result: LintResult) => [...jsonChunks(result)].join(''), { stream: jsonChunks });
