// The functions a policy check may apply to a field (docs/policies.md): what options each takes,
// what it requires in words, and whether a field's value meets it. Data in, verdict out: nothing a
// policy holds is ever run as code, and patterns run in linear time (regex.ts).
import { joinPointer } from '../load/pointer.js';
import { formatDay, parseDay, parseDuration, parsePercent } from '../model/units.js';
import { listWords, quote } from '../rules/types.js';
import { compileRegex, type SafeRegex } from './regex.js';

/** A field as a check sees it: absent, present but unusable (a placeholder, or reported by `schema`), or a value. */
export type FieldState = { kind: 'missing' } | { kind: 'unusable'; value: unknown } | { kind: 'value'; value: unknown };

export interface OptionProblem {
  /** Relative to the check's `options` ('' for the options themselves). */
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

/** A compiled check: given the field, what is wrong with it (a phrase after the service's name), or undefined. */
export type Evaluator = (field: FieldState, today: number) => string | undefined;

interface PolicyFunction {
  /** Option names, and whether each is required (for `pattern`: one of match and notMatch). */
  options: readonly string[];
  /** Problems beyond unknown option names. */
  check(options: Record<string, unknown>): OptionProblem[];
  /** What the check requires, after the field's path: "is at most 1h". */
  describe(options: Record<string, unknown>): string;
  /** The evaluator, for options that passed `check`; `path` names the field in messages (`continuity.rto`). */
  compile(options: Record<string, unknown>, path: string): Evaluator;
}

type Limit = { kind: 'number'; value: number; text: string } | { kind: 'duration'; value: number; text: string } | { kind: 'date'; value: number; text: string };

/** A min/max limit: a number or percentage, a duration with a unit, or a date; the field is read the same way. */
function parseLimit(v: unknown): Limit | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v, text: String(v) };
  if (typeof v !== 'string') return undefined;
  const seconds = parseDuration(v);
  if (seconds !== undefined) return { kind: 'duration', value: seconds, text: v };
  const day = parseDay(v);
  if (day !== undefined) return { kind: 'date', value: day, text: v };
  const percent = parsePercent(v) ?? (/^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : undefined);
  if (percent !== undefined) return { kind: 'number', value: percent, text: v.trim() };
  return undefined;
}

const READ: Record<Limit['kind'], { parse: (v: unknown) => number | undefined; what: string }> = {
  number: { parse: parsePercent, what: 'a number' },
  duration: { parse: parseDuration, what: 'a duration such as 45m' },
  date: { parse: parseDay, what: 'a date written YYYY-MM-DD' },
};

const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/** A value from a file, for a message: quoted text, a number, a list of them. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (isScalar(value)) return String(value);
  if (Array.isArray(value)) return value.length <= 8 && value.every(isScalar) ? `[${value.map((v) => String(v)).join(', ')}]` : 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return 'nothing';
}

/** The failure of any function but `absent` when the field is not there to judge. */
function lacking(field: FieldState, path: string): string | undefined {
  if (field.kind === 'missing') return `has no ${path}`;
  if (field.kind === 'unusable') return `has no usable ${path} (${shown(field.value)})`;
  return undefined;
}

const problem = (pointer: string, message: string, at: 'key' | 'value' = 'value'): OptionProblem => ({ pointer, at, message });

/** `values` as a list: one value written alone is a list of one. */
const listOf = (v: unknown): unknown => (v === undefined || Array.isArray(v) ? v : [v]);

/** A whole number of days, written as a number or as digits. */
const wholeDays = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

function stringList(options: Record<string, unknown>, name: string, fn: string, scalars: boolean): OptionProblem[] {
  const v = listOf(options[name]);
  const what = scalars ? 'text, numbers or true/false' : 'text';
  if (!Array.isArray(v) || v.length === 0) return [problem(`/${name}`, `${fn} needs options.${name}: a non-empty list of ${what}`)];
  const bad = v.findIndex((x) => (scalars ? !isScalar(x) : typeof x !== 'string' || x.trim() === ''));
  return bad === -1 ? [] : [problem(`/${name}/${bad}`, `options.${name}[${bad}] of ${fn} must be ${scalars ? 'text, a number or true/false' : 'non-empty text'} (got ${shown(v[bad])})`)];
}

function limitFunction(name: 'min' | 'max'): PolicyFunction {
  const word = name === 'min' ? 'at least' : 'at most';
  return {
    options: ['value'],
    check: (o) =>
      parseLimit(o.value) !== undefined
        ? []
        : [problem(o.value === undefined ? '' : '/value', `${name} needs options.value: a number, a percentage ("99.9%"), a duration with a unit ("1h", "PT4H") or a date (YYYY-MM-DD)${o.value === undefined ? '' : ` (got ${shown(o.value)})`}`)],
    describe: (o) => `is ${word} ${(parseLimit(o.value) as Limit).text}`,
    compile(o, path) {
      const limit = parseLimit(o.value) as Limit;
      const read = READ[limit.kind];
      return (field) => {
        const lack = lacking(field, path);
        if (lack !== undefined) return lack;
        const value = (field as { value: unknown }).value;
        const n = read.parse(value);
        if (n === undefined) return `has ${path} ${shown(value)}, which is not ${read.what} to compare with ${limit.text}`;
        // Equal to the limit meets it, as with the tier policy.
        if (name === 'min' ? n >= limit.value : n <= limit.value) return undefined;
        return `has ${path} ${shown(value)}, ${name === 'min' ? 'below the minimum' : 'above the maximum'} of ${limit.text}`;
      };
    },
  };
}

