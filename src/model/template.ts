// Unrendered templates: scaffolder skeletons (`${{ values.name | dump }}`), cookiecutter and
// Jinja/Nunjucks (`{{ cookiecutter.name }}`, `{%- if %}`), Helm (`{{ .Values.x }}`). They hold
// the shape of a definition, not a definition: linted, a skeleton would be a service named
// `${{ values.name | dump }}`, or a page of syntax errors. Such files are skipped in a walk and
// named explicitly they get one `input-skipped` finding that says why.
import { joinPointer } from '../load/pointer.js';

/** Any template expression or statement; not a CloudFormation dynamic reference (`{{resolve:ssm:…}}`), which is a value. */
const MARK = /\$\{\{|\{\{(?!resolve:)|\{%/;

/**
 * Marks that say "template" wherever they are: a scaffolder expression, a template statement, or
 * an expression over a template engine's inputs. A lone `{{` in a description is not enough.
 */
const STRONG = /\$\{\{|\{%-?\s|\{\{-?\s*\.?(?:values|parameters|cookiecutter|Values|Release|Chart|Capabilities|user|steps)\b/;

/** The fields that name an entity: a template of a definition leaves them to be filled in. */
const IDENTITY = ['/apiVersion', '/kind', '/metadata/name', '/metadata/namespace', '/metadata/owner', '/spec/type', '/spec/owner', '/spec/lifecycle', '/spec/system'];

/** Whether a text holds any template mark (a cheap test before walking its documents). */
export function mayBeTemplate(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

export interface TemplateMark {
  /** Where the template shows: a pointer into the document. */
  pointer: string;
  /** The text that shows it (cut short). */
  text: string;
}

/** Whether a parsed document is an unrendered template, and where that shows. */
export function templateMark(value: unknown): TemplateMark | undefined {
  for (const pointer of IDENTITY) {
    const v = fieldAt(value, pointer);
    if (typeof v === 'string' && MARK.test(v)) return { pointer, text: cut(v) };
  }
  return strongMark(value, '', 0);
}

function fieldAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const seg of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Depth-first, keys included; bounded like the walker, by the document's own depth. */
function strongMark(value: unknown, pointer: string, depth: number): TemplateMark | undefined {
  if (typeof value === 'string') return STRONG.test(value) ? { pointer, text: cut(value) } : undefined;
  if (value === null || typeof value !== 'object' || depth > 256) return undefined;
  // A list's entries are its items, keyed by index: no key of a list is a mark.
  for (const [k, v] of Object.entries(value)) {
    const at = joinPointer(pointer, k);
    if (STRONG.test(k)) return { pointer: at, text: cut(k) };
    const m = strongMark(v, at, depth + 1);
    if (m) return m;
  }
  return undefined;
}

const cut = (s: string): string => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** Where the first template mark of a text that cannot be parsed is (an offset), and its line, cut short. */
export function templateLine(text: string): { offset: number; text: string } | undefined {
  const m = MARK.exec(text);
  if (!m) return undefined;
  const start = text.lastIndexOf('\n', m.index) + 1;
  const end = text.indexOf('\n', m.index);
  return { offset: m.index, text: cut(text.slice(start, end === -1 ? undefined : end).trim()) };
}

/** A path one of whose folders or its name is a template (`{{cookiecutter.name}}/catalog-info.yaml`). */
export function templatedPath(file: string): boolean {
  return file.split(/[\\/]/).some((segment) => MARK.test(segment));
}
