// Sorting a file's documents before they are linted: substitutions made, each document's kind
// (service, other entity, template, broken, someone else's), and what the file tells the rest of
// the run (entities it defines, Locations to follow, template skeletons).
import { dirname, resolve } from 'node:path';
import type { Finding } from '../types.js';
import type { FileRef, ParsedDocument } from '../load/document.js';
import { offsetRange } from '../load/locate.js';
import { repositoryRoot } from '../load/repository.js';
import { mayHoldSubstitution, substitute } from '../load/substitute.js';
import { FORMATS, recognise, type DocumentKind } from '../model/formats/index.js';
import { targetNotFollowed } from '../model/formats/backstage/entities.js';
import { mayBeTemplate, templateLine, templateMark } from '../model/template.js';
import { pointerToPath } from '../load/pointer.js';
import type { Range } from '../types.js';
import type { FileCatalog } from '../lint-types.js';
import type { FileOptions } from './lint-service.js';
import { configuredFinding } from './severity.js';

export type { FileCatalog } from '../lint-types.js';

export type SortedKind = DocumentKind | 'broken' | 'template';

/** Where a file shows it is an unrendered template, for the one finding that says so. */
export interface TemplateSign {
  range: Range;
  what: string;
}

const isOursValue = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && typeof (value as { apiVersion?: unknown }).apiVersion === 'string' && FORMATS.some((f) => f.apiVersion.test((value as { apiVersion: string }).apiVersion));

/** The documents with their `$yaml`/`$json`/`$text` substitutions made: only ours, only when the text may hold one. */
export function withSubstitutions(docs: ParsedDocument[], text: string, ref: FileRef, options: FileOptions): ParsedDocument[] {
  if (!mayHoldSubstitution(text)) return docs;
  let root: string | undefined;
  return docs.map((d) => {
    if (d.syntax.length > 0 || !isOursValue(d.value)) return d;
    root ??= repositoryRoot(ref.path, options.cwd);
    // Stryker disable next-line StringLiteral: resolve() takes '' for the working directory, as it takes '.'.
    return substitute(d, { path: resolve(options.cwd ?? '.', ref.path), file: ref.file, root, limits: options.config.limits });
  });
}

/** Each document's kind, what the file tells the run, its first template sign, and findings about Location targets not followed. */
export function sortDocuments(docs: ParsedDocument[], text: string, ref: FileRef, options: FileOptions): { kinds: SortedKind[]; facts: Omit<FileCatalog, 'explicit'>; template?: TemplateSign; findings: Finding[] } {
  const facts: Omit<FileCatalog, 'explicit'> = { entities: [], locations: [], skeletons: [] };
  const findings: Finding[] = [];
  let template: TemplateSign | undefined;
  // Most files hold no template mark at all: one look at the text spares a walk of every value.
  const marked = mayBeTemplate(text);
  const kinds = docs.map((doc): SortedKind => {
    if (doc.syntax.length > 0) return 'broken';
    const kind = recognise(doc.value, options.config);
    if (kind.kind !== 'service' && kind.kind !== 'other') return kind;
    const f = kind.format.facts?.(doc.value);
    if (marked && !f?.template) {
      const mark = templateMark(doc.value);
      if (mark) {
        template ??= { range: doc.locate(mark.pointer), what: `${pointerToPath(mark.pointer)} is ${JSON.stringify(mark.text)}` };
        return 'template';
      }
      // `name: {{ cookiecutter.name }}` reads as a mapping whose key is a mapping: the line shows what it is.
      const braces = doc.shape.find((p) => p.range !== undefined && templateLine(lineAt(text, p.range.line)) !== undefined);
      if (braces?.range) {
        template ??= { range: braces.range, what: `it holds ${JSON.stringify(lineAt(text, braces.range.line).trim())}` };
        return 'template';
      }
    }
    if (!f) return kind;
    if (f.key !== undefined && kind.kind === 'other') facts.entities.push(f.key);
    // Stryker disable next-line StringLiteral: resolve() takes '' for the working directory, as it takes '.'.
    for (const s of f.skeletons) if (!/^[a-z][a-z0-9+.-]+:/i.test(s)) facts.skeletons.push(resolve(options.cwd ?? '.', dirname(ref.path), s));
    for (const t of f.locations) {
      const why = targetNotFollowed(t);
      const range = doc.locate(t.pointer);
      if (why === undefined) facts.locations.push({ target: t.target, pointer: t.pointer, document: doc.index, range });
      else if (ref.explicit) findings.push(targetFinding(ref.file, t.target, why, t.pointer, doc.index, range, options));
    }
    return kind;
  });
  return template ? { kinds, facts, template, findings } : { kinds, facts, findings };
}

/** The text of a line (1-based). */
function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line && start !== -1; i++) start = text.indexOf('\n', start) + 1 || -1;
  if (start === -1) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}

/** `input-skipped` for a Location target that is not followed. */
export function targetFinding(file: string, target: string, why: string, pointer: string, document: number, range: Range, options: FileOptions): Finding {
  const message = `the Location target ${JSON.stringify(target)} is not followed: ${why}.`;
  return configuredFinding({ ruleId: 'input-skipped', message, file, range, service: null, area: null, pointer, document }, null, options.config);
}

/** The first template mark of a text that cannot be parsed. */
export function textTemplate(text: string): TemplateSign | undefined {
  const t = templateLine(text);
  return t ? { range: offsetRange(text, t.offset), what: `it holds ${JSON.stringify(t.text)}` } : undefined;
}

/** The one finding of an unrendered template named explicitly. */
export function templateFinding(ref: FileRef, sign: TemplateSign, options: FileOptions): Finding {
  const message = `${ref.file} is not linted: it is an unrendered template (${sign.what}); lint what it renders.`;
  return configuredFinding({ ruleId: 'input-skipped', message, file: ref.file, range: sign.range, service: null, area: null, pointer: null, document: null }, null, options.config);
}
