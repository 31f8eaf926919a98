import type { ResolvedConfig } from '../config/types.js';
import { compareFindings, makeFinding, rangeOfFinding, type KeptFinding } from './finding.js';
import { severityFor } from './severity.js';

/**
 * After `limits.maxFindingsPerDocument` findings in one document, one `too-many-findings` says how
 * many more. `findings` are sorted, so each file's come together: they are counted a file at a time
 * (a map over every document of a large catalog, with a key string per finding, was ~30 MB more).
 * A file's findings that are about no document (it cannot be read, holds no service) count together.
 */
export function capPerDocument(findings: KeptFinding[], config: ResolvedConfig): KeptFinding[] {
  const max = config.limits.maxFindingsPerDocument;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; at the cap nothing is left out, and the loop below gives back the very list too.
  if (findings.length <= max) return findings;
  /** The document of a finding in its file; the file's own findings (with a place, and without). */
  // Stryker disable next-line EqualityOperator,StringLiteral: the two labels of a file's own findings only need to differ.
  const docOf = (f: KeptFinding): number | string => f.document ?? (f.line === null ? '' : 'file');
  const dropped: Array<{ count: number; first: KeptFinding }> = [];
  let file: string | null = null;
  let counts = new Map<number | string, number>();
  let droppedHere = new Map<number | string, { count: number; first: KeptFinding }>();
  // A copy only from the first finding left out.
  let out: KeptFinding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as KeptFinding;
    // Portfolio findings (no file) are never capped.
    if (f.file !== null) {
      if (f.file !== file) {
        file = f.file;
        counts = new Map();
        droppedHere = new Map();
      }
      const doc = docOf(f);
      const n = (counts.get(doc) ?? 0) + 1;
      counts.set(doc, n);
      if (n > max) {
        out ??= findings.slice(0, i);
        const d = droppedHere.get(doc);
        if (d) d.count++;
        else {
          const entry = { count: 1, first: f };
          droppedHere.set(doc, entry);
          dropped.push(entry);
        }
        continue;
      }
    }
    out?.push(f);
  }
  if (!out) return findings;
  for (const { count, first } of dropped) {
    const severity = severityFor('too-many-findings', first.file, null, config);
    if (severity === 'off') continue;
    out.push(
      makeFinding({
        ruleId: 'too-many-findings',
        severity,
        message: `${count} more finding${count === 1 ? '' : 's'} in this document ${count === 1 ? 'was' : 'were'} left out after the first ${max} (limits.maxFindingsPerDocument).`,
        file: first.file,
        // Where the first finding left out was.
        range: rangeOfFinding(first),
        service: first.service,
        area: null,
        pointer: null,
        document: first.document,
      }),
    );
  }
  return out.sort(compareFindings);
}
