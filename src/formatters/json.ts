import type { Formatter } from './types.js';

/** The machine contract (SPEC §7): values exactly as found, escaped only as JSON requires. */
export const json: Formatter = (result) =>
  JSON.stringify({ version: 1, findings: result.findings, summary: result.summary }, null, 2) + '\n';
