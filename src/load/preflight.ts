import type { Limits } from '../config/types.js';

/**
 * A linear scan before the parser runs, for the inputs that would make it spend seconds or
 * exhaust the stack: flow collections nested deeper than `maxDepth`. Block nesting is bounded by
 * indentation and checked exactly after parsing.
 */
export function preflight(text: string, limits: Pick<Limits, 'maxDepth'>): { message: string; offset: number } | undefined {
  let depth = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (quote === "'" && c === 39) quote = '';
      else if (quote === '"') {
        if (c === 92) i++;
        else if (c === 34) quote = '';
      }
      continue;
    }
    if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) comment = true;
    else if (c === 34 /* " */ || c === 39 /* ' */) {
      // Only a quote at the start of a scalar opens a quoted scalar.
      const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
      if (prev <= 32 || prev === 91 || prev === 123 || prev === 44 || prev === 58) quote = String.fromCharCode(c);
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > limits.maxDepth) {
        return { message: `the document is nested more than ${limits.maxDepth} levels deep (limits.maxDepth); it was not parsed`, offset: i };
      }
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}
