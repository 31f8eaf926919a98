import type { Limits } from '../config/types.js';

/**
 * The deepest nesting warranty-lint ever reads, whatever `limits.maxDepth` says. The yaml
 * composer recurses once per level and exhausts the stack near 900 levels; a second stack
 * exhaustion in the same process can abort V8 outright (a fatal out-of-memory in its regexp
 * compiler, not a catchable RangeError). The estimate below is at least half the real depth,
 * so refusing above this keeps every parse far from that cliff.
 */
export const MAX_DEPTH = 256;

export interface Refusal {
  message: string;
  offset: number;
}

/**
 * Values a file may hold, per byte of `limits.maxFileSize`. The parser keeps about 1 KB of memory
 * per value: ten megabytes of `- a` lines (2.6 million values) would exhaust the heap, while a
 * file of ordinary `key: value` lines at the size limit stays under the budget of 327,680 values.
 */
export const BYTES_PER_VALUE = 32;

/** The most values a file may hold (see BYTES_PER_VALUE). */
export function maxValues(limits: Partial<Pick<Limits, 'maxFileSize'>>): number {
  return Math.max(10_000, Math.floor((limits.maxFileSize ?? Infinity) / BYTES_PER_VALUE));
}

/** `limits.maxDepth`, bounded by what the parser can take. */
export function effectiveMaxDepth(limits: Pick<Limits, 'maxDepth'>): number {
  return Math.max(0, Math.min(limits.maxDepth, MAX_DEPTH));
}

const SPACE = 32;
const isBlank = (c: number): boolean => c === SPACE || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

/**
 * A linear scan before the parser runs, for inputs that would make it exhaust the stack or the
 * heap: nesting deeper than `maxDepth` (flow `[[[[`, block indentation, compact `- - - -` and
 * `? ? ?` on one line), and more values than the parser can hold.
 *
 * Each line's depth is estimated twice: as a block line (its open indentation levels plus the
 * block indicators `- `, `? `, `key: ` before its content) and as flow (the brackets open since
 * the block context they started in). Both are checked, so a stray quote or bracket cannot make
 * the scan read as text what the yaml lexer reads as structure. The lexer leaves a quote or a
 * flow collection early at a line indented less than it needs, so on lines that start left of the
 * open quote or bracket indentation counts again and brackets in the quote count (as if it had
 * ended); indicators at the start of a line count in every mode; a block scalar ends where the
 * lexer ends it. For valid YAML the estimate does not exceed the real
 * depth, so no good file is refused (a property test holds it to that); it is at least about half
 * the real depth, so whatever is accepted stays far from the parser's limit. Comments are
 * skipped; a document marker resets everything, as the lexer does. The exact depth check runs
 * after parsing, in the walker.
 */
