// Regular expressions from policy files, which may come from anyone's pull request. JavaScript's
// RegExp backtracks: `(a+)+$` or `a*a*a*a*b` over the 1,000 characters a policy may test takes
// from seconds to forever (ReDoS). Spotting dangerous patterns (nested quantifiers, star height)
// misses the polynomial ones, so patterns run on RE2 (re2js, a pure JavaScript port): time linear
// in the input whatever the pattern, no backreferences or lookaround (a config error says so).
import { createRequire } from 'node:module';

/** Characters of a value a `pattern` check looks at. */
export const MAX_TESTED_CHARS = 1000;
/** A longer pattern is refused: policies name formats, not grammars. */
export const MAX_PATTERN_LENGTH = 1000;
/** RE2's own measure of a compiled pattern's cost; matching is linear in input × program. */
const MAX_PROGRAM_SIZE = 10_000;

export interface SafeRegex {
  source: string;
  /** Whether the pattern matches anywhere in the first MAX_TESTED_CHARS characters of `text`. */
  test(text: string): boolean;
}

interface Re2Pattern {
  test(input: string): boolean;
  programSize(): number;
}
interface Re2Module {
  RE2JS: { compile(pattern: string, flags?: number): Re2Pattern };
}

const require = createRequire(import.meta.url);
let re2: Re2Module | undefined;

/** Loaded on first use: a run whose policies use no pattern never pays for it. */
function engine(): Re2Module {
  re2 ??= require('re2js') as Re2Module;
  return re2;
}

const cache = new Map<string, SafeRegex | string>();

/** The pattern compiled for linear-time matching, or why it cannot be (a sentence fragment for a config error). */
export function compileRegex(source: string): SafeRegex | string {
  const known = cache.get(source);
  if (known !== undefined) return known;
  const made = compile(source);
  cache.set(source, made);
  return made;
}

function compile(source: string): SafeRegex | string {
  if (source.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  let pattern: Re2Pattern;
  try {
    pattern = engine().RE2JS.compile(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    const hint = /\(\?[=!<]|\\[1-9]/.test(source) ? ' (lookaround and backreferences are not supported: patterns run in linear time, RE2 syntax)' : '';
    return `is not a valid regular expression: ${reason}${hint}`;
  }
  if (pattern.programSize() > MAX_PROGRAM_SIZE) return 'is too complex (its compiled program is over 10,000 instructions)';
  return { source, test: (text) => pattern.test(text.length > MAX_TESTED_CHARS ? text.slice(0, MAX_TESTED_CHARS) : text) };
}
