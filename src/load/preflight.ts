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

/** `limits.maxDepth`, bounded by what the parser can take. */
export function effectiveMaxDepth(limits: Pick<Limits, 'maxDepth'>): number {
  return Math.max(0, Math.min(limits.maxDepth, MAX_DEPTH));
}

const SPACE = 32;
const isBlank = (c: number): boolean => c === SPACE || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

/**
 * A linear scan before the parser runs, for inputs that would make it exhaust the stack: nesting
 * deeper than `maxDepth`, in flow style (`[[[[`) or block style (indentation, or compact
 * `- - - -` and `? ? ?` on one line). It estimates each line's depth as the number of open
 * indentation levels, plus the block indicators (`- `, `? `, `key: `) at the start of the line,
 * plus the open flow brackets. For valid YAML the estimate never exceeds the real depth (so no
 * good file is refused) and is at least about half of it. Quoted scalars, block scalars (`|`,
 * `>`) and comments are skipped; a document marker resets everything, as the yaml lexer does.
 * The exact check runs after parsing, in the walker.
 */
export function preflight(text: string, limits: Pick<Limits, 'maxDepth'> & Partial<Pick<Limits, 'maxFileSize'>>): Refusal | undefined {
  const max = effectiveMaxDepth(limits);
  const maxValues = Math.max(10_000, Math.floor((limits.maxFileSize ?? Infinity) / BYTES_PER_VALUE));
  /** Values started so far: block indicators, flow openings and separators. */
  let values = 0;
  const tooMany = (offset: number): Refusal => ({
    message: `the file holds more than ${maxValues} values (one per ${BYTES_PER_VALUE} bytes of limits.maxFileSize); it was not parsed`,
    offset,
  });
  const refuse = (offset: number): Refusal => ({
    message:
      max < limits.maxDepth
        ? `the document is nested more than ${max} levels deep, the most warranty-lint reads (limits.maxDepth is capped at ${MAX_DEPTH}); it was not parsed`
        : `the document is nested more than ${max} levels deep (limits.maxDepth); it was not parsed`,
    offset,
  });

  const indents: number[] = [];
  let flow = 0;
  /** Depth of the block context a flow collection was opened in. */
  let flowBase = 0;
  /** Indentation of the line a flow collection was opened on. */
  let flowIndent = -1;
  /** The flow level whose content would be too deep: an empty `[]` there is still fine. */
  let deepOpen = Infinity;
  let quote = 0;
  let quoteIndent = -1;
  let quoteDepth = 0;
  /** Inside a block scalar: lines indented more than this are its content. */
  let blockScalar = -1;

  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === SPACE) indent++;
    const first = start + indent;
    const empty = first >= end || (first === end - 1 && text.charCodeAt(first) === 13);

    if (start + 3 <= end && isDocumentMarker(text, start, end)) {
      indents.length = 0;
      flow = 0;
      deepOpen = Infinity;
      quote = 0;
      blockScalar = -1;
      start = end + 1;
      continue;
    }
    if (blockScalar >= 0) {
      if (empty || indent > blockScalar) {
        start = end + 1;
        continue;
      }
      blockScalar = -1;
    }
    // The lexer ends an unclosed quoted scalar or flow collection at a line indented no deeper
    // than the line that opened it; follow it, so nothing hides behind a stray quote.
    if (quote && !empty && indent <= quoteIndent) quote = 0;
    if (flow > 0 && !empty && indent <= flowIndent) {
      const c = text.charCodeAt(first);
      if (c !== 93 && c !== 125) {
        flow = 0;
        deepOpen = Infinity;
      }
    }

    let i = first;
    let depth: number;
    if (flow > 0) {
      depth = flowBase;
    } else if (quote) {
      depth = quoteDepth;
    } else {
      if (empty || text.charCodeAt(first) === 35 /* # */ || (indent === 0 && text.charCodeAt(first) === 37) /* %directive */) {
        start = end + 1;
        continue;
      }
      while (indents.length > 0 && (indents[indents.length - 1] as number) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < indent) indents.push(indent);
      depth = indents.length - 1;
      if (depth > max) return refuse(first);
    }

    // Walk the line: indicators at the start, quotes, brackets, comments.
    let atToken = !quote;
    /** Still before any content on this line: `- ` and `? ` here are indicators, later they are text. */
    let prefix = !quote && flow === 0;
    /** Inside a plain scalar in block context: brackets and quotes there are text. */
    let plain = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (quote === 39 && c === 39) {
          if (text.charCodeAt(i + 1) === 39) i += 2;
          else {
            quote = 0;
            i++;
          }
          continue;
        }
        if (quote === 34) {
          if (c === 92) {
            i += 2;
            continue;
          }
          if (c === 34) quote = 0;
        }
        i++;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (flow >= deepOpen && c !== SPACE && c !== 9 && c !== 13 && c !== 93 && c !== 125 && c !== 44 && c !== 35) return refuse(i);
      if (c === SPACE || c === 9) {
        atToken = true;
        i++;
        continue;
      }
      if (c === 35 /* # */ && (i === first || isBlank(text.charCodeAt(i - 1)))) break;
      if (flow === 0 && isBlank(next) && (((c === 45 /* - */ || c === 63) /* ? */ && prefix) || c === 58) /* : */) {
        // A block indicator opens one more level.
        depth++;
        if (depth > max) return refuse(i);
        if (++values > maxValues) return tooMany(i);
        plain = false;
        i++;
        atToken = true;
        continue;
      }
      if ((c === 38 /* & */ || c === 33) /* ! */ && atToken) {
        // An anchor or a tag: a property, not content.
        while (i < end && !isBlank(text.charCodeAt(i))) i++;
        continue;
      }
      if (plain && flow === 0) {
        i++;
        continue;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        if (flow === 0) {
          flowBase = depth;
          flowIndent = indent;
        }
        flow++;
        if (++values > maxValues) return tooMany(i);
        // The collection sits one level above its content.
        if (flowBase + flow - 1 > max) return refuse(i);
        if (flowBase + flow > max && deepOpen === Infinity) deepOpen = flow;
        i++;
        atToken = true;
        prefix = false;
        continue;
      }
      if ((c === 93 || c === 125) && flow > 0) {
        flow--;
        if (flow < deepOpen) deepOpen = Infinity;
        i++;
        atToken = false;
        continue;
      }
      if (c === 44 /* , */ && flow > 0) {
        if (++values > maxValues) return tooMany(i);
        i++;
        atToken = true;
        continue;
      }
      if ((c === 34 || c === 39) && atToken) {
        quote = c;
        quoteIndent = indent;
        quoteDepth = depth;
        prefix = false;
        i++;
        continue;
      }
      if ((c === 124 /* | */ || c === 62) /* > */ && atToken && flow === 0 && isBlockScalarHeader(text, i + 1, end)) {
        blockScalar = indent;
        break;
      }
      atToken = false;
      prefix = false;
      if (flow === 0) plain = true;
      i++;
    }
    start = end + 1;
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
