// Hover on a finding: what `warranty-lint explain` says of its rule (description, why it matters,
// how to fix it) and the link to its section of the rules reference. The examples are left to
// `explain` and the docs: a hover is read in passing.
import type { Hover, MarkupContent, Position } from 'vscode-languageserver/node';
import { docsUrl } from '../docs/url.js';
import { severityLabel } from '../docs/rules-doc.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Finding } from '../types.js';

/** The rule's explanation as Markdown; undefined for an id that is not a rule. */
export function ruleMarkdown(ruleId: string): string | undefined {
  const m = RULES_BY_ID.get(ruleId)?.meta;
  if (!m) return undefined;
  return [
    `**${m.id}** (${m.area ?? 'no area'}, ${severityLabel(m)})`,
    '',
    m.description,
    '',
    `**Why it matters.** ${m.rationale}`,
    '',
    `**How to fix.** ${m.remediation}`,
    '',
    `[${m.id} in the rules reference](${docsUrl(m.id)}) · \`warranty-lint explain ${m.id}\``,
  ].join('\n');
}

/** Whether a 0-based position is within a finding's range (its ends included, so that an empty range can be hovered). */
export function covers(f: Finding, at: Position): boolean {
  if (f.line === null || f.column === null) return false;
  const start = { line: f.line - 1, character: f.column - 1 };
  const end = { line: (f.endLine ?? f.line) - 1, character: (f.endColumn ?? f.column) - 1 };
  const after = (a: Position, b: Position): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(at, start) && after(end, at);
}

/** The explanations of the rules of the findings shown at a position, each rule once. */
export function hoverFor(findings: readonly Finding[], at: Position): Hover | null {
  const rules = [...new Set(findings.filter((f) => !f.waived && covers(f, at)).map((f) => f.ruleId))];
  const parts = rules.map(ruleMarkdown).filter((t): t is string => t !== undefined);
  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents };
}
