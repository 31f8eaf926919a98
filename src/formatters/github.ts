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

export const github: Formatter = (result) => {
  const lines: string[] = [];
  for (const f of result.findings) {
    if (f.waived) continue;
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
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(escapeText(f.message))}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
