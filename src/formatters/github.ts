// GitHub Actions workflow commands: one annotation per finding on the pull request's diff.
// GitHub's rules for a command: in the data (the message) `%`, CR and LF are escaped as %25, %0D,
// %0A; in a property value also `:` and `,` (%3A, %2C). Text from files first goes through
// escapeText, so no control character, ANSI sequence or bidi override reaches the log, and a
// message cannot end the command early or start another one.
import type { Severity } from '../types.js';
import { escapeText } from './escape.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * How many annotations of each level the github format prints unless told (`--max-annotations`).
 * GitHub shows about 10 errors, 10 warnings and 10 notices per step and drops the rest unseen, so
 * past that a notice says how many were left out and where every finding is.
 */
export const DEFAULT_MAX_ANNOTATIONS = 10;

type Level = (typeof COMMAND)[Severity];
const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

export const github: Formatter = (result, context) => {
  const cap = context.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS;
  const shown = result.findings.filter((f) => !f.waived);
  const total: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of shown) total[COMMAND[f.severity]]++;
  const cut = LEVELS.some((level) => total[level] > cap);
  // The notice that says what was left out is a notice too: it takes the last notice's place, so
  // that GitHub shows it.
  const room: Record<Level, number> = { error: cap, warning: cap, notice: cut ? Math.max(0, cap - 1) : cap };
  const printed: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const f of shown) {
    const level = COMMAND[f.severity];
    if (printed[level] >= room[level]) continue;
    printed[level]++;
    const props: string[] = [];
    if (f.file !== null) {
      props.push(`file=${escapeProperty(escapeText(f.file))}`);
      if (f.line !== null) {
        props.push(`line=${f.line}`, `col=${f.column ?? 1}`);
        if (f.endLine !== null) props.push(`endLine=${f.endLine}`);
        if (f.endColumn !== null) props.push(`endColumn=${f.endColumn}`);
      }
    }
    props.push(`title=${escapeProperty(f.ruleId)}`);
    lines.push(`::${level} ${props.join(',')}::${escapeData(escapeText(f.message))}`);
  }
  if (cut) lines.push(`::notice title=warranty-lint::${escapeData(leftOutMessage(total, printed, cap))}`);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing notice: how many findings were not annotated, of which levels, and where they all are. */
function leftOutMessage(total: Record<Level, number>, printed: Record<Level, number>, cap: number): string {
  const left = LEVELS.map((level) => ({ level, n: total[level] - printed[level] })).filter((x) => x.n > 0);
  const count = left.reduce((sum, x) => sum + x.n, 0);
  const which = left.map((x) => plural(x.n, x.level)).join(', ');
  return (
    `${plural(count, 'more finding')} ${count === 1 ? 'is' : 'are'} not annotated here (${which}): GitHub shows only about ` +
    `10 annotations of each level per step, and this run annotates at most ${cap} of each (--max-annotations). ` +
    'Every finding is in the SARIF log (uploaded to code scanning) and in the job summary.'
  );
}
