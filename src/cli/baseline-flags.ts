// --baseline / --update-baseline: the file side of src/engine/baseline.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintResult } from '../lint-types.js';
import { applyBaseline, baselineFrom, BaselineError, fingerprintsOf, fixedEntries, parseBaseline, serializeBaseline, type Baseline } from '../engine/baseline.js';
import { escapeText } from '../formatters/escape.js';
import type { Io } from './io.js';
import { writeOrExplain } from './write.js';

export interface BaselineInput {
  baseline: Baseline;
  fingerprints: Set<string>;
}

/** Reads `--baseline`. Missing is an error, except when the run is about to create it. */
export function readBaselineFor(file: string, io: Io, updating: boolean): BaselineInput | undefined {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) {
    if (updating) return undefined;
    throw new BaselineError(`the baseline ${file} does not exist; create it with --baseline ${file} --update-baseline`);
  }
  if (!statSync(path).isFile()) throw new BaselineError(`the baseline ${file} is not a regular file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${(error as Error).message}`);
  }
  const baseline = parseBaseline(text, file);
  return { baseline, fingerprints: fingerprintsOf(baseline) };
}

/** Writes the current findings as the baseline, says what was fixed, and returns the result as baselined. */
export function updateBaseline(result: LintResult, file: string, old: Baseline | undefined, io: Io): LintResult {
  const current = baselineFrom(result.findings);
  writeOrExplain(io, file, serializeBaseline(current));
  const fixed = old ? fixedEntries(old, current) : [];
  const added = old ? current.entries.filter((e) => !old.entries.some((o) => o.fingerprint === e.fingerprint)).length : current.entries.length;
  for (const e of fixed) {
    const who = e.service !== null ? `service "${e.service}"` : e.file ?? 'the portfolio';
    io.stderr(`fixed: ${escapeText(e.ruleId)} in ${escapeText(who)}${e.pointer ? ` at ${escapeText(e.pointer)}` : ''} (dropped from the baseline)\n`);
  }
  io.stderr(`warranty-lint: wrote ${file}: ${current.entries.length} finding${current.entries.length === 1 ? '' : 's'} recorded (${added} new, ${fixed.length} fixed and dropped)\n`);
  return applyBaseline(result, fingerprintsOf(current));
}

/** `--baseline` without update: recorded findings do not count; entries that match nothing are mentioned once. */
export function useBaseline(result: LintResult, file: string, input: BaselineInput | undefined, io: Io, changedFiles?: ReadonlySet<string>): LintResult {
  if (!input) return result;
  // With --changed-since, findings of other files are not reported: their entries are not fixed.
  const fixed = fixedEntries(input.baseline, baselineFrom(result.findings)).filter((e) => !changedFiles || (e.file !== null && changedFiles.has(e.file)));
  if (fixed.length > 0) {
    io.stderr(`warranty-lint: ${fixed.length} entr${fixed.length === 1 ? 'y' : 'ies'} of ${file} no longer ${fixed.length === 1 ? 'matches' : 'match'} any finding (fixed); run with --update-baseline to drop ${fixed.length === 1 ? 'it' : 'them'}\n`);
  }
  return applyBaseline(result, input.fingerprints);
}
