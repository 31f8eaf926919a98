// Findings as the editor shows them: LSP diagnostics, and a config that cannot be used as one
// diagnostic on the config file. Positions are the findings' own (1-based, columns in UTF-16 code
// units, as LSP counts by default), moved to 0-based.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { escapeText } from '../formatters/escape.js';
import type { Finding, Severity } from '../types.js';

export const SOURCE = 'warranty-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/** What a diagnostic carries back to the server in a code action request. */
export interface DiagnosticData {
  ruleId: string;
  /** The document's index in its file; null for findings about the whole file. */
  document: number | null;
  area: Finding['area'];
  pointer: string | null;
}

/**
 * A finding as a diagnostic. Waived findings are not shown, as in the stylish and github formats.
 * Text from the file is escaped as in every format meant for people (bidirectional overrides and
 * control characters would otherwise reorder or hide what the editor shows).
 */
export function toDiagnostic(f: Finding): Diagnostic {
  const line = (f.line ?? 1) - 1;
  const character = (f.column ?? 1) - 1;
  const data: DiagnosticData = { ruleId: f.ruleId, document: f.document, area: f.area, pointer: f.pointer };
  return {
    range: { start: { line, character }, end: { line: (f.endLine ?? f.line ?? 1) - 1, character: (f.endColumn ?? f.column ?? 1) - 1 } },
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: f.docsUrl },
    source: SOURCE,
    message: escapeText(f.message),
    data,
  };
}

export function diagnosticsOf(findings: readonly Finding[]): Diagnostic[] {
  return findings.filter((f) => !f.waived).map(toDiagnostic);
}

/** Where a config problem is: the first `file:line:column:` (or `file:`) its message names. */
export interface ConfigProblemPlace {
  file: string;
  line: number;
  column: number;
}

/**
 * The place a config error's message names (src/config/load.ts writes `file:line:column: reason`,
 * one per line for several problems, or `file: reason`; a code config found by the search is
 * named after "found the config"). Undefined when it names none.
 */
export function configProblemPlace(message: string): ConfigProblemPlace | undefined {
  const located = /(?:^|\n\s*)([^\n]+?):(\d+):(\d+): /.exec(message);
  if (located) return { file: located[1] as string, line: Number(located[2]), column: Number(located[3]) };
  const code = /^found the config (.+?), which is JavaScript/.exec(message);
  if (code) return { file: code[1] as string, line: 1, column: 1 };
  const file = /^([^\s:][^\n:]*): /.exec(message);
  if (file && !file[1]?.startsWith('invalid config')) return { file: file[1] as string, line: 1, column: 1 };
  return undefined;
}

/** A config that cannot be used, as one diagnostic at the place it names. */
export function configDiagnostic(message: string, place: ConfigProblemPlace | undefined): Diagnostic {
  const line = (place?.line ?? 1) - 1;
  const character = (place?.column ?? 1) - 1;
  return {
    range: { start: { line, character }, end: { line, character } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `${escapeText(message)}\nNo service file is linted until the config is fixed (as the command line would stop with exit 2).`,
  };
}
