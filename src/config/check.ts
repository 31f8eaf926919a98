// Is a config what the schema and the rule registry allow? Problems come back as pointers, which
// the loader places at their line in the config file.
import { joinPointer, pointerToPath } from '../load/pointer.js';
import { RULES_BY_ID } from '../rules/index.js';
import { didYouMean } from '../schema/suggest.js';
import { validateAgainst } from '../schema/validate.js';

/** `unknown rule "x"; did you mean "y"? Supported rules are: …`: one wording for the config, --rule and explain. */
export function unknownRule(id: string, ids: readonly string[] = [...RULES_BY_ID.keys()]): string {
  const hint = didYouMean(id, ids);
  return `unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : '.'} Supported rules are: ${ids.join(', ')}`;
}

export interface ConfigProblem {
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

/** Schema problems, then rule ids the registry does not know. */
export function checkConfig(value: unknown): ConfigProblem[] {
  const problems = schemaProblems(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return problems;
  return [...problems, ...unknownRules(value, [...RULES_BY_ID.keys()], problems)];
}

/** What the config schema says of a config (or preset) file. */
export function schemaProblems(value: unknown): ConfigProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ pointer: '', at: 'value', message: 'the config must be a mapping of keys such as extends, rules and overrides' }];
  }
  return (
    validateAgainst('config.schema.json', value, 'config')
      // The schema lists the built-in rule ids (for editors); which ids exist is unknownRules' to say,
      // with the policies in effect and a better message.
      .filter((p) => !(p.at === 'key' && RULE_KEY.test(p.pointer)))
      .map((p) => ({
        pointer: p.pointer,
        at: p.at,
        message: p.pointer === '/limits/maxFileSize' ? sizeMessage(value) : p.message.replace(/^config: /, ''),
      }))
  );
}

/** A key of `rules` or of an override's `rules`: a rule id. */
const RULE_KEY = /^(?:\/overrides\/\d+)?\/rules\/[^/]+$/;

/** Rule ids in `rules` and `overrides` that are not in `known` (the built-in rules and the policies in effect). */
export function unknownRules(value: unknown, known: readonly string[], already: readonly ConfigProblem[] = []): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = new Set(known);
  const c = (value ?? {}) as { rules?: unknown; overrides?: unknown };
  const checkRules = (rules: unknown, pointer: string): void => {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return;
    for (const id of Object.keys(rules)) {
      if (ids.has(id)) continue;
      const at = joinPointer(pointer, id);
      if (already.some((p) => p.pointer === at)) continue;
      problems.push({ pointer: at, at: 'key', message: `${pointerToPath(pointer)}: ${unknownRule(id, known)}` });
    }
  };
  checkRules(c.rules, '/rules');
  if (Array.isArray(c.overrides)) c.overrides.forEach((o, i) => checkRules((o as { rules?: unknown } | null)?.rules, `/overrides/${i}/rules`));
  return problems;
}

function sizeMessage(config: object): string {
  const v = (config as { limits?: { maxFileSize?: unknown } }).limits?.maxFileSize;
  return `limits.maxFileSize must be a size such as "10MiB", "512KB" or a whole number of bytes (got ${JSON.stringify(v)})`;
}
