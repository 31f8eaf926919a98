// Text to documents: plain values, syntax problems and `locate` (locate.ts) for each document.
import type { Document, Node as YamlNode } from 'yaml';
import type { Range } from '../types.js';
import type { ParseLimits, ParsedDocument, ShapeProblem, SyntaxProblem } from './document.js';
import { LineIndex } from './lines.js';
import { fixedLocator, scanLocator, yamlLocator } from './locate.js';
import { preflight, type Refusal } from './preflight.js';
import { scanDocuments, type ScannedDocument } from './scan.js';
import { LimitExceeded, Walker } from './walker.js';
import { yamlLib } from './yaml-lib.js';

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  // The parser's own duplicate check compares every key with every earlier one: a flat mapping
  // of 40,000 keys took 40 s. The walker checks duplicates in linear time instead.
  uniqueKeys: false,
  // Otherwise `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` are honoured (YAML 1.1
  // types) even under the core schema; unresolved, they are reported as unknown tags.
  resolveKnownTags: false,
  strict: true,
  prettyErrors: false,
  merge: false,
  intAsBigInt: false,
} as const;

/**
 * Turns text into documents with positions, or refuses it (too deep or too large to parse safely).
 * Never throws on any input. Text in the part of YAML service definitions are written in is read
 * by the scanner (`scan.ts`, several times faster); anything else, and every error, by `yaml`
 * behind the preflight (preflight.ts), which refuses what would exhaust the parser. What the
 * scanner reads needs no preflight: it reads no deeper than `limits.maxDepth` and no more values
 * than the preflight allows. Both readers give the same values and positions.
 */
export function readDocuments(text: string, limits: ParseLimits): ParsedDocument[] | Refusal {
  return readWithScanner(text, limits) ?? preflight(text, limits) ?? parseWithYaml(text, limits);
}

/** The documents as the scanner reads them; undefined when it leaves the text to `yaml`. */
export function readWithScanner(text: string, limits: ParseLimits): ParsedDocument[] | undefined {
  const docs = scanDocuments(text, limits);
  if (!docs) return undefined;
  const lines = new LineIndex(text);
  return docs.map((doc, index) => fromScan(doc, index, lines));
}

/** The documents as `yaml` reads them: the path for everything the scanner leaves. */
export function parseWithYaml(text: string, limits: ParseLimits, lines = new LineIndex(text)): ParsedDocument[] {
  let docs: Document.Parsed[];
  try {
    docs = yamlLib().parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch (error) {
    // The parser is not expected to throw; if it does, the file is still a finding, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return [brokenDocument(0, `the YAML parser failed: ${message}`, lines.range(0, 0))];
  }
  return docs.map((doc, index) => toParsed(doc, index, lines, limits, text));
}

function fromScan(doc: ScannedDocument, index: number, lines: LineIndex): ParsedDocument {
  return { index, value: doc.value, syntax: [], shape: [], start: lines.range(doc.node.start, doc.node.start), locate: scanLocator(doc.node, lines) };
}

function brokenDocument(index: number, message: string, range: Range): ParsedDocument {
  return { index, value: undefined, syntax: [{ message, range }], shape: [], start: range, locate: fixedLocator(range) };
}

function toParsed(doc: Document.Parsed, index: number, lines: LineIndex, limits: ParseLimits, text: string): ParsedDocument {
  const contents = doc.contents as YamlNode | null;
  const startOffset = contents?.range?.[0] ?? doc.range[0];
  const start = lines.range(startOffset, startOffset);
  const syntax: SyntaxProblem[] = [];
  for (const e of doc.errors) syntax.push({ message: describeYamlError(e.code, e.message), range: lines.range(e.pos[0], e.pos[1]) });
  for (const w of doc.warnings) {
    // An unknown tag is not silently turned into a string: the author meant something we cannot honour.
    if (w.code === 'TAG_RESOLVE_FAILED') syntax.push({ message: describeYamlError(w.code, w.message), range: lines.range(w.pos[0], w.pos[1]) });
  }
  if (doc.directives?.yaml?.explicit && doc.directives.yaml.version !== '1.2') {
    // The directive sits before the document's `---`: point at it.
    const at = Math.max(0, text.lastIndexOf('%YAML', doc.range[0]));
    syntax.unshift({
      message: `the %YAML ${doc.directives.yaml.version} directive is not supported; warranty-lint reads YAML 1.2 only (remove the directive)`,
      range: lines.range(at, at + 5),
      refusal: true,
    });
  }
  const locate = yamlLocator(contents, lines);
  if (syntax.length > 0) return { index, value: undefined, syntax, shape: [], start, locate };

  const found: Array<ShapeProblem & { offset?: number }> = [];
  try {
    const walker = new Walker(limits, found);
    const value = walker.toValue(contents, null, 0);
    if (walker.duplicates.length > 0) {
      const dups = walker.duplicates.map(([s, e]) => ({ message: describeYamlError('DUPLICATE_KEY', ''), range: lines.range(s, e) }));
      return { index, value: undefined, syntax: dups, shape: [], start, locate };
    }
    const shape = found.map(({ offset, ...p }) => (offset === undefined ? p : { ...p, range: lines.range(offset, offset) }));
    return { index, value, syntax, shape, start, locate };
  } catch (error) {
    if (error instanceof LimitExceeded) {
      const r = lines.range(error.offset, error.offset);
      return { index, value: undefined, syntax: [{ message: error.message, range: r, refusal: true }], shape: [], start, locate };
    }
    if (error instanceof RangeError) {
      // Stack exhaustion on pathological nesting that slipped past the depth pre-check.
      return { index, value: undefined, syntax: [{ message: `the document is nested too deeply to read`, range: start, refusal: true }], shape: [], start, locate };
    }
    throw error;
  }
}

/** Plain-English wording for the parser's error codes. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: a mapping may hold each key once (the later one would silently win)';
    case 'TAG_RESOLVE_FAILED':
      return `${first.replace(/^Unresolved tag/, 'unknown tag')}; tags are not supported in service definitions (remove it)`;
    case 'BAD_INDENT':
      return `bad indentation: ${first}`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line (is a colon or quote missing on the line above?)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a nested block cannot be used as a key (is a colon missing?)';
    default:
      return first.charAt(0).toLowerCase() + first.slice(1);
  }
}