export function preflight(text: string, limits: Pick<Limits, 'maxDepth'> & Partial<Pick<Limits, 'maxFileSize'>>): Refusal | undefined {
  const max = effectiveMaxDepth(limits);
  const most = maxValues(limits);
  /** Values started so far: block indicators, flow openings and separators. */
  let values = 0;
  const tooMany = (offset: number): Refusal => ({
    message: `the file holds more than ${most} values (one per ${BYTES_PER_VALUE} bytes of limits.maxFileSize); it was not parsed`,
    offset,
  });
  const refuse = (offset: number): Refusal => ({
    message:
      max < limits.maxDepth
        ? `the document is nested more than ${max} levels deep, the most warranty-lint reads (limits.maxDepth is capped at ${MAX_DEPTH}); it was not parsed`
        : `the document is nested more than ${max} levels deep (limits.maxDepth); it was not parsed`,
    offset,
  });

  /** Open indentation levels (columns), as in Python's tokenizer. */
  const indents: number[] = [];
  let flow = 0;
  /** Depth of the block context the outermost open flow collection started in. */
  let flowBase = 0;
  /** The flow level whose content would be too deep: an empty `[]` there is still fine. */
  let deepOpen = Infinity;
  /** Column of the outermost open bracket; once a line starts left of it the lexer may have left flow. */
  let flowColumn = 0;
  let flowLoose = false;
  /** The open quote character (0: none), the depth it opened at, and brackets seen inside it. */
  let quote = 0;
  let quoteBase = 0;
  let quoteBrackets = 0;
  /** Column of the open quote; a continuation line starting left of it may have ended it for the lexer. */
  let quoteColumn = 0;
  let quoteLoose = false;
  /** Inside a block scalar: its parent's indentation, and its content's (-1 until its first line). */
  let scalarParent = -1;
  let scalarIndent = -1;

  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === SPACE) indent++;
    const first = start + indent;
    const empty = first >= end || (first === end - 1 && text.charCodeAt(first) === 13);
    const next = (): void => {
      start = end + 1;
    };

    if (start + 3 <= end && isDocumentMarker(text, start, end)) {
      // Each document costs the parser about two values' worth of memory.
      values += 2;
      if (values > most) return tooMany(start);
      indents.length = 0;
      flow = 0;
      deepOpen = Infinity;
      quote = 0;
      scalarParent = -1;
      next();
      continue;
    }
    if (scalarParent >= 0) {
      // The lexer ends a block scalar at the first line indented less than its content.
      if (empty) {
        next();
        continue;
      }
      if (scalarIndent < 0 && indent > scalarParent) scalarIndent = indent;
      if (scalarIndent >= 0 && indent >= scalarIndent) {
        next();
        continue;
      }
      scalarParent = -1;
    }
    const c0 = text.charCodeAt(first);
    if (quote && indent < quoteColumn) quoteLoose = true;
    if (empty || (!quote && c0 === 35) /* # */ || (!quote && flow === 0 && indent === 0 && c0 === 37) /* %directive */) {
      next();
      continue;
    }
    // Inside flow, indentation means nothing until a line starts left of the bracket: from there
    // the lexer may be back in block context, so indentation counts again.
    if (flow > 0 && !flowLoose && indent < flowColumn && c0 !== 93 && c0 !== 125) flowLoose = true;
    let depth: number;
    if (flow > 0 && !flowLoose) depth = flowBase;
    else {
      while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
      depth = indents.length - 1;
      if (depth > max) return refuse(first);
    }

    let i = first;
    let atToken = true;
    /** Before any content on this line: `- ` and `? ` here are indicators, later they are text. */
    let prefix = true;
    /** Inside a plain scalar in block context: brackets and quotes there are text. */
    let plain = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      const after = text.charCodeAt(i + 1);
      if (c === SPACE || c === 9) {
        atToken = true;
        i++;
        continue;
      }
      if (prefix && (c === 45 /* - */ || c === 63) /* ? */ && isBlank(after)) {
        // A block indicator opens one more level (counted in quotes and flow too: see above).
        if (++depth > max) return refuse(i);
        if (++values > most) return tooMany(i);
        i++;
        continue;
      }
      if (quote) {
        prefix = false;
        if (quote === 39 && c === 39) {
          if (text.charCodeAt(i + 1) === 39) i += 2;
          else {
            quote = 0;
            i++;
          }
          continue;
        }
        if (quote === 34 && c === 92) {
          i += 2;
          continue;
        }
        if (quote === 34 && c === 34) quote = 0;
        else if (quoteLoose && (c === 91 || c === 123)) {
          // As if the quote had ended: the bracket would open a collection at quoteBase.
          if (quoteBase + ++quoteBrackets - 1 > max) return refuse(i);
        } else if (quoteLoose && (c === 93 || c === 125) && quoteBrackets > 0) quoteBrackets--;
        i++;
        continue;
      }
      if (flow >= deepOpen && c !== 13 && c !== 93 && c !== 125 && c !== 44 && c !== 35) return refuse(i);
      if (c === 35 /* # */ && (i === first || isBlank(text.charCodeAt(i - 1)))) break;
      if (flow === 0 && c === 58 /* : */ && isBlank(after)) {
        if (++depth > max) return refuse(i);
        if (++values > most) return tooMany(i);
        plain = false;
        prefix = false;
        atToken = true;
        i++;
        continue;
      }
      if (flow > 0 && c === 58 && (isBlank(after) || after === 44 || after === 91 || after === 93 || after === 123 || after === 125)) {
        // A flow mapping's value indicator: it ends a plain key, and adds no level of its own.
        plain = false;
        atToken = true;
        i++;
        continue;
      }
      if ((c === 38 /* & */ || c === 33) /* ! */ && atToken && !plain) {
        // An anchor or a tag: a property, not content. Inside a plain scalar (`. !` in flow) a `!`
        // after a space is text: skipping it as a tag would swallow the `:` that ends the key.
        while (i < end && !isBlank(text.charCodeAt(i))) i++;
        continue;
      }
      // Inside a plain scalar: in block context everything is text; in flow, quotes are.
      if (plain && (flow === 0 || c === 34 || c === 39)) {
        i++;
        continue;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        plain = false;
        if (flow === 0) {
          flowBase = depth;
          flowColumn = i - start;
          flowLoose = false;
        }
        flow++;
        if (++values > most) return tooMany(i);
        // The collection sits one level above its content.
        if (flowBase + flow - 1 > max) return refuse(i);
        if (flowBase + flow > max && deepOpen === Infinity) deepOpen = flow;
        i++;
        atToken = true;
        prefix = true;
        continue;
      }
      if ((c === 93 || c === 125) && flow > 0) {
        plain = false;
        flow--;
        if (flow < deepOpen) deepOpen = Infinity;
        i++;
        atToken = false;
        prefix = false;
        continue;
      }
      if (c === 44 /* , */ && flow > 0) {
        plain = false;
        if (++values > most) return tooMany(i);
        i++;
        atToken = true;
        prefix = true;
        continue;
      }
      if ((c === 34 || c === 39) && atToken) {
        quote = c;
        quoteBase = flow > 0 ? flowBase + flow : depth;
        quoteBrackets = 0;
        quoteColumn = i - start;
        quoteLoose = false;
        prefix = false;
        i++;
        continue;
      }
      if ((c === 124 /* | */ || c === 62) /* > */ && atToken && flow === 0 && isBlockScalarHeader(text, i + 1, end)) {
        scalarParent = indent;
        scalarIndent = -1;
        break;
      }
      atToken = false;
      prefix = false;
      plain = true;
      i++;
    }
    next();
  }
  return undefined;
}

function isDocumentMarker(text: string, start: number, end: number): boolean {
  const a = text.charCodeAt(start);
  if (a !== 45 && a !== 46) return false;
  if (text.charCodeAt(start + 1) !== a || text.charCodeAt(start + 2) !== a) return false;
  return start + 3 >= end || isBlank(text.charCodeAt(start + 3));
}

/** `|`, `>`, `|-`, `>+2` and the like, then only spaces or a comment. */
function isBlockScalarHeader(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 43 || c === 45 || (c >= 49 && c <= 57)) i++;
    else break;
  }
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i >= end || text.charCodeAt(i) === 35;
}