function patternCheck(o: Record<string, unknown>): OptionProblem[] {
  if (o.match === undefined && o.notMatch === undefined) return [problem('', 'pattern needs options.match or options.notMatch: a regular expression')];
  const out: OptionProblem[] = [];
  for (const k of ['match', 'notMatch'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') {
      out.push(problem(`/${k}`, `options.${k} of pattern must be a regular expression written as text (got ${shown(v)})`));
      continue;
    }
    const re = compileRegex(v);
    if (typeof re === 'string') out.push(problem(`/${k}`, `options.${k} ${quote(v)} ${re}`));
  }
  return out;
}

export const FUNCTIONS: Readonly<Record<string, PolicyFunction>> = {
  present: {
    options: [],
    check: () => [],
    describe: () => 'is present',
    compile: (_o, path) => (field) => lacking(field, path),
  },
  absent: {
    options: [],
    check: () => [],
    describe: () => 'is absent',
    compile: (_o, path) => (field) => (field.kind === 'value' ? `sets ${path} to ${shown(field.value)}, which must be absent` : undefined),
  },
  pattern: {
    options: ['match', 'notMatch'],
    check: patternCheck,
    describe: (o) => listWords([...(typeof o.match === 'string' ? [`matches ${o.match}`] : []), ...(typeof o.notMatch === 'string' ? [`does not match ${o.notMatch}`] : [])]),
    compile(o, path) {
      const match = typeof o.match === 'string' ? (compileRegex(o.match) as SafeRegex) : undefined;
      const notMatch = typeof o.notMatch === 'string' ? (compileRegex(o.notMatch) as SafeRegex) : undefined;
      return (field) => {
        const lack = lacking(field, path);
        if (lack !== undefined) return lack;
        const value = (field as { value: unknown }).value;
        if (!isScalar(value)) return `has ${path} ${shown(value)}, which is not text to match`;
        const text = String(value);
        if (match && !match.test(text)) return `has ${path} ${shown(value)}, which does not match ${match.source}`;
        if (notMatch?.test(text)) return `has ${path} ${shown(value)}, which matches ${notMatch.source}`;
        return undefined;
      };
    },
  },
  enum: {
    options: ['values'],
    check: (o) => stringList(o, 'values', 'enum', true),
    describe: (o) => `is one of ${(listOf(o.values) as unknown[]).map(String).join(', ')}`,
    compile(o, path) {
      const allowed = new Set((listOf(o.values) as unknown[]).map(String));
      const list = [...allowed].join(', ');
      return (field) => {
        const lack = lacking(field, path);
        if (lack !== undefined) return lack;
        const value = (field as { value: unknown }).value;
        // A list meets it when every item does (dataTypes: [pii] against [pii, none]).
        const items = Array.isArray(value) ? value : [value];
        const bad = items.filter((v) => !isScalar(v) || !allowed.has(String(v)));
        if (bad.length === 0) return undefined;
        // A list of thousands names a few: a message stays a sentence.
        const named = bad.length > 5 ? [...bad.slice(0, 5).map(shown), `${bad.length - 5} more`] : bad.map(shown);
        return Array.isArray(value) ? `has ${listWords(named)} in ${path}, not one of ${list}` : `has ${path} ${shown(value)}, not one of ${list}`;
      };
    },
  },
  min: limitFunction('min'),
  max: limitFunction('max'),
  includes: {
    options: ['values'],
    check: (o) => stringList(o, 'values', 'includes', false),
    describe: (o) => `includes ${listWords((listOf(o.values) as string[]).map(String))}`,
    compile(o, path) {
      const wanted = listOf(o.values) as string[];
      // Case-insensitively, as security controls are compared (security-controls-insufficient).
      const norm = (s: string): string => s.trim().toLowerCase();
      return (field) => {
        const lack = lacking(field, path);
        if (lack !== undefined) return lack;
        const value = (field as { value: unknown }).value;
        const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
        if (items === undefined) return `has ${path} ${shown(value)}, which is not a list`;
        const have = new Set(items.filter((x): x is string => typeof x === 'string').map(norm));
        const absent = wanted.filter((w) => !have.has(norm(w)));
        return absent.length === 0 ? undefined : `does not list ${listWords(absent)} in ${path}`;
      };
    },
  },
  maxAgeDays: {
    options: ['value'],
    check: (o) =>
      wholeDays(o.value) !== undefined
        ? []
        : [problem(o.value === undefined ? '' : '/value', `maxAgeDays needs options.value: a whole number of days, 0 or more${o.value === undefined ? '' : ` (got ${shown(o.value)})`}`)],
    describe: (o) => `is a date at most ${String(wholeDays(o.value))} days old`,
    compile(o, path) {
      const max = wholeDays(o.value) as number;
      return (field, today) => {
        const lack = lacking(field, path);
        if (lack !== undefined) return lack;
        const value = (field as { value: unknown }).value;
        const day = parseDay(value);
        if (day === undefined) return `has ${path} ${shown(value)}, which is not a date written YYYY-MM-DD`;
        const age = today - day;
        return age <= max ? undefined : `has ${path} ${formatDay(day)}, ${age} days before today: older than the ${max} days allowed`;
      };
    },
  },
};

export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

/** Problems with a check's options: names the function does not take, then the function's own checks. */
export function checkOptions(fn: string, options: unknown): OptionProblem[] {
  const f = FUNCTIONS[fn];
  if (!f) return [];
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return [problem('', `options of ${fn} must be a mapping`)];
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !f.options.includes(k));
  if (unknown.length > 0) {
    const takes = f.options.length === 0 ? `${fn} takes no options` : `${fn} takes ${listWords(f.options.map((n) => `options.${n}`))}`;
    return unknown.map((k) => problem(joinPointer('', k), `options.${k} is not an option of ${fn}: ${takes}`, 'key'));
  }
  return f.check(o);
}
